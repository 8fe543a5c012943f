// Predicted disruption risk, the parts the worked cases leave out: the emergency factor limited
// to the placement's first days, placement types without rates, time-in-placement steps without
// a factor, and the horizon ending before the 18th birthday or at it. (A first step after day 0 is
// refused when the scenario is resolved, so it is not tested here.)
// Hand-made model: every type and band breaks down at 0.5 a year unless said otherwise.
// (Issue 13, item 3: kills mutants of src/matching/referral/disruptionRisk.ts.)
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../../src/domain/vocabulary.js';
import type { DisruptionModel } from '../../../src/matching/referral/context.js';
import {
  breakdownRisk, cumulativeBreakdownHazard, cumulativeRisk, hasBreakdownRates, riskMultiplier, RISK_HORIZON_DAYS,
} from '../../../src/matching/referral/disruptionRisk.js';

const YEAR = 365.25;
const B = AGE_BANDS.length;
const flat = (perYear: number, types = 3): Float64Array => new Float64Array(types * B).fill(perYear / YEAR);
const model = (over: Partial<DisruptionModel> = {}, multipliers: Partial<DisruptionModel['multipliers']> = {}): DisruptionModel => ({
  breakdownPerDay: flat(0.5),
  multipliers: { over20Miles: 2, needMismatch: 1, emergency: 3, hub: 0.5, ...multipliers },
  placementStepDays: [],
  placementStepMultipliers: [],
  ...over,
});
const dob = -10 * YEAR; // aged 10 on day 0: 10to15 for the whole horizon
const none = { milesFromHome: 0, emergency: false, hub: false };

describe('the emergency factor', () => {
  it('applies to the whole year when the scenario does not limit it', () => {
    const m = model();
    expect(riskMultiplier(m, { ...none, emergency: true })).toBe(3);
    expect(cumulativeRisk(m, 0, dob, 0, { ...none, emergency: true })).toBeCloseTo(1.5, 12);
  });

  it('applies only to the first emergencyDays when the scenario limits it', () => {
    const m = model({}, { emergencyDays: 73.05 }); // a fifth of a year
    expect(riskMultiplier(m, { ...none, emergency: true })).toBe(1);
    // 0.5 over the year, plus (3 − 1) × 0.5 × 1/5 for the first fifth
    expect(cumulativeRisk(m, 0, dob, 0, { ...none, emergency: true })).toBeCloseTo(0.5 + 2 * 0.1, 12);
    expect(cumulativeRisk(m, 0, dob, 0, none)).toBeCloseTo(0.5, 12);
    // a window longer than the horizon counts only the horizon
    const long = model({}, { emergencyDays: 3 * YEAR });
    expect(cumulativeRisk(long, 0, dob, 0, { ...none, emergency: true })).toBeCloseTo(1.5, 12);
  });

  it('multiplies with the other factors that apply', () => {
    const m = model({}, { emergencyDays: 73.05 });
    expect(cumulativeRisk(m, 0, dob, 0, { milesFromHome: 25, emergency: true, hub: true })).toBeCloseTo(2 * 0.5 * (0.5 + 0.2), 12);
    expect(breakdownRisk(m, 0, dob, 0, { milesFromHome: 25, emergency: true, hub: true })).toBeCloseTo(1 - Math.exp(-0.7), 12);
  });
});

describe('rates', () => {
  it('a type with no rate in any band has none; one band is enough to have rates', () => {
    const perDay = flat(0.5);
    perDay.fill(0, B, 2 * B); // type 1: none
    perDay.fill(0, 2 * B, 3 * B);
    perDay[2 * B] = 0.1 / YEAR; // type 2: only under1 (the band right after type 1's last)
    const m = model({ breakdownPerDay: perDay });
    expect([0, 1, 2].map((t) => hasBreakdownRates(m, t))).toEqual([true, false, true]);
    expect(hasBreakdownRates(m, 7)).toBe(false); // beyond the table
    expect(cumulativeBreakdownHazard(m, 7, dob, 0, YEAR)).toBe(0);
  });

  it('the horizon is one year', () => {
    expect(RISK_HORIZON_DAYS).toBe(YEAR);
    expect(cumulativeRisk(model(), 0, dob, 0, none)).toBeCloseTo(0.5, 12);
  });

  it('counts a child who turns 18 exactly at the end of the horizon for the whole year', () => {
    expect(cumulativeBreakdownHazard(model(), 0, -17 * YEAR, 0, YEAR)).toBeCloseTo(0.5, 12);
    expect(cumulativeBreakdownHazard(model(), 0, -18 * YEAR, 0, YEAR)).toBe(0);
  });

  it('integrates over the days asked for, from the day asked for', () => {
    expect(cumulativeBreakdownHazard(model(), 0, dob, 100, YEAR / 2)).toBeCloseTo(0.25, 12);
  });
});

describe('time-in-placement steps', () => {
  it('a step without a factor counts at 1', () => {
    const m = model({ placementStepDays: [0, 100], placementStepMultipliers: [2] });
    expect(cumulativeBreakdownHazard(m, 0, dob, 0, YEAR)).toBeCloseTo((2 * 100 + (YEAR - 100)) * (0.5 / YEAR), 12);
  });

  it('steps are measured from the placement start, and stop at the 18th birthday', () => {
    const m = model({ placementStepDays: [0, 100], placementStepMultipliers: [3, 1] });
    // placement starting on day 50, child 18 on day 150: 100 days at × 3 (days 50–150), nothing after
    expect(cumulativeBreakdownHazard(m, 0, 150 - 18 * YEAR, 50, YEAR)).toBeCloseTo(3 * 100 * (0.5 / YEAR), 12);
  });
});
