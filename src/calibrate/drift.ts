// Holding the far share through the horizon. The fit judges the first 31 March; the share placed
// more than 20 miles then drifts as the starting children move on: they fill the held places
// (in-house foster and homes, supported accommodation) far ones and all, and the IFA places left
// after them, while new children are matched to the nearest suitable vacancy. With one
// authority-blind locality (12 miles, the Medway baseline's) the calibrated snapshots drifted down
// several points over five years (Medway 31.8% to 28.9%, Lambeth 17.2% to 12.9%).
//
// So after the first-year fit converges, one small five-year forecast measures the drift, and two
// knobs answer it before the first-year fit runs again:
//   localityScale (the starting placements' locality λ = 12 miles × it, and the held places' far
//                 share × it) → the drift towards none;
//   the far share's aim      → half the drift it leaves, so the first year and years 3–5
//                              straddle the snapshot's figure.
// The locality closes only part of the drift on the shipped snapshots (the placement mix also
// moves after the first year, and IFA and private homes' far shares with it); the aim does the rest.
// Pure: the forecast is the caller's.
import type { ForecastSummary } from '../sim/forecast.js';
import { achievedAt, laterOver20MilesAt, type EvaluationYear } from './measures.js';
import { LOCALITY_SCALE_BOUNDS } from './parameters.js';

/** The far share in the drift forecast: at the evaluation year end and the mean of years 3–5. */
export interface FarShareDrift {
  readonly first: number;
  readonly later: number;
}

/** A knob tried at `x` gave `y`. */
export interface Trial {
  readonly x: number;
  readonly y: number;
}

/**
 * Replications of the five-year drift forecast: a fifth of a fitting forecast's (at least 20),
 * so it costs about as much as one. Enough for a share (its standard error is then about half a
 * point on the shipped snapshots) though not for the counts the fitting forecasts judge.
 */
export const driftRuns = (runs: number): number => Math.max(20, Math.round(runs / 5));

/**
 * First-year fits in all, each followed by a drift forecast: the first from the first guess, the
 * second from where the first ended with the new locality and aim.
 */
export const DRIFT_ROUNDS = 3;
/** Most fitting forecasts of a later round: it starts from a fit, so a few suffice. */
export const LATER_ROUND_ITERATIONS = 6;

export const driftOf = (summary: ForecastSummary, year: EvaluationYear): FarShareDrift =>
  ({ first: achievedAt(summary, year).placedOver20Miles, later: laterOver20MilesAt(summary) });

/**
 * Change in the drift (later − first, as a fraction of the far share) per unit of
 * `localityScale`: about −0.2 to −0.3 on the shipped snapshots. It only sizes the first step;
 * later steps interpolate between the trials.
 */
export const DRIFT_PER_LOCALITY = -0.25;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * The next `localityScale`: a step sized by `DRIFT_PER_LOCALITY` from the newest trial, or, once
 * two trials (x: localityScale, y: drift) lie either side of no drift, the secant between them.
 * Less local (a larger scale) starts more children far away, so the drift falls as it grows.
 *
 * @example nextLocality([{ x: 1, y: -0.01 }], 0.3) // 1 − 0.01 / (0.25 × 0.3) ≈ 0.87: more local
 */
export const nextLocality = (trials: readonly Trial[], level: number): number => {
  const newest = trials[trials.length - 1];
  if (newest === undefined) throw new Error('internal: no locality trial to step from');
  const up = trials.filter((t) => t.y > 0).pop();
  const down = trials.filter((t) => t.y < 0).pop();
  if (up !== undefined && down !== undefined && Math.abs(up.x - down.x) > 1e-3) {
    return clamp(up.x + (up.y * (down.x - up.x)) / (up.y - down.y), Math.min(up.x, down.x), Math.max(up.x, down.x));
  }
  const step = newest.y / (DRIFT_PER_LOCALITY * Math.max(0.02, level));
  return clamp(newest.x - clamp(step, -0.6, 0.6), LOCALITY_SCALE_BOUNDS[0], LOCALITY_SCALE_BOUNDS[1]);
};

/**
 * Where the first year's far share should be so that it and years 3–5 straddle the target
 * evenly, given the drift as a fraction of the share (a share drifts in proportion to itself as
 * the far-share scale moves it).
 *
 * @example farAim(0.185, { first: 0.17, later: 0.13 }) // 0.185 / (1 − 0.235 / 2) ≈ 0.21
 */
export const farAim = (target: number, drift: FarShareDrift): number => {
  const relative = drift.first > 0 ? (drift.later - drift.first) / drift.first : 0;
  return target / (1 + Math.max(-0.5, Math.min(0.5, relative)) / 2);
};
