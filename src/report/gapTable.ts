// The sufficiency gap table: for each age band × need and each financial year, children needing a
// placement (placement searches in the year) against suitable places (free suitable vacancies at
// 31 March), and the shortfall (searches that found no suitable vacancy). Pure: summary → rows.
// A summary without some of these metrics (an older engine) gives a table of what is there, and
// `missing` names what is not.
import { AGE_BANDS, NEEDS, type AgeBand, type Need } from '../domain/vocabulary.js';
import type { Stats } from '../metrics/summary.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { html, type Html } from './htmlText.js';
import { AGE_BAND_LABELS, NEED_LABELS, count as countText, statsAt, yearLabel } from './labels.js';

export const GAP_MEASURES = [
  { key: 'needing', family: 'placementSearchesBySegment', label: 'Needing a placement', help: 'placement searches in the year' },
  { key: 'places', family: 'suitableVacanciesBySegment', label: 'Suitable places free', help: 'free places at 31 March that a child of the age band and need could take (a place suitable for several groups counts in each)' },
  { key: 'shortfalls', family: 'shortfallsBySegment', label: 'No suitable place', help: 'searches in the year that found no suitable vacancy' },
] as const;

export type GapMeasure = (typeof GAP_MEASURES)[number];
export type GapMeasureKey = GapMeasure['key'];

export interface GapRow {
  readonly ageBand: AgeBand;
  readonly need: Need;
  readonly label: string;
  /** By year, by measure; undefined where the summary does not have the measure. */
  readonly cells: readonly Readonly<Partial<Record<GapMeasureKey, Stats>>>[];
}

export interface GapTable {
  readonly years: readonly string[];
  /** The measures present in the summary, in column order. */
  readonly measures: readonly GapMeasure[];
  /** Metric families the summary lacks (named as in summary.json). */
  readonly missing: readonly string[];
  /** Segments with any need, place or shortfall in any year (5% of replications or more). */
  readonly rows: readonly GapRow[];
  /** Segments left out because every figure was zero. */
  readonly hidden: number;
}

export const sufficiencyGap = (s: ForecastSummary): GapTable => {
  const segments = AGE_BANDS.flatMap((b) => NEEDS.map((n) => ({ b, n })));
  const present = GAP_MEASURES.filter((m) => s.years.some((y) => segments.some(({ b, n }) => statsAt(y.metrics, [m.family, b, n]) !== undefined)));
  const all: GapRow[] = segments.map(({ b, n }) => ({
    ageBand: b, need: n, label: `${AGE_BAND_LABELS[b]} · ${NEED_LABELS[n]}`,
    cells: s.years.map((y) => Object.fromEntries(present.flatMap((m) => {
      const st = statsAt(y.metrics, [m.family, b, n]);
      return st === undefined ? [] : [[m.key, st]];
    }))),
  }));
  const active = (r: GapRow): boolean => r.cells.some((c) => Object.values(c).some((st) => (st?.p95 ?? 0) > 0));
  const rows = all.filter(active);
  return {
    years: s.years.map(yearLabel),
    measures: present,
    missing: GAP_MEASURES.filter((m) => !present.includes(m)).map((m) => m.family),
    rows,
    hidden: all.length - rows.length,
  };
};

// ---- as HTML ----

const cellText = (st: Stats | undefined): string => (st === undefined || st.p50 === null ? 'n/a' : countText(st.p50));
const rangeTitle = (st: Stats | undefined): string =>
  st === undefined || st.p5 === null || st.p95 === null ? '' : `5th–95th percentile: ${countText(st.p5)}–${countText(st.p95)}`;

/** Shortfall cells are tinted: some replications short (p95 > 0), most short (median > 0). */
const shortClass = (st: Stats | undefined): string =>
  st === undefined ? '' : (st.p50 ?? 0) > 0 ? ' short strong' : (st.p95 ?? 0) > 0 ? ' short' : '';

/** Years per table: more would not fit a projector or an A4 page, so longer horizons get several tables. */
export const GAP_YEARS_PER_TABLE = 3;

const yearBlockHtml = (g: GapTable, from: number, to: number): Html => {
  const ms = g.measures;
  const years = g.years.slice(from, to);
  const bands = [...new Set(g.rows.map((r) => r.ageBand))];
  return html`<div class="table-wrap"><table class="gap">
<thead>
<tr class="group"><th scope="col" class="text" rowspan="${ms.length > 1 ? 2 : 1}">Age band</th><th scope="col" class="text" rowspan="${ms.length > 1 ? 2 : 1}">Need</th>
${years.map((y) => html`<th scope="colgroup" colspan="${ms.length}" class="first-of-year">${y}</th>`)}</tr>
${ms.length > 1 ? html`<tr>${years.map(() => ms.map((m, i) => html`<th scope="col" class="${i === 0 ? 'first-of-year' : ''}" title="${m.help}">${m.label}</th>`))}</tr>` : ''}
</thead>
<tbody>
${bands.map((b) => {
    const rows = g.rows.filter((r) => r.ageBand === b);
    return rows.map((r, j) => html`<tr>${j === 0 ? html`<th scope="rowgroup" rowspan="${rows.length}">${AGE_BAND_LABELS[r.ageBand]}</th>` : ''}<td class="text">${NEED_LABELS[r.need]}</td>
${r.cells.slice(from, to).map((c) => ms.map((m, i) => {
      const st = c[m.key];
      return html`<td class="${i === 0 ? 'first-of-year' : ''}${m.key === 'shortfalls' ? shortClass(st) : ''}" title="${rangeTitle(st)}">${cellText(st)}</td>`;
    }))}</tr>`);
  })}
</tbody></table></div>`;
};

export const gapTableHtml = (g: GapTable): Html => {
  const ms = g.measures;
  const note = g.missing.length === 0
    ? ''
    : html`<p class="footnote">Not in this summary: ${g.missing.join(', ')} (the engine that made it does not report ${g.missing.length === 1 ? 'it' : 'them'}), so ${g.missing.length === 1 ? 'that column is' : 'those columns are'} left out.</p>`;
  if (g.rows.length === 0) {
    return html`<p class="empty">No age band and need had a placement search, a free suitable place or a shortfall in any year.</p>${note}`;
  }
  const starts = g.years.map((_, k) => k).filter((k) => k % GAP_YEARS_PER_TABLE === 0);
  return html`${starts.map((k) => yearBlockHtml(g, k, k + GAP_YEARS_PER_TABLE))}
<p class="footnote">Medians across replications (hover for the 5th–95th percentile). ${ms.map((m) => html`${m.label}: ${m.help}. `)}Shaded: a shortfall in at least 1 replication in 20 (dark: in most). ${g.hidden > 0 ? `${g.hidden} age band and need combinations with no placement searches, places or shortfalls are not shown.` : ''}</p>
${note}`;
};
