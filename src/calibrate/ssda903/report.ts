// The published estimates as the plain-text report `sufficiency ssda903` prints. Pure string work.
import type { Published } from '../../metrics/disclosure.js';
import { AGE_BANDS } from '../../domain/vocabulary.js';
import type { PublishedEstimates, PublishedQuality, PublishedRate } from './publish.js';

export interface FilesRead {
  readonly name: string;
  readonly table: string | undefined;
  readonly rows: number;
  readonly collectionYear?: number;
}

const n = (x: Published | number | null | undefined): string => (x === null || x === undefined ? '–' : typeof x === 'number' ? x.toLocaleString('en-GB') : x);
const pct = (x: Published | number | null | undefined): string => (typeof x === 'number' ? `${(100 * x).toFixed(1)}%` : n(x));
const rate = (x: number): string => x.toFixed(3);
const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const fy = (y: number): string => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;

/** Rows of cells, first column left-aligned, the rest right-aligned, two spaces apart. */
export const columns = (rows: readonly (readonly string[])[], indent = '  '): string[] => {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), []);
  return rows.map((r) => indent + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
};

const CLEANING_LABELS: readonly (readonly [string, string])[] = [
  ['episodeRows', 'episode rows read'],
  ['identicalRows', 'identical rows in several returns (one kept)'],
  ['shortBreaks', 'short-break episodes, LS V3/V4 (excluded)'],
  ['duplicateStarts', 'same CHILD and DECOM (latest DEC kept)'],
  ['duplicateEnds', 'same CHILD and DEC (earliest DECOM kept)'],
  ['truncatedOverlaps', 'overlapping episodes cut at the next DECOM'],
  ['withoutHeader', 'episodes of children with no Header row'],
  ['continuationsMerged', 'RNE L/T/U continuations merged into placements'],
  ['temporaryMoves', 'temporary moves T0–T4 folded into placements'],
  ['episodesUsed', 'episodes used'],
  ['children', 'children'],
  ['periods', 'periods of care'],
  ['periodsWithUnknownStart', '  whose start is before the data'],
  ['periodsCensoredEarly', '  whose data stop without an exit'],
  ['placements', 'placements'],
  ['uascChildren', 'UASC children (UASC table, any year)'],
];

const hazardRow = (label: string, cells: readonly PublishedRate[]): string[] => [label, ...cells.map((c) => `${rate(c.perYear)}${c.events === 'c' ? ' (c)' : ` (${n(c.events)})`}`)];

/** The report, line by line. */
export const reportLines = (dir: string, files: readonly FilesRead[], p: PublishedEstimates, warnings: readonly string[]): string[] => {
  const used = files.filter((f) => f.table === 'Header' || f.table === 'Episodes' || f.table === 'UASC');
  const years = [...new Set(files.flatMap((f) => (f.collectionYear === undefined ? [] : [f.collectionYear])))].sort();
  const count = (t: string): number => used.filter((f) => f.table === t).length;
  const steps = p.hazardSteps.map((s, i) => (i + 1 < p.hazardSteps.length ? `${s}–${p.hazardSteps[i + 1]} yrs` : `${s}+ yrs`));
  const pop = p.population.byAgeBandAndPlacementType;
  const types = pop.columns.filter((t) => pop.columnTotals[t] !== 0);
  const lines: string[] = [
    `SSDA903 returns in ${dir}: ${count('Header')} Header, ${count('Episodes')} Episodes and ${count('UASC')} UASC file${used.length === 1 ? '' : 's'}${years.length > 0 ? `, collection years ${fy(years[0]!)}${years.length > 1 ? `–${fy(years[years.length - 1]!)}` : ''}` : ''}.`,
    `Snapshot ${dmy(p.asAt)}; starts and exits counted from ${dmy(p.observedFrom)} (${p.observedYears.toFixed(2)} years). Rates are a year, smoothed towards national priors worth ${p.priorEvents} events.`,
    ...[...warnings, ...p.warnings].map((w) => `Note: ${w}`),
    '',
    'Cleaning',
    ...columns(CLEANING_LABELS.map(([k, label]) => [label, n((p.cleaning as Record<string, Published>)[k])])),
    '',
    `Children in care at ${dmy(p.asAt)}: ${n(p.population.total)}`,
    ...columns([
      ['', ...types, 'total'],
      ...AGE_BANDS.map((b) => [b, ...types.map((t) => n(pop.cells[b]![t])), n(pop.rowTotals[b])]),
      ['total', ...types.map((t) => n(pop.columnTotals[t])), n(pop.total)],
    ]),
    `  by need: ${Object.entries(p.population.byNeed.counts).filter(([, v]) => v !== 0).map(([k, v]) => `${k} ${n(v)}`).join(', ')} (complex needs are not recorded in the 903)`,
    `  three or more placements in the year: ${pct(p.history.threePlusPlacements)}`,
    '',
    `Starts: ${n(p.entries.starts)} in the window, ${typeof p.entries.startsPerYear === 'number' ? p.entries.startsPerYear.toFixed(1) : n(p.entries.startsPerYear)} a year`,
    ...columns([['', 'a year', 'starts'], ...AGE_BANDS.map((b) => [b, rate(p.entries.byAgeBand[b]!.perYear), n(p.entries.byAgeBand[b]!.events)])]),
    '',
    'Exit hazards by age band and time in care, a year (exits); leaving at 18 is not counted',
    ...columns([['', ...steps], ...AGE_BANDS.map((b) => hazardRow(b, p.exits.hazards[b]!))]),
    `  left care at 18: ${n(p.exits.turned18)}; periods left out because their start is before the data: ${n(p.exits.unknownStart)}`,
    '',
    `Placement moves: ${n(p.disruption.unplanned)} unplanned (carer or child requests, allegation, standards, closure, approval removed), ${n(p.disruption.planned)} planned (care plan), ${n(p.disruption.otherMoves)} other or no reason`,
    ...columns([
      ['unplanned a year (moves)', ...AGE_BANDS],
      ...Object.entries(p.disruption.base).map(([t, byBand]) => [t, ...AGE_BANDS.map((b) => (byBand[b] === undefined ? '' : `${rate(byBand[b]!.perYear)} (${n(byBand[b]!.events)})`))]),
    ]),
    '',
    `Distance from home (DfE method), children in care at ${dmy(p.asAt)}: ${n(p.distance.known)} known, not known ${n(p.distance.notKnown.blankPostcode)} (blank postcode) + ${n(p.distance.notKnown.unknownPostcode)} (postcode not in the gazetteer${p.distance.unknownPostcodes.length > 0 ? `: ${p.distance.unknownPostcodes.slice(0, 8).join(', ')}${p.distance.unknownPostcodes.length > 8 ? ', …' : ''}` : ''})`,
    `  placed more than 20 miles from home: ${pct(p.distance.placedOver20Miles)} of known; median ${typeof p.distance.medianMiles === 'number' ? `${p.distance.medianMiles.toFixed(1)} miles` : n(p.distance.medianMiles)}; inside the boundary (${p.distance.laCodes.join(', ') || 'not known'}): ${n(p.distance.locationCategories.counts.insideUpTo20Miles)} ≤ 20 miles, ${n(p.distance.locationCategories.counts.insideOver20Miles)} > 20; outside: ${n(p.distance.locationCategories.counts.outsideUpTo20Miles)} ≤ 20, ${n(p.distance.locationCategories.counts.outsideOver20Miles)} > 20`,
    ...columns([['miles', ...Object.keys(p.distance.bins.counts)], ['children', ...Object.values(p.distance.bins.counts).map(n)]]),
    '',
    `Small numbers: ${p.disclosure.rule}`,
  ];
  return lines;
};

const ACTION_SHORT: Readonly<Record<string, string>> = {
  repaired: 'repaired', 'episode dropped': 'episode dropped', 'row dropped': 'row dropped', 'child dropped': 'child dropped', 'kept as is': 'kept', 'kept as other': 'kept as other',
};

/**
 * The data-quality report as the terminal shows it: the rules that touched most rows (`top`),
 * then the children in, used and dropped, and the share touched by any rule. The full report is
 * quality.csv and the JSON.
 */
export const qualityLines = (q: PublishedQuality, top = 8, fullReport?: string): string[] => {
  const t = q.children.total;
  const shown = q.rules.slice(0, top);
  const by = q.children.droppedBy.counts;
  const lines = [
    q.rules.length === 0
      ? 'Data quality: no faults found.'
      : `Data quality: ${q.rules.length} rule${q.rules.length === 1 ? '' : 's'} found faults, touching ${n(q.children.affected)} of ${n(t.in)} children (${pct(q.children.affectedShare)}).`,
  ];
  if (shown.length > 0) {
    lines.push(...columns([
      ['rule', 'rows', 'children', 'done', 'DfE rule'],
      ...shown.map((r) => [r.id, n(r.rows), n(r.children), ACTION_SHORT[r.action] ?? r.action, r.dfeRule ?? '']),
    ]));
    if (q.rules.length > shown.length) lines.push(`  … and ${q.rules.length - shown.length} more rule${q.rules.length - shown.length === 1 ? '' : 's'}${fullReport === undefined ? ' (--out writes them all)' : ` (all in ${fullReport})`}`);
  }
  lines.push(`Children: ${n(t.in)} in the returns, ${n(t.used)} used, ${n(t.dropped)} dropped (no date of birth ${n(by.noDateOfBirth)}, every episode dropped ${n(by.everyEpisodeDropped)}, short breaks only ${n(by.shortBreaksOnly)}).`);
  if (q.children.byYear.length > 1) {
    lines.push(...columns([['', ...q.children.byYear.map((y) => fy(y.collectionYear))], ...(['in', 'used', 'dropped'] as const).map((k) => [k, ...q.children.byYear.map((y) => n(y[k]))])]));
  }
  return lines;
};
