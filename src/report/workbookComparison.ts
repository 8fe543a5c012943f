// The comparison as an Excel workbook: a Summary sheet with the options side by side (net cost,
// break-even year, £ per outcome, differences over the horizon), one sheet per option with its
// paired differences per financial year and in total, and the About sheet.
import type { ComparisonReport, MetricComparison, OptionComparison } from '../metrics/compare.js';
import { metricLabel, metricByKey, FORMAT_BY_UNIT } from './workbookMetrics.js';
import { aboutSheet, runDateOf, type WorkbookAbout } from './workbookAbout.js';
import { figure, fittedColumns, heading } from './workbookCells.js';
import { uniqueSheetNames } from './workbookSheetNames.js';
import { NUMBER_FORMATS, xlsxBytes, type CellInput, type SheetSpec, type WorkbookSpec } from './xlsx.js';

/** The About details of the base scenario; the files compared are in the report itself. */
export type ComparisonAbout = Omit<WorkbookAbout, 'scenarioFile'>;

type Option = ComparisonReport['options'][number];

export const SUMMARY_SHEET = 'Summary';
export const ABOUT_SHEET = 'About';
export const TOTAL_HEADER = 'Total';

/** The rows shown per metric on an option's sheet, with how each is read from a MetricComparison. */
export const COMPARISON_ROWS: readonly (readonly [label: string, read: (m: MetricComparison) => number | null, isShare?: boolean])[] = [
  ['base median', (m) => m.base.p50],
  ['option median', (m) => m.option.p50],
  ['option p5', (m) => m.option.p5],
  ['option p95', (m) => m.option.p95],
  ['difference, mean', (m) => m.difference.mean],
  ['difference, 95% interval low', (m) => m.difference.ci95?.[0] ?? null],
  ['difference, 95% interval high', (m) => m.difference.ci95?.[1] ?? null],
  ['P(better)', (m) => m.probabilityBetter, true],
];

const labelOf = (key: string): string => {
  const def = metricByKey.get(key);
  return def === undefined ? key : metricLabel(def);
};
const formatOf = (key: string): string => {
  const def = metricByKey.get(key);
  return def === undefined ? NUMBER_FORMATS.oneDecimal : FORMAT_BY_UNIT[def.unit];
};

const horizon = (c: OptionComparison): string => {
  const first = c.years[0]?.financialYear;
  const last = c.years[c.years.length - 1]?.financialYear;
  return first === undefined || last === undefined ? 'the horizon' : `${first} to ${last}`;
};

const READING = 'Paired differences (option minus base) on the same replications: mean with its 95% interval, and P(better), the share of replications in which the option is better (ties count half; empty where neither direction is better). Differences of fractions are in percentage points.';

const optionSheet = (report: ComparisonReport, o: Option, name: string): SheetSpec => {
  const c = o.comparison;
  const header = ['Measure', 'Statistic', ...c.years.map((y) => y.financialYear), TOTAL_HEADER, 'Metric id'].map(heading);
  const keys = c.years[0]?.metrics.map((m) => m.metric) ?? c.total.map((m) => m.metric);
  const body = keys.flatMap((key) => {
    const perYear = c.years.map((y) => y.metrics.find((m) => m.metric === key));
    const total = c.total.find((m) => m.metric === key);
    const format = formatOf(key);
    return COMPARISON_ROWS.map(([stat, read, isShare]) => {
      const cell = (m: MetricComparison | undefined): CellInput => (m === undefined ? null : figure(read(m), isShare ? NUMBER_FORMATS.fraction : format));
      return [labelOf(key), stat, ...perYear.map(cell), cell(total), key];
    });
  });
  return {
    name,
    columns: fittedColumns([header, ...body], { min: 10, max: 60 }),
    frozenRows: 2,
    frozenColumns: 2,
    rows: [
      [heading(`${o.name} compared with ${report.base.name}`)],
      header,
      ...body,
      [],
      [READING],
      [`Total: over ${horizon(c)}, for flows and money only (snapshot measures at 31 March do not add up over years).`],
      [`${report.runs} replications, seed ${report.seed}, common random numbers; option file ${o.file} (see the About sheet).`],
    ],
  };
};

const summarySheet = (report: ComparisonReport): SheetSpec => {
  const opts = report.options;
  const first = opts[0]?.comparison;
  const over = first === undefined ? 'the horizon' : horizon(first);
  const money = (x: number | null): CellInput => figure(x, NUMBER_FORMATS.pounds);
  const header = ['Measure', ...opts.map((o) => o.name), 'Metric id'].map((h) => ({ value: h, bold: true, wrap: true }));
  const line = (label: string, cells: readonly CellInput[], key: string | null = null): CellInput[] => [label, ...cells, key];
  const totalKeys = first?.total.map((m) => m.metric) ?? [];
  const totalLines = totalKeys.flatMap((key) => {
    const ms = opts.map((o) => o.comparison.total.find((m) => m.metric === key));
    const fmt = formatOf(key);
    const at = (read: (m: MetricComparison) => number | null, f: string): CellInput[] => ms.map((m) => (m === undefined ? null : figure(read(m), f)));
    return [
      line(`${labelOf(key)}: difference, mean`, at((m) => m.difference.mean, fmt), key),
      line(`${labelOf(key)}: difference, 95% interval low`, at((m) => m.difference.ci95?.[0] ?? null, fmt), key),
      line(`${labelOf(key)}: difference, 95% interval high`, at((m) => m.difference.ci95?.[1] ?? null, fmt), key),
      line(`${labelOf(key)}: P(better)`, at((m) => m.probabilityBetter, NUMBER_FORMATS.fraction), key),
    ];
  });
  const body: CellInput[][] = [
    line('Option file', opts.map((o) => o.file)),
    line(`Net cost over ${over} (mean; negative: a saving)`, opts.map((o) => money(o.comparison.netCost))),
    line('Break-even year', opts.map((o) => o.comparison.breakEvenYear ?? 'not within the horizon')),
    line('£ per child-year kept within 20 miles', opts.map((o) => money(o.comparison.costPerOutcome.perChildYearWithin20Miles))),
    line('£ per disruption avoided', opts.map((o) => money(o.comparison.costPerOutcome.perDisruptionAvoided))),
    line('£ per shortfall avoided', opts.map((o) => money(o.comparison.costPerOutcome.perShortfallAvoided))),
    ...totalLines,
  ];
  return {
    name: SUMMARY_SHEET,
    columns: [
      fittedColumns([header.slice(0, 1), ...body.map((r) => r.slice(0, 1))], { max: 70 })[0]!,
      ...opts.map(() => ({ width: 22 })),
      { width: 30 },
    ],
    frozenRows: 2,
    frozenColumns: 1,
    rows: [
      [heading(`Options compared with ${report.base.name}: ${report.runs} replications, seed ${report.seed}, common random numbers`)],
      header,
      ...body,
      [],
      [`Differences are over ${over}, option minus base. Break-even year: the first year from whose end the cumulative mean net cost stays at or below zero.`],
      ['£ per outcome: net cost divided by the mean gain; empty when the option gains none; negative: the option saves money and gains the outcome.'],
      [READING],
    ],
  };
};

const comparisonAbout = (report: ComparisonReport, about: ComparisonAbout): SheetSpec => {
  const first = report.options[0]?.comparison;
  return aboutSheet([
    ['Base scenario', report.base.name],
    ['Base scenario file', report.base.file],
    ['Base scenario hash', report.base.hash],
    ['Seed', { value: report.seed, format: '0' }],
    ['Replications (runs)', { value: report.runs, format: NUMBER_FORMATS.whole }],
    ['Engine version', report.engineVersion],
    ['Date run', about.runDate],
    ['Financial years', first === undefined ? '(none)' : horizon(first)],
    ['Common random numbers', 'yes: the base and every option ran on the same seeds, replication by replication, so differences are due to the levers, not to noise.'],
  ], about, [
    [],
    [heading('Option'), heading('File'), heading('Hash')],
    ...report.options.map((o) => [o.name, o.file, o.hash]),
  ]);
};

/** Sheet names for the options: their names made to fit Excel's rules, unique, never "Summary" or "About". */
export const optionSheetNames = (report: ComparisonReport): string[] =>
  uniqueSheetNames(report.options.map((o) => o.name), [SUMMARY_SHEET, ABOUT_SHEET], 'Option');

/** The comparison workbook as data (sheets of cells), before exceljs. */
export const comparisonWorkbookSpec = (report: ComparisonReport, about: ComparisonAbout): WorkbookSpec => {
  const names = optionSheetNames(report);
  return {
    title: `${report.base.name}: options compared`,
    date: runDateOf(about),
    sheets: [
      summarySheet(report),
      ...report.options.map((o, i) => optionSheet(report, o, names[i]!)),
      comparisonAbout(report, about),
    ],
  };
};

/** `<scenario>.xlsx` for `compare`: Summary, one sheet per option, About; as bytes. */
export const comparisonWorkbook = (report: ComparisonReport, about: ComparisonAbout): Promise<Uint8Array> =>
  xlsxBytes(comparisonWorkbookSpec(report, about));
