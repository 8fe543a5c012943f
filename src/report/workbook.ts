// The forecast as an Excel workbook for finance: a sheet per metric family with financial years
// as columns and mean, p5, p50, p95 rows per metric, then an About sheet with provenance. Numbers
// are numeric cells with £, % and thousands formats; a figure that is not defined is an empty cell.
// Pure apart from the bytes exceljs builds: no clock (the run date is given), no files.
import type { MetricDef } from '../domain/metricCatalog.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { statsAt, yearLabel } from './labels.js';
import { aboutSheet, runDateOf, STATISTICS_NOTE, UNITS_NOTE, type WorkbookAbout } from './workbookAbout.js';
import { figure, fittedColumns, heading } from './workbookCells.js';
import { familiesWithMetrics, FORMAT_BY_UNIT, metricLabel, type MetricFamily } from './workbookMetrics.js';
import { NUMBER_FORMATS, xlsxBytes, type CellInput, type SheetSpec, type WorkbookSpec } from './xlsx.js';

export { comparisonWorkbook, comparisonWorkbookSpec, type ComparisonAbout } from './workbookComparison.js';
export { workbookAbout, type WorkbookAbout } from './workbookAbout.js';

/** The statistics shown per metric, in row order; their labels are the summary.json keys. */
export const WORKBOOK_STATS = ['mean', 'p5', 'p50', 'p95'] as const;

/** Column headers fixed by every metric sheet (tests and readers find the figures by them). */
export const MEASURE_HEADER = 'Measure';
export const STATISTIC_HEADER = 'Statistic';
export const METRIC_ID_HEADER = 'Metric id';

/** `* 2022/23: flows and cost cover …` under every sheet when the first year is partial. */
export const partialYearNote = (s: ForecastSummary): string | undefined => {
  const partial = s.years.find((y) => y.partial);
  return partial === undefined ? undefined
    : `* ${partial.financialYear}: flows and cost cover ${partial.simulatedFrom} to ${partial.yearEnd} only (the scenario starts mid-year); snapshot measures are at 31 March.`;
};

export const runLine = (s: ForecastSummary): string =>
  `${s.scenario.name}: ${s.runs} replications, seed ${s.seed}, engine ${s.engineVersion} (see the About sheet).`;

const metricRows = (s: ForecastSummary, m: MetricDef): CellInput[][] => {
  const format = FORMAT_BY_UNIT[m.unit];
  const label = metricLabel(m);
  const key = m.path.join('.');
  return WORKBOOK_STATS.map((stat) => [
    label, stat, ...s.years.map((y) => figure(statsAt(y.metrics, m.path)?.[stat], format)), key,
  ]);
};

const familySheet = (s: ForecastSummary, family: MetricFamily, metrics: readonly MetricDef[]): SheetSpec => {
  const header = [MEASURE_HEADER, STATISTIC_HEADER, ...s.years.map(yearLabel), METRIC_ID_HEADER].map(heading);
  const body = metrics.flatMap((m) => metricRows(s, m));
  const partial = partialYearNote(s);
  const widths = fittedColumns([header, ...body], { min: 10, max: 60 });
  return {
    name: family.sheet,
    columns: widths,
    frozenRows: 2,
    frozenColumns: 2,
    rows: [
      [heading(family.title)],
      header,
      ...body,
      [],
      ...(partial === undefined ? [] : [[partial]]),
      [`Statistics: ${STATISTICS_NOTE}`],
      [runLine(s)],
    ],
  };
};

const forecastAbout = (s: ForecastSummary, about: WorkbookAbout): SheetSpec => {
  const first = s.years[0];
  const last = s.years[s.years.length - 1];
  const partial = partialYearNote(s);
  return aboutSheet([
    ['Scenario', s.scenario.name],
    ['Scenario file', about.scenarioFile],
    ['Scenario hash', s.scenario.hash],
    ['Seed', { value: s.seed, format: '0' }],
    ['Replications (runs)', { value: s.runs, format: NUMBER_FORMATS.whole }],
    ['Engine version', s.engineVersion],
    ['Date run', about.runDate],
    ['Start date', s.startDate],
    ['Financial years', first === undefined || last === undefined ? '(none)' : `${first.financialYear} to ${last.financialYear}`],
    ...(partial === undefined ? [] : [['Partial first year', partial.replace(/^\* /, '')] as const]),
    ['Statistics', STATISTICS_NOTE],
    ['Units', UNITS_NOTE],
  ], about);
};

/** The workbook as data (sheets of cells), before exceljs: what `forecastWorkbook` writes. */
export const forecastWorkbookSpec = (summary: ForecastSummary, about: WorkbookAbout): WorkbookSpec => ({
  title: summary.scenario.name,
  date: runDateOf(about),
  sheets: [
    ...familiesWithMetrics().map(({ family, metrics }) => familySheet(summary, family, metrics)),
    forecastAbout(summary, about),
  ],
});

/** `<scenario>.xlsx` for `forecast`: a sheet per metric family and an About sheet, as bytes. */
export const forecastWorkbook = (summary: ForecastSummary, about: WorkbookAbout): Promise<Uint8Array> =>
  xlsxBytes(forecastWorkbookSpec(summary, about));
