/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The results of a run: downloads (scenario, summary.json, workbooks), key figures, the comparison
// with the base (the report's scorecard and charts) and the forecast's fan charts and sufficiency
// gap table. Every chart and table comes from src/report; this module only places them.
import type { ComparisonReport } from '../metrics/compare.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { forecastCharts, partialYearNote, type ReportChart } from '../report/charts.js';
import { comparisonCharts, comparisonYearLabels } from '../report/compareCharts.js';
import { scorecardHtml } from '../report/compareTables.js';
import { gapTableHtml, sufficiencyGap } from '../report/gapTable.js';
import { count, longDate, percent, pounds, statsAt, whole, yearLabel } from '../report/labels.js';
import { comparisonWorkbook, forecastWorkbook } from '../report/workbook.js';
import { chartSection } from './charts.js';
import { fromReportHtml, h } from './dom.js';
import type { RunResult } from './engine.js';

export interface ShownRun {
  readonly result: RunResult;
  /** The summaries parsed from their summary.json text. */
  readonly base: ForecastSummary;
  readonly option: ForecastSummary | undefined;
  /** The scenario JSON the shown forecast ran (the option, or the base). */
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly baseFile: string;
  readonly computeMs: number;
  /** When the run finished, ISO 8601 (the workbook's About sheet and dates). */
  readonly runDate: string;
}

/** `Medway 2022: +10 carers` → `medway-2022-10-carers`. */
export const fileSlug = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';

const blobUrls: string[] = [];
/** Object URLs of the previous results, released when new ones replace them. */
export const releaseDownloads = (): void => {
  for (const u of blobUrls.splice(0)) URL.revokeObjectURL(u);
};

const download = (id: string, label: string, what: string, name: string, bytes: Promise<Uint8Array | string>, type: string): HTMLAnchorElement => {
  const a = h('a', { class: 'download', id, download: name, href: '#', 'aria-disabled': 'true', title: `${name}: ${what}` },
    h('span', { class: 'arrow', 'aria-hidden': 'true' }, '↓'), h('span', {}, label), h('span', { class: 'visually-hidden' }, ` (${name}: ${what})`));
  a.addEventListener('click', (e) => {
    if (a.getAttribute('aria-disabled') === 'true') e.preventDefault();
  });
  bytes.then((b) => {
    const url = URL.createObjectURL(new Blob([b as BlobPart], { type }));
    blobUrls.push(url);
    a.href = url;
    a.setAttribute('aria-disabled', 'false');
    a.dataset.ready = 'true';
  }).catch((err: unknown) => {
    a.replaceChildren(h('span', {}, `${label}: could not be prepared (${err instanceof Error ? err.message : String(err)})`));
  });
  return a;
};

const JSON_TYPE = 'application/json';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const card = (label: string, value: string, range: string, versus: string | undefined): HTMLElement =>
  h('div', { class: 'card' }, h('p', { class: 'label' }, label), h('p', { class: 'value' }, value), h('p', { class: 'range' }, range),
    versus === undefined ? null : h('p', { class: 'versus' }, versus));

/** Headline figures for the last year; with a comparison, the base's beside them. */
const keyFigures = (s: ForecastSummary, base: ForecastSummary | undefined): HTMLElement => {
  const last = s.years[s.years.length - 1];
  const baseLast = base?.years[base.years.length - 1];
  if (last === undefined) return h('div', {});
  const fig = (label: string, path: string[], fmt: (x: number) => string): HTMLElement | null => {
    const st = statsAt(last.metrics, path);
    if (st === undefined || st.p50 === null) return null;
    const b = baseLast === undefined ? undefined : statsAt(baseLast.metrics, path);
    const range = st.p5 === null || st.p95 === null ? '' : `9 in 10 runs: ${fmt(st.p5)} to ${fmt(st.p95)}`;
    return card(label, fmt(st.p50), range, b?.p50 === null || b?.p50 === undefined ? undefined : `Base: ${fmt(b.p50)}`);
  };
  return h('div', { class: 'cards', 'aria-label': 'Key figures (medians)' },
    fig(`Children in care at ${longDate(last.yearEnd)}`, ['childrenInCare'], whole),
    fig(`Placed over 20 miles at ${longDate(last.yearEnd)}`, ['placedOver20Miles'], percent),
    fig(`Searches with no suitable place, ${yearLabel(last)}`, ['shortfalls'], count),
    fig(`Total spend, ${yearLabel(last)}`, ['cost'], pounds));
};

export interface RenderedResults {
  readonly element: HTMLElement;
  /** Draws every chart; resolves when all are drawn (or failed). */
  readonly drawCharts: () => Promise<void>;
  readonly finalize: () => void;
}

const chartList = (charts: readonly ReportChart[], prefix: string, note: string | undefined) => charts.map((c) => chartSection(c, prefix, note));

export const renderResults = (run: ShownRun): RenderedResults => {
  const shown = run.option ?? run.base;
  const shownResult = run.result.option ?? run.result.base;
  const comparison: ComparisonReport | undefined = run.result.comparison;
  const note = partialYearNote(shown.years);
  const about = { runDate: run.runDate, sources: shownResult.sources, notes: shownResult.notes };
  const slug = fileSlug(shown.scenario.name);
  const downloads = h('div', { class: 'downloads' },
    download('download-scenario', 'Scenario (.json)', 'the scenario run, for the command line', `${slug}.json`, Promise.resolve(run.scenarioText), JSON_TYPE),
    download('download-summary', 'summary.json', 'the figures, as the command line writes them', 'summary.json', Promise.resolve(shownResult.summaryJson), JSON_TYPE),
    download('download-workbook', 'Workbook (.xlsx)', 'the figures for Excel', `${slug}.xlsx`, forecastWorkbook(shown, { ...about, scenarioFile: run.scenarioFile }), XLSX_TYPE),
    comparison === undefined ? null : download('download-comparison', 'Comparison (.xlsx)', 'the option against the base, for Excel', `${slug}-comparison.xlsx`,
      comparisonWorkbook(comparison, { runDate: run.runDate, sources: run.result.base.sources, notes: run.result.base.notes }), XLSX_TYPE),
    comparison === undefined ? null : download('download-base-summary', 'Base summary.json', 'the base scenario\'s figures', 'base-summary.json', Promise.resolve(run.result.base.summaryJson), JSON_TYPE));

  const forecast = chartList(forecastCharts(shown), 'forecast', note);
  const compared = comparison === undefined ? [] : chartList(comparisonCharts(comparison, shown.startDate), 'compare', note);
  const warnings = [...new Set([...run.result.base.warnings, ...(run.result.option?.warnings ?? [])])];
  const years = shown.years;
  const span = years.length === 0 ? '' : `${yearLabel(years[0]!)} to ${yearLabel(years[years.length - 1]!)}`;

  const element = h('div', { id: 'results-body' },
    h('section', { id: 'run-summary', 'aria-labelledby': 'run-summary-title' },
      h('h2', { id: 'run-summary-title', tabindex: '-1' }, comparison === undefined ? `Forecast: ${shown.scenario.name}` : `${shown.scenario.name} compared with ${run.base.scenario.name}`),
      h('p', { class: 'run-facts' },
        `${whole(shown.runs)} replications · seed ${shown.seed} · ${years.length} financial year${years.length === 1 ? '' : 's'} (${span}) · `,
        `computed in ${(run.computeMs / 1000).toFixed(1)} s in this browser · engine ${shown.engineVersion} · scenario ${shown.scenario.hash.slice(0, 19)}…`),
      h('div', { class: 'stale', id: 'stale', hidden: true }, 'The scenario or the levers have changed since this run: run again to see their effect.'),
      warnings.length === 0 ? null : h('div', { class: 'warnings' }, h('strong', {}, 'Figures unusual for one authority (the run went ahead):'), h('ul', {}, warnings.map((w) => h('li', {}, w)))),
      h('div', { class: 'download-row' }, h('h3', {}, 'Download'), downloads),
      keyFigures(shown, comparison === undefined ? undefined : run.base),
      note === undefined ? null : h('p', { class: 'footnote' }, note)),
    comparison === undefined ? null : h('section', { id: 'comparison', 'aria-labelledby': 'comparison-title' },
      h('h2', { id: 'comparison-title' }, 'The option against the base'),
      h('p', { class: 'lede' }, `Both ran on the same ${whole(comparison.runs)} replications (seed ${comparison.seed}): the same children and chance events, so the differences come from the levers. Differences are option minus base.`),
      fromReportHtml('div', scorecardHtml(comparison, comparisonYearLabels(comparison, shown.startDate))),
      compared.map((c) => c.section)),
    h('section', { id: 'forecast', 'aria-labelledby': 'forecast-title' },
      h('h2', { id: 'forecast-title' }, `Forecast by financial year: ${shown.scenario.name}`),
      h('p', { class: 'lede' }, 'Each chart shows, for each financial year, the median across replications as a line, the middle half of outcomes as a dark band and nine in ten as a light band.'),
      forecast.map((c) => c.section)),
    h('section', { id: 'gap', 'aria-labelledby': 'gap-title' },
      h('h2', { id: 'gap-title' }, 'Sufficiency gap by age band and need'),
      h('p', { class: 'caption' }, 'For each age band and need, per financial year: children needing a placement against suitable places free at 31 March, and the searches that found none (medians; hover for the 5th–95th percentiles).'),
      fromReportHtml('div', gapTableHtml(sufficiencyGap(shown)))));

  const views: { finalize(): void }[] = [];
  const drawCharts = async (): Promise<void> => {
    const drawn = await Promise.all([...compared, ...forecast].map((c) => c.draw()));
    for (const d of drawn) if (d !== undefined) views.push(d.view);
    element.setAttribute('data-charts', 'done');
    element.setAttribute('data-charts-drawn', String(drawn.filter((d) => d !== undefined).length));
  };
  return { element, drawCharts, finalize: () => views.splice(0).forEach((v) => v.finalize()) };
};
