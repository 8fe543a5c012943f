// The fan chart as a Vega-Lite specification: the chart library's one adapter. A fan shows, per
// financial year, the median across replications as a line, the 25th–75th percentiles as a dark
// band and the 5th–95th as a light one. Specs are plain data with the data inlined, so the
// report and the in-browser explorer draw the same charts from the same function.
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Stats } from '../metrics/summary.js';
import { formatOf, type Unit } from './labels.js';

/** One point of a fan: a series (a line or a panel) in a year. */
export interface FanPoint {
  readonly series: string;
  /** Year label as shown (`2022/23*` for a partial first year). */
  readonly year: string;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
}

export interface FanOptions {
  readonly description: string;
  readonly unit: Unit;
  /** Years in order (labels as in the points). */
  readonly years: readonly string[];
  /** Series in order: one line, or one panel each when `layout` is `panels`. */
  readonly series: readonly string[];
  /** `single`: one series. `panels`: a panel per series (small multiples). */
  readonly layout: 'single' | 'panels';
  /** Panels on one y scale (to compare levels) rather than each on its own (to see each shape). */
  readonly sharedY?: boolean;
  /** Colours by series (panels); default the report's blue for all. */
  readonly colours?: readonly string[];
  readonly panelColumns?: number;
  /** Start the y axis at zero (default: fit the data, so changes over the years show). */
  readonly zero?: boolean;
}

export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const INK = '#1b2a3a';
export const BLUE = '#1d4e89';
/** Base first, then options: distinguishable in colour-blind vision and in greyscale print. */
export const SCENARIO_COLOURS = ['#4d4d4d', '#1d6fb8', '#d9730d', '#1a9e77', '#9b2c6f', '#b8a000', '#6a3d9a', '#8c564b'] as const;
/** Drawing width available in the report's column (px). */
export const CHART_WIDTH = 1040;

/** Shared look: system fonts, sizes that read on a projector, £ currency. */
export const chartConfig: Config = {
  font: FONT_STACK,
  locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] } },
  background: 'white',
  view: { stroke: null },
  padding: 4,
  axis: {
    labelFontSize: 13, titleFontSize: 13, titleFontWeight: 'normal', labelColor: '#333', titleColor: '#333',
    gridColor: '#e3e6ea', domainColor: '#8a949e', tickColor: '#8a949e', labelPadding: 4,
  },
  axisX: { grid: false, labelAngle: 0 },
  header: { labelFontSize: 14, labelFontWeight: 'bold', labelColor: INK, titleFontSize: 14, labelPadding: 6, labelLimit: 300 },
  legend: { labelFontSize: 13, titleFontSize: 13, orient: 'top', title: null, labelLimit: 600 },
  facet: { spacing: 30 },
  concat: { spacing: 30 },
};

/** Money is plotted in £ million and labelled `£12.5m`, or `£800k` below a million. */
const MONEY_LABEL = "datum.value == 0 ? '£0' : abs(datum.value) >= 1 ? format(datum.value, '$,.1~f') + 'm' : format(datum.value * 1000, '$,.0f') + 'k'";

/** A y axis for a unit. */
export const yAxis = (unit: Unit): Record<string, unknown> =>
  unit === 'pounds' ? { labelExpr: MONEY_LABEL, tickCount: 5 } : { format: unit === 'fraction' ? '.0%' : ',~r', tickCount: 5 };

/** Plotting value: money in £ million, everything else as it is. */
export const plotValue = (unit: Unit, x: number | null): number | null => (x === null ? null : unit === 'pounds' ? x / 1e6 : x);

/** Fan points for a series from its statistics per year (undefined stats: a gap). */
export const fanPoints = (series: string, years: readonly string[], stats: readonly (Stats | undefined)[]): FanPoint[] =>
  years.map((year, k) => {
    const s = stats[k];
    return { series, year, p5: s?.p5 ?? null, p25: s?.p25 ?? null, p50: s?.p50 ?? null, p75: s?.p75 ?? null, p95: s?.p95 ?? null };
  });

/** Rows as the spec carries them: values in plotting units plus ready-formatted tooltip text. */
const dataRows = (points: readonly FanPoint[], unit: Unit): Record<string, unknown>[] => {
  const f = formatOf(unit);
  const range = (a: number | null, b: number | null): string => (a === null || b === null ? 'n/a' : `${f(a)} to ${f(b)}`);
  return points.map((p) => ({
    series: p.series, year: p.year,
    p5: plotValue(unit, p.p5), p25: plotValue(unit, p.p25), p50: plotValue(unit, p.p50), p75: plotValue(unit, p.p75), p95: plotValue(unit, p.p95),
    median: p.p50 === null ? 'n/a' : f(p.p50), middle: range(p.p25, p.p75), outer: range(p.p5, p.p95),
  }));
};

const tooltip = (withSeries: boolean) => [
  ...(withSeries ? [{ field: 'series', type: 'nominal' as const, title: ' ' }] : []),
  { field: 'year', type: 'nominal' as const, title: 'Financial year' },
  { field: 'median', type: 'nominal' as const, title: 'Median' },
  { field: 'middle', type: 'nominal' as const, title: 'Middle half (p25–p75)' },
  { field: 'outer', type: 'nominal' as const, title: 'Nine in ten (p5–p95)' },
];

/**
 * The layers of a fan. Mark names (`fan_outer`, `fan_middle`, `fan_median`, `fan_points`) become
 * classes in the SVG (`fan_median_marks`), so tests can count lines and points.
 */
const fanLayers = (o: FanOptions) => {
  const colour = o.colours === undefined
    ? { color: { value: BLUE } }
    : { color: { field: 'series', type: 'nominal' as const, sort: [...o.series], scale: { domain: [...o.series], range: [...o.colours] }, legend: null } };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: null, scale: { zero: o.zero === true, nice: true }, axis: yAxis(o.unit) });
  return [
    { name: 'fan_outer', mark: { type: 'area' as const, opacity: 0.2 }, encoding: { y: y('p5'), y2: { field: 'p95' }, ...colour } },
    { name: 'fan_middle', mark: { type: 'area' as const, opacity: 0.4 }, encoding: { y: y('p25'), y2: { field: 'p75' }, ...colour } },
    { name: 'fan_median', mark: { type: 'line' as const, strokeWidth: 3 }, encoding: { y: y('p50'), ...colour } },
    { name: 'fan_points', mark: { type: 'point' as const, filled: true, size: 60, opacity: 1 }, encoding: { y: y('p50'), tooltip: tooltip(o.layout !== 'single'), ...colour } },
  ];
};

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** A fan chart specification (Vega-Lite 5) with its data inlined. */
export const fanChartSpec = (points: readonly FanPoint[], o: FanOptions): TopLevelSpec => {
  const x = { field: 'year', type: 'ordinal' as const, sort: [...o.years], title: null, axis: { labelAngle: 0, labelOverlap: false } };
  const base = { $schema: SCHEMA, description: o.description, config: chartConfig, data: { values: dataRows(points, o.unit) } };
  if (o.layout === 'single') {
    return { ...base, width: CHART_WIDTH - 80, height: 340, encoding: { x }, layer: fanLayers(o) } as TopLevelSpec;
  }
  const columns = Math.max(1, Math.min(o.panelColumns ?? (o.series.length > 6 ? 4 : 3), o.series.length));
  const axisWidth = o.unit === 'count' ? 40 : 55;
  const width = Math.floor((CHART_WIDTH - 30 * (columns - 1)) / columns) - axisWidth;
  const angled = o.years.length * 60 > width;
  return {
    ...base,
    facet: { field: 'series', type: 'nominal', sort: [...o.series], title: null, header: { labelLimit: width + axisWidth } },
    columns,
    spec: { width, height: o.series.length > 8 ? 150 : 170, encoding: { x: { ...x, axis: { labelAngle: angled ? -40 : 0, labelOverlap: false } } }, layer: fanLayers(o) },
    resolve: { scale: { y: o.sharedY === true ? 'shared' : 'independent' }, axis: { x: 'independent' } },
  } as TopLevelSpec;
};
