// Event times from piecewise-constant hazards. A unit-exponential "budget" drawn once is spent
// along the child's future; rates change at birthdays that cross an age band and at steps in
// time in care. Spending the same budget under the same rates gives the same day, which keeps
// common random numbers intact when a lever changes something else.
import { AGE_BANDS, AGE_BAND_LOWER_YEARS } from '../domain/vocabulary.js';
import type { HazardSteps } from '../scenario/resolved.js';

const DAYS_PER_YEAR = 365.25;
const BAND_STARTS_YEARS = AGE_BANDS.map((b) => AGE_BAND_LOWER_YEARS[b]);

export const bandIndexAt = (dobDay: number, day: number): number => {
  const years = (day - dobDay) / DAYS_PER_YEAR;
  let b = 0;
  while (b + 1 < BAND_STARTS_YEARS.length && years >= BAND_STARTS_YEARS[b + 1]!) b++;
  return b;
};

/** Day of the 18th birthday (leaving care), in days since start. */
export const eighteenthBirthday = (dobDay: number): number => Math.floor(dobDay + 18 * DAYS_PER_YEAR);

/**
 * Continuous time (days since start) at which a hazard depending on the age band alone first
 * spends `budget`, starting at `from` and giving up at `until`. Infinity if not before `until`.
 */
export const bandHazardTime = (
  budget: number, from: number, until: number, dobDay: number, perDayByBand: (band: number) => number,
): number => {
  let left = budget;
  let t = from;
  let band = bandIndexAt(dobDay, t);
  while (t < until) {
    const nextBoundary = band + 1 < BAND_STARTS_YEARS.length ? dobDay + BAND_STARTS_YEARS[band + 1]! * DAYS_PER_YEAR : Number.POSITIVE_INFINITY;
    const end = Math.min(until, nextBoundary);
    const r = perDayByBand(band);
    if (r > 0) {
      const cap = r * (end - t);
      if (left < cap) return t + left / r;
      left -= cap;
    }
    t = end;
    band++;
  }
  return Number.POSITIVE_INFINITY;
};

/**
 * Like `bandHazardTime`, with the rate also multiplied by a step function of time since
 * `stepOrigin` (time in the placement): `multipliers[i]` applies from `stepOrigin + stepDays[i]`.
 */
export const bandAndStepHazardTime = (
  budget: number, from: number, until: number, dobDay: number, perDayByBand: (band: number) => number,
  stepOrigin: number, stepDays: readonly number[], multipliers: readonly number[],
): number => {
  if (stepDays.length === 0) return bandHazardTime(budget, from, until, dobDay, perDayByBand);
  let left = budget;
  let t = from;
  while (t < until) {
    const band = bandIndexAt(dobDay, t + 1e-9);
    let s = 0;
    while (s + 1 < stepDays.length && t - stepOrigin >= stepDays[s + 1]!) s++;
    const nextStep = s + 1 < stepDays.length ? stepOrigin + stepDays[s + 1]! : Number.POSITIVE_INFINITY;
    const nextBand = band + 1 < BAND_STARTS_YEARS.length ? dobDay + BAND_STARTS_YEARS[band + 1]! * DAYS_PER_YEAR : Number.POSITIVE_INFINITY;
    const end = Math.min(until, nextStep, nextBand);
    const r = perDayByBand(band) * (t - stepOrigin >= stepDays[0]! ? multipliers[s]! : 1);
    if (r > 0) {
      const cap = r * (end - t);
      if (left < cap) return t + left / r;
      left -= cap;
    }
    if (end <= t) break;
    t = end;
  }
  return Number.POSITIVE_INFINITY;
};

/**
 * Exit time for a hazard by age band and time in care (steps measured from `entryDay`),
 * starting at `from` ≥ entryDay. Infinity if the budget outlasts `until` (the 18th birthday).
 */
export const exitHazardTime = (
  budget: number, from: number, until: number, dobDay: number, entryDay: number, stepsByBand: readonly HazardSteps[],
): number => {
  let left = budget;
  let t = from;
  while (t < until) {
    const band = bandIndexAt(dobDay, t + 1e-9);
    const steps = stepsByBand[band]!;
    const inCare = t - entryDay;
    let s = 0;
    while (s + 1 < steps.fromDays.length && inCare >= steps.fromDays[s + 1]!) s++;
    const nextStep = s + 1 < steps.fromDays.length ? entryDay + steps.fromDays[s + 1]! : Number.POSITIVE_INFINITY;
    const nextBand = band + 1 < BAND_STARTS_YEARS.length ? dobDay + BAND_STARTS_YEARS[band + 1]! * DAYS_PER_YEAR : Number.POSITIVE_INFINITY;
    const end = Math.min(until, nextStep, nextBand);
    const r = steps.perDay[s] ?? 0;
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
