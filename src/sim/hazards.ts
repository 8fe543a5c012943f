// Event times from piecewise-constant hazards. A unit-exponential "budget" drawn once is spent
// along the child's future; rates change at birthdays that cross an age band and at steps in
// time in care. Spending the same budget under the same rates gives the same day, which keeps
// common random numbers intact when a lever changes something else.
import { DAYS_PER_YEAR, eighteenthBirthdayOf } from '../domain/time.js';
import { toEpochDay, toSimDay, type EpochDay, type SimDay } from '../domain/units.js';
import { AGE_BANDS, AGE_BAND_LOWER_YEARS } from '../domain/vocabulary.js';
import type { HazardSteps } from '../scenario/resolved.js';

const BAND_STARTS_YEARS = AGE_BANDS.map((b) => AGE_BAND_LOWER_YEARS[b]);

export const bandIndexAt = (dobDay: number, day: number): number => {
  const years = (day - dobDay) / DAYS_PER_YEAR;
  let b = 0;
  while (b + 1 < BAND_STARTS_YEARS.length && years >= BAND_STARTS_YEARS[b + 1]!) b++;
  return b;
};

/**
 * Day of the 18th birthday (leaving care, DfE: the child ceases to be looked after on it), in days
 * since the start: the calendar birthday (29 February → 1 March), which 18 × 365.25 days misses by a
 * day when the 18 years hold five leap days.
 */
export const eighteenthBirthday = (dobDay: SimDay, startEpochDay: EpochDay): SimDay =>
  toSimDay(eighteenthBirthdayOf(toEpochDay(dobDay, startEpochDay)), startEpochDay);

/**
 * The one walk behind every event time here: spend `budget` from `from` until `until` along a rate
 * that is constant between breakpoints — birthdays that cross an age band, and steps measured
 * from `origin` (`stepDaysOf(band)`, the first at 0). Infinity if the budget outlasts `until`.
 */
const spendAlong = (
  budget: number, from: number, until: number, dobDay: number,
  origin: number, stepDaysOf: (band: number) => readonly number[], perDay: (band: number, step: number) => number,
): number => {
  let left = budget;
  let t = from;
  while (t < until) {
    const band = bandIndexAt(dobDay, t + 1e-9);
    const steps = stepDaysOf(band);
    let s = 0;
    while (s + 1 < steps.length && t - origin >= steps[s + 1]!) s++;
    const nextStep = s + 1 < steps.length ? origin + steps[s + 1]! : Number.POSITIVE_INFINITY;
    const nextBand = band + 1 < BAND_STARTS_YEARS.length ? dobDay + BAND_STARTS_YEARS[band + 1]! * DAYS_PER_YEAR : Number.POSITIVE_INFINITY;
    const end = Math.min(until, nextStep, nextBand);
    const r = perDay(band, s);
    if (r > 0) {
      const cap = r * (end - t);
      if (left < cap) return t + left / r;
      left -= cap;
    }
    if (end <= t) break; // defensive: no progress means no more hazard to spend
    t = end;
  }
  return Number.POSITIVE_INFINITY;
};

const NO_STEPS: readonly number[] = [];

/** A hazard depending on the age band alone, from `from` until `until`. */
export const bandHazardTime = (
  budget: number, from: number, until: number, dobDay: number, perDayByBand: (band: number) => number,
): number => spendAlong(budget, from, until, dobDay, from, () => NO_STEPS, (b) => perDayByBand(b));

/**
 * Like `bandHazardTime`, with the rate also multiplied by a step function of time since
 * `stepOrigin` (time in the placement): `multipliers[i]` applies from `stepOrigin + stepDays[i]`.
 */
export const bandAndStepHazardTime = (
  budget: number, from: number, until: number, dobDay: number, perDayByBand: (band: number) => number,
  stepOrigin: number, stepDays: readonly number[], multipliers: readonly number[],
): number => (stepDays.length === 0
  ? bandHazardTime(budget, from, until, dobDay, perDayByBand)
  : spendAlong(budget, from, until, dobDay, stepOrigin, () => stepDays,
    (b, s) => perDayByBand(b) * multipliers[s]!));

/**
 * A time-in-placement step function (`stepDays[i]` from the placement's start, the first 0, with
 * `multipliers[i]`; both empty for none) further multiplied by `factor` over the first `days` days:
 * the breakpoints of both, in order. E.g. steps [0, 183] × [2.2, 0.9] with ×4 for 28 days gives
 * [0, 28, 183] × [8.8, 2.2, 0.9].
 */
export const withFactorForFirstDays = (
  stepDays: readonly number[], multipliers: readonly number[], days: number, factor: number,
): { readonly stepDays: readonly number[]; readonly multipliers: readonly number[] } => {
  const from = stepDays.length === 0 ? [0] : stepDays;
  const mults = stepDays.length === 0 ? [1] : multipliers;
  const points = [...new Set([...from, days])].sort((a, b) => a - b);
  return {
    stepDays: points,
    multipliers: points.map((p) => {
      let s = 0;
      while (s + 1 < from.length && from[s + 1]! <= p) s++;
      return mults[s]! * (p < days ? factor : 1);
    }),
  };
};

/**
 * Exit time for a hazard by age band and time in care (steps measured from `entryDay`),
 * starting at `from` ≥ entryDay. Infinity if the budget outlasts `until` (the 18th birthday).
 */
export const exitHazardTime = (
  budget: number, from: number, until: number, dobDay: number, entryDay: number, stepsByBand: readonly HazardSteps[],
): number => spendAlong(budget, from, until, dobDay, entryDay, (b) => stepsByBand[b]!.fromDays, (b, s) => stepsByBand[b]!.perDay[s] ?? 0);
