// The files a forecast writes: summary.json (DESIGN.md shape) and by-year.csv (one row per
// financial year and metric). Same summary → same bytes.
import { METRICS } from '../metrics/catalog.js';
import type { Stats } from '../metrics/summary.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { toCsv } from './csv.js';

const STAT_KEYS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

export const statsAt = (metrics: Record<string, unknown>, path: readonly string[]): Stats => {
  let node: unknown = metrics;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as Stats;
};

export const summaryJson = (s: ForecastSummary): string => `${JSON.stringify(s, null, 2)}\n`;

export const byYearCsv = (s: ForecastSummary): string =>
  toCsv(
    ['financialYear', 'yearEnd', 'partial', 'metric', 'unit', ...STAT_KEYS],
    s.years.flatMap((y) =>
      METRICS.map((m) => {
        const st = statsAt(y.metrics, m.path);
        return [y.financialYear, y.yearEnd, y.partial ? 'yes' : 'no', m.path.join('.'), m.unit, ...STAT_KEYS.map((k) => st[k] ?? undefined)];
      }),
    ),
  );

export const forecastFiles = (s: ForecastSummary): { name: string; content: string }[] => [
  { name: 'summary.json', content: summaryJson(s) },
  { name: 'by-year.csv', content: byYearCsv(s) },
];
