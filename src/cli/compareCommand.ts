// `sufficiency compare base.json option.json …`: every scenario on the same seeds, paired
// differences from the base, written to comparison.json and comparison.csv.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { E } from '../domain/fp.js';
import { financialYearsFrom } from '../domain/time.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { comparisonCsv, comparisonJson, comparisonTable, type ComparisonReport } from '../io/comparisonFiles.js';
import { writeOutputFiles } from '../io/outputDir.js';
import { loadScenarioFile } from '../io/scenarioFile.js';
import { compareOption } from '../metrics/compare.js';
import type { ReplicationColumns } from '../metrics/summary.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { scenarioHash } from '../scenario/hash.js';
import { UserError, runOptions } from './userError.js';
import { runColumns } from './workers.js';

interface CompareOptions { runs: number; seed: number; years?: number; workers?: number; out: string; quiet?: boolean }

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
      const base = scenarios[0]!;
      const mismatched = scenarios.slice(1).map((s, i) => [s, optionFiles[i]!] as const).filter(([s]) => s.startEpochDay !== base.startEpochDay);
      if (mismatched.length > 0) {
        throw new UserError(mismatched.map(([s, f]) => `${f}: $.startDate: expected the base's start date ${base.scenario.startDate} (options are compared year by year), found ${s.scenario.startDate}`));
      }
      const years = o.years ?? base.defaultYears;
      const opts = { seed: o.seed, runs: o.runs, years };
      const workers = o.workers ?? availableParallelism();
      const columns: ReplicationColumns[] = [];
      for (const s of scenarios) columns.push((await runColumns(s, opts, workers)).columns);
      const fys = financialYearsFrom(base.startEpochDay, years);
      const report: ComparisonReport = {
        base: { name: base.name, hash: scenarioHash(base), file: baseFile },
        seed: o.seed, runs: o.runs, engineVersion: ENGINE_VERSION, commonRandomNumbers: true,
        options: scenarios.slice(1).map((s, i) => ({
          name: s.name, hash: scenarioHash(s), file: optionFiles[i]!, comparison: compareOption(columns[0]!, columns[i + 1]!, fys),
        })),
      };
      const written = writeOutputFiles(o.out, [
        { name: 'comparison.json', content: comparisonJson(report) },
        { name: 'comparison.csv', content: comparisonCsv(report) },
      ]);
      if (E.isLeft(written)) throw new UserError([written.left]);
      if (!o.quiet) out(`${comparisonTable(report)}\n\nWrote ${o.out}/comparison.json and ${o.out}/comparison.csv\n`);
    });
};
