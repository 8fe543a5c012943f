// `sufficiency calibrate <snapshot.json>`: build a scenario from an aggregate snapshot and fit it
// so the first simulated 31 March reproduces the snapshot. Exit 0 on a fit (scenario written),
// 2 on invalid input, 3 when it cannot fit (nothing written either way).
import type { Command } from 'commander';
import { E } from '../domain/fp.js';
import { decodeSnapshot } from '../calibrate/decodeSnapshot.js';
import { defaultFitRuns, fitScenario } from '../calibrate/fit.js';
import { fitTableLines } from '../calibrate/fitTable.js';
import { inputsFromSnapshot } from '../calibrate/inputs.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { loadGazetteer } from '../io/geography.js';
import { readJsonFile } from '../io/readJson.js';
import { EXIT_INVALID, UserError, orFail, wholeNumber } from './userError.js';

export const EXIT_CANNOT_FIT = 3;
export const DEFAULT_CALIBRATED_SCENARIO = 'out/calibrate/scenario.json';

interface CalibrateOptions {
  readonly out: string;
  readonly seed: number;
  readonly runs?: number;
  readonly maxIterations: number;
  readonly quiet?: boolean;
}

const DISCLOSURE_NOTE = 'Targets are the snapshot\'s own (published, aggregate) figures and "achieved" are model means: no child-level data is read, so small-number suppression does not apply here.';

export const registerCalibrate = (program: Command, out: (s: string) => void): void => {
  program
    .command('calibrate')
    .description('Build a scenario from an aggregate snapshot (published figures) and fit it until the first simulated 31 March reproduces them.')
    .argument('<snapshot>', 'snapshot JSON file (see "Calibrating from your own data" in the README)')
    .option('--out <file>', 'scenario file to write', DEFAULT_CALIBRATED_SCENARIO)
    .option('--seed <s>', 'random seed of the fitting forecasts (the fit is deterministic for a seed)', wholeNumber('--seed', 0, 2 ** 31), 1)
    .option('--runs <n>', 'replications per fitting forecast (default: 200, fewer above 500 children in care, at least 50)', wholeNumber('--runs', 20, 100_000))
    .option('--max-iterations <n>', 'most fitting forecasts before giving up', wholeNumber('--max-iterations', 1, 1000), 30)
    .option('--quiet', 'print nothing but errors')
    .action((file: string, o: CalibrateOptions) => {
      const snapshot = orFail(E.chain((json: unknown) => decodeSnapshot(json, file))(readJsonFile(file)));
      const gazetteer = orFail(E.mapLeft((m: string) => [m])(loadGazetteer()));
      const inputs = inputsFromSnapshot(snapshot, gazetteer, file);
      if (E.isLeft(inputs)) {
        throw new UserError(inputs.left.kind === 'invalid' ? inputs.left.lines : ['cannot fit:', ...inputs.left.lines], inputs.left.kind === 'invalid' ? EXIT_INVALID : EXIT_CANNOT_FIT);
      }
      const runs = o.runs ?? defaultFitRuns(snapshot.childrenInCare);
      const fitted = fitScenario(inputs.right, gazetteer, { seed: o.seed, runs, maxIterations: o.maxIterations });
      if (E.isLeft(fitted)) {
        const f = fitted.left;
        if (f.kind === 'invalid') throw new UserError(f.lines);
        throw new UserError([...f.lines, '', ...fitTableLines(f.measures ?? []), '', 'Nothing written. Check the snapshot\'s figures (an age mix and starts that cannot hold together, or a placement type the age mix cannot supply), or allow more fitting forecasts with --max-iterations.'], EXIT_CANNOT_FIT);
      }
      const r = fitted.right;
      const written = writeFileAtomically(o.out, `${JSON.stringify(r.scenario, null, 2)}\n`);
      if (E.isLeft(written)) throw new UserError([written.left]);
      if (o.quiet) return;
      const y = r.evaluation;
      out([
        `${snapshot.name}: calibrated from ${file} (as at ${snapshot.asAt}); the scenario starts ${inputs.right.startDate}.`,
        `Fit at ${y.yearEnd}${y.simulatedDays < y.yearDays ? ` (${y.simulatedDays} simulated days; starts annualised)` : ''}: mean of ${runs} replications, seed ${o.seed}, best of ${r.iterations} fitting forecasts.`,
        ...(inputs.right.area.generic ? [`No homeZones given: laid out on ${inputs.right.area.description}.`] : []),
        '',
        ...fitTableLines(r.measures),
        '',
        DISCLOSURE_NOTE,
        `Wrote ${o.out}`,
      ].join('\n') + '\n');
    });
};
