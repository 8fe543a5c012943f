// Paired comparison of an option with its base. Both ran on the same seeds, so replication r of
// each shares every random number the option's levers do not touch (common random numbers), and
// the per-replication difference isolates the effect of the levers from the noise.
import { quantileSorted } from 'simple-statistics';
import type { FinancialYear } from '../domain/time.js';
import { metricIndex } from '../domain/metricCatalog.js';
import { statsOf, type ReplicationColumns, type Stats } from './summary.js';

export type Better = 'lower' | 'higher' | 'neither';

export interface ComparedMetric {
  readonly key: string;
  readonly better: Better;
  /** Flows and money add up over years; snapshot measures (at 31 March) do not. */
  readonly additive: boolean;
}

export const COMPARED_METRICS: readonly ComparedMetric[] = [
  { key: 'childrenInCare', better: 'neither', additive: false },
  { key: 'childrenInCareByPlacementType.inHouseFoster', better: 'neither', additive: false },
  { key: 'childrenInCareByPlacementType.ifa', better: 'neither', additive: false },
  { key: 'childrenInCareByPlacementType.residentialInHouse', better: 'neither', additive: false },
  { key: 'childrenInCareByPlacementType.residentialPrivate', better: 'lower', additive: false },
  { key: 'childrenInCareByPlacementType.unregistered', better: 'lower', additive: false },
  { key: 'placedOver20Miles', better: 'lower', additive: false },
  { key: 'outOfArea', better: 'lower', additive: false },
  { key: 'threePlusPlacements', better: 'lower', additive: false },
  { key: 'longTermStability', better: 'higher', additive: false },
  { key: 'starts', better: 'neither', additive: true },
  { key: 'shortfalls', better: 'lower', additive: true },
  { key: 'unregistered', better: 'lower', additive: true },
  { key: 'disruptions', better: 'lower', additive: true },
  { key: 'moves', better: 'lower', additive: true },
  { key: 'childWeeksWithin20Miles', better: 'higher', additive: true },
  { key: 'cost', better: 'lower', additive: true },
  { key: 'leverCosts', better: 'neither', additive: true },
  { key: 'voidCosts', better: 'lower', additive: true },
];

export interface Difference {
  readonly mean: number | null;
  /** 95% confidence interval of the mean difference: mean ± 1.96 × SD / √n over paired replications. */
  readonly ci95: readonly [number, number] | null;
  /** 2.5th and 97.5th percentiles of the per-replication differences. */
  readonly p2_5: number | null;
  readonly p97_5: number | null;
}

export interface MetricComparison {
  readonly metric: string;
  readonly base: Stats;
  readonly option: Stats;
  readonly difference: Difference;
  /** Share of replications in which the option is better (ties count half); null if neither direction is better. */
  readonly probabilityBetter: number | null;
}

export interface OptionComparison {
  readonly years: readonly { readonly financialYear: string; readonly metrics: readonly MetricComparison[] }[];
  /** Over the whole horizon, for flows and money. */
  readonly total: readonly MetricComparison[];
  /** Mean extra spend of the option over the horizon (negative: a saving), £. */
  readonly netCost: number | null;
  readonly costPerOutcome: {
    /** £ per child-year placed within 20 miles gained; null when the option gains none. */
    readonly perChildYearWithin20Miles: number | null;
    readonly perDisruptionAvoided: number | null;
    readonly perShortfallAvoided: number | null;
  };
  /**
   * The first financial year from whose end the option's cumulative mean net cost stays at zero or
   * below to the end of the horizon; null when it ends the horizon costing more (or changes nothing).
   */
  readonly breakEvenYear: string | null;
}

/** A base and its options compared on the same seeds: what `compare` writes as comparison.json. */
export interface ComparisonReport {
  readonly base: { readonly name: string; readonly hash: string; readonly file: string };
  readonly seed: number;
  readonly runs: number;
  readonly engineVersion: string;
  readonly commonRandomNumbers: true;
  readonly options: readonly { readonly name: string; readonly hash: string; readonly file: string; readonly comparison: OptionComparison }[];
}

const round = (x: number, dp = 4): number => {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export const pairedDifference = (option: ArrayLike<number>, base: ArrayLike<number>): Difference => {
  const d: number[] = [];
  for (let i = 0; i < option.length; i++) {
    const x = option[i]! - base[i]!;
    if (!Number.isNaN(x)) d.push(x);
  }
  if (d.length === 0) return { mean: null, ci95: null, p2_5: null, p97_5: null };
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const half = (1.96 * sd) / Math.sqrt(n);
  const sorted = [...d].sort((a, b) => a - b);
  return {
    mean: round(mean), ci95: [round(mean - half), round(mean + half)],
    p2_5: round(quantileSorted(sorted, 0.025)), p97_5: round(quantileSorted(sorted, 0.975)),
  };
};

export const probabilityBetter = (option: ArrayLike<number>, base: ArrayLike<number>, better: Better): number | null => {
  if (better === 'neither') return null;
  let score = 0;
  let n = 0;
  for (let i = 0; i < option.length; i++) {
    const o = option[i]!;
    const b = base[i]!;
    if (Number.isNaN(o) || Number.isNaN(b)) continue;
    n++;
    if (o === b) score += 0.5;
    else if ((better === 'lower') === (o < b)) score += 1;
  }
  return n === 0 ? null : round(score / n);
};

const compareColumns = (m: ComparedMetric, option: ArrayLike<number>, base: ArrayLike<number>): MetricComparison => ({
  metric: m.key, base: statsOf(base), option: statsOf(option),
  difference: pairedDifference(option, base), probabilityBetter: probabilityBetter(option, base, m.better),
});

const totalOver = (cols: ReplicationColumns, years: number, metric: number): Float64Array => {
  const out = new Float64Array(cols.runs);
  for (let k = 0; k < years; k++) {
    const c = cols.column(k, metric);
    for (let r = 0; r < cols.runs; r++) out[r] = out[r]! + c[r]!;
  }
  return out;
};

const mean = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
};

export const compareOption = (
  base: ReplicationColumns, option: ReplicationColumns, years: readonly FinancialYear[],
): OptionComparison => {
  if (base.runs !== option.runs || base.years !== option.years) throw new Error('internal: comparing runs of different sizes');
  const n = years.length;
  const perYear = years.map((fy, k) => ({
    financialYear: fy.label,
    metrics: COMPARED_METRICS.map((m) => compareColumns(m, option.column(k, metricIndex(m.key)), base.column(k, metricIndex(m.key)))),
  }));
  const totals = new Map(COMPARED_METRICS.filter((m) => m.additive).map((m) => {
    const i = metricIndex(m.key);
    return [m.key, { o: totalOver(option, n, i), b: totalOver(base, n, i), m }] as const;
  }));
  const total = [...totals.values()].map(({ o, b, m }) => compareColumns(m, o, b));
  const delta = (key: string): number => {
    const t = totals.get(key)!;
    return mean(t.o) - mean(t.b);
  };
  const netCost = delta('cost');
  const perOutcome = (gain: number): number | null => (gain > 1e-9 ? round(netCost / gain, 2) : null);
  const costIndex = metricIndex('cost');
  const cumulative: number[] = [];
  for (let k = 0; k < n; k++) cumulative.push((cumulative[k - 1] ?? 0) + mean(option.column(k, costIndex)) - mean(base.column(k, costIndex)));
  let breakEvenYear: string | null = null;
  if (cumulative.some((c) => c !== 0) && cumulative[n - 1]! <= 0) {
    let k = n - 1;
    while (k > 0 && cumulative[k - 1]! <= 0) k--;
    breakEvenYear = years[k]!.label;
  }
  return {
    years: perYear, total, netCost: round(netCost, 2),
    costPerOutcome: {
      perChildYearWithin20Miles: perOutcome(delta('childWeeksWithin20Miles') / (365.25 / 7)),
      perDisruptionAvoided: perOutcome(-delta('disruptions')),
      perShortfallAvoided: perOutcome(-delta('shortfalls')),
    },
    breakEvenYear,
  };
};
