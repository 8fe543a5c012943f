import { describe, expect, it } from 'vitest';
import { breakdownRisk, cumulativeBreakdownHazard, riskMultiplier } from '../../../src/matching/referral/disruptionRisk.js';
import { testContext, T, MATCH_DAY } from '../../fixtures/matchArbitraries.js';

const model = testContext().disruption;
const YEAR = 365.25;

describe('predicted disruption risk (the simulation\'s breakdown hazard over the next 12 months)', () => {
  it('integrates the rate of each age band the child passes through', () => {
    // in-house foster: 5to9 0.15 a year, 10to15 0.30. A child turning 10 half-way through the year:
    const dob = MATCH_DAY - 9.5 * YEAR;
    expect(cumulativeBreakdownHazard(model, T('inHouseFoster'), dob, MATCH_DAY, YEAR)).toBeCloseTo(0.5 * 0.15 + 0.5 * 0.3, 9);
  });

  it('stops at the 18th birthday (leaving care)', () => {
    const dob = MATCH_DAY - 17.75 * YEAR; // 16plus, 0.28 a year, for a quarter of a year
    expect(cumulativeBreakdownHazard(model, T('inHouseFoster'), dob, MATCH_DAY, YEAR)).toBeCloseTo(0.25 * 0.28, 9);
  });

  it('multiplies the scenario factors that apply: over 20 miles, emergency, hub', () => {
    expect(riskMultiplier(model, { milesFromHome: 20, emergency: false, hub: false })).toBe(1);
    expect(riskMultiplier(model, { milesFromHome: 20.1, emergency: true, hub: true })).toBeCloseTo(1.2 * 4 * 0.8, 12);
    const dob = MATCH_DAY - 12.5 * YEAR;
    expect(breakdownRisk(model, T('ifa'), dob, MATCH_DAY, { milesFromHome: 30, emergency: false, hub: false })).toBeCloseTo(1 - Math.exp(-1.2 * 0.32), 9);
  });
});

describe('risk with the time-in-placement effect', () => {
  it('weights the first months by the scenario step factors, as the simulation does', () => {
    const perDay = new Float64Array(12 * 5).fill(0.5 / 365.25);
    const base = { breakdownPerDay: perDay, multipliers: { over20Miles: 1, needMismatch: 1, emergency: 1, hub: 1 }, placementStepDays: [] as number[], placementStepMultipliers: [] as number[] };
    const stepped = { ...base, placementStepDays: [0, 182], placementStepMultipliers: [2, 0.5] };
    const dob = -10 * 365.25;
    // Flat: 0.5 a year over a year. Stepped: 182 days at 1.0 a year, the rest at 0.25 a year.
    expect(cumulativeBreakdownHazard(base, 1, dob, 0, 365.25)).toBeCloseTo(0.5, 9);
    expect(cumulativeBreakdownHazard(stepped, 1, dob, 0, 365.25)).toBeCloseTo((182 * 1 + (365.25 - 182) * 0.25) / 365.25, 9);
  });
});
