import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_COUNT, metricIndex, metricKey } from '../../src/domain/metricCatalog.js';
import { ReplicationColumns, statsOf } from '../../src/metrics/summary.js';

describe('summary statistics', () => {
  it('uses linear interpolation between order statistics (R type 7)', () => {
    const s = statsOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s).toEqual({ mean: 5.5, p5: 1.45, p25: 3.25, p50: 5.5, p75: 7.75, p95: 9.55 });
  });

  it('skips undefined values and reports null when none is defined', () => {
    expect(statsOf([Number.NaN, 2, 4]).mean).toBe(3);
    expect(statsOf([Number.NaN])).toEqual({ mean: null, p5: null, p25: null, p50: null, p75: null, p95: null });
  });

  it('stores rows by replication index, whatever order they arrive in', () => {
    const a = new ReplicationColumns(3, 1);
    const b = new ReplicationColumns(3, 1);
    const row = (x: number): Float64Array => new Float64Array(METRIC_COUNT).fill(x);
    [0, 1, 2].forEach((r) => a.add(r, row(r)));
    [2, 0, 1].forEach((r) => b.add(r, row(r)));
    expect(Array.from(a.column(0, 0))).toEqual(Array.from(b.column(0, 0)));
    expect(a.complete && b.complete).toBe(true);
    expect(new ReplicationColumns(2, 1).complete).toBe(false);
  });

  it('names every metric once', () => {
    const keys = METRICS.map((_, i) => metricKey(i));
    expect(new Set(keys).size).toBe(keys.length);
    expect(metricIndex('costByPlacementType.ifa')).toBeGreaterThan(0);
    expect(() => metricIndex('nope')).toThrow();
  });
});
