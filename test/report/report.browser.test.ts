// The HTML reports in a real headless browser (Debian's chromium, driven by playwright-core):
// opened from disk, every chart drawn as SVG with the right number of series and years, the gap
// table present, hostile names shown as text with no script run, and no request leaving the page.
// Also takes the README's screenshot (docs/report.png). Never skipped: without chromium it fails.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatched, type Opened } from '../fixtures/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { readReportRuntime } from '../../src/io/reportRuntime.js';
import type { ReportChart } from '../../src/report/charts.js';
import { forecastCharts } from '../../src/report/charts.js';
import { comparisonCharts } from '../../src/report/compareCharts.js';
import { sufficiencyGap } from '../../src/report/gapTable.js';
import { comparisonReportHtml, forecastReportHtml } from '../../src/report/html.js';
import {
  comparisonFixture, forecastFixture, hostileComparison, hostileForecast, HOSTILE, HOSTILE_SOURCE_KEY,
  type ComparisonFixture, type ForecastFixture,
} from './fixtures.js';

// Browser globals used inside page.evaluate (run in chromium). Declared loosely here, in this
// module only, because the project compiles without the DOM library (the engine must not use it).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const getComputedStyle: (el: unknown) => { breakBefore: string };

const ROOT = join(import.meta.dirname, '..', '..');

let browser: Browser;
let dir: string;
let forecastRun: ForecastFixture;
let comparisonRun: ComparisonFixture;
const files: Record<'forecast' | 'hostileForecast' | 'comparison' | 'hostileComparison', string> = { forecast: '', hostileForecast: '', comparison: '', hostileComparison: '' };

beforeAll(async () => {
  // Build the runtime from the current source, then read it as the CLI does.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-report-runtime.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const runtime = readReportRuntime();
  if (E.isLeft(runtime)) throw new Error(runtime.left);
  forecastRun = forecastFixture();
  comparisonRun = comparisonFixture();
  dir = mkdtempSync(join(tmpdir(), 'report-test-'));
  const write = (name: keyof typeof files, html: string): void => {
    files[name] = join(dir, `${name}.html`);
    writeFileSync(files[name], html);
  };
  write('forecast', forecastReportHtml(forecastRun.summary, forecastRun.about, runtime.right));
  const h = hostileForecast(forecastRun);
  write('hostileForecast', forecastReportHtml(h.summary, h.about, runtime.right));
  write('comparison', comparisonReportHtml(comparisonRun.report, comparisonRun.about, runtime.right));
  const hc = hostileComparison(comparisonRun);
  write('hostileComparison', comparisonReportHtml(hc.report, hc.about, runtime.right));
  browser = await launchChromium('report');
});

afterAll(async () => {
  await browser?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** Opens a report from disk and waits until the runtime says every chart is drawn (or failed). */
const open = async (file: string, viewport = { width: 1200, height: 800 }): Promise<Opened> => {
  const o = await openWatched(browser, pathToFileURL(file).href, { viewport });
  await o.page.waitForSelector('html[data-charts="done"]', { timeout: 30_000 });
  return o;
};

const expectNothingLeft = async (o: Opened): Promise<void> => {
  expect(o.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  expect(await o.page.evaluate(() => (window.cspViolations as string[] | undefined) ?? [])).toEqual([]);
  expect(o.dialogs).toEqual([]);
  expect(o.errors).toEqual([]);
};

interface Drawn { rendered: string | null; svgs: number; counts: Record<string, number>; yearLabels: number }

/** What a chart's container holds: how many marks of each named kind, and how many year labels on its axes. */
const drawn = (page: Page, id: string, selectors: Record<string, string>, years: readonly string[]): Promise<Drawn> =>
  page.evaluate(([vis, sel, ys]) => {
    const el = document.getElementById(vis);
    const counts: Record<string, number> = {};
    for (const [k, s] of Object.entries(sel)) counts[k] = el.querySelectorAll(s).length;
    const labels = ([...el.querySelectorAll('.role-axis-label text')] as { textContent: string | null }[]).map((t) => t.textContent ?? '');
    return { rendered: el.getAttribute('data-rendered'), svgs: el.querySelectorAll('svg').length, counts, yearLabels: labels.filter((l) => ys.includes(l)).length };
  }, [`vis-${id}`, selectors, years] as const);

/** A fan chart: a median line per series, a point per series and year, the years on each panel's axis. */
const expectFan = async (page: Page, c: ReportChart): Promise<void> => {
  const d = await drawn(page, c.id, { medians: '.fan_median_marks path', points: '.fan_points_marks path', bands: '.fan_outer_marks path' }, c.years);
  const panels = c.spec !== null && 'facet' in c.spec;
  expect({ id: c.id, rendered: d.rendered, svgs: d.svgs }).toEqual({ id: c.id, rendered: 'true', svgs: 1 });
  expect({ id: c.id, ...d.counts }).toEqual({ id: c.id, medians: c.series.length, points: c.series.length * c.years.length, bands: c.series.length });
  expect({ id: c.id, yearLabels: d.yearLabels }).toEqual({ id: c.id, yearLabels: (panels ? c.series.length : 1) * c.years.length });
};

describe('forecast report.html in chromium', () => {
  it('draws every chart with one line per series and a point per year, from disk, with no request leaving the page', async () => {
    const o = await open(files.forecast);
    const charts = forecastCharts(forecastRun.summary);
    expect(charts.map((c) => c.id)).toEqual([
      'children-in-care', 'by-placement-type', 'over-20-miles', 'three-plus-placements', 'long-term-stability', 'shortfalls', 'total-spend', 'spend-by-placement-type',
    ]);
    expect(charts.every((c) => c.spec !== null && c.years.length === 3 && c.years[0] === '2022/23*')).toBe(true);
    for (const c of charts) await expectFan(o.page, c);
    expect(await o.page.getAttribute('html', 'data-charts-drawn')).toBe(String(charts.length));
    expect(await o.page.getAttribute('html', 'data-charts-failed')).toBe('0');
    // The partial first year is marked on the axes and explained.
    expect(await o.page.locator('.footnote', { hasText: '2022/23 is part of a year' }).count()).toBeGreaterThan(0);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('has the sufficiency gap table: age band × need rows, years as column groups, needing / suitable places / no suitable place', async () => {
    const o = await open(files.forecast);
    const gap = sufficiencyGap(forecastRun.summary);
    const table = o.page.locator('#gap table.gap');
    expect(await table.count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBe(gap.rows.length);
    expect(gap.rows.length).toBeGreaterThan(0);
    const groups = await table.locator('thead tr.group th[scope="colgroup"]').allInnerTexts();
    expect(groups).toEqual(['2022/23*', '2023/24', '2024/25']);
    const measures = gap.measures.map((m) => m.label);
    expect(measures).toContain('No suitable place');
    if (measures.length > 1) {
      expect(await table.locator('thead tr:nth-child(2) th').allInnerTexts()).toEqual([...measures, ...measures, ...measures]);
    }
    expect(await table.locator('tbody td').count()).toBe(gap.rows.length * (1 + 3 * measures.length));
    await o.page.close();
  });

  it('shows a hostile scenario name, description, file name and sources as text, and runs none of it', async () => {
    const o = await open(files.hostileForecast);
    expect(await o.page.locator('h1').innerText()).toBe(HOSTILE);
    expect(await o.page.title()).toContain(HOSTILE);
    expect(await o.page.getByText(HOSTILE_SOURCE_KEY, { exact: true }).count()).toBe(1);
    expect(await o.page.locator('body').innerText()).toContain('</script><!-- <script>alert(4)</script>');
    // Only the runtime and the chart specs are scripts; nothing from the input became an element.
    const scripts = await o.page.evaluate(() => ([...document.scripts] as { type: string }[]).map((s) => s.type || 'classic'));
    expect(scripts.filter((t) => t === 'classic')).toHaveLength(1);
    expect(scripts.filter((t) => t === 'application/json')).toHaveLength(forecastCharts(forecastRun.summary).length);
    expect(await o.page.locator('main b:has-text("bold"), main i:has-text("tagged"), img').count()).toBe(0);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('prints each chart on its own page (A4 landscape), each fitting its page', async () => {
    // A4 landscape less 12 mm margins is 273 × 186 mm: 1032 × 703 CSS pixels.
    const o = await open(files.forecast, { width: 1032, height: 703 });
    await o.page.emulateMedia({ media: 'print' });
    const sections = await o.page.evaluate(() => ([...document.querySelectorAll('section.chart')] as { id: string; getBoundingClientRect(): { height: number } }[])
      .map((s) => ({ id: s.id, breakBefore: getComputedStyle(s).breakBefore, fits: s.getBoundingClientRect().height <= 703 })));
    expect(sections).toEqual(forecastCharts(forecastRun.summary).map((c) => ({ id: c.id, breakBefore: 'page', fits: true })));
    const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1 + sections.length);
    await o.page.close();
  });

  it('is one self-contained file under 2 MB', () => {
    expect(statSync(files.forecast).size).toBeLessThan(2 * 1024 * 1024);
    expect(statSync(files.comparison).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('takes the README screenshot (docs/report.png): the first screen at 1200 px', async () => {
    const o = await open(files.forecast, { width: 1200, height: 1180 });
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await o.page.screenshot({ path: join(ROOT, 'docs', 'report.png') });
    expect(statSync(join(ROOT, 'docs', 'report.png')).size).toBeGreaterThan(10_000);
    await o.page.close();
  });
});

describe('comparison report.html in chromium', () => {
  it('draws every chart: base and option side by side, the paired differences, the cumulative net cost', async () => {
    const o = await open(files.comparison);
    const charts = comparisonCharts(comparisonRun.report, comparisonRun.about.scenarios[0]!.startDate);
    const options = comparisonRun.report.options.length;
    for (const c of charts) {
      if (c.id === 'compare-differences') {
        const panels = (c.spec as { concat: unknown[] }).concat.length;
        const d = await drawn(o.page, c.id, { means: '[class*="diff_mean_"] path', intervals: '[class*="diff_interval_"] path, [class*="diff_interval_"] line' }, c.years);
        expect({ rendered: d.rendered, ...d.counts, yearLabels: d.yearLabels }).toEqual({
          rendered: 'true', means: panels * options * c.years.length, intervals: panels * options * c.years.length, yearLabels: panels * c.years.length,
        });
      } else if (c.id === 'compare-net-cost') {
        const d = await drawn(o.page, c.id, { lines: '.cost_line_marks path', points: '.cost_points_marks path' }, c.years);
        expect({ rendered: d.rendered, ...d.counts, yearLabels: d.yearLabels }).toEqual({ rendered: 'true', lines: options, points: options * c.years.length, yearLabels: c.years.length });
      } else {
        expect(c.series).toHaveLength(1 + options);
        await expectFan(o.page, c);
      }
    }
    expect(await o.page.getAttribute('html', 'data-charts-failed')).toBe('0');
    // Side by side: the scorecard has a column per option, with net cost and break-even.
    const scorecard = o.page.locator('table.scorecard');
    expect(await scorecard.locator('thead th').count()).toBe(1 + options);
    expect(await scorecard.locator('tbody th', { hasText: 'Break-even year' }).count()).toBe(1);
    expect(await scorecard.locator('tbody th', { hasText: 'Net cost' }).count()).toBe(1);
    expect(await o.page.locator('table.detail').count()).toBe(options);
    await expectNothingLeft(o);
    await o.page.close();
  });

  it('shows a hostile base name as text and runs none of it', async () => {
    const o = await open(files.hostileComparison);
    expect(await o.page.locator('h1').innerText()).toContain(HOSTILE);
    expect(await o.page.locator('.lede b').first().innerText()).toBe(HOSTILE);
    // The name is also a chart panel's title inside the SVG, as text.
    expect(await o.page.locator('#vis-compare-childrenInCare text', { hasText: HOSTILE }).count()).toBeGreaterThan(0);
    await expectNothingLeft(o);
    await o.page.close();
  });
});
