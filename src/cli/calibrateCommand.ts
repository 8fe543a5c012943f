// `sufficiency calibrate <snapshot.json>` or `calibrate --ssda903 DIR`: build a scenario from an
// aggregate snapshot, or from the authority's own SSDA903 returns, and fit it so the first
// simulated 31 March reproduces the data. Exit 0 on a fit (scenario written), 2 on invalid input,
// 3 when it cannot fit (nothing written either way).
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { E } from '../domain/fp.js';
import { decodeSnapshot } from '../calibrate/decodeSnapshot.js';
import { defaultFitRuns, fitProcess } from '../calibrate/fit.js';
import { fitTableLines } from '../calibrate/fitTable.js';
import { inputsFromSnapshot } from '../calibrate/inputs.js';
import { filesUnder } from '../io/inputFiles.js';
import { fitOnWorkers } from './forecastPool.js';
import { planOrFail, wroteLine, writeOrFail } from './outputs.js';
import { progressBar, progressWanted, readWithProgress } from './progress.js';
import { loadGazetteer } from '../io/geography.js';
import { readJsonFile } from '../io/readJson.js';
import { EXIT_INVALID, UserError, orFail, wholeNumber } from './userError.js';
import { estimateFromReturns } from '../calibrate/ssda903/estimateFrom903.js';
import { publishQuality, type PublishedQuality } from '../calibrate/ssda903/publish.js';
import { qualityLines } from '../calibrate/ssda903/report.js';
import { qualityCsv, QUALITY_FILE } from '../io/qualityCsv.js';
import { dirname, join } from 'node:path';
import { calibrationInputsFrom903 } from '../calibrate/ssda903/toCalibrationInputs.js';
import { read903Directory } from '../io/ssda903Files.js';
import type { CalibrationInputs, CalibrationProblem } from '../calibrate/inputs.js';
import type { Gazetteer } from '../domain/geography.js';
import type { Measure } from '../calibrate/measures.js';
import { SUPPRESSED, suppressCounts } from '../metrics/disclosure.js';

export const EXIT_CANNOT_FIT = 3;
export const DEFAULT_CALIBRATED_SCENARIO = 'out/calibrate/scenario.json';

interface CalibrateOptions {
  readonly out: string;
  readonly seed: number;
  readonly runs?: number;
  readonly maxIterations: number;
  readonly workers?: number;
  readonly quiet?: boolean;
  readonly force?: boolean;
  readonly ssda903?: string;
  readonly name?: string;
  readonly asAt?: string;
  readonly observedFrom?: string;
  readonly strict?: boolean;
}

const DISCLOSURE_NOTE_903 = 'Targets come from child-level SSDA903 data: an age band or placement type with 1 to 4 children is shown as c (target and achieved), and a second one with it where the total would reveal it, as published statistics do.';

/**
 * Age-band and placement-type shares from child-level data, as counts: 1–4 children are
 * suppressed, with secondary suppression within each group (the total is published).
 */
const suppressSmallShares = (measures: readonly Measure[], total: number): Measure[] => {
  const hide = new Set<string>();
  for (const prefix of ['ageBand.', 'placement.']) {
    const group = measures.filter((m) => m.id.startsWith(prefix));
    const counts = Object.fromEntries(group.map((m) => [m.id, Math.round(m.target * total)]));
    const published = suppressCounts(counts);
    for (const m of group) if (published.counts[m.id] === SUPPRESSED) hide.add(m.id);
  }
  return measures.map((m) => (hide.has(m.id) ? { ...m, suppressed: true } : m));
};

const DISCLOSURE_NOTE = 'Targets are the snapshot\'s own (published, aggregate) figures and "achieved" are model means: no child-level data is read, so small-number suppression does not apply here.';

export const registerCalibrate = (program: Command, out: (s: string) => void): void => {
  program
    .command('calibrate')
    .description('Build a scenario from an aggregate snapshot (published figures) and fit it until the first simulated 31 March reproduces them.')
    .argument('[snapshot]', 'snapshot JSON file (format: docs/calibration.md)')
    .option('--ssda903 <dir>', 'calibrate from SSDA903 Header, Episodes (and UASC) files (CSV or .xlsx) in this folder instead of a snapshot')
    .option('--name <text>', 'with --ssda903: the authority\'s name for the scenario', 'Authority from SSDA903')
    .option('--as-at <date>', 'with --ssda903: the snapshot date (default: the 31 March ending the latest year in the data)')
    .option('--observed-from <date>', 'with --ssda903: first day whose flows are complete (default: 1 April of the earliest year with an ended episode)')
    .option('--strict', 'with --ssda903: refuse the data on any fault (exit 2 naming file, line and column) instead of cleaning it and reporting what was done')
    .option('--out <file>', 'scenario file to write (with --ssda903, the data-quality report quality.csv goes beside it)', DEFAULT_CALIBRATED_SCENARIO)
    .option('--seed <s>', 'random seed of the fitting forecasts (the fit is deterministic for a seed)', wholeNumber('--seed', 0, 2 ** 31), 1)
    .option('--runs <n>', 'replications per fitting forecast (default: 100, fewer above 500 children in care, at least 30)', wholeNumber('--runs', 20, 100_000))
    .option('--max-iterations <n>', 'most fitting forecasts before giving up', wholeNumber('--max-iterations', 1, 1000), 30)
    .option('--workers <w>', 'worker threads for the fitting forecasts (default: the number of CPU cores; the fit is identical for any number)', wholeNumber('--workers', 1, 256))
    .option('--quiet', 'print nothing but errors')
    .option('--force', 'replace an existing --out file that sufficiency did not write (never an input)')
    .action(async (fileArg: string | undefined, o: CalibrateOptions) => {
      if ((fileArg === undefined) === (o.ssda903 === undefined)) {
        throw new UserError(['calibrate: expected a snapshot file or --ssda903 DIR (one of them), found ' + (fileArg === undefined ? 'neither' : 'both')]);
      }
      const qualityPath = fileArg === undefined && o.strict !== true ? join(dirname(o.out), QUALITY_FILE) : undefined;
      const plan = planOrFail([o.out, ...(qualityPath === undefined ? [] : [qualityPath])], fileArg !== undefined ? [fileArg] : filesUnder(o.ssda903!), o.force);
      const gazetteer = orFail(E.mapLeft((m: string) => [m])(loadGazetteer()));
      const source = fileArg ?? o.ssda903!;
      let inputs: E.Either<CalibrationProblem, CalibrationInputs>;
      let label: { name: string; asAt: string; childrenInCare: number };
      let quality: PublishedQuality | undefined;
      if (fileArg !== undefined) {
        const snapshot = orFail(E.chain((json: unknown) => decodeSnapshot(json, fileArg))(readJsonFile(fileArg)));
        if (!o.quiet) for (const w of snapshot.warnings) process.stderr.write(`warning: ${w}\n`);
        inputs = inputsFromSnapshot(snapshot, gazetteer, fileArg);
        label = { name: snapshot.name, asAt: snapshot.asAt, childrenInCare: snapshot.childrenInCare };
      } else {
        ({ inputs, label, quality } = await from903(o.ssda903!, gazetteer, o));
      }
      const file = source;
      const snapshot = label;
      const childLevel = fileArg === undefined;
      if (E.isLeft(inputs)) {
        throw new UserError(inputs.left.kind === 'invalid' ? inputs.left.lines : ['cannot fit:', ...inputs.left.lines], inputs.left.kind === 'invalid' ? EXIT_INVALID : EXIT_CANNOT_FIT);
      }
      const runs = o.runs ?? defaultFitRuns(snapshot.childrenInCare);
      // The fit stops as soon as every measure is within tolerance: the bar counts up to the most it may take.
      const bar = progressBar(progressWanted(o), 'Fitting', 'fitting forecasts (stops when it fits)');
      bar.update(0, o.maxIterations);
      const fitted = await fitOnWorkers(
        fitProcess(inputs.right, gazetteer, { seed: o.seed, runs, maxIterations: o.maxIterations, onIteration: (i) => bar.update(i, o.maxIterations) }),
        o.workers ?? availableParallelism(),
      );
      bar.stop();
      if (E.isLeft(fitted)) {
        const f = fitted.left;
        if (f.kind === 'invalid') throw new UserError(f.lines);
        throw new UserError([...f.lines, '', ...fitTableLines(f.measures ?? []), '', 'Nothing written. Check the snapshot\'s figures (an age mix and starts that cannot hold together, or a placement type the age mix cannot supply), or allow more fitting forecasts with --max-iterations.'], EXIT_CANNOT_FIT);
      }
      const r = fitted.right;
      const written = [o.out, ...(qualityPath === undefined || quality === undefined ? [] : [qualityPath])];
      writeOrFail(plan, [
        { path: o.out, content: `${JSON.stringify(r.scenario, null, 2)}\n` },
        ...(qualityPath === undefined || quality === undefined ? [] : [{ path: qualityPath, content: qualityCsv(quality) }]),
      ]);
      if (o.quiet) return;
      const y = r.evaluation;
      out([
        `${snapshot.name}: calibrated from ${file} (as at ${snapshot.asAt}); the scenario starts ${inputs.right.startDate}.`,
        `Fit at ${y.yearEnd}${y.simulatedDays < y.yearDays ? ` (${y.simulatedDays} simulated days; starts annualised)` : ''}: mean of ${runs} replications, seed ${o.seed}, best of ${r.iterations} fitting forecasts.`,
        ...(inputs.right.area.generic ? [`No homeZones given: laid out on ${inputs.right.area.description}.`] : []),
        '',
        ...fitTableLines(childLevel ? suppressSmallShares(r.measures, label.childrenInCare) : r.measures),
        '',
        childLevel ? DISCLOSURE_NOTE_903 : DISCLOSURE_NOTE,
        ...(quality === undefined ? [] : ['', ...qualityLines(quality, 8, qualityPath)]),
        wroteLine(written),
      ].join('\n') + '\n');
    });
};

/** The 903 path: read and validate the files, clean and estimate, then the same fitting inputs. */
const from903 = async (dir: string, g: Gazetteer, o: CalibrateOptions): Promise<{
  inputs: E.Either<CalibrationProblem, CalibrationInputs>; label: { name: string; asAt: string; childrenInCare: number }; quality: PublishedQuality | undefined;
}> => {
  const read = orFail(await readWithProgress(o, (progress) => read903Directory(dir, { progress, lenient: o.strict !== true })));
  const est = orFail(estimateFromReturns(read.returns, g, {
    ...(o.asAt === undefined ? {} : { asAt: o.asAt }), ...(o.observedFrom === undefined ? {} : { observedFrom: o.observedFrom }),
  }));
  return {
    inputs: calibrationInputsFrom903(est, g, o.name ?? 'Authority from SSDA903', dir),
    label: { name: o.name ?? 'Authority from SSDA903', asAt: est.asAt, childrenInCare: est.population.total },
    quality: est.quality === undefined ? undefined : publishQuality(est.quality),
  };
};
