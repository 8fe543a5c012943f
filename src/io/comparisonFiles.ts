// A comparison as files and as a terminal table. Same comparison → same bytes.
import { METRICS, metricIndex } from '../domain/metricCatalog.js';
import type { ComparisonReport, MetricComparison } from '../metrics/compare.js';
import type { Stats } from '../metrics/summary.js';
import { money, toCsv, type CsvCell } from './csv.js';
import { wrapText, yearBlocks } from './textTable.js';
import { isMoneyMetric } from './forecastFiles.js';

// Declared with the comparison itself (src/report reads it and must not import src/io); re-exported for existing callers.
export type { ComparisonReport } from '../metrics/compare.js';

export const comparisonJson = (r: ComparisonReport): string => `${JSON.stringify(r, null, 2)}\n`;

/**
 * One row per option, financial year (then `total` over the horizon) and metric. Spend (and its
 * differences) is written to the penny; `probabilityBetter` is a share, never money.
 */
export const comparisonCsv = (r: ComparisonReport): string => {
  const row = (option: string, year: string, m: MetricComparison): CsvCell[] => {
    const value = isMoneyMetric(METRICS[metricIndex(m.metric)]!) ? money : (x: number | null | undefined): CsvCell => x ?? undefined;
    return [
      option, year, m.metric, value(m.base.p50), value(m.option.p50), value(m.option.p5), value(m.option.p95),
      value(m.difference.mean), value(m.difference.ci95?.[0]), value(m.difference.ci95?.[1]), value(m.difference.p2_5), value(m.difference.p97_5),
      m.probabilityBetter ?? undefined,
    ];
  };
  return toCsv(
    ['option', 'financialYear', 'metric', 'baseMedian', 'optionMedian', 'optionP5', 'optionP95', 'differenceMean', 'differenceCi95Low', 'differenceCi95High', 'differenceP2_5', 'differenceP97_5', 'probabilityBetter'],
    r.options.flatMap((o) => [
      ...o.comparison.years.flatMap((y) => y.metrics.map((m) => row(o.name, y.financialYear, m))),
      ...o.comparison.total.map((m) => row(o.name, 'total', m)),
    ]),
  );
};

const HEADLINE: readonly [string, string, (x: number) => string][] = [
  ['childrenInCare', 'Children in care', (x) => x.toFixed(0)],
  ['placedOver20Miles', 'Placed over 20 miles', (x) => `${(x * 100).toFixed(1)}%`],
  ['threePlusPlacements', 'Three or more placements', (x) => `${(x * 100).toFixed(1)}%`],
  ['childrenInCareByPlacementType.residentialPrivate', 'In private residential', (x) => x.toFixed(0)],
  ['shortfalls', 'Shortfalls', (x) => x.toFixed(1)],
  ['unregistered', 'Unregistered child-weeks', (x) => x.toFixed(1)],
  ['disruptions', 'Disruptions', (x) => x.toFixed(1)],
  ['cost', 'Cost', (x) => `£${(x / 1e6).toFixed(2)}m`],
];

const signed = (x: number, fmt: (x: number) => string): string => (x > 0 ? `+${fmt(x)}` : x < 0 ? `−${fmt(-x)}` : fmt(0));
const medianRange = (s: Stats, fmt: (x: number) => string): string =>
  s.p50 === null ? 'n/a' : `${fmt(s.p50)} (${fmt(s.p5!)}–${fmt(s.p95!)})`;

/** The comparison as a table at most `width` columns wide (years in blocks when they do not fit side by side). */
export const comparisonTable = (r: ComparisonReport, width = 100): string => {
  const lines = [
    `Compared with ${r.base.name} on the same ${r.runs.toLocaleString('en-GB')} replications (seed ${r.seed}, common random numbers).`,
    'For each measure: the option\'s median (5th–95th percentile), then its difference from the base:',
    'mean [95% interval of the mean], P = share of replications in which the option is better.',
  ];
  for (const o of r.options) {
    const c = o.comparison;
    lines.push('', `== ${o.name} (${o.file})`);
    const header = ['', ...c.years.map((y) => y.financialYear)];
    const rows: [string, string[]][] = [];
    for (const [key, label, fmt] of HEADLINE) {
      const ms = c.years.map((y) => y.metrics.find((x) => x.metric === key)!);
      rows.push([label, ms.map((m) => medianRange(m.option, fmt))]);
      rows.push(['  difference', ms.map((m) => {
        const d = m.difference;
        if (d.mean === null) return 'n/a';
        const p = m.probabilityBetter === null ? '' : ` P=${m.probabilityBetter.toFixed(2)}`;
        return `${signed(d.mean, fmt)} [${signed(d.ci95![0], fmt)}, ${signed(d.ci95![1], fmt)}]${p}`;
      })]);
    }
    lines.push(...yearBlocks(header, rows, width));
    const money = (x: number): string => `£${Math.round(Math.abs(x)).toLocaleString('en-GB')}`;
    const net = c.netCost ?? 0;
    // A negative cost per outcome means the option both saves money and gains the outcome.
    const per = (x: number | null, what: string): string =>
      x === null ? `no ${what}` : x < 0 ? `saves ${money(x)} per ${what}` : `${money(x)} per ${what}`;
    lines.push(...[
      `Over ${c.years[0]!.financialYear}–${c.years[c.years.length - 1]!.financialYear}: net ${net > 0 ? 'cost' : 'saving'} ${money(net)}; `
        + `break-even: ${c.breakEvenYear ?? 'not within the horizon'}.`,
      `  ${per(c.costPerOutcome.perChildYearWithin20Miles, 'child-year kept within 20 miles')}; ${per(c.costPerOutcome.perDisruptionAvoided, 'disruption avoided')}; `
        + `${per(c.costPerOutcome.perShortfallAvoided, 'shortfall avoided')}.`,
    ].flatMap((l) => wrapText(l, width, '    ')));
  }
  return lines.join('\n');
};
