// `sufficiency compare base.json option.json …`: every scenario on the same seeds, paired
// differences from the base, written to comparison.json and comparison.csv.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { E } from '../domain/fp.js';
import { financialYearsFrom } from '../domain/time.js';
import { scenarioInputFiles } from '../io/inputFiles.js';
import { commandLine, planOrFail, runDateNow, writeOrFail } from './outputs.js';
import { comparisonOutputFiles, comparisonOutputPaths, comparisonReportOf, printComparison } from './compareOutputs.js';
import { runShard } from './shardRun.js';
import { shardOption, type ShardSpec } from './shard.js';
import { readReportRuntime } from '../io/reportRuntime.js';
import { progressBar, progressWanted } from './progress.js';
import { loadScenarioFile } from '../io/scenarioFile.js';
import type { ReplicationColumns } from '../metrics/summary.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { scenarioHash } from '../scenario/hash.js';
import { UserError, orFail, runOptions } from './userError.js';
import { runColumns } from './workers.js';
import { preloadXlsx } from '../report/xlsx.js';

interface CompareOptions { runs: number; seed: number; years?: number; workers?: number; out: string; quiet?: boolean; json?: boolean; html: boolean; xlsx: boolean; force?: boolean; shard?: ShardSpec }

export const registerCompare = (program: Command, out: (s: string) => void): void => {
  shardOption(runOptions(program
    .command('compare')
    .description('Run a base scenario and options on the same seeds and compare them (paired differences, P(better), net cost, break-even).')
    .argument('<base>', 'base scenario JSON file')
    .argument('<options...>', 'option scenario files (usually `"extends": "<base>"` plus levers)'), { minRuns: 2, out: 'out/compare', years: 'financial years (default: the base scenario\'s)' }))
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
      const years = o.years ?? base.defaultYears;
      if (o.shard !== undefined) {
        await runShard('compare', scenarios.map((rs, i) => ({ rs, file: files[i]! })), { ...o, shard: o.shard }, years, files.flatMap(scenarioInputFiles), out);
        return;
      }
      const outputs = comparisonOutputPaths(base.name, o);
      const chartRuntime = o.html ? orFail(E.mapLeft((m: string) => [m])(readReportRuntime())) : '';
      const plan = planOrFail(outputs, files.flatMap(scenarioInputFiles), o.force);
      const opts = { seed: o.seed, runs: o.runs, years };
      const workers = o.workers ?? availableParallelism();
      const columns: ReplicationColumns[] = [];
      // One bar over every scenario's replications: a compare of three files is three forecasts.
      const bar = progressBar(progressWanted(o), 'Compare', 'replications');
      if (o.xlsx) preloadXlsx();
      for (const [i, s] of scenarios.entries()) {
        columns.push((await runColumns(s, opts, workers, (done) => bar.update(i * o.runs + done, scenarios.length * o.runs))).columns);
      }
      bar.stop();
      const compared = scenarios.map((s, i) => ({ name: s.name, hash: scenarioHash(s), file: files[i]!, scenario: s.scenario }));
      const report = comparisonReportOf(compared, columns, o, financialYearsFrom(base.startEpochDay, years));
      const written = await comparisonOutputFiles(report, compared, { command: commandLine('compare', files, o), runDate: runDateNow() }, o, chartRuntime);
      writeOrFail(plan, written);
      printComparison(report, outputs, o, out);
    });
};
