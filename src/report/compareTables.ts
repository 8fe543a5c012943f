// The comparison's tables: a scorecard with the options side by side, and for each option its
// differences from the base year by year with their intervals and P(better). Pure.
import { COMPARED_METRICS, type ComparisonReport, type MetricComparison } from '../metrics/compare.js';
import { formatDifference, formatValue, metricIn, REPORTED_COMPARISONS, scenarioLabels, type ComparedMeasure } from './compareCharts.js';
import { SCENARIO_COLOURS } from './fanChart.js';
import { html, type Html } from './htmlText.js';
import { pounds } from './labels.js';

const direction = (key: string): 'lower' | 'higher' | 'neither' => COMPARED_METRICS.find((m) => m.key === key)?.better ?? 'neither';

/** `better` / `worse` when the 95% interval of the mean difference excludes zero in a direction that matters. */
const verdict = (c: MetricComparison | undefined): string => {
  const ci = c?.difference.ci95;
  if (c === undefined || ci === null || ci === undefined) return '';
  const dir = direction(c.metric);
  if (dir === 'neither' || (ci[0] <= 0 && ci[1] >= 0)) return '';
  const lower = ci[1] < 0;
  return (dir === 'lower') === lower ? 'better' : 'worse';
};

const diffCell = (c: MetricComparison | undefined, m: ComparedMeasure, first = false): Html => {
  const d = formatDifference(c, m.unit);
  return html`<td class="${first ? 'first-of-year ' : ''}${verdict(c)}"><span class="diff">${d.mean}</span>${d.ci === '' ? '' : html`<span class="sub">${d.ci}</span>`}${d.p === '' ? '' : html`<span class="sub">P(better) ${d.p}</span>`}</td>`;
};

const swatch = (i: number): Html => html`<span class="legend-swatch" style="background:${SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!}"></span>`;

const perOutcome = (x: number | null, what: string): string =>
  x === null ? `no ${what}` : x < 0 ? `saves ${pounds(-x)} per ${what}` : `${pounds(x)} per ${what}`;

/** Options side by side: net cost, break-even, and the difference on each measure. */
export const scorecardHtml = (r: ComparisonReport, years: readonly string[]): Html => {
  const names = scenarioLabels(r);
  const first = years[0] ?? '';
  const last = years[years.length - 1] ?? '';
  const additive = new Set(COMPARED_METRICS.filter((m) => m.additive).map((m) => m.key));
  const rows = REPORTED_COMPARISONS.map((m) => {
    const over = additive.has(m.key);
    const label = over ? `${m.label}, ${first} to ${last}` : `${m.label}, ${last}`;
    return html`<tr><th scope="row">${label}</th>${r.options.map((o) => {
      const c = over ? metricIn(o.comparison.total, m.key) : metricIn(o.comparison.years[o.comparison.years.length - 1]?.metrics ?? [], m.key);
      return diffCell(c, m);
    })}</tr>`;
  });
  return html`<div class="table-wrap"><table class="scorecard">
<thead><tr><th scope="col" class="text">Option minus base</th>${r.options.map((o, i) => html`<th scope="col">${swatch(i + 1)}${names[i + 1]}</th>`)}</tr></thead>
<tbody>
<tr><th scope="row">Net cost, ${first} to ${last}</th>${r.options.map((o) => {
    const net = o.comparison.netCost;
    return html`<td class="${net === null ? '' : net < 0 ? 'better' : ''}"><span class="diff">${net === null ? 'n/a' : net < 0 ? `saves ${pounds(-net)}` : `costs ${pounds(net)}`}</span></td>`;
  })}</tr>
<tr><th scope="row">Break-even year</th>${r.options.map((o) => html`<td><span class="diff">${o.comparison.breakEvenYear ?? 'not within the horizon'}</span></td>`)}</tr>
${rows}
<tr><th scope="row">Cost per outcome</th>${r.options.map((o) => {
    const p = o.comparison.costPerOutcome;
    return html`<td><span class="sub">${perOutcome(p.perChildYearWithin20Miles, 'child-year within 20 miles')}</span><span class="sub">${perOutcome(p.perDisruptionAvoided, 'disruption avoided')}</span><span class="sub">${perOutcome(p.perShortfallAvoided, 'shortfall avoided')}</span></td>`;
  })}</tr>
</tbody></table></div>
<p class="footnote">Each cell: the mean difference (option minus base), its 95% confidence interval, and P(better), the share of replications in which the option did better.
Green: better, red: worse, where the interval excludes zero. Snapshot measures are at the last 31 March; flows and spend are summed over the years.</p>`;
};

/** For each option: base and option medians and the paired difference, by year and over the horizon. */
export const comparisonDetailTables = (r: ComparisonReport, years: readonly string[]): Html => {
  const names = scenarioLabels(r);
  const additive = new Set(COMPARED_METRICS.filter((m) => m.additive).map((m) => m.key));
  return html`${r.options.map((o, i) => html`<h3>${swatch(i + 1)}${names[i + 1]}</h3>
<div class="table-wrap"><table class="detail">
<thead><tr><th scope="col" class="text">Measure</th>${years.map((y) => html`<th scope="col" class="first-of-year">${y}</th>`)}<th scope="col" class="first-of-year">All years</th></tr></thead>
<tbody>${REPORTED_COMPARISONS.map((m) => html`<tr><th scope="row">${m.label}<span class="sub">base → option (median)</span></th>
${o.comparison.years.map((y) => {
    const c = metricIn(y.metrics, m.key);
    return html`<td class="first-of-year ${verdict(c)}">${formatValue(c?.base.p50, m.unit)} → ${formatValue(c?.option.p50, m.unit)}<span class="sub diff">${formatDifference(c, m.unit).mean}</span><span class="sub">${formatDifference(c, m.unit).ci}</span>${c?.probabilityBetter === null || c === undefined ? '' : html`<span class="sub">P(better) ${formatDifference(c, m.unit).p}</span>`}</td>`;
  })}
${additive.has(m.key) ? diffCell(metricIn(o.comparison.total, m.key), m, true) : html`<td class="first-of-year muted">at 31 March: not summed</td>`}</tr>`)}
</tbody></table></div>`)}
<p class="footnote">Each cell: base → option medians; then the mean paired difference and its 95% confidence interval; P(better) where lower or higher is better.</p>`;
};
