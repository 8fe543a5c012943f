#!/usr/bin/env node
// The `sufficiency` command. The only module that touches process, files and the terminal.
import { availableParallelism } from 'node:os';
import { Command, CommanderError } from 'commander';
import { E } from '../domain/fp.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { forecastFiles } from '../io/forecastFiles.js';
import { forecastTable } from '../io/forecastTable.js';
import { writeOutputFiles } from '../io/outputDir.js';
import { loadScenarioFile } from '../io/scenarioFile.js';
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

  runOptions(program
    .command('forecast')
    .description('Run a scenario many times and summarise each financial year (median, p5–p95).')
    .argument('[scenario]', 'scenario JSON file', DEFAULT_SCENARIO), { minRuns: 1, out: 'out/forecast', years: 'financial years to forecast (default: the scenario\'s, else 5)' })
    .option('--export-ssda903 <dir>', 'also write the first replications\' histories as synthetic SSDA903 Header, Episodes and UASC files')
    .option('--export-runs <n>', 'how many replications to export with --export-ssda903', wholeNumber('--export-runs', 1, 1000), 1)
    .action(async (file: string, o: {
      runs: number; seed: number; years?: number; workers?: number; out: string; quiet?: boolean; exportSsda903?: string; exportRuns: number;
    }) => {
      const rs = orFail(loadScenarioFile(file, o.years === undefined ? {} : { years: o.years }));
      const years = o.years ?? rs.defaultYears;
      const showProgress = !o.quiet && process.stderr.isTTY === true;
      let lastShown = -1;
      const summary = await runForecast(rs, { seed: o.seed, runs: o.runs, years }, o.workers ?? availableParallelism(), showProgress
        ? (done, total) => {
          const pct = Math.floor((100 * done) / total);
          if (pct !== lastShown) {
            lastShown = pct;
            process.stderr.write(`\r${done}/${total} replications`);
          }
        }
        : undefined);
      if (showProgress) process.stderr.write('\r\x1b[K');
      const written = writeOutputFiles(o.out, forecastFiles(summary));
      if (E.isLeft(written)) throw new UserError([written.left]);
      if (o.exportSsda903 !== undefined) {
        const n = Math.min(o.exportRuns, o.runs);
        const files = Array.from({ length: n }, (_, r) => {
          // The same replication the forecast ran, again with its history kept.
          const trace = runReplication(rs, { seed: o.seed, replication: r, years, trace: true }).trace!;
          const ret = syntheticReturn(rs, trace, o.seed, r);
          const tag = String(r + 1).padStart(4, '0');
          return [
            { name: `header-r${tag}.csv`, content: ret.header },
            { name: `episodes-r${tag}.csv`, content: ret.episodes },
            { name: `uasc-r${tag}.csv`, content: ret.uasc },
          ];
        }).flat();
        const exported = writeOutputFiles(o.exportSsda903, files);
        if (E.isLeft(exported)) throw new UserError([exported.left]);
        if (!o.quiet) out(`Wrote synthetic SSDA903 files for ${n} replication${n > 1 ? 's' : ''} to ${o.exportSsda903}\n`);
      }
      if (!o.quiet) out(`${forecastTable(summary)}\n\nWrote ${o.out}/summary.json and ${o.out}/by-year.csv\n`);
    });

  program
    .command('validate')
    .description('Check a scenario file without running it.')
    .argument('<scenario>', 'scenario JSON file')
    .option('--print', 'print the resolved scenario (extends followed, levers expanded into pools) as JSON')
    .action((file: string, o: { print?: boolean }) => {
      const rs = orFail(loadScenarioFile(file));
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
  registerGoalSeek(program, out);
  registerCalibrate(program, out);
  registerSsda903(program, out);
  registerBacktest(program, out);
  return program;
};

export const main = async (argv: readonly string[]): Promise<number> => {
  const out = (s: string): void => void process.stdout.write(s);
  const err = (s: string): void => void process.stderr.write(s);
  const program = buildProgram(out, err);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UserError) {
      err(`${e.lines.join('\n')}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage mistakes (commander already printed why) are invalid input.
      return e.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    err(`internal error: ${e instanceof Error ? (process.env.SUFFICIENCY_DEBUG ? e.stack : e.message) : String(e)}\n`);
    return EXIT_INTERNAL;
  }
};

// Run when executed directly (not when imported by tests).
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
