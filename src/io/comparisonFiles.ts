// A comparison as files and as a terminal table. Same comparison → same bytes.
import type { MetricComparison, OptionComparison } from '../metrics/compare.js';
import type { Stats } from '../metrics/summary.js';
import { toCsv } from './csv.js';

export interface ComparisonReport {
  readonly base: { readonly name: string; readonly hash: string; readonly file: string };
  readonly seed: number;
  readonly runs: number;
  readonly engineVersion: string;
  readonly commonRandomNumbers: true;
  readonly options: readonly { readonly name: string; readonly hash: string; readonly file: string; readonly comparison: OptionComparison }[];
}

export const comparisonJson = (r: ComparisonReport): string => `${JSON.stringify(r, null, 2)}\n`;

export const comparisonCsv = (r: ComparisonReport): string => {
  const row = (option: string, year: string, m: MetricComparison) => [
    option, year, m.metric, m.base.p50 ?? undefined, m.option.p50 ?? undefined, m.option.p5 ?? undefined, m.option.p95 ?? undefined,
    m.difference.mean ?? undefined, m.difference.ci95?.[0], m.difference.ci95?.[1], m.difference.p2_5 ?? undefined, m.difference.p97_5 ?? undefined,
    m.probabilityBetter ?? undefined,
  ];
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

export const comparisonTable = (r: ComparisonReport): string => {
  const lines = [
    `Compared with ${r.base.name} on the same ${r.runs.toLocaleString('en-GB')} replications (seed ${r.seed}, common random numbers).`,
    'For each measure: the option\'s median (5th–95th percentile), then its difference from the base: mean [95% interval of the mean], P = share of replications in which the option is better.',
  ];
  for (const o of r.options) {
    const c = o.comparison;
    lines.push('', `== ${o.name} (${o.file})`);
    const header = ['', ...c.years.map((y) => y.financialYear)];
    const rows: string[][] = [];
    for (const [key, label, fmt] of HEADLINE) {
      const ms = c.years.map((y) => y.metrics.find((x) => x.metric === key)!);
      rows.push([label, ...ms.map((m) => medianRange(m.option, fmt))]);
      rows.push(['  difference', ...ms.map((m) => {
        const d = m.difference;
        if (d.mean === null) return 'n/a';
        const p = m.probabilityBetter === null ? '' : ` P=${m.probabilityBetter.toFixed(2)}`;
        return `${signed(d.mean, fmt)} [${signed(d.ci95![0], fmt)}, ${signed(d.ci95![1], fmt)}]${p}`;
      })]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const fmtRow = (cells: string[]): string => cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ').trimEnd();
    lines.push(fmtRow(header), ...rows.map(fmtRow));
    const money = (x: number): string => `£${Math.round(Math.abs(x)).toLocaleString('en-GB')}`;
    const net = c.netCost ?? 0;
    // A negative cost per outcome means the option both saves money and gains the outcome.
    const per = (x: number | null, what: string): string =>
      x === null ? `no ${what}` : x < 0 ? `saves ${money(x)} per ${what}` : `${money(x)} per ${what}`;
    lines.push(
      `Over ${c.years[0]!.financialYear}–${c.years[c.years.length - 1]!.financialYear}: net ${net > 0 ? 'cost' : 'saving'} ${money(net)}; `
        + `break-even: ${c.breakEvenYear ?? 'not within the horizon'}.`,
      `  ${per(c.costPerOutcome.perChildYearWithin20Miles, 'child-year kept within 20 miles')}; ${per(c.costPerOutcome.perDisruptionAvoided, 'disruption avoided')}; `
        + `${per(c.costPerOutcome.perShortfallAvoided, 'shortfall avoided')}.`,
    );
  }
  return lines.join('\n');
};
