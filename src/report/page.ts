// The parts every report page shares: the document shell (inlined styles and chart runtime, a
// content security policy that forbids any network request), the masthead, a chart's section,
// the scenario's parameters and sources, and the colophon with what reproduces the run.
import type { ReportChart } from './charts.js';
import type { LabelledValue, ReportAbout, ScenarioAbout } from './about.js';
import { html, jsonForScript, raw, scriptText, type Html } from './htmlText.js';
import { words } from './labels.js';
import { REPORT_CSS } from './style.js';

/**
 * Nothing may be fetched: no default source, scripts and styles only inline, images and fonts
 * only from data: URLs. Vega runs with its expression interpreter, so no `unsafe-eval` is needed.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export interface PageInput {
  readonly title: string;
  readonly kicker: string;
  readonly heading: string;
  readonly description?: string;
  readonly provenance: readonly LabelledValue[];
  readonly body: Html;
  readonly colophon: Html;
  /** The chart runtime (dist/report/charts.js), inlined as the page's only script. */
  readonly chartRuntime: string;
}

export const pageHtml = (p: PageInput): string => html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="placement-sufficiency">
<title>${p.title}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<header class="masthead"><div class="inner">
<p class="kicker">${p.kicker}</p>
<h1>${p.heading}</h1>
${p.description === undefined ? '' : html`<p class="description">${p.description}</p>`}
<ul class="provenance">${p.provenance.map((x) => html`<li>${x.label} <b>${x.value}</b></li>`)}</ul>
</div></header>
<noscript><p class="empty">The charts in this report are drawn by a script inside this file (it fetches nothing); allow scripts to see them. The tables need none.</p></noscript>
<main>
${p.body}
</main>
<footer class="colophon"><div class="inner">
${p.colophon}
</div></footer>
<script>${scriptText(p.chartRuntime)}</script>
</body>
</html>
`.value;

/** `sha256:0123456789ab…` */
export const shortHash = (hash: string): string => (hash.length > 19 ? `${hash.slice(0, 19)}…` : hash);

export const contents = (items: readonly { id: string; title: string }[]): Html =>
  html`<nav class="contents" aria-label="Contents"><ol>${items.map((i) => html`<li><a href="#${i.id}">${i.title}</a></li>`)}</ol></nav>`;

/**
 * A chart's section. The spec travels in a `<script type="application/json">` beside its
 * container; the runtime finds it by `data-chart-for` and draws into the container.
 */
export const chartSection = (c: ReportChart, footnote: string | undefined): Html => {
  const vis = `vis-${c.id}`;
  return html`<section class="chart" id="${c.id}" aria-labelledby="${c.id}-title">
<h2 id="${c.id}-title">${c.title}</h2>
${c.spec === null
    ? html`<p class="empty">${c.caption}</p>`
    : html`<p class="caption">${c.caption}</p>
<div class="chart-body" id="${vis}" data-series="${c.series.length}" data-years="${c.years.length}" role="img" aria-label="${c.title}"></div>
<script type="application/json" data-chart-for="${vis}">${jsonForScript(c.spec)}</script>`}
${footnote === undefined ? '' : html`<p class="footnote">${footnote}</p>`}
</section>`;
};

const paramsTable = (rows: readonly LabelledValue[]): Html =>
  html`<div class="table-wrap"><table class="params"><tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.value}</td></tr>`)}</tbody></table></div>`;

const sourcesTable = (s: ScenarioAbout): Html =>
  s.sources.length === 0
    ? html``
    : html`<h3>Where the figures come from</h3>
<div class="table-wrap"><table class="sources"><thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
<tbody>${s.sources.map((x) => html`<tr><td>${words(x.key)}</td><td>${x.figure}</td><td>${x.source}</td></tr>`)}</tbody></table></div>`;

/** One scenario's parameters, levers, sources and notes. */
export const scenarioBlock = (s: ScenarioAbout, heading: string, withDescription = true): Html => html`<h3>${heading}</h3>
${s.description === undefined || !withDescription ? '' : html`<p class="lede">${s.description}</p>`}
${s.file === undefined ? '' : html`<p class="muted">Scenario file: <code>${s.file}</code></p>`}
${s.keyParameters.length === 0 ? '' : paramsTable(s.keyParameters)}
${s.levers.length === 0 ? '' : html`<h3>Levers</h3>${paramsTable(s.levers)}`}
${sourcesTable(s)}
${s.notes.length === 0 ? '' : html`<h3>Notes</h3><ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>`}`;

/** The colophon: everything needed to reproduce the run, and how to read the figures. */
export const colophonHtml = (rows: readonly LabelledValue[], about: ReportAbout, method: string): Html => html`<table><tbody>
${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="mono">${r.value}</td></tr>`)}
<tr><th scope="row">Date run</th><td class="mono">${about.dateRun}</td></tr>
${about.command === undefined ? '' : html`<tr><th scope="row">Command</th><td class="mono">${about.command}</td></tr>`}
</tbody></table>
<p>${method}</p>
<p>Made with placement-sufficiency. Charts drawn in this file by Vega-Lite (BSD-3-Clause licence); nothing is fetched from the network.</p>`;
