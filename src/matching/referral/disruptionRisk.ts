// Predicted disruption risk of a placement, from the simulation's hazard model: the chance the
// placement breaks down (ends unplanned) within 12 months,
//   risk = 1 − exp(−m · ∫ h_band(t) dt over the next 365.25 days),
// where h is the scenario's breakdown rate for the placement type and the child's age band on
// each day (bands change at birthdays) times the scenario's factor for time in the placement (risk
// is highest early), and m multiplies the scenario's factors that apply: over 20 miles from home,
// an emergency placement (needed today) and a hub household. When the scenario limits the
// emergency factor e to the placement's first D days (`multipliers.emergencyDays`), as the
// simulation does, the integral is m' · (H(0, 365.25) + (e − 1) · H(0, min(D, 365.25))), with m'
// the other factors and H the integrated rate from the placement's start. Planned moves
// and leaving care are not breakdowns and are not counted; the hazard stops at the 18th birthday.
import { AGE_BANDS, AGE_BAND_LOWER_YEARS } from '../../domain/vocabulary.js';
import { OVER_20_MILES } from '../../domain/geography.js';
import { DAYS_PER_YEAR } from '../../domain/time.js';
import type { DisruptionModel } from './context.js';

const BAND_START_DAYS = AGE_BANDS.map((b) => AGE_BAND_LOWER_YEARS[b] * DAYS_PER_YEAR);
const EIGHTEEN_DAYS = 18 * DAYS_PER_YEAR;

/** The horizon of the predicted risk: one year, in days. */
export const RISK_HORIZON_DAYS = DAYS_PER_YEAR;

/**
 * Breakdown hazard of placement type `type` integrated over [fromDay, fromDay + days) for a child
 * born on `dobDay` (all epoch days), before multipliers.
 */
export const cumulativeBreakdownHazard = (model: DisruptionModel, type: number, dobDay: number, fromDay: number, days: number): number => {
  const until = Math.min(fromDay + days, dobDay + EIGHTEEN_DAYS);
  const byBand = (from: number, to: number): number => {
    let total = 0;
    for (let b = 0; b < AGE_BANDS.length; b++) {
      const start = Math.max(from, dobDay + BAND_START_DAYS[b]!);
      const end = Math.min(to, b + 1 < AGE_BANDS.length ? dobDay + BAND_START_DAYS[b + 1]! : to);
      if (end > start) total += (model.breakdownPerDay[type * AGE_BANDS.length + b] ?? 0) * (end - start);
    }
    return total;
  };
  const steps = model.placementStepDays;
  if (steps.length === 0) return byBand(fromDay, until);
  // The placement starts on `fromDay`: each step's factor applies from fromDay + its days.
  let total = 0;
  steps.forEach((d, s) => {
    const start = Math.max(fromDay, fromDay + d);
    const end = Math.min(until, s + 1 < steps.length ? fromDay + steps[s + 1]! : until);
    if (end > start) total += (model.placementStepMultipliers[s] ?? 1) * byBand(start, end);
  });
  return total;
};

/** Whether the scenario gives any breakdown rate for placement type `type` (a type left out of `disruption.base` has none). */
export const hasBreakdownRates = (model: DisruptionModel, type: number): boolean => {
  for (let b = 0; b < AGE_BANDS.length; b++) if ((model.breakdownPerDay[type * AGE_BANDS.length + b] ?? 0) > 0) return true;
  return false;
};

export interface RiskFactors {
  readonly milesFromHome: number;
  /** Needed today: an emergency placement. */
  readonly emergency: boolean;
  readonly hub: boolean;
}

/**
 * The product of the scenario's multipliers that apply for the whole placement: the emergency
 * factor is among them only when the scenario does not limit it to the first `emergencyDays`.
 */
export const riskMultiplier = (model: DisruptionModel, f: RiskFactors): number =>
  (f.milesFromHome > OVER_20_MILES ? model.multipliers.over20Miles : 1)
  * (f.emergency && model.multipliers.emergencyDays === undefined ? model.multipliers.emergency : 1)
  * (f.hub ? model.multipliers.hub : 1);

/** The integrated breakdown hazard over the 12 months, all multipliers applied. */
export const cumulativeRisk = (model: DisruptionModel, type: number, dobDay: number, fromDay: number, f: RiskFactors): number => {
  const whole = cumulativeBreakdownHazard(model, type, dobDay, fromDay, RISK_HORIZON_DAYS);
  const days = model.multipliers.emergencyDays;
  // The emergency factor's extra over its first days: (e − 1) × the hazard of those days.
  const extra = f.emergency && days !== undefined
    ? (model.multipliers.emergency - 1) * cumulativeBreakdownHazard(model, type, dobDay, fromDay, Math.min(days, RISK_HORIZON_DAYS))
    : 0;
  return riskMultiplier(model, f) * (whole + extra);
};

/** Chance, 0–1, that a placement of type `type` starting on `fromDay` breaks down within 12 months. */
export const breakdownRisk = (model: DisruptionModel, type: number, dobDay: number, fromDay: number, f: RiskFactors): number =>
  1 - Math.exp(-cumulativeRisk(model, type, dobDay, fromDay, f));
