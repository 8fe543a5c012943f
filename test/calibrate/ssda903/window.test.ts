import { describe, expect, it } from 'vitest';
import { dateRange, defaultAsAt, defaultObservedFrom, windowOf } from '../../../src/calibrate/ssda903/window.js';
import { day, ep } from '../../fixtures/ssda903/rows.js';

describe('the observation window', () => {
  it('snapshot: the 31 March ending the latest collection year in the data', () => {
    expect(defaultAsAt(day('2024-03-30'))).toBe(day('2024-03-31'));
    expect(defaultAsAt(day('2024-03-31'))).toBe(day('2024-03-31'));
    expect(defaultAsAt(day('2024-04-01'))).toBe(day('2025-03-31'));
  });
  it('flows complete from 1 April of the year of the earliest DEC (a return holds every episode open in its year)', () => {
    const r = dateRange([ep('1', '2019-06-01'), ep('1', '2021-01-01', '2021-05-01'), ep('2', '2022-08-01', '2023-02-01')]);
    expect(r).toEqual({ latest: day('2023-02-01'), earliestEnd: day('2021-05-01') });
    expect(defaultObservedFrom(r.earliestEnd, r.latest!)).toBe(day('2021-04-01'));
    expect(defaultObservedFrom(undefined, day('2023-02-01'))).toBe(day('2022-04-01'));
  });
  it('counts time up to the end of the snapshot day', () => {
    expect(windowOf(day('2024-03-31'), day('2023-04-01'))).toEqual({ asAt: day('2024-03-31'), end: day('2024-04-01'), observedFrom: day('2023-04-01'), years: 366 / 365.25 });
  });
});
