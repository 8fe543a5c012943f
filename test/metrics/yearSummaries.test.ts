// Per-year summaries as forecast writes them: rounding, the column layout by year and metric,
// nested metric paths and the partial first year. (Issue 13, item 3: kills the surviving mutants
// of src/metrics/summary.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import { epochDayOf, financialYearsFrom, isoDateOfEpochDay } from '../../src/domain/time.js';
import { METRICS, METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { ReplicationColumns, statsOf, summariseYears } from '../../src/metrics/summary.js';

describe('statsOf', () => {
  it('rounds every figure to 4 decimal places and never writes −0', () => {
    expect(statsOf([1 / 3])).toEqual({ mean: 0.3333, p5: 0.3333, p25: 0.3333, p50: 0.3333, p75: 0.3333, p95: 0.3333 });
    const tiny = statsOf([-0.00001]);
    expect(Object.values(tiny).every((v) => Object.is(v, 0))).toBe(true);
  });

  it('sorts the values itself (quantiles need them in order)', () => {
    expect(statsOf([9, 1, 5])).toEqual({ mean: 5, p5: 1.4, p25: 3, p50: 5, p75: 7, p95: 8.6 });
  });
});

describe('ReplicationColumns', () => {
  it('refuses a row of the wrong length (a bug in the engine)', () => {
    const c = new ReplicationColumns(1, 2);
    expect(() => c.add(0, new Float64Array(METRIC_COUNT))).toThrow('internal');
    expect(() => c.add(0, new Float64Array(2 * METRIC_COUNT + 1))).toThrow('internal');
  });

  it('keeps one column per year and metric', () => {
    const c = new ReplicationColumns(2, 2);
    const row = (r: number) => Float64Array.from({ length: 2 * METRIC_COUNT }, (_, i) => 1000 * r + i);
    c.add(0, row(0));
    expect(c.complete).toBe(false);
    c.add(1, row(1));
    expect(c.complete).toBe(true);
    expect(Array.from(c.column(1, 3))).toEqual([METRIC_COUNT + 3, 1000 + METRIC_COUNT + 3]);
    expect(Array.from(c.column(0, METRIC_COUNT - 1))).toEqual([METRIC_COUNT - 1, 1000 + METRIC_COUNT - 1]);
  });
});

describe('summariseYears', () => {
  const start = epochDayOf('2024-10-01');
  const years = financialYearsFrom(start, 2);
  const c = new ReplicationColumns(2, 2);
  const row = (x: number) => {
    const out = new Float64Array(2 * METRIC_COUNT).fill(Number.NaN);
    out[metricIndex('childrenInCare')] = x;
    out[METRIC_COUNT + metricIndex('childrenInCare')] = 10 * x;
    out[METRIC_COUNT + metricIndex('costByPlacementType.ifa')] = x;
    return out;
  };
  c.add(0, row(1));
  c.add(1, row(3));
  // summarised in beforeEach, not as the file is collected, so a mutation run sees the mutant (docs/mutation.md)
  let s: ReturnType<typeof summariseYears> = [];
  beforeEach(() => {
    s = summariseYears(c, years, '2024-10-01', (fy) => isoDateOfEpochDay(start + fy.startDay));
  });

  it('marks a first year that starts before the scenario as partial, simulated from the start date', () => {
    expect(s.map(({ financialYear, yearEnd, simulatedFrom, partial }) => ({ financialYear, yearEnd, simulatedFrom, partial }))).toEqual([
      { financialYear: '2024/25', yearEnd: '2025-03-31', simulatedFrom: '2024-10-01', partial: true },
      { financialYear: '2025/26', yearEnd: '2026-03-31', simulatedFrom: '2025-04-01', partial: false },
    ]);
  });

  it('files each metric under its path, from its own year', () => {
    expect(s[0]!.metrics['childrenInCare']).toMatchObject({ mean: 2, p50: 2 });
    expect(s[1]!.metrics['childrenInCare']).toMatchObject({ mean: 20, p5: 11 });
    const byType = s[1]!.metrics['costByPlacementType'] as Record<string, unknown>;
    expect(byType['ifa']).toMatchObject({ mean: 2 });
    // not set in the rows (NaN): not defined, so null
    expect(byType['secure']).toMatchObject({ mean: null });
    expect(Object.keys(byType).length).toBe(METRICS.filter((m) => m.path[0] === 'costByPlacementType').length);
    const seg = (s[0]!.metrics['shortfallsBySegment'] as Record<string, Record<string, unknown>>);
    expect(Object.keys(seg).length).toBeGreaterThan(1);
    expect(Object.values(seg).every((byNeed) => Object.keys(byNeed).length > 1)).toBe(true);
  });
});
