// Summaries over replications: mean and the 5th, 25th, 50th, 75th and 95th percentiles of every
// metric in every financial year. Quantiles are simple-statistics' `quantileSorted`: linear
// interpolation between order statistics (R type 7, numpy's default).
import { mean, quantileSorted } from 'simple-statistics';
import type { FinancialYear } from '../domain/time.js';
import { METRICS, METRIC_COUNT } from '../domain/metricCatalog.js';

export interface Stats {
  readonly mean: number | null;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
}

/** Summary figures are rounded to 4 decimal places so files compare byte for byte and read well. */
const round = (x: number): number => {
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
};

export const statsOf = (values: ArrayLike<number>): Stats => {
  const defined: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) defined.push(values[i]!);
  if (defined.length === 0) return { mean: null, p5: null, p25: null, p50: null, p75: null, p95: null };
  defined.sort((a, b) => a - b);
  return {
    mean: round(mean(defined)),
    p5: round(quantileSorted(defined, 0.05)),
    p25: round(quantileSorted(defined, 0.25)),
    p50: round(quantileSorted(defined, 0.5)),
    p75: round(quantileSorted(defined, 0.75)),
    p95: round(quantileSorted(defined, 0.95)),
  };
};

/**
 * Collects per-replication rows by replication index (so the order replications finish in
 * does not matter) in one column per metric and year: memory is runs × years × metrics numbers,
 * nothing more.
 */
export class ReplicationColumns {
  private readonly columns: Float64Array[];
  private readonly seen: Uint8Array;

  constructor(readonly runs: number, readonly years: number) {
    this.columns = Array.from({ length: years * METRIC_COUNT }, () => new Float64Array(runs));
    this.seen = new Uint8Array(runs);
  }

  add(replication: number, rows: Float64Array): void {
    if (rows.length !== this.years * METRIC_COUNT) throw new Error('internal: metric row of the wrong length');
    for (let i = 0; i < rows.length; i++) this.columns[i]![replication] = rows[i]!;
    this.seen[replication] = 1;
  }

  get complete(): boolean {
    return this.seen.every((s) => s === 1);
  }

  column(year: number, metric: number): Float64Array {
    return this.columns[year * METRIC_COUNT + metric]!;
  }
}

export interface YearSummary {
  readonly financialYear: string;
  readonly yearEnd: string;
  /** First and last simulated day in the year (the first year starts at the scenario start). */
  readonly simulatedFrom: string;
  readonly partial: boolean;
  readonly metrics: Record<string, unknown>;
}

const setPath = (target: Record<string, unknown>, path: readonly string[], value: unknown): void => {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
};

export const summariseYears = (
  columns: ReplicationColumns, years: readonly FinancialYear[], startDate: string, startYearIso: (fy: FinancialYear) => string,
): YearSummary[] =>
  years.map((fy, k) => {
    const metrics: Record<string, unknown> = {};
    METRICS.forEach((m, i) => setPath(metrics, m.path, statsOf(columns.column(k, i))));
    const partial = fy.startDay < 0;
    return { financialYear: fy.label, yearEnd: fy.yearEnd, simulatedFrom: partial ? startDate : startYearIso(fy), partial, metrics };
  });
