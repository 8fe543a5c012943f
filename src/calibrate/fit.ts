// The fit: build a scenario, run a short seeded forecast, compare the evaluation year end with
// the targets, adjust the knobs, repeat — deterministic (fixed seed, common random numbers) and
// bounded (at most `maxIterations` forecasts). Each knob answers mainly for one measure:
//
//   exit hazard of each age band      → children in that band (so the total and the age mix)
//   starter mix (when a hazard hits its bound) → the same bands
//   entry scale                       → starts
//   route chances (connected, placed with parents, adoption, secure, other) → those types
//   in-house foster / in-house home / supported places → those types; IFA and private homes take the rest
//   moving on at 16+ (planned moves of 16–17s from foster care and homes) → supported accommodation
//   complex-needs share of starts     → children's homes
//   parent-and-child starts           → parent and child
//   far share of places               → placed more than 20 miles (its aim: see drift.ts)
//   disruption scale                  → three or more placements
//
// The three one-measure knobs (far share, complex share, disruption) remember what each value
// gave and, once their trials bracket the target, step by regula falsi, so they cannot swing;
// before that, by the secant through their two newest trials (a damped ratio step took five or
// six forecasts to close a far share six tolerances out).
// Then a five-year forecast measures how far the far share drifts by years 3–5; if the two are
// not both within half their tolerance, the locality of the starting placements and the aim of
// the far share move (drift.ts) and the first-year fit runs again from where it was, at most
// `DRIFT_ROUNDS` times in all.
//
// Each first-year fit stops when every measure is within half its tolerance (room for a re-run
// with another seed), or when its best is within tolerance and five forecasts have not improved
// on it. The fit succeeds if its best round is within the full tolerance, years 3–5 included;
// otherwise a Left holds the table of target against achieved.
import { E } from '../domain/fp.js';
import type { Gazetteer } from '../domain/geography.js';
import { Scenario } from '../domain/scenario.js';
import { AGE_BANDS, ROUTE_TYPES, type AgeBand, type CarerType } from '../domain/vocabulary.js';
import { resolveScenario } from '../scenario/resolve.js';
import { forecast, type ForecastOptions, type ForecastSummary } from '../sim/forecast.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { buildScenario, type ScenarioJson } from './buildScenario.js';
import { fitTableLines } from './fitTable.js';
import type { CalibrationInputs, CalibrationProblem } from './inputs.js';
import {
  DRIFT_ROUNDS, LATER_ROUND_ITERATIONS, driftOf, driftRuns, farAim, nextLocality, type FarShareDrift, type Trial,
} from './drift.js';
import {
  LATER_HORIZON_YEARS, LATER_YEARS, achievedAt, evaluationYear, measuresOf, withLaterOver20Miles, withinTolerance,
  type Achieved, type EvaluationYear, type Measure,
} from './measures.js';
import { EXIT_BOUNDS, EXIT_FIRST_YEAR_FACTOR, initialParameters, startingCounts, startingLocalityMiles, type FitParameters } from './parameters.js';

export type { Trial } from './drift.js';

export interface FitOptions {
  /** Seed of the fitting forecasts (fixed, so the fit is deterministic). */
  readonly seed: number;
  /** Replications per fitting forecast. */
  readonly runs: number;
  /** Most forecasts the fit runs before giving up. */
  readonly maxIterations: number;
  /** Told after each fitting forecast (for progress output and diagnostics). */
  readonly onIteration?: (iteration: number, measures: readonly Measure[], parameters: FitParameters) => void;
}

export const DEFAULT_FIT_OPTIONS: FitOptions = { seed: 1, runs: 100, maxIterations: 30 };

/**
 * Replications per fitting forecast by default: 100 up to 500 children in care, then fewer so
 * each forecast follows about 50,000 children (the precision of a share depends on replications ×
 * children), never below 30. Keeps a large county's fit to a similar time as a unitary's. The
 * noise this leaves is small against the tolerances the fit stops at (half of each): on the 903
 * benchmark authority (605 in care, 83 replications), the standard deviation over seeds of the
 * children in care was 2.2 (tolerance 30), of the share over 20 miles 0.3 points (tolerance 4),
 * of the IFA count 1.8 children (tolerance 3 points of 605, 18). Twice as many (the default until
 * December 2026) cut each of these by about 30% and doubled the time.
 */
export const defaultFitRuns = (childrenInCare: number): number =>
  childrenInCare <= 500 ? 100 : Math.max(30, Math.round((100 * 500) / childrenInCare));

/** Stop once every measure is within this fraction of its tolerance. */
export const CONVERGED_WITHIN = 0.5;
/** Or once the best fit is within tolerance and this many forecasts have not improved on it. */
export const STALL_ITERATIONS = 5;

export interface FitResult {
  /** The calibrated scenario, ready to write (with the fit in its `notes`). */
  readonly scenario: ScenarioJson;
  readonly measures: readonly Measure[];
  readonly parameters: FitParameters;
  readonly evaluation: EvaluationYear;
  /** First-year fitting forecasts run; the best one is returned. */
  readonly iterations: number;
  readonly bestIteration: number;
  /** Five-year forecasts run to measure how the far share drifts (drift.ts). */
  readonly driftForecasts: number;
}

export type FitFailure = CalibrationProblem & { readonly measures?: readonly Measure[]; readonly iterations?: number };

/** Largest |achieved − target| as a multiple of its tolerance (0 = exact, 1 = at the edge). */
export const worstRatio = (measures: readonly Measure[]): number =>
  measures.reduce((w, m) => (m.fitted ? Math.max(w, Math.abs(m.achieved - m.target) / m.tolerance) : w), 0);

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const ratioStep = (target: number, achieved: number, power: number, pad: number, limit = 2): number =>
  clamp(((target + pad) / (achieved + pad)) ** power, 1 / limit, limit);

/** The knobs that answer one measure each, with what each value tried gave (newest last). */
export interface FitHistory {
  readonly farScale: readonly Trial[];
  readonly complexScale: readonly Trial[];
  readonly disruptionScale: readonly Trial[];
}
export const EMPTY_HISTORY: FitHistory = { farScale: [], complexScale: [], disruptionScale: [] };
/** Trials older than this many forecasts are not used to bracket a target. */
export const BRACKET_MEMORY = 3;

/** A secant step may move a knob by at most this factor (it extrapolates; noise can make its slope shallow). */
export const SECANT_LIMIT = 2;

/**
 * Next value of a knob whose measure rises with it: once the trials bracket the target, regula
 * falsi between the newest trial below and the newest above (so steps cannot swing back and
 * forth); with two recent trials on one side that show the measure rising, the secant through
 * them (at most `SECANT_LIMIT` times or a `SECANT_LIMIT`th of the newest value); otherwise a
 * damped ratio step from the newest trial.
 */
export const nextScalar = (
  trials: readonly Trial[], target: number, step: (x: number, y: number) => number, bounds: readonly [number, number],
): number => {
  const newest = trials[trials.length - 1];
  if (newest === undefined) throw new Error('internal: no trial to step from');
  // Only recent trials: the other knobs move too, so old ones describe a different response.
  const recent = trials.slice(-BRACKET_MEMORY).reverse();
  const apart = (a: Trial, b: Trial): boolean => Math.abs(a.x - b.x) > 0.01 * Math.max(Math.abs(a.x), Math.abs(b.x));
  const below = recent.find((t) => t.y < target);
  const above = recent.find((t) => t.y > target);
  if (below !== undefined && above !== undefined && above.y > below.y && apart(above, below)) {
    const x = below.x + ((target - below.y) * (above.x - below.x)) / (above.y - below.y);
    return clamp(x, Math.min(below.x, above.x), Math.max(below.x, above.x));
  }
  const previous = recent[1];
  if (previous !== undefined && apart(newest, previous) && newest.x > 0) {
    const slope = (newest.y - previous.y) / (newest.x - previous.x);
    if (slope > 0) {
      const x = newest.x + (target - newest.y) / slope;
      return clamp(clamp(x, newest.x / SECANT_LIMIT, newest.x * SECANT_LIMIT), bounds[0], bounds[1]);
    }
  }
  return clamp(step(newest.x, newest.y), bounds[0], bounds[1]);
};

/** One step of every knob towards its measure; the first year's far share towards `over20Aim` (drift.ts). */
export const adjust = (
  p: FitParameters, inputs: CalibrationInputs, a: Achieved, year: EvaluationYear, history: FitHistory = EMPTY_HISTORY,
  over20Aim: number = inputs.targets.placedOver20Miles.share,
): FitParameters => {
  const t = inputs.targets;
  const years = year.simulatedDays / 365.25;
  const { byBand, byType } = startingCounts(inputs);
  const cic = t.childrenInCare;

  // Age bands: exit hazards; the starter mix when a hazard is at its bound.
  const exitPerYear = { ...p.exitPerYear };
  const starterMix = { ...p.starterMix };
  AGE_BANDS.forEach((b: AgeBand) => {
    const target = cic * t.ageShares[b];
    const achieved = a.byAgeBand[b];
    const exposure = Math.max(1, (byBand[b] + achieved) / 2) * years * (1 + (EXIT_FIRST_YEAR_FACTOR[b] - 1) * 0.3);
    const next = exitPerYear[b] + (0.8 * (achieved - target)) / exposure;
    exitPerYear[b] = clamp(next, EXIT_BOUNDS.min, EXIT_BOUNDS.max);
    const stuckLow = next <= EXIT_BOUNDS.min && achieved < target;
    const stuckHigh = next >= EXIT_BOUNDS.max && achieved > target;
    if ((stuckLow || stuckHigh) && t.startsPerYear > 0) starterMix[b] = Math.max(0.002, starterMix[b] * ratioStep(target, achieved, 1, 0.5));
  });
  const mixTotal = AGE_BANDS.reduce((s, b) => s + starterMix[b], 0);
  AGE_BANDS.forEach((b) => { starterMix[b] /= mixTotal; });

  const entryScale = t.startsPerYear > 0 && a.startsPerYear > 0
    ? clamp(p.entryScale * clamp(t.startsPerYear / a.startsPerYear, 0.8, 1.25), 0.5, 2) : p.entryScale;

  // Placements arranged around the child.
  const routeScale = { ...p.routeScale };
  for (const r of ROUTE_TYPES) {
    const target = cic * t.placementShares[r];
    if (target === 0 && routeScale[r] === 0) continue;
    if (routeScale[r] === 0) routeScale[r] = 0.2;
    routeScale[r] = clamp(routeScale[r] * ratioStep(target, a.byPlacementType[r], 0.9, 0.5), 0, 50);
  }

  // Carer places: the types the hierarchy fills first are held by their capacity.
  const places = { ...p.places };
  const hold = (c: CarerType): void => {
    const target = cic * t.placementShares[c];
    places[c] = clamp(places[c] + 0.9 * (target - a.byPlacementType[c]), byType[c], target * 1.5 + 5);
  };
  hold('inHouseFoster');
  hold('residentialInHouse');
  hold('supported');
  // Supported accommodation also needs 16–17s to move on to it from foster care and homes.
  const supportedTarget = cic * t.placementShares.supported;
  const moveOnScale = supportedTarget > 0
    ? clamp(p.moveOnScale * ratioStep(supportedTarget, a.byPlacementType.supported, 1, 0.5, 1.5), 0.2, 10) : p.moveOnScale;
  // IFA and private children's homes take whoever the others cannot: keep room in them.
  places.ifa = Math.max(places.ifa, a.byPlacementType.ifa * 1.2 + 3);
  places.residentialPrivate = Math.max(places.residentialPrivate, a.byPlacementType.residentialPrivate * 1.25 + 3);
  const pcTarget = cic * t.placementShares.parentAndChild;
  places.parentAndChild = Math.max(byType.parentAndChild, pcTarget * 1.2 + 2);
  const parentAndChildPerYear = Math.max(0, p.parentAndChildPerYear + (0.8 * (pcTarget - a.byPlacementType.parentAndChild)) / Math.max(0.1, years));

  const resTarget = cic * (t.placementShares.residentialInHouse + t.placementShares.residentialPrivate);
  const resAchieved = a.byPlacementType.residentialInHouse + a.byPlacementType.residentialPrivate;
  const withNewest = (trials: readonly Trial[], x: number, y: number): Trial[] => [...trials, { x, y }];
  const complexScale = nextScalar(withNewest(history.complexScale, p.complexScale, resAchieved), resTarget,
    (x, y) => (x === 0 && resTarget > y ? 0.1 : x * ratioStep(resTarget, y, 1, 0.5, 1.5)), [0, 20]);
  const farScale = nextScalar(withNewest(history.farScale, p.farScale, a.placedOver20Miles), over20Aim,
    (x, y) => x * ratioStep(over20Aim, y, 0.7, 0.005, 1.5), [0.02, 8]);
  const disruptionScale = t.threePlusPlacements === undefined
    ? p.disruptionScale
    : nextScalar(withNewest(history.disruptionScale, p.disruptionScale, a.threePlusPlacements), t.threePlusPlacements,
      (x, y) => x * ratioStep(t.threePlusPlacements!, y, 0.8, 0.01, 1.5), [0.05, 10]);

  return {
    exitPerYear, starterMix, entryScale, routeScale, places, complexScale, parentAndChildPerYear, farScale, localityScale: p.localityScale, disruptionScale, moveOnScale,
  };
};

/** Decode and resolve a built scenario; a failure here is a bug in the builder, not bad input. */
const resolveBuilt = (json: ScenarioJson, inputs: CalibrationInputs, gazetteer: Gazetteer) => {
  const decoded = Scenario.decode(json);
  if (E.isLeft(decoded)) throw new Error(`internal: the calibrated scenario for ${inputs.name} does not decode`);
  const resolved = resolveScenario(decoded.right, gazetteer, { file: `${inputs.origin} (calibrated scenario)` });
  if (E.isLeft(resolved)) throw new Error(`internal: the calibrated scenario does not resolve: ${resolved.left.slice(0, 3).join('; ')}`);
  return resolved.right;
};

/** A forecast the fit asks for; whoever drives the fit runs it (in this thread or on workers). */
export interface ForecastRequest {
  readonly rs: ResolvedScenario;
  readonly options: ForecastOptions;
}

/** The fit as a process: it yields each forecast it needs and is resumed with its summary. */
export type FitProcess<T> = Generator<ForecastRequest, T, ForecastSummary>;

/** Run the scenario at parameters `p` and measure it at the evaluation year end. */
export function* evaluate(
  inputs: CalibrationInputs, gazetteer: Gazetteer, p: FitParameters, options: Pick<FitOptions, 'seed' | 'runs'>,
): FitProcess<{ measures: Measure[]; achieved: Achieved }> {
  const year = evaluationYear(inputs.startDate);
  const rs = resolveBuilt(buildScenario(inputs, p, []).json, inputs, gazetteer);
  const summary = yield { rs, options: { seed: options.seed, runs: options.runs, years: year.index + 1 } };
  const achieved = achievedAt(summary, year);
  return { measures: measuresOf(inputs.targets, achieved), achieved };
}

/** Run the scenario at `p` for five years with `driftRuns` replications: how the far share drifts. */
export function* evaluateDrift(
  inputs: CalibrationInputs, gazetteer: Gazetteer, p: FitParameters, options: Pick<FitOptions, 'seed' | 'runs'>,
): FitProcess<FarShareDrift> {
  const rs = resolveBuilt(buildScenario(inputs, p, []).json, inputs, gazetteer);
  const summary = yield { rs, options: { seed: options.seed, runs: driftRuns(options.runs), years: LATER_HORIZON_YEARS } };
  return driftOf(summary, evaluationYear(inputs.startDate));
}

const fitNotes = (
  inputs: CalibrationInputs, measures: readonly Measure[], options: FitOptions, iterations: number, driftForecasts: number, year: EvaluationYear, p: FitParameters,
): string[] => [
  `Calibrated by \`sufficiency calibrate\` from ${inputs.origin}: ${iterations} fitting forecasts of ${options.runs} replications (seed ${options.seed}), judged at ${year.yearEnd}, the first 31 March after the start with at least 60 simulated days; mean over replications${year.simulatedDays < year.yearDays ? `; starts annualised from ${year.simulatedDays} simulated days` : ''}. Then ${driftForecasts} five-year forecast${driftForecasts === 1 ? '' : 's'} of ${driftRuns(options.runs)} replications for the share placed over 20 miles in years ${LATER_YEARS[0]! + 1}–${LATER_YEARS[LATER_YEARS.length - 1]! + 1}.`,
  `Fit (target vs achieved): ${fitTableLines(measures).filter((l) => !l.startsWith('measure') && !l.startsWith('-')).map((l) => l.replace(/\s{2,}/g, ' ').trim()).join('; ')}.`,
  `The scenario starts on ${inputs.startDate}, the day after the snapshot (${inputs.asAt}): the children counted then are its starting population. ${inputs.area.generic ? 'The snapshot named no home zones, so the area is a stand-in (see sources.homeZones): distances are illustrative.' : ''}`.trim(),
  `Distance locality, fitted so the share placed over 20 miles holds from the first year to years ${LATER_YEARS[0]! + 1}–${LATER_YEARS[LATER_YEARS.length - 1]! + 1}: the starting children are placed with initialPopulation.placementLocalityMiles ${round2(startingLocalityMiles(p))} (λ; the Medway baseline's is 12), and the far share of in-house foster, in-house home and supported places is scaled by ${round2(p.localityScale)} on top of the far-share scale every type has (${round2(p.farScale)}).`,
  'Known limits: the starting population\'s joint age × placement mix and needs are estimated from the two published mixes; the placement mix is fitted at the first year end only, and where it changes over the years the far share moves with it.',
];

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Best {
  readonly p: FitParameters;
  readonly measures: Measure[];
  readonly ratio: number;
  readonly iteration: number;
}

/**
 * One first-year fit from `start`, with the first year's far share aimed at `over20Aim`: its best
 * iteration (judged with that aim) and the forecasts run so far.
 */
function* firstYearFit(
  inputs: CalibrationInputs, gazetteer: Gazetteer, options: FitOptions, start: FitParameters, over20Aim: number, done: number, most: number,
): FitProcess<{ best: Best | undefined; iterations: number }> {
  const year = evaluationYear(inputs.startDate);
  let p = start;
  let best: Best | undefined;
  let history: FitHistory = EMPTY_HISTORY;
  let i = done;
  while (i < Math.min(done + most, Math.max(1, options.maxIterations))) {
    i++;
    const { measures, achieved } = yield* evaluate(inputs, gazetteer, p, options);
    const judged = measures.map((m) => (m.id === 'placedOver20Miles' ? { ...m, target: over20Aim } : m));
    const ratio = worstRatio(judged);
    options.onIteration?.(i, measures, p);
    if (best === undefined || ratio < best.ratio) best = { p, measures, ratio, iteration: i };
    if (judged.every((m) => withinTolerance(m, CONVERGED_WITHIN))) break;
    // Within tolerance but no better for a while: more forecasts are unlikely to help.
    if (best.ratio <= 1 && i - best.iteration >= STALL_ITERATIONS) break;
    const next = adjust(p, inputs, achieved, year, history, over20Aim);
    const resAchieved = achieved.byPlacementType.residentialInHouse + achieved.byPlacementType.residentialPrivate;
    history = {
      farScale: [...history.farScale, { x: p.farScale, y: achieved.placedOver20Miles }],
      complexScale: [...history.complexScale, { x: p.complexScale, y: resAchieved }],
      disruptionScale: [...history.disruptionScale, { x: p.disruptionScale, y: achieved.threePlusPlacements }],
    };
    p = next;
  }
  return { best, iterations: i };
}

/**
 * The fit of a scenario to the inputs' targets, as a process yielding its forecasts. Deterministic
 * for the same inputs and options (a forecast's summary does not depend on where it ran). Returns
 * Left `cannotFit` with the best table of target against achieved when no iteration is within
 * tolerance.
 */
export function* fitProcess(
  inputs: CalibrationInputs, gazetteer: Gazetteer, options: FitOptions = DEFAULT_FIT_OPTIONS,
): FitProcess<E.Either<FitFailure, FitResult>> {
  const year = evaluationYear(inputs.startDate);
  const target = inputs.targets.placedOver20Miles.share;
  let p = initialParameters(inputs);
  let aim = target;
  let iterations = 0;
  let driftForecasts = 0;
  const localityTrials: Trial[] = [];
  let chosen: Best | undefined;
  for (let round = 1; round <= DRIFT_ROUNDS && iterations < Math.max(1, options.maxIterations); round++) {
    const fitted = yield* firstYearFit(inputs, gazetteer, options, p, aim, iterations, round === 1 ? Infinity : LATER_ROUND_ITERATIONS);
    iterations = fitted.iterations;
    const best = fitted.best;
    if (best === undefined) break;
    // The first year does not fit: the drift cannot be judged (nor would it help).
    if (best.ratio > 1) {
      if (chosen === undefined) chosen = best;
      break;
    }
    const drift = yield* evaluateDrift(inputs, gazetteer, best.p, options);
    driftForecasts++;
    const measures = withLaterOver20Miles(best.measures, inputs.targets, drift.later);
    const ratio = worstRatio(measures);
    if (chosen === undefined || ratio < chosen.ratio) chosen = { ...best, measures, ratio };
    if (measures.every((m) => withinTolerance(m, CONVERGED_WITHIN))) break;
    localityTrials.push({ x: best.p.localityScale, y: drift.later - drift.first });
    p = { ...best.p, localityScale: nextLocality(localityTrials, drift.first) };
    aim = farAim(target, drift);
  }
  if (chosen === undefined || !chosen.measures.every((m) => withinTolerance(m))) {
    return E.left({
      kind: 'cannotFit',
      lines: [`${inputs.origin}: cannot fit ${inputs.name} within tolerance after ${iterations} fitting forecasts (best: forecast ${chosen?.iteration ?? 0}); measures marked ✗ are outside:`],
      measures: chosen?.measures ?? [],
      iterations,
    });
  }
  const notes = fitNotes(inputs, chosen.measures, options, iterations, driftForecasts, year, chosen.p);
  return E.right({
    scenario: buildScenario(inputs, chosen.p, notes).json,
    measures: chosen.measures,
    parameters: chosen.p,
    evaluation: year,
    iterations,
    bestIteration: chosen.iteration,
    driftForecasts,
  });
}

/** Drive a fit process, running each forecast it asks for in this thread. */
export const runFitProcess = <T>(process: FitProcess<T>): T => {
  let step = process.next();
  while (step.done !== true) step = process.next(forecast(step.value.rs, step.value.options));
  return step.value;
};

/** Drive a fit process with `run` for its forecasts (worker threads, in the CLI): same result as `runFitProcess`. */
export const runFitProcessWith = async <T>(process: FitProcess<T>, run: (request: ForecastRequest) => Promise<ForecastSummary>): Promise<T> => {
  let step = process.next();
  while (step.done !== true) step = process.next(await run(step.value));
  return step.value;
};

/** Fit a scenario to the inputs' targets in this thread (see `fitProcess`). */
export const fitScenario = (
  inputs: CalibrationInputs, gazetteer: Gazetteer, options: FitOptions = DEFAULT_FIT_OPTIONS,
): E.Either<FitFailure, FitResult> => runFitProcess(fitProcess(inputs, gazetteer, options));
