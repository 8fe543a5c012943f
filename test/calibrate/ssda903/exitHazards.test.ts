import { describe, expect, it } from 'vitest';
import { exitHazards, isTurning18, splitAtSteps, stepIndex } from '../../../src/calibrate/ssda903/exitHazards.js';
import type { ChildHistory, Period } from '../../../src/calibrate/ssda903/types.js';
import { windowOf } from '../../../src/calibrate/ssda903/window.js';
import { day } from '../../fixtures/ssda903/rows.js';

const period = (start: string, end?: string, over: Partial<Period> = {}): Period => ({
  start: day(start), startKnown: true, end: end === undefined ? undefined : day(end), rec: end === undefined ? undefined : 'E4A', censoredAt: undefined, cinAtStart: 'N1',
  placements: [], ...over,
});
const child = (id: string, dob: string, periods: Period[]): ChildHistory => ({ child: id, dob: day(dob), uasc: false, periods });
const w = windowOf(day('2024-03-31'), day('2022-04-01'));

describe('steps of time in care', () => {
  it('stepIndex and splitAtSteps cut at start + step × 365.25 days', () => {
    expect(stepIndex([0, 1, 2], 0.99)).toBe(0);
    expect(stepIndex([0, 1, 2], 1)).toBe(1);
    expect(stepIndex([0, 1, 2], 9)).toBe(2);
    expect(splitAtSteps(10, 800, 0, [0, 1, 2])).toEqual([{ step: 0, from: 10, to: 365.25 }, { step: 1, from: 365.25, to: 730.5 }, { step: 2, from: 730.5, to: 800 }]);
  });
});

describe('exitHazards: occurrences / exposure with right-censoring', () => {
  it('children still in care add exposure and no exit (not "short stays")', () => {
    // Ten 12-year-olds start on 1 April 2022; one leaves after 73.05 days (0.2 years); nine are still in care at the snapshot.
    const kids = Array.from({ length: 10 }, (_, i) => child(`c${i}`, '2010-01-01', [period('2022-04-01', i === 0 ? undefined : undefined)]));
    kids[0] = child('c0', '2010-01-01', [{ ...period('2022-04-01'), end: day('2022-04-01') + 73.05, rec: 'E4A' }]);
    const r = exitHazards(kids, w, [0, 1, 2], 0);
    const [y0, y1, y2] = r.hazards['10to15'];
    // Exposure: 0.2 years + 9 × 1 year in the first year in care; 9 × 1 year in the second; 9 × (731 − 730.5) / 365.25 in the third.
    expect(y0!.events).toBe(1);
    expect(y0!.exposureYears).toBeCloseTo(9.2, 9);
    expect(y0!.perYear).toBeCloseTo(1 / 9.2, 9);
    expect(y1!.exposureYears).toBeCloseTo(9, 9);
    expect(y1!.events).toBe(0);
    expect(y2!.exposureYears).toBeCloseTo((9 * 0.5) / 365.25, 9);
    expect(r.reasonCounts['10to15'].returnHome).toBe(1);
  });
  it('a period that began before the window counts from observedFrom (delayed entry), at its true time in care', () => {
    // Started 1 October 2021 (before the window), left 2 October 2022: just into the second year in care.
    const r = exitHazards([child('a', '2010-01-01', [period('2021-10-01', '2022-10-02')])], w, [0, 1, 2], 0);
    const [y0, y1] = r.hazards['10to15'];
    expect(y0!.exposureYears).toBeCloseTo((day('2021-10-01') + 365.25 - day('2022-04-01')) / 365.25, 9);
    expect(y0!.events).toBe(0);
    expect(y1!.events).toBe(1);
  });
  it('periods with an unknown start are left out; leaving at 18 is not an exit event', () => {
    const r = exitHazards([
      child('u', '2010-01-01', [period('2021-01-01', '2023-01-01', { startKnown: false })]),
      child('t', '2005-06-01', [period('2022-06-01', '2023-06-05', { rec: 'E17' })]),
    ], w, [0, 1, 2], 0);
    expect(r.unknownStart).toBe(1);
    expect(r.turned18).toBe(1);
    expect(AGE_EVENTS(r)).toBe(0);
    // The 17-year-old's exposure stops at the 18th birthday (dob + 18 × 365.25 days).
    expect(r.hazards['16plus'].reduce((x, h) => x + h.exposureYears, 0)).toBeCloseTo((day('2005-06-01') + 18 * 365.25 - day('2022-06-01')) / 365.25, 9);
    expect(isTurning18(day('2005-06-01'), day('2023-06-01'))).toBe(true); // the calendar birthday, half a day before dob + 18 × 365.25
    expect(isTurning18(day('2005-06-01'), day('2023-05-30'))).toBe(false);
  });
  it('exits after the snapshot are ignored (the period is censored at the snapshot)', () => {
    const r = exitHazards([child('a', '2010-01-01', [period('2023-06-01', '2024-05-01')])], w, [0, 1, 2], 0);
    expect(AGE_EVENTS(r)).toBe(0);
    expect(r.hazards['10to15'][0]!.exposureYears).toBeCloseTo((day('2024-04-01') - day('2023-06-01')) / 365.25, 9);
  });
});

const AGE_EVENTS = (r: ReturnType<typeof exitHazards>): number => Object.values(r.hazards).flat().reduce((s, h) => s + h.events, 0);
