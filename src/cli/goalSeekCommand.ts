// `sufficiency goal-seek scenario.json --lever PATH --target "…"`: how much of a lever is needed.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { E, pipe } from '../domain/fp.js';
import { Scenario } from '../domain/scenario.js';
import { financialYearsFrom } from '../domain/time.js';
import { loadGazetteer } from '../io/geography.js';
import { loadScenarioFile, readScenarioJson } from '../io/scenarioFile.js';
import { metricIndex } from '../domain/metricCatalog.js';
import { meets, numberAt, parseTarget, pathSegments, seek, withNumberAt } from '../metrics/goalSeek.js';
import { decodeWith } from '../scenario/decodeErrors.js';
import { resolveScenario } from '../scenario/resolve.js';
import { toCsv } from '../io/csv.js';
import { outputPath } from '../io/outputDir.js';
import { scenarioInputFiles } from '../io/inputFiles.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { scenarioHash } from '../scenario/hash.js';
import { planOrFail, wroteLine, writeOrFail } from './outputs.js';
import { progressBar, progressWanted } from './progress.js';
import { UserError, forceOption, orFail, wholeNumber } from './userError.js';
import { runColumns } from './workers.js';

const fraction = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError(`expected a number above 0 and at most 1 for ${name}, found ${JSON.stringify(v)}`);
  return n;
};
const number = (name: string) => (v: string): number => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number for ${name}, found ${JSON.stringify(v)}`);
  return n;
};

interface SeekCliOptions { lever: string; target: string; confidence: number; min: number; max?: number; step: number; runs: number; seed: number; workers?: number; out: string; force?: boolean }

export const registerGoalSeek = (program: Command, out: (s: string) => void): void => {
  const command = forceOption(program
    .command('goal-seek')
    .description('Find the smallest value of a lever that meets a target with a given probability (bisection on common random numbers).')
    .argument('<scenario>', 'scenario or option file that holds the lever')
    .requiredOption('--lever <path>', 'the number to vary, as a path in the file, e.g. levers[0].householdsPerYear')
    .requiredOption('--target <text>', 'e.g. "placedOver20Miles <= 0.25 in 2027/28" (any metric id, a comparison, a financial year)')
    .option('--confidence <p>', 'probability the target must be met with (share of replications)', fraction('--confidence'), 0.8)
    .option('--min <x>', 'smallest value to try', number('--min'), 0)
    .option('--max <x>', 'largest value to try (default: 4 × the value in the file, at least 10)', number('--max'))
    .option('--step <x>', 'search on multiples of this from --min', number('--step'), 1)
    .option('--runs <n>', 'replications per value tried', wholeNumber('--runs', 10, 100_000), 200)
    .option('--seed <s>', 'random seed', wholeNumber('--seed', 0, 2 ** 31), 1)
    .option('--workers <w>', 'worker threads (default: the number of CPU cores)', wholeNumber('--workers', 1, 256))
    .option('--out <dir>', 'folder for goal-seek.json and goal-seek.csv, the search path for the audit trail (created if needed; other files in it are left as they are)', 'out/goal-seek'));
  command
    .action(async (file: string, o: SeekCliOptions) => {
      const target = pipe(parseTarget(o.target), E.mapLeft((m) => [m]), orFail);
      const segments = pipe(pathSegments(o.lever), E.mapLeft((m) => [m]), orFail);
      const json = orFail(readScenarioJson(file));
      const current = numberAt(json, segments);
      if (current === undefined) throw new UserError([`${file}: ${o.lever}: expected a number at this path (after following extends), found none`]);
      if (!(o.step > 0)) throw new UserError([`--step: expected a number above 0, found ${o.step}`]);
      const max = o.max ?? Math.max(10, 4 * current);
      if (max <= o.min) throw new UserError([`--max: expected a value above --min (${o.min}), found ${max}`]);
      const outputs = ['goal-seek.json', 'goal-seek.csv'].map((n) => outputPath(o.out, n));
      const plan = planOrFail(outputs, scenarioInputFiles(file), o.force);
      const gazetteer = pipe(loadGazetteer(), E.mapLeft((m) => [m]), orFail);
      const at = (value: number) => pipe(
        decodeWith(Scenario, withNumberAt(json, segments, value), `${file} (${o.lever} = ${value})`),
        E.chain((s) => resolveScenario(s, gazetteer, { file })),
      );
      // Check the file and both ends of the range before spending time on runs.
      // The file as it is, loaded as every command loads it: its warnings are worth a look before the runs.
      for (const w of orFail(loadScenarioFile(file)).warnings) process.stderr.write(`warning: ${w}\n`);
      orFail(at(o.min));
      const rs0 = orFail(at(max));
      const years = financialYearsFrom(rs0.startEpochDay, 50);
      const k = years.findIndex((y) => y.label === target.financialYear);
      if (k < 0) throw new UserError([`--target: expected a financial year from ${years[0]!.label} on, found ${target.financialYear}`]);
      // Run at least to the target year, even past the scenario's usual horizon.
      const opts = { seed: o.seed, runs: o.runs, years: Math.max(rs0.defaultYears, k + 1) };
      const metric = metricIndex(target.metric);
      const workers = o.workers ?? availableParallelism();
      out(`Goal seek on ${file}: smallest ${o.lever} in [${o.min}, ${max}] (step ${o.step}) with P(${target.metric} ${target.comparison} ${target.value} in ${target.financialYear}) ≥ ${o.confidence}; ${o.runs} replications per value, seed ${o.seed}.\n`);
      const result = await seek(async (value) => {
        const rs = orFail(at(value));
        const bar = progressBar(progressWanted({}), `${o.lever} = ${value}`, 'replications');
        const { columns } = await runColumns(rs, opts, workers, bar.update);
        bar.stop();
        const col = columns.column(k, metric);
        let ok = 0;
        for (let r = 0; r < col.length; r++) if (meets(target, col[r]!)) ok++;
        const p = ok / col.length;
        out(`  ${o.lever} = ${value}: P = ${p.toFixed(3)} ${p >= o.confidence ? 'meets' : 'does not meet'} the target\n`);
        return p;
      }, { min: o.min, max, step: o.step, confidence: o.confidence });
      const nonMonotone = result.path.some((a) => a.met && result.path.some((b) => !b.met && b.value > a.value));
      out(result.reason === 'notMetAtMax'
        ? `Not met even at ${max}: widen --max, or the lever cannot reach the target.\n`
        : result.reason === 'metAtMin'
          ? `Already met at ${o.min}.\n`
          : `Answer: ${o.lever} = ${result.value} (the value in the file is ${current}).\n`);
      if (nonMonotone) out('Warning: a smaller value met the target where a larger one did not: the lever may not act monotonically; check the path above.\n');
      const record = {
        scenario: { file, name: rs0.name, hash: scenarioHash(rs0) }, lever: o.lever, valueInFile: current, target: { text: o.target, ...target },
        confidence: o.confidence, range: { min: o.min, max, step: o.step }, seed: o.seed, runs: o.runs, years: opts.years, engineVersion: ENGINE_VERSION,
        answer: result.value, outcome: result.reason, monotone: !nonMonotone,
        path: result.path.map((p) => ({ value: p.value, probability: p.probability, met: p.met })),
      };
      writeOrFail(plan, [
        { path: outputs[0]!, content: `${JSON.stringify(record, null, 2)}\n` },
        { path: outputs[1]!, content: toCsv(['value', 'probability', 'meetsTarget'], result.path.map((p) => [p.value, p.probability, p.met ? 'yes' : 'no'])) },
      ]);
      out(`${wroteLine(outputs)}\n`);
    });
};
