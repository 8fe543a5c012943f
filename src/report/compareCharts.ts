// The comparison's charts: each option beside the base (fans in panels on one scale), the paired
// differences from the base with their 95% intervals, and the cumulative net cost. Pure.
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonReport, MetricComparison } from '../metrics/compare.js';
import type { ReportChart } from './charts.js';
import { CHART_WIDTH, chartConfig, fanChartSpec, fanPoints, SCENARIO_COLOURS, yAxis } from './fanChart.js';
import { formatOf, signed, type Unit } from './labels.js';

export interface ComparedMeasure {
  readonly key: string;
  readonly label: string;
  readonly unit: Unit;
  /** Words for the difference panel's axis. */
  readonly differenceUnit: string;
}

/** The measures the comparison report shows (all in `COMPARED_METRICS`). */
export const REPORTED_COMPARISONS: readonly ComparedMeasure[] = [
  { key: 'childrenInCare', label: 'Children in care at 31 March', unit: 'count', differenceUnit: 'children' },
  { key: 'placedOver20Miles', label: 'Placed more than 20 miles', unit: 'fraction', differenceUnit: 'percentage points' },
  { key: 'threePlusPlacements', label: 'Three or more placements', unit: 'fraction', differenceUnit: 'percentage points' },
  { key: 'longTermStability', label: 'Long-term stability', unit: 'fraction', differenceUnit: 'percentage points' },
  { key: 'childrenInCareByPlacementType.residentialPrivate', label: 'In private residential homes', unit: 'count', differenceUnit: 'children' },
  { key: 'shortfalls', label: 'Shortfalls (no suitable vacancy)', unit: 'count', differenceUnit: 'searches' },
  { key: 'unregistered', label: 'Unregistered child-weeks', unit: 'count', differenceUnit: 'child-weeks' },
  { key: 'disruptions', label: 'Disruptions', unit: 'count', differenceUnit: 'disruptions' },
  { key: 'cost', label: 'Total spend', unit: 'pounds', differenceUnit: 'nominal £' },
];

const FANNED = ['childrenInCare', 'placedOver20Miles', 'threePlusPlacements', 'longTermStability', 'shortfalls', 'cost'];
const DIFFERENCED = ['placedOver20Miles', 'threePlusPlacements', 'longTermStability', 'shortfalls', 'disruptions', 'cost'];

/** Year labels of a comparison, the first marked `*` when it is partial (a start other than 1 April). */
export const comparisonYearLabels = (r: ComparisonReport, startDate: string | undefined): string[] => {
  const years = r.options[0]?.comparison.years.map((y) => y.financialYear) ?? [];
  const partial = startDate !== undefined && !startDate.endsWith('-04-01');
  return years.map((y, k) => (k === 0 && partial ? `${y}*` : y));
};

/** Names for the series: the base, then each option; a repeated name gets ` (2)`, ` (3)` … */
export const scenarioLabels = (r: ComparisonReport): string[] => {
  const seen = new Map<string, number>();
  return [r.base.name, ...r.options.map((o) => o.name)].map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
};

export const metricIn = (ms: readonly MetricComparison[], key: string): MetricComparison | undefined => ms.find((m) => m.metric === key);

/** Plotting scale of a difference: percentage points for fractions, £ million for money. */
const diffScale = (unit: Unit): number => (unit === 'fraction' ? 100 : unit === 'pounds' ? 1e-6 : 1);

const sideBySide = (r: ComparisonReport, m: ComparedMeasure, years: string[], names: string[]): ReportChart => {
  const id = `compare-${m.key.replace(/\./g, '-')}`;
  const caption = 'The base and each option, on the same replications and one scale. The line is the median; the bands hold the middle half and nine in ten of outcomes.';
  const base = r.options[0]!.comparison.years.map((y) => metricIn(y.metrics, m.key)?.base);
  const points = [
    ...fanPoints(names[0]!, years, base),
    ...r.options.flatMap((o, i) => fanPoints(names[i + 1]!, years, o.comparison.years.map((y) => metricIn(y.metrics, m.key)?.option))),
  ];
  const spec = fanChartSpec(points, {
    description: `${m.label}: base and options. ${caption}`, unit: m.unit, years, series: names, layout: 'panels', sharedY: true,
    colours: names.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!),
    panelColumns: Math.min(names.length, 3),
  });
  return { id, title: m.label, caption, spec, series: names, years };
};

const differenceChart = (r: ComparisonReport, years: string[], names: string[]): ReportChart => {
  const measures = REPORTED_COMPARISONS.filter((m) => DIFFERENCED.includes(m.key));
  const options = names.slice(1);
  const rowsFor = (m: ComparedMeasure) => r.options.flatMap((o, i) => o.comparison.years.flatMap((y, k) => {
    const c = metricIn(y.metrics, m.key);
    const d = c?.difference;
    if (c === undefined || d === undefined || d.mean === null || d.ci95 === null) return [];
    const s = diffScale(m.unit);
    const f = (x: number): string => signed(x, m.unit);
    return [{
      option: options[i]!, year: years[k]!,
      mean: d.mean * s, low: d.ci95[0] * s, high: d.ci95[1] * s,
      meanText: f(d.mean), ciText: `${f(d.ci95[0])} to ${f(d.ci95[1])}`,
      rangeText: d.p2_5 === null || d.p97_5 === null ? 'n/a' : `${f(d.p2_5)} to ${f(d.p97_5)}`,
      pBetter: c.probabilityBetter === null ? 'n/a' : `${Math.round(c.probabilityBetter * 100)}%`,
    }];
  }));
  const colour = { field: 'option', type: 'nominal', sort: options, scale: { domain: options, range: SCENARIO_COLOURS.slice(1) }, legend: { orient: 'top', title: null } };
  // Mark names must be unique across the concatenated panels (Vega derives data names from them).
  const panel = (m: ComparedMeasure, i: number) => ({
    title: { text: m.label, subtitle: m.differenceUnit, fontSize: 14, color: '#1b2a3a', subtitleFontSize: 12, subtitleColor: '#56616c', anchor: 'start', frame: 'bounds' },
    width: 270, height: 170,
    data: { values: rowsFor(m) },
    encoding: {
      x: { field: 'year', type: 'ordinal', sort: years, title: null, axis: { labelAngle: years.length > 4 ? -40 : 0, labelOverlap: false } },
      xOffset: { field: 'option', type: 'nominal', sort: options },
      color: colour,
    },
    layer: [
      { name: `diff_zero_${i}`, mark: { type: 'rule', color: '#8a949e', strokeDash: [4, 3] }, encoding: { y: { datum: 0 }, x: null, xOffset: null, color: null } },
      {
        name: `diff_interval_${i}`, mark: { type: 'rule', strokeWidth: 3 },
        encoding: { y: { field: 'low', type: 'quantitative', title: null, axis: m.unit === 'pounds' ? yAxis('pounds') : { format: ',~r', tickCount: 5 } }, y2: { field: 'high' } },
      },
      {
        name: `diff_mean_${i}`, mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          y: { field: 'mean', type: 'quantitative' },
          tooltip: [
            { field: 'option', title: 'Option' }, { field: 'year', title: 'Financial year' }, { field: 'meanText', title: 'Mean difference' },
            { field: 'ciText', title: '95% interval of the mean' }, { field: 'rangeText', title: '95% of replications' }, { field: 'pBetter', title: 'P(better)' },
          ],
        },
      },
    ],
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: 'Paired differences from the base by year: mean and 95% interval of the mean, per option.',
    config: chartConfig,
    concat: measures.map(panel),
    columns: 3,
    resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } },
  } as unknown as TopLevelSpec;
  return {
    id: 'compare-differences', title: 'Difference from the base, year by year',
    caption: 'Option minus base on the same replications (common random numbers): the point is the mean difference, the bar its 95% confidence interval. A bar clear of the dashed zero line is a difference the runs can tell from noise.',
    spec, series: options, years,
  };
};

const cumulativeCostChart = (r: ComparisonReport, years: string[], names: string[]): ReportChart => {
  const options = names.slice(1);
  const rows = r.options.flatMap((o, i) => {
    let sum = 0;
    return o.comparison.years.map((y, k) => {
      sum += metricIn(y.metrics, 'cost')?.difference.mean ?? 0;
      return { option: options[i]!, year: years[k]!, cumulative: sum / 1e6, text: signed(sum, 'pounds'), breakEven: o.comparison.breakEvenYear ?? 'not within the horizon' };
    });
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: 'Cumulative mean net cost of each option against the base, by financial year.',
    config: chartConfig,
    data: { values: rows },
    width: CHART_WIDTH - 80, height: 320,
    encoding: {
      x: { field: 'year', type: 'ordinal', sort: years, title: null },
      color: { field: 'option', type: 'nominal', sort: options, scale: { domain: options, range: SCENARIO_COLOURS.slice(1) }, legend: { orient: 'top', title: null, labelLimit: 600 } },
    },
    layer: [
      { name: 'cost_zero', mark: { type: 'rule', color: '#8a949e', strokeDash: [4, 3] }, encoding: { y: { datum: 0 }, x: null, color: null } },
      { name: 'cost_line', mark: { type: 'line', strokeWidth: 2.5 }, encoding: { y: { field: 'cumulative', type: 'quantitative', title: null, axis: yAxis('pounds') } } },
      {
        name: 'cost_points', mark: { type: 'point', filled: true, size: 55, opacity: 1 },
        encoding: {
          y: { field: 'cumulative', type: 'quantitative' },
          tooltip: [{ field: 'option', title: 'Option' }, { field: 'year', title: 'To the end of' }, { field: 'text', title: 'Cumulative net cost' }, { field: 'breakEven', title: 'Break-even year' }],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: 'compare-net-cost', title: 'Cumulative net cost against the base',
    caption: 'Mean extra spend of each option over the base, added up year by year (nominal £; programme costs included). Below the dashed line the option has saved more than it cost; the break-even year is the first from which it stays there.',
    spec, series: options, years,
  };
};

/** Every chart of the comparison report, in reading order. */
export const comparisonCharts = (r: ComparisonReport, startDate: string | undefined): ReportChart[] => {
  if (r.options.length === 0) return [];
  const years = comparisonYearLabels(r, startDate);
  const names = scenarioLabels(r);
  return [
    cumulativeCostChart(r, years, names),
    differenceChart(r, years, names),
    ...REPORTED_COMPARISONS.filter((m) => FANNED.includes(m.key)).map((m) => sideBySide(r, m, years, names)),
  ];
};

export const formatDifference = (c: MetricComparison | undefined, unit: Unit): { mean: string; ci: string; p: string } => {
  const d = c?.difference;
  if (c === undefined || d === undefined || d.mean === null) return { mean: 'n/a', ci: '', p: '' };
  return {
    mean: signed(d.mean, unit),
    ci: d.ci95 === null ? '' : `${signed(d.ci95[0], unit)} to ${signed(d.ci95[1], unit)}`,
    p: c.probabilityBetter === null ? '' : `${Math.round(c.probabilityBetter * 100)}%`,
  };
};

export const formatValue = (x: number | null | undefined, unit: Unit): string => (x === null || x === undefined ? 'n/a' : formatOf(unit)(x));
