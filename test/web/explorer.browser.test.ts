// The explorer in a real headless browser (Debian's chromium, driven by playwright-core), opened
// from disk as a council analyst would open it from an email: it runs the Medway baseline with the
// report's charts, a changed lever changes the results, the downloaded summary.json is the CLI's
// bytes for the same scenario, seed, runs and years, option files load with their base, bad levers
// are explained in the codec's words, a run can be cancelled, a hostile scenario name stays text,
// and no request leaves the page. Takes the README's screenshot (docs/explorer.png). Never
// skipped: without chromium it fails and says how to install it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorerPage } from '../../benchmarks/explorer.bench.js';
import { launchChromium, openWatched, type Opened } from '../fixtures/browser.js';
import { E } from '../../src/domain/fp.js';
import { summaryJson } from '../../src/io/forecastFiles.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { forecastCharts, type ReportChart } from '../../src/report/charts.js';
import { forecast, type ForecastSummary } from '../../src/sim/forecast.js';

// Browser globals used inside page.evaluate (run in chromium), declared loosely for this module.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const ROOT = join(import.meta.dirname, '..', '..');
const MEDWAY_PATH = join(ROOT, 'scenarios', 'medway-2022.json');
const OPTION_PATH = join(ROOT, 'scenarios', 'options', 'inhouse-recruitment-10plus.json');
const HOSTILE = '<script>alert(1)</script> & co';
const RUNS = 20;
const YEARS = 2;

let browser: Browser;
let page: string;
let dir: string;

/** summary.json as `sufficiency forecast FILE --runs R --years Y --seed S` writes it. */
const cliSummary = (file: string, runs = RUNS, years = YEARS, seed = 1): string => {
  const rs = loadScenarioFile(file, { years });
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  return summaryJson(forecast(rs.right, { seed, runs, years }));
};

beforeAll(() => {
  page = buildExplorerPage(ROOT);
  dir = mkdtempSync(join(tmpdir(), 'explorer-test-'));
});

beforeAll(async () => {
  browser = await launchChromium('explorer');
});

afterAll(async () => {
  await browser?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const open = async (viewport = { width: 1280, height: 860 }): Promise<Opened> => {
  const o = await openWatched(browser, pathToFileURL(page).href, { viewport, acceptDownloads: true });
  await o.page.waitForSelector('#run');
  return o;
};

const expectNothingLeft = async (o: Opened): Promise<void> => {
  expect(o.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  expect(await o.page.evaluate(() => (window.cspViolations as string[] | undefined) ?? [])).toEqual([]);
  expect(o.dialogs).toEqual([]);
  expect(o.errors).toEqual([]);
};

const setRun = async (p: Page, runs: number, years: number, seed = 1): Promise<void> => {
  await p.fill('#runs', String(runs));
  await p.fill('#seed', String(seed));
  await p.fill('#years', String(years));
  await p.dispatchEvent('#years', 'change');
};

/** Clicks Run and waits for the n-th results with every chart drawn. */
const runAndWait = async (p: Page, n: number): Promise<void> => {
  await p.click('#run');
  await p.waitForSelector(`#results-area[data-run="${n}"] #results-body[data-charts="done"]`, { timeout: 120_000 });
};

const downloaded = async (p: Page, id: string): Promise<{ name: string; bytes: Buffer }> => {
  await p.waitForSelector(`#${id}[data-ready="true"]`);
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(`#${id}`)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
};

const openLever = async (p: Page, card: string): Promise<void> => {
  if ((await p.getAttribute(`#lever-${card}`, 'open')) === null) await p.click(`#lever-${card} > summary`);
};

interface Drawn { rendered: string | null; svgs: number; counts: Record<string, number>; yearLabels: number }

const drawn = (p: Page, id: string, selectors: Record<string, string>, years: readonly string[]): Promise<Drawn> =>
  p.evaluate(([vis, sel, ys]) => {
    const el = document.getElementById(vis);
    const counts: Record<string, number> = {};
    for (const [k, s] of Object.entries(sel)) counts[k] = el.querySelectorAll(s).length;
    const labels = ([...el.querySelectorAll('.role-axis-label text')] as { textContent: string | null }[]).map((t) => t.textContent ?? '');
    return { rendered: el.getAttribute('data-rendered'), svgs: el.querySelectorAll('svg').length, counts, yearLabels: labels.filter((l) => ys.includes(l)).length };
  }, [id, selectors, years] as const);

/** A fan chart: a median line per series, a point per series and year, the years on each panel's axis. */
const expectFan = async (p: Page, c: ReportChart, prefix: string): Promise<void> => {
  const d = await drawn(p, `vis-${prefix}-${c.id}`, { medians: '.fan_median_marks path', points: '.fan_points_marks path', bands: '.fan_outer_marks path' }, c.years);
  const panels = c.spec !== null && 'facet' in c.spec;
  expect({ id: c.id, rendered: d.rendered, svgs: d.svgs }).toEqual({ id: c.id, rendered: 'true', svgs: 1 });
  expect({ id: c.id, ...d.counts }).toEqual({ id: c.id, medians: c.series.length, points: c.series.length * c.years.length, bands: c.series.length });
  expect({ id: c.id, yearLabels: d.yearLabels }).toEqual({ id: c.id, yearLabels: (panels ? c.series.length : 1) * c.years.length });
};

describe('the explorer page (dist/explorer/index.html)', () => {
  it('is one file with everything inlined: no src or href to fetch', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i);
    expect(html).toContain('Content-Security-Policy');
    expect(statSync(page).size).toBeLessThan(4 * 1024 * 1024);
  });

  it('runs the Medway baseline from disk: every chart drawn with its series and years, summary.json the CLI\'s bytes, no request leaving the page', async () => {
    const o = await open();
    expect(await o.page.locator('h1').innerText()).toBe('Medway 2022 baseline');
    await setRun(o.page, RUNS, YEARS);
    await runAndWait(o.page, 1);
    const expected = cliSummary(MEDWAY_PATH);
    const summary = await downloaded(o.page, 'download-summary');
    expect(summary.name).toBe('summary.json');
    expect(summary.bytes.toString('utf8')).toBe(expected);
    const charts = forecastCharts(JSON.parse(expected) as ForecastSummary);
    expect(charts.map((c) => c.years)).toEqual(charts.map(() => ['2022/23*', '2023/24']));
    expect(await o.page.getAttribute('#results-body', 'data-charts-drawn')).toBe(String(charts.filter((c) => c.spec !== null).length));
    for (const c of charts) if (c.spec !== null) await expectFan(o.page, c, 'forecast');
    expect(await o.page.locator('#comparison').count()).toBe(0);
    // The scenario downloaded is the one run: the CLI reads it and gives the same bytes.
    const scenario = await downloaded(o.page, 'download-scenario');
    const file = join(dir, 'baseline.json');
    writeFileSync(file, scenario.bytes);
    expect(cliSummary(file)).toBe(expected);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('changes results when a lever changes, compares on the same seeds, and the option\'s summary.json is the CLI\'s for the scenario downloaded', async () => {
    const o = await open();
    await setRun(o.page, RUNS, YEARS);
    await openLever(o.page, 'recruit');
    await o.page.fill('#f-recruit_teen_households', '30');
    await openLever(o.page, 'hub');
    await o.page.fill('#f-hub_share', '50');
    expect(await o.page.locator('#lever-recruit .badge').innerText()).toBe('on');
    expect(await o.page.locator('#lever-count').innerText()).toMatch(/^2 levers chosen/);
    await runAndWait(o.page, 1);
    const scenario = await downloaded(o.page, 'download-scenario');
    const json = JSON.parse(scenario.bytes.toString('utf8')) as { name: string; levers: { lever: string; householdsPerYear?: number; share?: number }[] };
    expect(json.levers).toEqual([
      expect.objectContaining({ lever: 'recruitInHouse', householdsPerYear: 30 }),
      expect.objectContaining({ lever: 'hubSupport', share: 0.5 }),
    ]);
    const file = join(dir, 'option.json');
    writeFileSync(file, scenario.bytes);
    const summary = (await downloaded(o.page, 'download-summary')).bytes.toString('utf8');
    expect(summary).toBe(cliSummary(file));
    const base = (await downloaded(o.page, 'download-base-summary')).bytes.toString('utf8');
    expect(base).toBe(cliSummary(MEDWAY_PATH));
    // The levers changed the forecast: more in-house foster placements, different spend.
    const last = (s: string) => (JSON.parse(s) as ForecastSummary).years[YEARS - 1]!.metrics as any;
    expect(last(summary).childrenInCareByPlacementType.inHouseFoster.mean).toBeGreaterThan(last(base).childrenInCareByPlacementType.inHouseFoster.mean);
    expect(last(summary).cost.mean).not.toBe(last(base).cost.mean);
    // The comparison: the report's scorecard and charts, base and option as two series.
    expect(await o.page.locator('#comparison table.scorecard').count()).toBe(1);
    const fans = await drawn(o.page, 'vis-compare-compare-childrenInCare', { medians: '.fan_median_marks path', points: '.fan_points_marks path' }, ['2022/23*', '2023/24']);
    expect(fans.rendered).toBe('true');
    expect(fans.counts).toEqual({ medians: 2, points: 4 });
    const cost = await drawn(o.page, 'vis-compare-compare-net-cost', { lines: '.cost_line_marks path', points: '.cost_points_marks path' }, ['2022/23*', '2023/24']);
    expect(cost.counts).toEqual({ lines: 1, points: YEARS });
    expect(await o.page.locator('#results-body .chart-body[data-rendered="error"]').count()).toBe(0);
    // The workbook opens, and its About sheet names the option.
    const xlsx = await downloaded(o.page, 'download-workbook');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('About')?.getCell('B2').value).toBe(json.name);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('loads an option file on the built-in baseline, or with its base selected beside it, giving the CLI\'s bytes for the option file', async () => {
    const o = await open();
    const expected = cliSummary(OPTION_PATH);
    await o.page.setInputFiles('#scenario-file', OPTION_PATH);
    await o.page.waitForSelector('#file-lever-0');
    expect(await o.page.locator('h1').innerText()).toBe('+10 in-house carers a year for ages 10+');
    expect(await o.page.locator('#scenario-current').innerText()).toContain('on the base Medway 2022 baseline (built in)');
    await setRun(o.page, RUNS, YEARS);
    await runAndWait(o.page, 1);
    expect((await downloaded(o.page, 'download-summary')).bytes.toString('utf8')).toBe(expected);
    // The same with the base file chosen too (the base is then the file, not the built-in copy).
    await o.page.setInputFiles('#scenario-file', [OPTION_PATH, MEDWAY_PATH]);
    await o.page.waitForFunction(() => document.getElementById('scenario-current').textContent.includes('(medway-2022.json)'));
    await setRun(o.page, RUNS, YEARS);
    await runAndWait(o.page, 2);
    expect((await downloaded(o.page, 'download-summary')).bytes.toString('utf8')).toBe(expected);
    // An option on a base that is not loaded: the page says which file to add.
    const orphan = join(dir, 'orphan.json');
    writeFileSync(orphan, JSON.stringify({ extends: '../kent-2023.json', name: 'Orphan', levers: [] }));
    await o.page.setInputFiles('#scenario-file', orphan);
    await o.page.waitForSelector('#scenario-errors .errors');
    expect(await o.page.locator('#scenario-errors').innerText()).toContain('this option builds on "kent-2023.json", which is not loaded: select it together with the option file');
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('explains a bad lever in the codec\'s words, marks the input and blocks the run; a date beyond the horizon comes back from the engine', async () => {
    const o = await open();
    await setRun(o.page, RUNS, YEARS);
    await openLever(o.page, 'recruit');
    await o.page.fill('#f-recruit_teen_households', '20000');
    await o.page.waitForSelector('#card-errors-recruit .errors');
    expect(await o.page.locator('#card-errors-recruit').innerText()).toContain('Recruit in-house foster carers (young people aged 10–17, including complex needs): $.householdsPerYear: expected number from 0 to 10,000, found 20000');
    expect(await o.page.getAttribute('#f-recruit_teen_households', 'aria-invalid')).toBe('true');
    expect(await o.page.locator('#lever-recruit .badge').innerText()).toBe('check');
    expect(await o.page.isDisabled('#run')).toBe(true);
    await o.page.fill('#f-recruit_teen_households', '10');
    expect(await o.page.locator('#card-errors-recruit .errors').count()).toBe(0);
    expect(await o.page.getAttribute('#f-recruit_teen_households', 'aria-invalid')).toBeNull();
    expect(await o.page.isDisabled('#run')).toBe(false);
    await openLever(o.page, 'homes');
    await o.page.fill('#f-homes_count', '1');
    await o.page.fill('#f-home1_opens', '2030-01-01');
    await o.page.click('#run');
    await o.page.waitForSelector('#run-errors .errors');
    expect(await o.page.locator('#run-errors').innerText()).toContain('explorer-option.json: $.levers[1].opens: expected a date from 2022-12-31 to 2024-03-31 (the forecast horizon), found 2030-01-01');
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('cancels a long run: the worker stops, the page is ready for the next run', async () => {
    const o = await open();
    await setRun(o.page, 200_000, 5);
    await o.page.click('#run');
    await o.page.waitForFunction(() => document.getElementById('progress').value > 0, undefined, { timeout: 60_000 });
    expect(await o.page.isDisabled('#run')).toBe(true);
    await o.page.click('#cancel');
    expect(await o.page.locator('#status').innerText()).toMatch(/^Cancelled/);
    expect(await o.page.isHidden('#progress')).toBe(true);
    expect(await o.page.isDisabled('#cancel')).toBe(true);
    expect(await o.page.isDisabled('#run')).toBe(false);
    await o.page.waitForTimeout(500);
    expect(await o.page.locator('#progress-text').innerText()).toBe('');
    expect(await o.page.locator('#results-body').count()).toBe(0);
    await setRun(o.page, 10, 1);
    await runAndWait(o.page, 1);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('shows a hostile scenario name and description as text and runs none of it', async () => {
    const o = await open();
    const medway = JSON.parse(readFileSync(MEDWAY_PATH, 'utf8')) as Record<string, unknown>;
    const description = 'Described as </script><script>alert(2)</script> and <img src=x onerror=alert(3)>';
    await o.page.setInputFiles('#scenario-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...medway, name: HOSTILE, description })) });
    await o.page.waitForFunction((n) => document.querySelector('h1').textContent === n, HOSTILE);
    expect(await o.page.locator('#scenario-description').innerText()).toBe(description);
    expect(await o.page.title()).toContain(HOSTILE);
    await setRun(o.page, 10, YEARS);
    await runAndWait(o.page, 1);
    expect(await o.page.locator('#run-summary-title').innerText()).toBe(`Forecast: ${HOSTILE}`);
    expect(await o.page.locator('img').count()).toBe(0);
    expect(await o.page.evaluate(() => ([...document.scripts] as unknown[]).length)).toBe(1);
    const summary = JSON.parse((await downloaded(o.page, 'download-summary')).bytes.toString('utf8')) as ForecastSummary;
    expect(summary.scenario.name).toBe(HOSTILE);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('can be used with the keyboard, and every control has a label', async () => {
    const o = await open();
    const unlabelled = await o.page.evaluate(() => ([...document.querySelectorAll('#controls input, #controls select')] as any[])
      .filter((el) => el.labels === null || el.labels.length === 0).map((el) => el.id));
    expect(unlabelled).toEqual([]);
    await o.page.focus('#lever-prevention > summary');
    await o.page.keyboard.press('Enter');
    expect(await o.page.getAttribute('#lever-prevention', 'open')).toBe('');
    await o.page.keyboard.press('Tab');
    expect(await o.page.evaluate(() => document.activeElement.id)).toBe('f-prevention_reduction');
    await o.page.keyboard.type('15');
    expect(await o.page.locator('#lever-prevention .badge').innerText()).toBe('on');
    await o.page.fill('#runs', '10');
    await o.page.fill('#years', '2');
    await o.page.focus('#runs');
    await o.page.keyboard.press('Enter'); // submits the form: runs
    await o.page.waitForSelector('#results-area[data-run="1"] #results-body[data-charts="done"]', { timeout: 120_000 });
    expect(await o.page.locator('#comparison').count()).toBe(1);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('takes the README screenshot (docs/explorer.png): a lever changed and the option compared with the base', async () => {
    const o = await open({ width: 1280, height: 900 });
    await setRun(o.page, 200, 5);
    await openLever(o.page, 'recruit');
    await o.page.fill('#f-recruit_teen_households', '10');
    await o.page.fill('#f-recruit_from', '2023-04-01');
    await o.page.fill('#option-name', '+10 in-house carers a year for ages 10+');
    await o.page.click('#run');
    await o.page.waitForSelector('#results-area[data-run="1"] #results-body[data-charts="done"]', { timeout: 120_000 });
    await o.page.evaluate(() => {
      window.scrollTo(0, 0);
      // The control panel scrolled to the levers, the recruitment card open.
      const controls = document.getElementById('controls');
      const levers = [...controls.querySelectorAll('h2')].find((e: any) => e.textContent.includes('Levers'));
      controls.scrollTop += levers.getBoundingClientRect().top - controls.getBoundingClientRect().top - 8;
      document.getElementById('results').scrollTop = 0;
      document.activeElement?.blur();
    });
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const shot = join(ROOT, 'docs', 'explorer.png');
    await o.page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeLessThan(600 * 1024);
    await expectNothingLeft(o);
    await o.page.close();
  });
});
