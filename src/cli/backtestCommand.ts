// `sufficiency backtest --ssda903 DIR --rewind 1`: calibrate on the data up to `rewind` years
// before the last snapshot, forecast those years, and set the forecast against what happened.
// Users trust a model they have seen predict their own past.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { E, pipe } from '../domain/fp.js';
import { Scenario } from '../domain/scenario.js';
import { epochDayOf, financialYearsFrom, isoDateOfEpochDay } from '../domain/time.js';
import { PLACEMENT_TYPES } from '../domain/vocabulary.js';
import { defaultFitRuns, fitProcess } from '../calibrate/fit.js';
import { asAtDay } from '../calibrate/ssda903/asAtDay.js';
import { estimateFromReturns } from '../calibrate/ssda903/estimateFrom903.js';
import { publishQuality } from '../calibrate/ssda903/publish.js';
import { qualityLines } from '../calibrate/ssda903/report.js';
import { qualityCsv, QUALITY_FILE } from '../io/qualityCsv.js';
import { calibrationInputsFrom903 } from '../calibrate/ssda903/toCalibrationInputs.js';
import { loadGazetteer } from '../io/geography.js';
import { read903Directory } from '../io/ssda903Files.js';
import { metricIndex } from '../domain/metricCatalog.js';
import { SUPPRESSED, suppressCounts } from '../metrics/disclosure.js';
import { statsOf } from '../metrics/summary.js';
import { decodeWith } from '../scenario/decodeErrors.js';
import { resolveScenario } from '../scenario/resolve.js';
import { EXIT_CANNOT_FIT } from './calibrateCommand.js';
import { toCsv } from '../io/csv.js';
import { filesUnder } from '../io/inputFiles.js';
import { outputPath } from '../io/outputDir.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { planOrFail, wroteLine, writeOrFail } from './outputs.js';
import { progressBar, progressWanted, readWithProgress } from './progress.js';
import { UserError, orFail, wholeNumber } from './userError.js';
import { fitOnWorkers } from './forecastPool.js';
import { runColumns } from './workers.js';

interface BacktestOptions { ssda903: string; rewind: number; runs: number; seed: number; workers?: number; maxIterations: number; observedFrom?: string; out: string; force?: boolean; strict?: boolean }

const LABEL: Readonly<Record<string, string>> = {
  connected: 'connected carers', inHouseFoster: 'in-house foster', ifa: 'IFA foster', residentialInHouse: 'residential (in-house)',
  residentialPrivate: 'residential (private)', supported: 'supported accommodation', parentAndChild: 'parent and child',
  placedWithParents: 'placed with parents', adoption: 'placed for adoption', secure: 'secure', other: 'other',
};

export const registerBacktest = (program: Command, out: (s: string) => void): void => {
  program
    .command('backtest')
    .description('Calibrate on SSDA903 data up to N years before the last snapshot, forecast those years, and compare with what happened.')
    .requiredOption('--ssda903 <dir>', 'folder of SSDA903 Header, Episodes (and UASC) files, CSV or .xlsx')
    .option('--rewind <years>', 'years to go back', wholeNumber('--rewind', 1, 10), 1)
    .option('--runs <n>', 'replications of the forecast', wholeNumber('--runs', 20, 100_000), 500)
    .option('--seed <s>', 'random seed (fitting and forecast)', wholeNumber('--seed', 0, 2 ** 31), 1)
    .option('--workers <w>', 'worker threads (default: the number of CPU cores)', wholeNumber('--workers', 1, 256))
    .option('--max-iterations <n>', 'most fitting forecasts', wholeNumber('--max-iterations', 1, 1000), 30)
    .option('--observed-from <date>', 'first day whose flows are complete in the data (default: 1 April of the earliest year with an ended episode)')
    .option('--out <dir>', 'folder for backtest.json, backtest.csv and the fitted scenario.json, for the audit trail (created if needed; other files in it are left as they are)', 'out/backtest')
    .option('--strict', 'refuse the data on any fault (exit 2 naming file, line and column) instead of cleaning it and reporting what was done')
    .option('--force', 'replace existing output files that sufficiency did not write (never an input)')
    .action(async (o: BacktestOptions) => {
      const outputs = ['backtest.json', 'backtest.csv', 'scenario.json', ...(o.strict === true ? [] : [QUALITY_FILE])].map((n) => outputPath(o.out, n));
      const plan = planOrFail(outputs, filesUnder(o.ssda903), o.force);
      const g = orFail(E.mapLeft((m: string) => [m])(loadGazetteer()));
      const read = orFail(await readWithProgress({}, (progress) => read903Directory(o.ssda903, { progress, lenient: o.strict !== true })));
      const now = orFail(estimateFromReturns(read.returns, g));
      const quality = now.quality === undefined ? undefined : publishQuality(now.quality);
      const asAt = epochDayOf(now.asAt);
      const cutIso = `${Number(now.asAt.slice(0, 4)) - o.rewind}-03-31`;
      const cut = epochDayOf(cutIso);
      // What happened: the census at the last snapshot and the starts after the cut.
      const flows = orFail(estimateFromReturns(read.returns, g, { asAt: now.asAt, observedFrom: isoDateOfEpochDay(cut + 1) }));
      // What was known at the cut: calibrate on it.
      const past = estimateFromReturns(asAtDay(read.returns, cut), g, { asAt: cutIso, ...(o.observedFrom === undefined ? {} : { observedFrom: o.observedFrom }) });
      if (E.isLeft(past)) throw new UserError([`${o.ssda903}: cannot estimate from the data up to ${cutIso}:`, ...past.left]);
      const inputs = calibrationInputsFrom903(past.right, g, `Back-test of ${o.ssda903} from ${cutIso}`, o.ssda903);
      if (E.isLeft(inputs)) throw new UserError(inputs.left.lines, inputs.left.kind === 'invalid' ? 2 : EXIT_CANNOT_FIT);
      const fitBar = progressBar(progressWanted({}), 'Fitting', 'fitting forecasts (stops when it fits)');
      fitBar.update(0, o.maxIterations);
      const fitted = await fitOnWorkers(
        fitProcess(inputs.right, g, { seed: o.seed, runs: defaultFitRuns(past.right.population.total), maxIterations: o.maxIterations, onIteration: (i) => fitBar.update(i, o.maxIterations) }),
        o.workers ?? availableParallelism(),
      );
      fitBar.stop();
      if (E.isLeft(fitted)) throw new UserError(['cannot fit the data up to ' + cutIso + ':', ...fitted.left.lines], EXIT_CANNOT_FIT);
      const rs = orFail(pipe(
        decodeWith(Scenario, fitted.right.scenario, 'back-test scenario'),
        E.chain((s) => resolveScenario(s, g, { file: 'back-test scenario', years: o.rewind })),
      ));
      const years = financialYearsFrom(rs.startEpochDay, o.rewind);
      if (rs.startEpochDay + years[o.rewind - 1]!.endDay !== asAt) throw new Error('internal: back-test years do not end at the snapshot');
      const bar = progressBar(progressWanted({}), 'Forecast', 'replications');
      const { columns } = await runColumns(rs, { seed: o.seed, runs: o.runs, years: o.rewind }, o.workers ?? availableParallelism(), bar.update);
      bar.stop();
      const last = o.rewind - 1;
      const at = (key: string): Float64Array => columns.column(last, metricIndex(key));
      const startsTotal = new Float64Array(o.runs);
      for (let k = 0; k < o.rewind; k++) columns.column(k, metricIndex('starts')).forEach((x, r) => (startsTotal[r] = startsTotal[r]! + x));
      // Counts from child-level data: 1–4 are not shown (and not scored), as published statistics do.
      const byType = Object.fromEntries(PLACEMENT_TYPES.filter((p) => p !== 'unregistered').map((p) => [p, now.population.byPlacementType[p] ?? 0]));
      const published = suppressCounts(byType);
      const rows: { label: string; actual: number | 'c'; values: ArrayLike<number>; fmt: (x: number) => string }[] = [
        { label: 'Children in care', actual: now.population.total, values: at('childrenInCare'), fmt: (x) => x.toFixed(0) },
        { label: `Starts ${isoDateOfEpochDay(cut + 1)} to ${now.asAt}`, actual: flows.entries.starts, values: startsTotal, fmt: (x) => x.toFixed(0) },
        ...Object.keys(byType).filter((p) => byType[p]! > 0).map((p) => ({
          label: `  ${LABEL[p] ?? p}`, actual: published.counts[p] === SUPPRESSED ? 'c' as const : byType[p]!,
          values: at(`childrenInCareByPlacementType.${p}`), fmt: (x: number) => x.toFixed(0),
        })),
        { label: 'Placed more than 20 miles', actual: now.distance.placedOver20Miles ?? Number.NaN, values: at('placedOver20Miles'), fmt: (x) => `${(100 * x).toFixed(1)}%` },
      ];
      let inside = 0;
      let scored = 0;
      const scoredRows = rows.map((row) => {
        const s = statsOf(row.values);
        const band = s.p50 === null ? 'n/a' : `${row.fmt(s.p50)} (${row.fmt(s.p5!)}–${row.fmt(s.p95!)})`;
        const record = { measure: row.label.trim(), actual: row.actual === 'c' || Number.isNaN(row.actual) ? row.actual === 'c' ? 'c' : null : row.actual, p5: s.p5, p50: s.p50, p95: s.p95 };
        if (row.actual === 'c' || Number.isNaN(row.actual) || s.p5 === null) return { cells: [row.label, row.actual === 'c' ? 'c' : 'n/a', band, ''], record: { ...record, verdict: 'not scored' } };
        scored++;
        const ok = row.actual >= s.p5 && row.actual <= s.p95!;
        if (ok) inside++;
        const verdict = ok ? 'inside' : row.actual < s.p5 ? 'below' : 'above';
        return { cells: [row.label, row.fmt(row.actual), band, verdict], record: { ...record, verdict } };
      });
      const table = scoredRows.map((r) => r.cells);
      const records = scoredRows.map((r) => r.record);
      const json = {
        source: o.ssda903, calibratedUpTo: cutIso, actualAt: now.asAt, rewindYears: o.rewind, runs: o.runs, seed: o.seed, engineVersion: ENGINE_VERSION,
        fittingForecasts: fitted.right.iterations, scenario: { name: rs.name, file: outputs[2]! }, inside, scored, measures: records,
        ...(quality === undefined ? {} : { quality }),
      };
      writeOrFail(plan, [
        { path: outputs[0]!, content: `${JSON.stringify(json, null, 2)}\n` },
        { path: outputs[1]!, content: toCsv(['measure', `actual`, 'p5', 'p50', 'p95', 'verdict'], records.map((r) => [r.measure, r.actual ?? undefined, r.p5 ?? undefined, r.p50 ?? undefined, r.p95 ?? undefined, r.verdict])) },
        { path: outputs[2]!, content: `${JSON.stringify(fitted.right.scenario, null, 2)}\n` },
        ...(quality === undefined ? [] : [{ path: outputs[3]!, content: qualityCsv(quality) }]),
      ]);
      const header = ['measure', `actual ${now.asAt}`, 'forecast median (p5–p95)', ''];
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
      const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
      out([
        `Back-test of ${o.ssda903}: calibrated on the data up to ${cutIso} (${fitted.right.iterations} fitting forecasts), forecast ${o.rewind} year${o.rewind > 1 ? 's' : ''} to ${now.asAt} (${o.runs} replications, seed ${o.seed}).`,
        '',
        line(header),
        widths.map((w) => '-'.repeat(w)).join('  '),
        ...table.map(line),
        '',
        `${inside} of ${scored} actuals inside the forecast's 5th–95th percentile band (${scored > 0 ? Math.round((100 * inside) / scored) : 0}%; a well-calibrated forecast puts about 90% inside).`,
        'Actual counts of 1 to 4 children read c and are not scored (child-level data).',
        ...(quality === undefined ? [] : ['', ...qualityLines(quality, 8, outputs[3])]),
        wroteLine(outputs),
      ].join('\n') + '\n');
    });
};
