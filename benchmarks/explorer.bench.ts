// Explorer benchmark: 1,000 replications × 5 years of the Medway baseline in the browser (the
// explorer page from disk, headless chromium, the engine in its Web Worker) against the CLI's
// single-worker time for the same run, measured one after the other in this process. Target: the
// browser within 3× the CLI. Browser time is the worker's own (resolve, run, summarise); the wall
// time from the click to every chart drawn is printed beside it. Run from the package folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { E } from '../src/domain/fp.js';
import { summaryJson } from '../src/io/forecastFiles.js';
import { loadScenarioFile } from '../src/io/scenarioFile.js';
import { runForecast } from '../src/cli/workers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface ExplorerTiming {
  readonly runs: number;
  readonly years: number;
  /** The CLI's engine on one worker (the main thread), seconds. */
  readonly cliSeconds: number;
  /** The same run in the browser's worker, seconds. */
  readonly browserSeconds: number;
  /** From the click on Run to every chart drawn, seconds. */
  readonly browserWallSeconds: number;
  readonly ratio: number;
  /** The explorer's summary.json download is byte for byte the CLI's. */
  readonly sameBytes: boolean;
}

/** Builds the explorer (scripts/build-explorer.mjs) and returns its path. */
export const buildExplorerPage = (root = process.cwd()): string => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-explorer.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  return join(root, 'dist', 'explorer', 'index.html');
};

export const measureExplorer = async (runs = 1000, years = 5, root = process.cwd()): Promise<ExplorerTiming> => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (as .ci/run does), or set CHROMIUM_PATH.`);
  const page = buildExplorerPage(root);
  const rs = loadScenarioFile(join(root, 'scenarios', 'medway-2022.json'));
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  const t0 = performance.now();
  const cli = await runForecast(rs.right, { seed: 1, runs, years }, 1);
  const cliSeconds = (performance.now() - t0) / 1000;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await tab.goto(pathToFileURL(page).href);
    await tab.fill('#runs', String(runs));
    await tab.fill('#seed', '1');
    await tab.fill('#years', String(years));
    await tab.dispatchEvent('#years', 'change');
    const t1 = performance.now();
    await tab.click('#run');
    await tab.waitForSelector('#results-area[data-run="1"] #results-body[data-charts="done"]', { timeout: 600_000 });
    const browserWallSeconds = (performance.now() - t1) / 1000;
    const browserSeconds = Number(await tab.getAttribute('#results-area', 'data-compute-ms')) / 1000;
    await tab.waitForSelector('#download-summary[data-ready="true"]');
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('#download-summary')]);
    const sameBytes = readFileSync(await download.path(), 'utf8') === summaryJson(cli);
    return { runs, years, cliSeconds, browserSeconds, browserWallSeconds, ratio: browserSeconds / cliSeconds, sameBytes };
  } finally {
    await browser.close();
  }
};

export const explorerLines = (t: ExplorerTiming): string[] => [
  `Explorer benchmark: Medway baseline, ${t.runs} replications × ${t.years} years, seed 1`,
  `  CLI, 1 worker:      ${t.cliSeconds.toFixed(2)} s`,
  `  browser (chromium): ${t.browserSeconds.toFixed(2)} s in the worker, ${t.browserWallSeconds.toFixed(2)} s from Run to every chart drawn`,
  `  ratio browser / CLI: ${t.ratio.toFixed(2)}× (target within 3×: ${t.ratio <= 3 ? 'met' : 'NOT met'}); same summary.json bytes: ${t.sameBytes ? 'yes' : 'NO'}`,
];

export const runExplorerBench = async (): Promise<string[]> => explorerLines(await measureExplorer());

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  for (const line of await runExplorerBench()) console.log(line);
}
