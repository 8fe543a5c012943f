// The forecast's charts: from a summary to Vega-Lite specifications, one per figure of the report.
// Pure: takes the summary, returns data. The explorer (src/web) draws the same list.
import type { TopLevelSpec } from 'vega-lite';
import { AGE_BANDS, NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import type { Stats } from '../metrics/summary.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { fanChartSpec, fanPoints, type FanOptions, type FanPoint } from './fanChart.js';
import { AGE_BAND_LABELS, longDate, NEED_LABELS, PLACEMENT_TYPE_LABELS, statsAt, yearLabel, type Unit } from './labels.js';

/** One figure: a spec plus what a reader (and a test) needs to know about it. */
export interface ReportChart {
  /** Stable id: the element id in the report, and a handle for the explorer. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences under the title: what is shown and how to read it. */
  readonly caption: string;
  /** Null when there is nothing to draw (then `caption` says why). */
  readonly spec: TopLevelSpec | null;
  /** The series drawn, in order: one line each, in one panel or a panel each. */
  readonly series: readonly string[];
  /** Year labels on the x axis, in order. */
  readonly years: readonly string[];
}

const FAN_READING = 'The line is the median across replications; the dark band holds the middle half of outcomes (25th–75th percentile) and the light band nine in ten (5th–95th).';

type Years = ForecastSummary['years'];

const statsByYear = (years: Years, path: readonly string[]): (Stats | undefined)[] => years.map((y) => statsAt(y.metrics, path));
const anyAbove = (stats: readonly (Stats | undefined)[], x: number): boolean => stats.some((s) => (s?.p95 ?? 0) > x);

interface FanSeries {
  readonly label: string;
  readonly path: readonly string[];
}

const fan = (
  years: Years, id: string, title: string, caption: string, unit: Unit, series: readonly FanSeries[],
  layout: FanOptions['layout'], extra: Partial<FanOptions> = {},
): ReportChart => {
  const labels = years.map(yearLabel);
  if (series.length === 0) return { id, title, caption, spec: null, series: [], years: labels };
  const points: FanPoint[] = series.flatMap((s) =>
    fanPoints(s.label, labels, statsByYear(years, s.path)));
  const spec = fanChartSpec(points, { description: `${title}. ${caption}`, unit, years: labels, series: series.map((s) => s.label), layout, ...extra });
  return { id, title, caption, spec, series: series.map((s) => s.label), years: labels };
};

/** Series of a family (`childrenInCareByPlacementType`) that are ever above zero. */
const usedPlacementTypes = (years: Years, family: string): FanSeries[] =>
  PLACEMENT_TYPES.filter((p) => anyAbove(statsByYear(years, [family, p]), 0)).map((p) => ({ label: PLACEMENT_TYPE_LABELS[p], path: [family, p] }));

/** Age band × need segments with a shortfall in at least one year (5% of replications or more). */
const shortfallSegments = (years: Years): FanSeries[] =>
  AGE_BANDS.flatMap((b) => NEEDS.map((n) => ({ b, n })))
    .filter(({ b, n }) => anyAbove(statsByYear(years, ['shortfallsBySegment', b, n]), 0))
    .map(({ b, n }) => ({ label: `${AGE_BAND_LABELS[b]} · ${NEED_LABELS[n]}`, path: ['shortfallsBySegment', b, n] }));

/** The footnote for a partial first year, or undefined. */
export const partialYearNote = (years: Years): string | undefined => {
  const p = years.find((y) => y.partial);
  return p === undefined
    ? undefined
    : `* ${p.financialYear} is part of a year: flows and spend cover ${longDate(p.simulatedFrom)} to ${longDate(p.yearEnd)} only, as the scenario starts mid-year; figures at 31 March are complete.`;
};

/** Every chart of the forecast report, in reading order. */
export const forecastCharts = (s: ForecastSummary): ReportChart[] => {
  const y = s.years;
  const segments = shortfallSegments(y);
  return [
    fan(y, 'children-in-care', 'Children in care at 31 March', FAN_READING, 'count',
      [{ label: 'Children in care', path: ['childrenInCare'] }], 'single'),
    fan(y, 'by-placement-type', 'Children in care by placement type',
      `At 31 March, for each placement type used in the forecast; each panel has its own scale. ${FAN_READING}`, 'count',
      usedPlacementTypes(y, 'childrenInCareByPlacementType'), 'panels'),
    fan(y, 'over-20-miles', 'Placed more than 20 miles from home',
      `Share of children in care at 31 March placed more than 20 miles from their home postcode (straight-line, DfE method). ${FAN_READING}`, 'fraction',
      [{ label: 'Placed over 20 miles', path: ['placedOver20Miles'] }], 'single'),
    fan(y, 'three-plus-placements', 'Three or more placements in the year',
      `Share of children in care at 31 March who had three or more placements during the year (DfE measure). ${FAN_READING}`, 'fraction',
      [{ label: 'Three or more placements', path: ['threePlusPlacements'] }], 'single'),
    fan(y, 'long-term-stability', 'Long-term placement stability',
      `Of children under 16 in care for 2½ years or more at 31 March, the share who have lived in the same placement for 2 years or more. Higher is better. ${FAN_READING}`, 'fraction',
      [{ label: 'Long-term stability', path: ['longTermStability'] }], 'single'),
    fan(y, 'shortfalls', 'Shortfalls by age band and need',
      segments.length === 0
        ? 'No replication had a placement search without a suitable vacancy in any year: no shortfalls to show.'
        : `Placement searches in the year for which no suitable vacancy existed, for each age band and need with a shortfall in 1 replication in 20 or more; all panels share one scale. ${FAN_READING}`,
      'count', segments, 'panels', { sharedY: true, zero: true }),
    fan(y, 'total-spend', 'Total spend', `Nominal £ in each financial year: placements, moves, empty paid places and programme costs. ${FAN_READING}`, 'pounds',
      [{ label: 'Total spend', path: ['cost'] }], 'single'),
    fan(y, 'spend-by-placement-type', 'Spend by placement type',
      `Placement spend in each financial year (nominal £ million), for each placement type with any spend; each panel has its own scale. ${FAN_READING}`, 'pounds',
      usedPlacementTypes(y, 'costByPlacementType'), 'panels'),
  ];
};
