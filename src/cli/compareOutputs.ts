// The comparison a `compare` writes and prints, shared by `compare` and `merge` (which compares the
// shards' replications): the same replications give the same files either way.
import type { FinancialYear } from '../domain/time.js';
import type { Scenario } from '../domain/scenario.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { comparisonCsv, comparisonJson, comparisonTable, type ComparisonReport } from '../io/comparisonFiles.js';
import { outputPath, type OutputFile } from '../io/outputDir.js';
import { compareOption } from '../metrics/compare.js';
import type { ReplicationColumns } from '../metrics/summary.js';
import { scenarioAbout } from '../report/about.js';
import { comparisonReportHtml } from '../report/html.js';
import type { ReportChoice } from './forecastOutputs.js';
import { REPORT_FILE, fileSlug, terminalWidth, wroteLine } from './outputs.js';

/** A compared scenario as the report names it, and as its About section describes it. */
export interface ComparedScenario {
  readonly name: string;
  readonly hash: string;
  readonly file: string;
  readonly scenario: Scenario;
}

/** The base (first) and each option compared on the same replications. */
export const comparisonReportOf = (
  scenarios: readonly ComparedScenario[], columns: readonly ReplicationColumns[], o: { seed: number; runs: number }, fys: readonly FinancialYear[],
): ComparisonReport => {
  const base = scenarios[0]!;
  return {
    base: { name: base.name, hash: base.hash, file: base.file },
    seed: o.seed, runs: o.runs, engineVersion: ENGINE_VERSION, commonRandomNumbers: true,
    options: scenarios.slice(1).map((s, i) => ({
      name: s.name, hash: s.hash, file: s.file, comparison: compareOption(columns[0]!, columns[i + 1]!, fys),
    })),
  };
};

/** The paths a comparison with base `baseName` writes, known before it runs. */
export const comparisonOutputPaths = (baseName: string, o: ReportChoice): string[] =>
  ['comparison.json', 'comparison.csv', ...(o.html ? [REPORT_FILE] : []), ...(o.xlsx ? [`${fileSlug(baseName)}.xlsx`] : [])].map((n) => outputPath(o.out, n));

export const comparisonOutputFiles = async (
  report: ComparisonReport, scenarios: readonly ComparedScenario[], run: { command: string; runDate: string }, o: ReportChoice, chartRuntime: string,
): Promise<OutputFile[]> => {
  const base = scenarios[0]!;
  const written: OutputFile[] = [
    { path: outputPath(o.out, 'comparison.json'), content: comparisonJson(report) },
    { path: outputPath(o.out, 'comparison.csv'), content: comparisonCsv(report) },
  ];
  if (o.html) {
    const about = {
      dateRun: run.runDate, command: run.command,
      scenarios: [scenarioAbout(base.scenario, base.file), ...scenarios.slice(1).map((s) => scenarioAbout(s.scenario, s.file, base.scenario))],
    };
    written.push({ path: outputPath(o.out, REPORT_FILE), content: comparisonReportHtml(report, about, chartRuntime) });
  }
  if (o.xlsx) {
    // Loaded only when wanted: exceljs doubles the command's start-up time.
    const { comparisonWorkbook, workbookAbout } = await import('../report/workbook.js');
    const about = workbookAbout(base.scenario, base.file, run.runDate);
    written.push({ path: outputPath(o.out, `${fileSlug(base.name)}.xlsx`), content: await comparisonWorkbook(report, about) });
  }
  return written;
};

export const printComparison = (report: ComparisonReport, outputs: readonly string[], o: { quiet?: boolean; json?: boolean }, out: (s: string) => void): void => {
  if (o.json === true) {
    out(comparisonJson(report));
    if (!o.quiet) process.stderr.write(`${wroteLine(outputs)}\n`);
  } else if (!o.quiet) {
    out(`${comparisonTable(report, terminalWidth())}\n\n${wroteLine(outputs)}\n`);
  }
};
