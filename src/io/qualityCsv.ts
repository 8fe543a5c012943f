// The data-quality report in full as quality.csv: one row per rule that found something, then
// the children in, used and dropped per collection year and in total. Written for people
// (spreadsheet-safe CSV, src/io/csv.ts); counts of 1–4 read "c", as in the published JSON.
import type { PublishedQuality } from '../calibrate/ssda903/publish.js';
import { toCsv, type CsvCell } from './csv.js';

export const QUALITY_FILE = 'quality.csv';

const HEADER = ['section', 'rule', 'what it found', 'what was done', 'action', 'guidance', 'DfE rule', 'rows', 'children', 'children in', 'children used', 'children dropped'] as const;

const fy = (y: number): string => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;

/** @example qualityCsv(published.quality) // "\uFEFFsection,rule,…\r\nrule,unknown-place,…" */
export const qualityCsv = (q: PublishedQuality): string => {
  const rows: CsvCell[][] = q.rules.map((r) => ['rule', r.id, r.finds, r.done, r.action, r.guidance, r.dfeRule, r.rows, r.children, undefined, undefined, undefined]);
  for (const y of q.children.byYear) rows.push(['children', fy(y.collectionYear), 'children with a row in the year\'s Episodes files', undefined, undefined, undefined, undefined, undefined, undefined, y.in, y.used, y.dropped]);
  const t = q.children.total;
  rows.push(['children', 'all years', 'distinct children in the returns', undefined, undefined, undefined, undefined, undefined, undefined, t.in, t.used, t.dropped]);
  const by = q.children.droppedBy.counts;
  rows.push(['dropped', 'no date of birth', 'no Header row and no date of birth in another table', undefined, 'child dropped', undefined, undefined, undefined, undefined, undefined, undefined, by.noDateOfBirth]);
  rows.push(['dropped', 'every episode dropped', 'no episode left after the rules above', undefined, 'child dropped', undefined, undefined, undefined, undefined, undefined, undefined, by.everyEpisodeDropped]);
  rows.push(['dropped', 'short breaks only', 'only short-break episodes (LS V3/V4), which placement analysis leaves out', undefined, 'child dropped', undefined, undefined, undefined, undefined, undefined, undefined, by.shortBreaksOnly]);
  return toCsv(HEADER, rows);
};
