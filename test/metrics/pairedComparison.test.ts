// The paired comparison of an option with its base, figure by figure: differences, intervals,
// the probability that the option is better, totals over the horizon, cost per outcome and the
// break-even year. Worked by hand on small columns. (Issue 13, item 3: kills the surviving
// mutants of src/metrics/compare.ts.)
import { describe, expect, it } from 'vitest';
import { epochDayOf, financialYearsFrom } from '../../src/domain/time.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { COMPARED_METRICS, compareOption, pairedDifference, probabilityBetter } from '../../src/metrics/compare.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';

/** Columns with the given values per year and replication for some metrics (the rest 0). */
const columns = (years: number, runs: number, values: Record<string, number[][]>): ReplicationColumns => {
  const c = new ReplicationColumns(runs, years);
  for (let r = 0; r < runs; r++) {
    const row = new Float64Array(years * METRIC_COUNT);
    for (const [key, byYear] of Object.entries(values)) byYear.forEach((ys, k) => { row[k * METRIC_COUNT + metricIndex(key)] = ys[r]!; });
    c.add(r, row);
  }
  return c;
};
const fys = (n: number) => financialYearsFrom(epochDayOf('2024-04-01'), n);

describe('pairedDifference', () => {
  it('gives mean, 95% interval and 2.5th/97.5th percentiles of the differences', () => {
    // differences 2, 3, 4, 5: mean 3.5, SD √(5/3) = 1.29099, half-width 1.96 × SD / 2 = 1.26517
    expect(pairedDifference([3, 5, 7, 9], [1, 2, 3, 4])).toEqual({
      mean: 3.5, ci95: [2.2348, 4.7652],
      // type 7 quantiles of 2, 3, 4, 5: 2 + 0.075 = 2.075 and 5 − 0.075 = 4.925
      p2_5: 2.075, p97_5: 4.925,
    });
  });

  it('orders the differences before taking percentiles', () => {
    const d = pairedDifference([10, 0, 5], [0, 0, 0]);
    expect([d.p2_5, d.p97_5]).toEqual([0.25, 9.75]);
  });

  it('skips replications where the metric is undefined in either run', () => {
    expect(pairedDifference([1, Number.NaN, 3], [0, 5, Number.NaN]).mean).toBe(1);
    expect(pairedDifference([Number.NaN], [1])).toEqual({ mean: null, ci95: null, p2_5: null, p97_5: null });
  });

  it('gives a zero-width interval from one replication', () => {
    expect(pairedDifference([4], [1])).toEqual({ mean: 3, ci95: [3, 3], p2_5: 3, p97_5: 3 });
  });

  it('rounds to 4 decimal places and never writes −0', () => {
    const d = pairedDifference([1 / 3, 0], [0, 0.00001]);
    expect(d.mean).toBe(0.1667);
    const zero = pairedDifference([0.00001], [0.00002]);
    expect(Object.is(zero.mean, 0)).toBe(true);
  });
});

describe('probabilityBetter', () => {
  it('counts wins, half of ties, in the direction that is better', () => {
    expect(probabilityBetter([1, 5, 3, 9], [2, 4, 3, 1], 'lower')).toBe(0.375);
    expect(probabilityBetter([1, 5, 3, 9], [2, 4, 3, 1], 'higher')).toBe(0.625);
  });

  it('skips undefined replications and is null when none is defined', () => {
    expect(probabilityBetter([1, Number.NaN, 2], [2, 1, Number.NaN], 'lower')).toBe(1);
    expect(probabilityBetter([Number.NaN], [1], 'lower')).toBeNull();
    expect(probabilityBetter([], [], 'higher')).toBeNull();
  });

  it('rounds to 4 decimal places', () => {
    expect(probabilityBetter([1, 2, 2], [2, 1, 1], 'lower')).toBe(0.3333);
  });
});

describe('compareOption', () => {
  it('refuses runs of different sizes (a bug in the caller)', () => {
    expect(() => compareOption(columns(1, 2, {}), columns(1, 3, {}), fys(1))).toThrow('internal');
    expect(() => compareOption(columns(1, 2, {}), columns(2, 2, {}), fys(1))).toThrow('internal');
  });

  it('compares every listed metric each year, and totals only the additive ones over the horizon', () => {
    const base = columns(2, 2, { shortfalls: [[4, 6], [2, 2]], childrenInCare: [[50, 52], [60, 60]] });
    const option = columns(2, 2, { shortfalls: [[3, 6], [1, 0]], childrenInCare: [[40, 42], [30, 30]] });
    const c = compareOption(base, option, fys(2));
    expect(c.years.map((y) => y.financialYear)).toEqual(['2024/25', '2025/26']);
    expect(c.years[0]!.metrics.map((m) => m.metric)).toEqual(COMPARED_METRICS.map((m) => m.key));
    const year0 = c.years[0]!.metrics.find((m) => m.metric === 'shortfalls')!;
    expect(year0.base.mean).toBe(5);
    expect(year0.option.mean).toBe(4.5);
    expect(year0.difference.mean).toBe(-0.5);
    expect(year0.probabilityBetter).toBe(0.75);
    expect(c.total.map((m) => m.metric)).toEqual(COMPARED_METRICS.filter((m) => m.additive).map((m) => m.key));
    expect(c.total.map((m) => m.metric)).not.toContain('childrenInCare');
    const total = c.total.find((m) => m.metric === 'shortfalls')!;
    // base totals 6 and 8, option totals 4 and 6
    expect([total.base.mean, total.option.mean, total.difference.mean]).toEqual([7, 5, -2]);
    expect(c.years[1]!.metrics.find((m) => m.metric === 'childrenInCare')!.probabilityBetter).toBeNull();
  });

  it('prices each outcome gained: net cost over child-years within 20 miles, disruptions and shortfalls avoided', () => {
    const base = columns(2, 2, { cost: [[1000, 1000], [1000, 1000]], childWeeksWithin20Miles: [[0, 0], [0, 0]], disruptions: [[10, 10], [10, 10]], shortfalls: [[5, 5], [5, 5]] });
    const option = columns(2, 2, {
      cost: [[1300, 1300], [1000, 1000]],
      // 365.25 / 7 child-weeks gained in all: one child-year
      childWeeksWithin20Miles: [[365.25 / 7, 365.25 / 7], [0, 0]],
      disruptions: [[7, 7], [9, 9]], shortfalls: [[5, 5], [5, 5]],
    });
    const c = compareOption(base, option, fys(2));
    expect(c.netCost).toBe(300);
    expect(c.costPerOutcome).toEqual({ perChildYearWithin20Miles: 300, perDisruptionAvoided: 75, perShortfallAvoided: null });
    expect(c.breakEvenYear).toBeNull();
  });

  it('needs a gain above 1e-9 before it prices an outcome (a rounding error is no gain)', () => {
    const base = columns(1, 1, { cost: [[0]], disruptions: [[1e-9]], shortfalls: [[2e-9]] });
    const option = columns(1, 1, { cost: [[100]], disruptions: [[0]], shortfalls: [[0]] });
    const c = compareOption(base, option, fys(1)).costPerOutcome;
    expect(c.perDisruptionAvoided).toBeNull();
    expect(c.perShortfallAvoided).toBe(5e10);
  });

  it('gives no cost per outcome when the option makes the outcome worse', () => {
    const base = columns(1, 1, { cost: [[0]], disruptions: [[5]] });
    const option = columns(1, 1, { cost: [[100]], disruptions: [[6]] });
    expect(compareOption(base, option, fys(1)).costPerOutcome.perDisruptionAvoided).toBeNull();
  });

  it('rounds money to pennies', () => {
    const base = columns(1, 3, { cost: [[0, 0, 0]], shortfalls: [[3, 3, 3]] });
    const option = columns(1, 3, { cost: [[100, 0, 0]], shortfalls: [[0, 0, 0]] });
    const c = compareOption(base, option, fys(1));
    expect(c.netCost).toBe(33.33);
    expect(c.costPerOutcome.perShortfallAvoided).toBe(11.11);
  });

  it('breaks even in the first year when the option saves from the start, and never when it changes nothing', () => {
    const base = columns(3, 1, { cost: [[100], [100], [100]] });
    expect(compareOption(base, columns(3, 1, { cost: [[90], [100], [100]] }), fys(3)).breakEvenYear).toBe('2024/25');
    expect(compareOption(base, base, fys(3)).breakEvenYear).toBeNull();
  });

  it('breaks even from the year after the last one the cumulative cost was above zero', () => {
    const base = columns(4, 1, { cost: [[100], [100], [100], [100]] });
    // cumulative −10, +10, −10, −20: saving at first, above zero in year 2, then at or below zero
    const option = columns(4, 1, { cost: [[90], [120], [80], [90]] });
    expect(compareOption(base, option, fys(4)).breakEvenYear).toBe('2026/27');
    // cumulative +10, 0, 0, 0: zero counts as broken even
    const even = columns(4, 1, { cost: [[110], [90], [100], [100]] });
    expect(compareOption(base, even, fys(4)).breakEvenYear).toBe('2025/26');
  });
});
