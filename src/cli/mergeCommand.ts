// `sufficiency merge DIR…`: the partial results of `forecast --shard K/N` (or `compare --shard
// K/N`) → the outputs the run without shards writes, byte for byte (report.html and the workbook
// differ only in the date run). Refuses partials of different runs and says which shards are missing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { E } from '../domain/fp.js';
import { financialYearsFrom } from '../domain/time.js';
import { decodePartial } from '../io/partialResult.js';
import { mergePartials, type ReadPartial } from '../io/partialSet.js';
import { readReportRuntime } from '../io/reportRuntime.js';
import { summariseRows } from '../sim/forecast.js';
import { comparisonOutputFiles, comparisonOutputPaths, comparisonReportOf, printComparison } from './compareOutputs.js';
import { forecastOutputFiles, forecastOutputPaths, printForecast } from './forecastOutputs.js';
import { commandLine, planOrFail, runDateNow, writeOrFail } from './outputs.js';
import { forceOption, UserError, orFail } from './userError.js';

export const PARTIAL_SUFFIX = '.partial.gz';

interface MergeOptions { out?: string; quiet?: boolean; json?: boolean; html: boolean; xlsx: boolean; force?: boolean }

const reason = (e: unknown): string => (e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e));

/** The partial files named: a folder stands for every `*.partial.gz` in it (in name order). */
const partialFiles = (paths: readonly string[]): E.Either<string[], string[]> => {
  const problems: string[] = [];
  const files = paths.flatMap((p) => {
    try {
      if (!statSync(p).isDirectory()) return [p];
      const found = readdirSync(p).filter((n) => n.endsWith(PARTIAL_SUFFIX)).sort().map((n) => join(p, n));
      if (found.length === 0) problems.push(`${p}: expected partial results (shard-K-of-N${PARTIAL_SUFFIX}, written by forecast or compare --shard), found none`);
      return found;
    } catch (e) {
      problems.push(`${p}: cannot read: ${reason(e)}`);
      return [];
    }
  });
  return problems.length > 0 ? E.left(problems) : E.right(files);
};

const readPartials = (files: readonly string[]): E.Either<string[], ReadPartial[]> => {
  const problems: string[] = [];
  const read: ReadPartial[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      problems.push(`${file}: cannot read: ${reason(e)}`);
      continue;
    }
    const r = decodePartial(bytes, file);
    if (E.isLeft(r)) problems.push(...r.left);
    else read.push({ file, partial: r.right });
  }
  return problems.length > 0 ? E.left(problems) : E.right(read);
};

export const registerMerge = (program: Command, out: (s: string) => void): void => {
  forceOption(program
    .command('merge')
    .description('Combine the partial results of forecast/compare --shard K/N into the outputs of one run (identical summary.json, CSVs and comparison files).')
    .argument('<partials...>', `folders holding shard-K-of-N${PARTIAL_SUFFIX} files (or the files themselves)`)
    .option('--out <dir>', 'output folder (default: out/forecast, or out/compare for a comparison)'))
    .option('--quiet', 'print nothing but errors')
    .option('--json', 'print the results as JSON on stdout (the table is left out; files are still written)')
    .option('--no-html', 'do not write report.html')
    .option('--no-xlsx', 'do not write the Excel workbook')
    .action(async (paths: string[], o: MergeOptions) => {
      const files = orFail(partialFiles(paths));
      const run = orFail(mergePartials(orFail(readPartials(files))));
      const h = run.header;
      const choice = { out: o.out ?? (h.kind === 'forecast' ? 'out/forecast' : 'out/compare'), html: o.html, xlsx: o.xlsx };
      const outputs = h.kind === 'forecast' ? forecastOutputPaths(h.scenarios[0]!.name, choice) : comparisonOutputPaths(h.scenarios[0]!.name, choice);
      const chartRuntime = o.html ? orFail(E.mapLeft((m: string) => [m])(readReportRuntime())) : '';
      // The partials are inputs: never written over, even with --force.
      const plan = planOrFail(outputs, files, o.force);
      const opts = { seed: h.seed, runs: h.runs, years: h.years };
      // The command the report shows is the run's, as if made without shards.
      const typed = { ...opts, ...(h.yearsOption === null ? {} : { years: h.yearsOption }) };
      const runDate = runDateNow();
      if (h.kind === 'forecast') {
        const s = h.scenarios[0]!;
        const summary = summariseRows(s, opts, run.columns[0]!, run.events[0]!);
        const about = { scenario: s.scenario, file: s.file, command: commandLine('forecast', s.file, typed), runDate };
        writeOrFail(plan, await forecastOutputFiles(summary, about, choice, chartRuntime));
        printForecast(summary, outputs, o, out);
      } else {
        if (h.runs < 2) throw new UserError([`${files[0]}: a comparison needs at least 2 runs, found ${h.runs}`]);
        const report = comparisonReportOf(h.scenarios, run.columns, opts, financialYearsFrom(h.scenarios[0]!.startEpochDay, h.years));
        const command = commandLine('compare', h.scenarios.map((s) => s.file), typed);
        writeOrFail(plan, await comparisonOutputFiles(report, h.scenarios, { command, runDate }, choice, chartRuntime));
        printComparison(report, outputs, o, out);
      }
    });
};
