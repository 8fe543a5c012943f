import { describe, expect, it } from 'vitest';
import { epochDay, simDay } from '../../src/domain/units.js';
import { bandAndStepHazardTime, bandHazardTime, bandIndexAt, eighteenthBirthday, exitHazardTime, withFactorForFirstDays } from '../../src/sim/hazards.js';
import { bandAgeDays } from '../../src/sim/children.js';

const Y = 365.25;

describe('hazard timelines', () => {
  it('finds the age band on a day', () => {
    expect(bandIndexAt(0, 0)).toBe(0);
    expect(bandIndexAt(0, Y)).toBe(1);
    expect(bandIndexAt(0, 5 * Y - 1)).toBe(1);
    expect(bandIndexAt(-16 * Y, 0)).toBe(4);
  });

  it('puts the 18th birthday on the calendar day (DfE: care ends on it), leap years or not', () => {
    const start = epochDay(Date.UTC(2023, 3, 1) / 86_400_000); // day 0 is 1 April 2023
    const day = (y: number, m: number, d: number) => simDay(Date.UTC(y, m - 1, d) / 86_400_000 - start);
    // Born 1 April 2006: 18 on 1 April 2024 (the 18 years hold five leap days; 18 × 365.25 days fall a day short).
    expect(eighteenthBirthday(day(2006, 4, 1), start)).toBe(day(2024, 4, 1));
    expect(eighteenthBirthday(day(2006, 4, 1), start)).toBe(Math.floor(day(2006, 4, 1) + 18 * Y) + 1);
    expect(eighteenthBirthday(day(2007, 6, 30), start)).toBe(day(2025, 6, 30));
    expect(eighteenthBirthday(day(2008, 2, 29), start)).toBe(day(2026, 3, 1));
  });

  it('spends a budget across an age-band boundary', () => {
    // A child turns 10 (band 5to9 → 10to15) 100 days from now; rate 0.01/day before, 0.02 after.
    const dob = 100 - 10 * Y;
    const rate = (b: number): number => (b === 2 ? 0.01 : b === 3 ? 0.02 : 0);
    expect(bandHazardTime(0.5, 0, 10_000, dob, rate)).toBeCloseTo(50);
    // 1.0 spent by day 100, the remaining 0.5 at 0.02/day takes 25 days.
    expect(bandHazardTime(1.5, 0, 10_000, dob, rate)).toBeCloseTo(125);
    expect(bandHazardTime(1.5, 0, 110, dob, rate)).toBe(Number.POSITIVE_INFINITY);
  });

  it('uses the time-in-care step that applies', () => {
    const steps = Array.from({ length: 5 }, () => ({ fromDays: [0, Y], perDay: [2 / Y, 0.5 / Y] }));
    // Entered 0.5 years ago: half a year at 2/yr spends 1.0, then 0.5/yr.
    const entry = -0.5 * Y;
    expect(exitHazardTime(0.5, 0, 1e9, -5 * Y, entry, steps)).toBeCloseTo(0.25 * Y);
    expect(exitHazardTime(1.5, 0, 1e9, -5 * Y, entry, steps)).toBeCloseTo(0.5 * Y + 1 * Y);
    expect(exitHazardTime(1.5, 0, Y, -5 * Y, entry, steps)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('hazards by time in the placement', () => {
  it('multiplies the rate by the step in force and spends the budget across steps', () => {
    // Placement started on day −100; rate 0.01/day; ×2 for the first 150 days in it, ×0.5 after.
    const dob = -12 * Y; // stays 10to15 throughout
    const rate = (): number => 0.01;
    // From day 0: 50 days at 0.02 spend 1.0; then 0.005/day: 0.5 more takes 100 days.
    expect(bandAndStepHazardTime(1.5, 0, 10_000, dob, rate, -100, [0, 150], [2, 0.5])).toBeCloseTo(150);
    expect(bandAndStepHazardTime(0.5, 0, 10_000, dob, rate, -100, [0, 150], [2, 0.5])).toBeCloseTo(25);
    // No steps: the plain band hazard.
    expect(bandAndStepHazardTime(0.5, 0, 10_000, dob, rate, -100, [], [])).toBeCloseTo(50);
  });
});

describe('a factor over the first days of a placement (withFactorForFirstDays)', () => {
  it('merges its end into the steps, multiplying the steps it covers (the example in its comment)', () => {
    expect(withFactorForFirstDays([0, 183], [2.2, 0.9], 28, 4)).toEqual({ stepDays: [0, 28, 183], multipliers: [8.8, 2.2, 0.9] });
  });
  it('with no steps: the factor, then 1', () => {
    expect(withFactorForFirstDays([], [], 28, 4)).toEqual({ stepDays: [0, 28], multipliers: [4, 1] });
  });
  it('ending after several steps, or on one', () => {
    expect(withFactorForFirstDays([0, 10, 20], [2, 1, 0.5], 28, 3)).toEqual({ stepDays: [0, 10, 20, 28], multipliers: [6, 3, 1.5, 0.5] });
    expect(withFactorForFirstDays([0, 28], [2, 1], 28, 4)).toEqual({ stepDays: [0, 28], multipliers: [8, 1] });
  });
});

describe('the ages a band spans (bandAgeDays)', () => {
  it('from its first birthday to the day before the next band (16+: the day before the 18th birthday)', () => {
    expect(bandAgeDays(0)).toEqual([0, Y - 1]);
    expect(bandAgeDays(1)).toEqual([Y, 5 * Y - 1]);
    expect(bandAgeDays(3)).toEqual([10 * Y, 16 * Y - 1]);
    expect(bandAgeDays(4)).toEqual([16 * Y, 18 * Y - 1]);
  });
});
