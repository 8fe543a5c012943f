// The HTML reports: one self-contained file for a forecast and one for a comparison. Pure: the
// caller passes the results, what to say about the scenarios and the chart runtime's source, and
// gets the page as a string. Every text from an input file goes through `html` (escaped).
import type { ComparisonReport } from '../metrics/compare.js';
import type { ForecastSummary } from '../sim/forecast.js';
import type { ReportAbout, ScenarioAbout } from './about.js';
import { forecastCharts, partialYearNote } from './charts.js';
import { comparisonCharts, comparisonYearLabels } from './compareCharts.js';
import { comparisonDetailTables, scorecardHtml } from './compareTables.js';
import { gapTableHtml, sufficiencyGap } from './gapTable.js';
import { html, type Html } from './htmlText.js';
import { count, longDate, percent, pounds, statsAt, whole, yearLabel } from './labels.js';
import { chartSection, colophonHtml, contents, pageHtml, scenarioBlock, shortHash } from './page.js';

const METHOD = 'Each replication is one possible future of the same scenario, drawn with its own random numbers derived from the seed; '
  + 'the report summarises them per financial year (1 April to 31 March; counts of children in care at 31 March). '
  + 'Percentiles interpolate linearly between replications (R type 7). The same scenario, seed and replications give the same figures.';

const emptyAbout = (name: string, startDate: string): ScenarioAbout => ({ name, startDate, keyParameters: [], levers: [], sources: [], notes: [] });

type Years = ForecastSummary['years'];

const card = (label: string, value: string, range: string, then: string): Html =>
  html`<div class="card"><p class="label">${label}</p><p class="value">${value}</p><p class="range">${range}</p>${then === '' ? '' : html`<p class="range">${then}</p>`}</div>`;

/** Headline figures for the last year, with the first year beside them. */
const keyFigures = (years: Years): Html => {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return html``;
  const figure = (label: string, path: string[], fmt: (x: number) => string, firstToo: boolean): Html => {
    const s = statsAt(last.metrics, path);
    const f = statsAt(first.metrics, path);
    if (s === undefined || s.p50 === null) return html``;
    const range = s.p5 === null || s.p95 === null ? '' : `9 in 10 runs: ${fmt(s.p5)} to ${fmt(s.p95)}`;
    const then = firstToo && f !== undefined && f.p50 !== null && years.length > 1 ? `At ${longDate(first.yearEnd)}: ${fmt(f.p50)}` : '';
    return card(label, fmt(s.p50), range, then);
  };
  return html`<div class="cards" aria-label="Key figures">
${figure(`Children in care at ${longDate(last.yearEnd)}`, ['childrenInCare'], whole, true)}
${figure(`Placed over 20 miles at ${longDate(last.yearEnd)}`, ['placedOver20Miles'], percent, true)}
${figure(`Searches with no suitable place, ${yearLabel(last)}`, ['shortfalls'], count, false)}
${figure(`Total spend, ${yearLabel(last)}`, ['cost'], pounds, false)}
</div>`;
};

/** The report for `sufficiency forecast`. `about.scenarios[0]` describes the scenario forecast. */
export const forecastReportHtml = (summary: ForecastSummary, about: ReportAbout, chartRuntime: string): string => {
  const years = summary.years;
  const charts = forecastCharts(summary);
  const note = partialYearNote(years);
  const scenario = about.scenarios[0] ?? emptyAbout(summary.scenario.name, summary.startDate);
  const span = years.length === 0 ? '' : `${yearLabel(years[0]!)} to ${yearLabel(years[years.length - 1]!)}`;
  const gap = sufficiencyGap(summary);
  const body = html`<p class="lede">A forecast of children in care, their placements and spend, by financial year from ${span}:
${whole(summary.runs)} replications of the scenario, each one possible future. Figures are medians, with the range that holds nine in ten outcomes.</p>
${keyFigures(years)}
${note === undefined ? '' : html`<p class="footnote">${note}</p>`}
${contents([...charts.map((c) => ({ id: c.id, title: c.title })), { id: 'gap', title: 'Sufficiency gap' }, { id: 'scenario', title: 'Scenario and sources' }])}
${charts.map((c) => chartSection(c, note))}
<section class="table-section" id="gap"><h2>Sufficiency gap by age band and need</h2>
<p class="caption">For each age band and need, per financial year: children needing a placement against suitable places, and the searches that found none.</p>
${gapTableHtml(gap)}
${note === undefined ? '' : html`<p class="footnote">${note}</p>`}
</section>
<section class="table-section" id="scenario"><h2>Scenario and sources</h2>
${scenarioBlock(scenario, 'Key parameters', false)}
</section>`;
  return pageHtml({
    title: `${summary.scenario.name}: placement sufficiency forecast`,
    kicker: 'Placement sufficiency forecast',
    heading: summary.scenario.name,
    ...(scenario.description === undefined ? {} : { description: scenario.description }),
    provenance: [
      { label: 'Replications', value: whole(summary.runs) }, { label: 'Seed', value: String(summary.seed) },
      { label: 'Engine', value: summary.engineVersion }, { label: 'Scenario', value: shortHash(summary.scenario.hash) },
      { label: 'Run', value: longDate(about.dateRun) },
    ],
    body,
    colophon: colophonHtml([
      { label: 'Scenario', value: summary.scenario.name }, ...(scenario.file === undefined ? [] : [{ label: 'Scenario file', value: scenario.file }]),
      { label: 'Scenario hash', value: summary.scenario.hash }, { label: 'Seed', value: String(summary.seed) },
      { label: 'Replications', value: String(summary.runs) }, { label: 'Engine version', value: summary.engineVersion },
      { label: 'Start date', value: summary.startDate },
    ], about, METHOD),
    chartRuntime,
  });
};

/**
 * The report for `sufficiency compare`. `about.scenarios` describes the base first, then each
 * option in the order of `report.options` (from `scenarioAbout(option, file, base)`).
 */
export const comparisonReportHtml = (report: ComparisonReport, about: ReportAbout, chartRuntime: string): string => {
  const base = about.scenarios[0];
  const startDate = base?.startDate;
  const charts = comparisonCharts(report, startDate);
  const years = comparisonYearLabels(report, startDate);
  const partial = years[0]?.endsWith('*') === true && startDate !== undefined
    ? `* ${years[0]!.slice(0, -1)} is part of a year: flows and spend cover ${longDate(startDate)} to 31 March only, as the scenarios start mid-year; figures at 31 March are complete.`
    : undefined;
  const n = report.options.length;
  const body = html`<p class="lede">${n === 1 ? 'One option' : `${n} options`} compared with <b>${report.base.name}</b> on the same ${whole(report.runs)} replications
(seed ${report.seed}): every option meets the same children and the same chance events, so the differences come from the levers, not from luck.
Differences are option minus base, with a 95% interval; P(better) is the share of replications in which the option did better.</p>
${partial === undefined ? '' : html`<p class="footnote">${partial}</p>`}
<section id="glance"><h2>At a glance</h2>
${scorecardHtml(report, years)}
</section>
${contents([{ id: 'glance', title: 'At a glance' }, ...charts.map((c) => ({ id: c.id, title: c.title })), { id: 'details', title: 'Year by year' }, { id: 'scenarios', title: 'Scenarios and sources' }])}
${charts.map((c) => chartSection(c, partial))}
<section class="table-section" id="details"><h2>Year by year</h2>
${comparisonDetailTables(report, years)}
${partial === undefined ? '' : html`<p class="footnote">${partial}</p>`}
</section>
<section class="table-section" id="scenarios"><h2>Scenarios and sources</h2>
${about.scenarios.map((s, i) => scenarioBlock(s, i === 0 ? `Base: ${s.name}` : `Option ${i}: ${s.name}`))}
</section>`;
  return pageHtml({
    title: `${report.base.name}: options compared`,
    kicker: 'Placement sufficiency: options compared',
    heading: n === 1 ? `${report.options[0]!.name} against ${report.base.name}` : `${n} options against ${report.base.name}`,
    provenance: [
      { label: 'Replications', value: whole(report.runs) }, { label: 'Seed', value: String(report.seed) },
      { label: 'Engine', value: report.engineVersion }, { label: 'Base', value: shortHash(report.base.hash) }, { label: 'Run', value: longDate(about.dateRun) },
    ],
    body,
    colophon: colophonHtml([
      { label: 'Base', value: `${report.base.name} (${report.base.file})` }, { label: 'Base hash', value: report.base.hash },
      ...report.options.flatMap((o, i) => [
        { label: `Option ${i + 1}`, value: `${o.name} (${o.file})` }, { label: `Option ${i + 1} hash`, value: o.hash },
      ]),
      { label: 'Seed', value: String(report.seed) }, { label: 'Replications', value: String(report.runs) },
      { label: 'Engine version', value: report.engineVersion }, { label: 'Random numbers', value: 'common to base and options' },
    ], about, METHOD),
    chartRuntime,
  });
};
