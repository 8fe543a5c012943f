// What the files people read cost: report.html and the Excel workbook against the 1,000-replication
// forecast they describe (target: under 10% of its time; report.html under 2 MB).
import { E } from '../src/domain/fp.js';
import { forecastFiles } from '../src/io/forecastFiles.js';
import { readReportRuntime } from '../src/io/reportRuntime.js';
import { loadScenarioFile } from '../src/io/scenarioFile.js';
import { runForecast } from '../src/cli/workers.js';
import { scenarioAbout } from '../src/report/about.js';
import { forecastReportHtml } from '../src/report/html.js';
import { forecastWorkbook, workbookAbout } from '../src/report/workbook.js';

const SCENARIO = 'scenarios/medway-2022.json';

const timed = async <A>(f: () => A | Promise<A>): Promise<[A, number]> => {
  const t0 = performance.now();
  const a = await f();
  return [a, (performance.now() - t0) / 1000];
};

export const runOutputsBench = async (): Promise<string[]> => {
  const rs = loadScenarioFile(SCENARIO);
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  const runtime = readReportRuntime();
  if (E.isLeft(runtime)) throw new Error(runtime.left);
  const [summary, forecastSeconds] = await timed(() => runForecast(rs.right, { seed: 1, runs: 1000, years: 5 }, 2));
  const [, filesSeconds] = await timed(() => forecastFiles(summary));
  const about = { dateRun: '2026-01-01', scenarios: [scenarioAbout(rs.right.scenario, SCENARIO)] };
  const [html, htmlSeconds] = await timed(() => forecastReportHtml(summary, about, runtime.right));
  const [xlsx, xlsxSeconds] = await timed(() => forecastWorkbook(summary, workbookAbout(rs.right.scenario, SCENARIO, '2026-01-01T00:00:00Z')));
  const extra = htmlSeconds + xlsxSeconds;
  const bytes = Buffer.byteLength(html);
  return [
    `Outputs people read: ${SCENARIO}, 1,000 replications × 5 years on 2 workers, seed 1`,
    `  forecast ${forecastSeconds.toFixed(2)} s; summary.json + CSVs ${(filesSeconds * 1000).toFixed(0)} ms; report.html ${(htmlSeconds * 1000).toFixed(0)} ms (${(bytes / 1e6).toFixed(2)} MB); workbook ${(xlsxSeconds * 1000).toFixed(0)} ms (${(xlsx.length / 1e3).toFixed(0)} kB)`,
    `  report + workbook add ${((100 * extra) / forecastSeconds).toFixed(1)}% to the forecast's time (target under 10%: ${extra < 0.1 * forecastSeconds ? 'met' : 'NOT met'}); report.html under 2 MB: ${bytes < 2e6 ? 'yes' : 'NO'}`,
  ];
};
