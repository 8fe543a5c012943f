// The files a forecast writes and what it prints, shared by `forecast` and `merge` (which
// summarises the shards' replications): the same summary gives the same files either way.
import type { Scenario } from '../domain/scenario.js';
import { FORECAST_FILE_NAMES, forecastFiles, summaryJson } from '../io/forecastFiles.js';
import { forecastTable } from '../io/forecastTable.js';
import { outputPath, type OutputFile } from '../io/outputDir.js';
import { scenarioAbout } from '../report/about.js';
import { forecastReportHtml } from '../report/html.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { REPORT_FILE, fileSlug, terminalWidth, wroteLine } from './outputs.js';

export interface ReportChoice {
  readonly out: string;
  readonly html: boolean;
  readonly xlsx: boolean;
}

/** Where the run came from, for the report's and workbook's About: the scenario, its file, the command, the date. */
export interface RunAbout {
  readonly scenario: Scenario;
  readonly file: string;
  readonly command: string;
  readonly runDate: string;
}

/** The paths a forecast of the scenario `name` writes, known before it runs. */
export const forecastOutputPaths = (name: string, o: ReportChoice): string[] =>
  [...FORECAST_FILE_NAMES, ...(o.html ? [REPORT_FILE] : []), ...(o.xlsx ? [`${fileSlug(name)}.xlsx`] : [])].map((n) => outputPath(o.out, n));

/** summary.json, the CSVs and, when chosen, report.html and the workbook. */
export const forecastOutputFiles = async (summary: ForecastSummary, about: RunAbout, o: ReportChoice, chartRuntime: string): Promise<OutputFile[]> => {
  const files: OutputFile[] = forecastFiles(summary).map((f) => ({ path: outputPath(o.out, f.name), content: f.content }));
  if (o.html) {
    const page = { dateRun: about.runDate, scenarios: [scenarioAbout(about.scenario, about.file)], command: about.command };
    files.push({ path: outputPath(o.out, REPORT_FILE), content: forecastReportHtml(summary, page, chartRuntime) });
  }
  if (o.xlsx) {
    // Loaded only when wanted: exceljs doubles the command's start-up time.
    const { forecastWorkbook, workbookAbout } = await import('../report/workbook.js');
    files.push({ path: outputPath(o.out, `${fileSlug(summary.scenario.name)}.xlsx`), content: await forecastWorkbook(summary, workbookAbout(about.scenario, about.file, about.runDate)) });
  }
  return files;
};

/** What a forecast prints once its files are written: the table (or JSON) and what was written. */
export const printForecast = (
  summary: ForecastSummary, outputs: readonly string[], o: { quiet?: boolean; json?: boolean }, out: (s: string) => void, extra = '',
): void => {
  if (o.json === true) {
    out(summaryJson(summary));
    if (!o.quiet) process.stderr.write(`${wroteLine(outputs)}${extra}\n`);
  } else if (!o.quiet) {
    out(`${forecastTable(summary, terminalWidth())}\n\n${wroteLine(outputs)}${extra}\n`);
  }
};
