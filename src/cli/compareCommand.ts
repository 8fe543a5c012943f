// `sufficiency compare base.json option.json …`: every scenario on the same seeds, paired
// differences from the base, written to comparison.json and comparison.csv.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { E } from '../domain/fp.js';
import { financialYearsFrom } from '../domain/time.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { comparisonCsv, comparisonJson, comparisonTable, type ComparisonReport } from '../io/comparisonFiles.js';
import { outputPath, type OutputFile } from '../io/outputDir.js';
import { scenarioInputFiles } from '../io/inputFiles.js';
import { REPORT_FILE, commandLine, fileSlug, planOrFail, runDateNow, terminalWidth, wroteLine, writeOrFail } from './outputs.js';
import { comparisonReportHtml } from '../report/html.js';
import { scenarioAbout } from '../report/about.js';
import { readReportRuntime } from '../io/reportRuntime.js';
import { progressBar, progressWanted } from './progress.js';
import { loadScenarioFile } from '../io/scenarioFile.js';
import { compareOption } from '../metrics/compare.js';
import type { ReplicationColumns } from '../metrics/summary.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { scenarioHash } from '../scenario/hash.js';
import { UserError, orFail, runOptions } from './userError.js';
import { runColumns } from './workers.js';

interface CompareOptions { runs: number; seed: number; years?: number; workers?: number; out: string; quiet?: boolean; json?: boolean; html: boolean; xlsx: boolean; force?: boolean }

export const registerCompare = (program: Command, out: (s: string) => void): void => {
  runOptions(program
    .command('compare')
    .description('Run a base scenario and options on the same seeds and compare them (paired differences, P(better), net cost, break-even).')
    .argument('<base>', 'base scenario JSON file')
    .argument('<options...>', 'option scenario files (usually `"extends": "<base>"` plus levers)'), { minRuns: 2, out: 'out/compare', years: 'financial years (default: the base scenario\'s)' })
    .action(async (baseFile: string, optionFiles: string[], o: CompareOptions) => {
      // Load everything first: one bad file stops the run before anything is computed or written.
      const files = [baseFile, ...optionFiles];
      const loaded = files.map((f) => loadScenarioFile(f, o.years === undefined ? {} : { years: o.years }));
      const problems = loaded.flatMap((r) => (E.isLeft(r) ? r.left : []));
      if (problems.length > 0) throw new UserError(problems);
      const scenarios = loaded.map((r) => (r as E.Right<ResolvedScenario>).right);
      if (!o.quiet) for (const w of [...new Set(scenarios.flatMap((s) => s.warnings))]) process.stderr.write(`warning: ${w}\n`);
      const base = scenarios[0]!;
      const mismatched = scenarios.slice(1).map((s, i) => [s, optionFiles[i]!] as const).filter(([s]) => s.startEpochDay !== base.startEpochDay);
      if (mismatched.length > 0) {
        throw new UserError(mismatched.map(([s, f]) => `${f}: $.startDate: expected the base's start date ${base.scenario.startDate} (options are compared year by year), found ${s.scenario.startDate}`));
      }
      const workbookName = `${fileSlug(base.name)}.xlsx`;
      const outputs = ['comparison.json', 'comparison.csv', ...(o.html ? [REPORT_FILE] : []), ...(o.xlsx ? [workbookName] : [])].map((n) => outputPath(o.out, n));
      const chartRuntime = o.html ? orFail(E.mapLeft((m: string) => [m])(readReportRuntime())) : '';
      const plan = planOrFail(outputs, files.flatMap(scenarioInputFiles), o.force);
      const years = o.years ?? base.defaultYears;
      const opts = { seed: o.seed, runs: o.runs, years };
      const workers = o.workers ?? availableParallelism();
      const columns: ReplicationColumns[] = [];
      // One bar over every scenario's replications: a compare of three files is three forecasts.
      const bar = progressBar(progressWanted(o), 'Compare', 'replications');
      for (const [i, s] of scenarios.entries()) {
        columns.push((await runColumns(s, opts, workers, (done) => bar.update(i * o.runs + done, scenarios.length * o.runs))).columns);
      }
      bar.stop();
      const fys = financialYearsFrom(base.startEpochDay, years);
      const report: ComparisonReport = {
        base: { name: base.name, hash: scenarioHash(base), file: baseFile },
        seed: o.seed, runs: o.runs, engineVersion: ENGINE_VERSION, commonRandomNumbers: true,
        options: scenarios.slice(1).map((s, i) => ({
          name: s.name, hash: scenarioHash(s), file: optionFiles[i]!, comparison: compareOption(columns[0]!, columns[i + 1]!, fys),
        })),
      };
      const written: OutputFile[] = [
        { path: outputs[0]!, content: comparisonJson(report) },
        { path: outputs[1]!, content: comparisonCsv(report) },
      ];
      const runDate = runDateNow();
      if (o.html) {
        const about = {
          dateRun: runDate, command: commandLine('compare', files, o),
          scenarios: [scenarioAbout(base.scenario, baseFile), ...scenarios.slice(1).map((s, i) => scenarioAbout(s.scenario, optionFiles[i], base.scenario))],
        };
        written.push({ path: outputPath(o.out, REPORT_FILE), content: comparisonReportHtml(report, about, chartRuntime) });
      }
      if (o.xlsx) {
        // Loaded only when wanted: exceljs doubles the command's start-up time.
        const { comparisonWorkbook, workbookAbout } = await import('../report/workbook.js');
        const { scenarioFile: _file, ...about } = workbookAbout(base, baseFile, runDate);
        void _file;
        written.push({ path: outputPath(o.out, workbookName), content: await comparisonWorkbook(report, about) });
      }
      writeOrFail(plan, written);
      if (o.json === true) {
        out(comparisonJson(report));
        if (!o.quiet) process.stderr.write(`${wroteLine(outputs)}\n`);
      } else if (!o.quiet) {
        out(`${comparisonTable(report, terminalWidth())}\n\n${wroteLine(outputs)}\n`);
      }
    });
};
