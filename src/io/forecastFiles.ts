// The files a forecast writes: summary.json (DESIGN.md shape), by-year.csv (one row per financial
// year and metric) and by-year-wide.csv (metrics as rows, financial years as columns, for pasting
// into a spreadsheet). Same summary → same bytes.
import { METRICS, type MetricDef } from '../domain/metricCatalog.js';
import type { Stats, YearSummary } from '../metrics/summary.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { money, toCsv, type CsvCell } from './csv.js';

const STAT_KEYS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

export const statsAt = (metrics: Record<string, unknown>, path: readonly string[]): Stats => {
  let node: unknown = metrics;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as Stats;
};

/** Metrics in pounds (spend, spend per child-week): written to the penny in CSV. */
export const isMoneyMetric = (m: Pick<MetricDef, 'unit'>): boolean => m.unit === 'pounds' || m.unit === 'poundsPerChildWeek';

/** A statistic as a CSV cell: money to the penny, other numbers as they are, null as empty. */
const statCell = (m: MetricDef, x: number | null): CsvCell => (isMoneyMetric(m) ? money(x) : x ?? undefined);

export const summaryJson = (s: ForecastSummary): string => `${JSON.stringify(s, null, 2)}\n`;

export const byYearCsv = (s: ForecastSummary): string =>
  toCsv(
    ['financialYear', 'yearEnd', 'partial', 'metric', 'unit', ...STAT_KEYS],
    s.years.flatMap((y) =>
      METRICS.map((m) => {
        const st = statsAt(y.metrics, m.path);
        return [y.financialYear, y.yearEnd, y.partial ? 'yes' : 'no', m.path.join('.'), m.unit, ...STAT_KEYS.map((k) => statCell(m, st[k]))];
      }),
    ),
  );

/**
 * Statistics in the wide table, in this order for each metric: the mean first, because means add
 * up (over years, and placement types to the total) as a budget must; then the median and the
 * 5th–95th percentile range the terminal table shows. p25 and p75 are in by-year.csv.
 */
const WIDE_STATS: readonly (readonly [keyof Stats, string])[] = [['mean', 'mean'], ['p50', 'median'], ['p5', 'p5'], ['p95', 'p95']];

/** A year's column heading; a partial first year says so, as the terminal table's footnote does. */
const yearHeading = (y: YearSummary): string => (y.partial ? `${y.financialYear} (part year from ${y.simulatedFrom})` : y.financialYear);

/**
 * The forecast as a finance officer pastes it into a spreadsheet: one row per metric and statistic
 * (mean, median, p5, p95), one column per financial year; money to the penny.
 */
export const byYearWideCsv = (s: ForecastSummary): string =>
  toCsv(
    ['metric', 'unit', 'statistic', ...s.years.map(yearHeading)],
    METRICS.flatMap((m) =>
      WIDE_STATS.map(([key, label]) => [m.path.join('.'), m.unit, label, ...s.years.map((y) => statCell(m, statsAt(y.metrics, m.path)[key]))]),
    ),
  );

/** The names of the files a forecast writes, known before it runs (to check the output folder first). */
export const FORECAST_FILE_NAMES = ['summary.json', 'by-year.csv', 'by-year-wide.csv'] as const;

export const forecastFiles = (s: ForecastSummary): { name: (typeof FORECAST_FILE_NAMES)[number]; content: string }[] => [
  { name: 'summary.json', content: summaryJson(s) },
  { name: 'by-year.csv', content: byYearCsv(s) },
  { name: 'by-year-wide.csv', content: byYearWideCsv(s) },
];
