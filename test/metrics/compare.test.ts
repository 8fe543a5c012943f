import { describe, expect, it } from 'vitest';
import { financialYearsFrom, epochDayOf } from '../../src/domain/time.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { compareOption, pairedDifference, probabilityBetter } from '../../src/metrics/compare.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';

const columns = (costsByYear: number[][]): ReplicationColumns => {
  const runs = costsByYear[0]!.length;
  const c = new ReplicationColumns(runs, costsByYear.length);
  for (let r = 0; r < runs; r++) {
    const row = new Float64Array(costsByYear.length * METRIC_COUNT);
    costsByYear.forEach((ys, k) => { row[k * METRIC_COUNT + metricIndex('cost')] = ys[r]!; });
    c.add(r, row);
  }
  return c;
};

describe('paired comparison', () => {
  it('gives the mean difference, its 95% interval and the share of replications where the option is better', () => {
    const d = pairedDifference([3, 5, 7, 9], [1, 2, 3, 4]);
    // differences 2, 3, 4, 5: mean 3.5, SD √(5/3), half-width 1.96 × SD / 2.
    expect(d.mean).toBe(3.5);
    expect(d.ci95![0]).toBeCloseTo(3.5 - (1.96 * Math.sqrt(5 / 3)) / 2, 4);
    expect(probabilityBetter([1, 5, 3], [2, 4, 3], 'lower')).toBeCloseTo(0.5, 6); // better, worse, tie
    expect(probabilityBetter([1], [2], 'neither')).toBeNull();
  });

  it('finds the break-even year: from when the cumulative net cost stays at or below zero', () => {
    const fys = financialYearsFrom(epochDayOf('2023-04-01'), 4);
    const base = columns([[100, 100], [100, 100], [100, 100], [100, 100]]);
    // Costs 150 more in year 1, then 20 less each year: cumulative +50, +30, +10, −10.
    const option = columns([[250, 250], [80, 80], [80, 80], [80, 80]]);
    const c = compareOption(base, option, fys);
    expect(c.netCost).toBe(90);
    expect(c.breakEvenYear).toBeNull();
    const saving = compareOption(base, columns([[150, 150], [60, 60], [60, 60], [60, 60]]), fys);
    // cumulative +50, +10, −30, −70: breaks even in the third year.
    expect(saving.breakEvenYear).toBe(fys[2]!.label);
    expect(saving.netCost).toBe(-70);
  });
});
