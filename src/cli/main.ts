#!/usr/bin/env node
// The `sufficiency` command. The only module that touches process, files and the terminal.
import { availableParallelism } from 'node:os';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Argument, Command, CommanderError } from 'commander';
import { E } from '../domain/fp.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { outputPath, type OutputFile } from '../io/outputDir.js';
import { scenarioInputFiles } from '../io/inputFiles.js';
import { commandLine, planOrFail, runDateNow, writeOrFail } from './outputs.js';
import { forecastOutputFiles, forecastOutputPaths, printForecast } from './forecastOutputs.js';
import { runShard } from './shardRun.js';
import { shardOption, type ShardSpec } from './shard.js';
import { registerMerge } from './mergeCommand.js';
import { readReportRuntime } from '../io/reportRuntime.js';
import { preloadXlsx } from '../report/xlsx.js';
import { progressBar, progressWanted } from './progress.js';
import { loadScenarioFile } from '../io/scenarioFile.js';
import { shippedFile, withShippedCopyHints } from '../io/packageRoot.js';
import { scenarioHash } from '../scenario/hash.js';
import { runForecast } from './workers.js';
import { runReplication } from '../sim/replication.js';
import { syntheticReturn } from '../io/ssda903Export.js';
import { registerCompare } from './compareCommand.js';
import { registerMatch } from './matchCommand.js';
import { registerGoalSeek } from './goalSeekCommand.js';
import { registerCalibrate } from './calibrateCommand.js';
import { registerSsda903 } from './ssda903Command.js';
import { registerBacktest } from './backtestCommand.js';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, UserError, orFail, runOptions, wholeNumber } from './userError.js';

export { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK } from './userError.js';
export const DEFAULT_SCENARIO = 'scenarios/medway-2022.json';

export const buildProgram = (out: (s: string) => void, err: (s: string) => void): Command => {
  const program = new Command('sufficiency')
    .description('Placement sufficiency forecasting for children\'s services: seeded Monte Carlo of demand, supply, matching, distance, cost and stability.')
    .version(ENGINE_VERSION)
    .configureOutput({ writeOut: out, writeErr: err })
    .configureHelp({ helpWidth: 100 })
    .exitOverride();

  shardOption(runOptions(program
    .command('forecast')
    .description('Run a scenario many times and summarise each financial year (median, p5–p95).')
    .addArgument(new Argument('[scenario]', 'scenario JSON file').default(shippedFile(DEFAULT_SCENARIO), `the shipped Medway 2022 baseline, ${DEFAULT_SCENARIO}`)), { minRuns: 1, out: 'out/forecast', years: 'financial years to forecast (default: the scenario\'s, else 5)' }))
    .option('--export-ssda903 <dir>', 'also write the first replications\' histories as synthetic SSDA903 Header, Episodes and UASC files')
    .option('--export-runs <n>', 'how many replications to export with --export-ssda903', wholeNumber('--export-runs', 1, 1000), 1)
    .action(async (file: string, o: {
      runs: number; seed: number; years?: number; workers?: number; out: string; quiet?: boolean; json?: boolean; html: boolean; xlsx: boolean; force?: boolean; exportSsda903?: string; exportRuns: number; shard?: ShardSpec;
    }) => {
      const rs = orFail(loadScenarioFile(file, o.years === undefined ? {} : { years: o.years }));
      if (!o.quiet) for (const w of rs.warnings) process.stderr.write(`warning: ${w}\n`);
      const years = o.years ?? rs.defaultYears;
      if (o.shard !== undefined) {
        if (o.exportSsda903 !== undefined) throw new UserError(['--export-ssda903: not with --shard (run the export without --shard; it needs only the first replications)']);
        await runShard('forecast', [{ rs, file }], { ...o, shard: o.shard }, years, scenarioInputFiles(file), out);
        return;
      }
      const exportRuns = Math.min(o.exportRuns, o.runs);
      const exportNames = (r: number): string[] => {
        const tag = String(r + 1).padStart(4, '0');
        return [`header-r${tag}.csv`, `episodes-r${tag}.csv`, `uasc-r${tag}.csv`];
      };
      const outputs = forecastOutputPaths(rs.name, o);
      // The chart runtime is read before the run, so a missing build fails in a second, not after the forecast.
      const chartRuntime = o.html ? orFail(E.mapLeft((m: string) => [m])(readReportRuntime())) : '';
      const exported = o.exportSsda903 === undefined ? [] : Array.from({ length: exportRuns }, (_, r) => exportNames(r)).flat().map((n) => outputPath(o.exportSsda903!, n));
      // Every output is checked before the run: a bad --out costs nothing.
      const plan = planOrFail([...outputs, ...exported], scenarioInputFiles(file), o.force);
      const bar = progressBar(progressWanted(o), 'Forecast', 'replications');
      if (o.xlsx) preloadXlsx();
      const summary = await runForecast(rs, { seed: o.seed, runs: o.runs, years }, o.workers ?? availableParallelism(), bar.update);
      bar.stop();
      const about = { scenario: rs.scenario, file, command: commandLine('forecast', file, o), runDate: runDateNow() };
      const files: OutputFile[] = await forecastOutputFiles(summary, about, o, chartRuntime);
      if (o.exportSsda903 !== undefined) {
        for (let r = 0; r < exportRuns; r++) {
          // The same replication the forecast ran, again with its history kept.
          const trace = runReplication(rs, { seed: o.seed, replication: r, years, trace: true }).trace!;
          const ret = syntheticReturn(rs, trace, o.seed, r);
          const [header, episodes, uasc] = exportNames(r).map((n) => outputPath(o.exportSsda903!, n));
          files.push({ path: header!, content: ret.header }, { path: episodes!, content: ret.episodes }, { path: uasc!, content: ret.uasc });
        }
      }
      writeOrFail(plan, files);
      const exportLine = o.exportSsda903 === undefined ? '' : `\nWrote synthetic SSDA903 files for ${exportRuns} replication${exportRuns > 1 ? 's' : ''} to ${o.exportSsda903}`;
      printForecast(summary, outputs, o, out, exportLine);
    });

  program
    .command('validate')
    .description('Check a scenario file without running it.')
    .argument('<scenario>', 'scenario JSON file')
    .option('--print', 'print the resolved scenario (extends followed, levers expanded into pools) as JSON')
    .action((file: string, o: { print?: boolean }) => {
      const rs = orFail(loadScenarioFile(file));
      for (const w of rs.warnings) err(`warning: ${w}\n`);
      if (o.print) {
        out(`${JSON.stringify(rs.expanded, null, 2)}\n`);
        return;
      }
      const places = rs.households.reduce((s, h) => s + h.places, 0);
      out([
        `${file}: valid`,
        `  ${rs.name}, starting ${rs.scenario.startDate}, ${rs.defaultYears} financial years by default`,
        `  ${rs.zones.length} zones, ${rs.initialChildren.length} children at the start, ${rs.households.length} households / homes with ${places} places`,
        `  ${scenarioHash(rs)}`,
      ].join('\n') + '\n');
    });

  // Further commands register here (one line each).
  registerMatch(program, out);
  registerCompare(program, out);
  registerMerge(program, out);
  registerGoalSeek(program, out);
  registerCalibrate(program, out);
  registerSsda903(program, out);
  registerBacktest(program, out);
  return program;
};

/** An argument as it would be typed in a shell. */
const shellWord = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** Exit 1 means a bug in sufficiency, never a user mistake: say so, and how to report it (one line). */
export const internalErrorMessage = (e: unknown, argv: readonly string[], detail: 'stack' | 'message'): string =>
  `internal error: ${e instanceof Error ? (detail === 'stack' ? e.stack : e.message) : String(e)}\n`
  + `This is a bug in sufficiency ${ENGINE_VERSION}, not a problem with your input: please report it with the command you ran (sufficiency ${argv.map(shellWord).join(' ')}) and, if you can, the files it read.\n`;

export const main = async (argv: readonly string[]): Promise<number> => {
  const out = (s: string): void => void process.stdout.write(s);
  const err = (s: string): void => void process.stderr.write(s);
  const program = buildProgram(out, err);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UserError) {
      err(`${withShippedCopyHints(e.lines).join('\n')}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage mistakes (commander already printed why) are invalid input.
      return e.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    err(internalErrorMessage(e, argv, process.env.SUFFICIENCY_DEBUG ? 'stack' : 'message'));
    return EXIT_INTERNAL;
  }
};

// Run when executed directly (not when imported by tests).
// Compare real paths: an installed `sufficiency` is a symlink (npm's bin) to this file.
const realUrl = (path: string): string | undefined => {
  try {
    return pathToFileURL(realpathSync(path)).href;
  } catch {
    return undefined;
  }
};
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === realUrl(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
