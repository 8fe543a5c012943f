// The cleaning pipeline (shared/domain/ssda903.md, "Cleaning used by established tools"), child
// by child, each rule a function of its own:
//   1 dropIdenticalRows     the same row in several returns → one
//   2 excludeShortBreaks    LS V3/V4 short breaks out
//   3 dropDuplicateStarts   (CHILD, DECOM) twice → the latest non-blank DEC
//   4 dropDuplicateEnds     (CHILD, DEC) twice → the earliest DECOM
//   5 truncateOverlaps      an episode running past the next start is cut there
//   6 periodsOfCare         episodes → periods of care (start known or not, exit or censoring)
//   7 mergeContinuations    RNE L/T/U and temporary moves folded into placements
//   8 splitAtAgeBands       applied by the estimator when it counts exposure
//   9 datesOfBirth          one DOB per child across returns
//  10 uascChildren          UASC in any year's UASC table
// Rules 1, 3, 4 and 5 together de-duplicate several years' overlapping returns. Pure.
import type { Tables903, Episode903 } from '../../domain/ssda903.js';
import { datesOfBirth } from './datesOfBirth.js';
import { dropDuplicateEnds } from './dropDuplicateEnds.js';
import { dropDuplicateStarts } from './dropDuplicateStarts.js';
import { dropIdenticalRows } from './dropIdenticalRows.js';
import { excludeShortBreaks } from './excludeShortBreaks.js';
import { mergeContinuations } from './mergeContinuations.js';
import { periodsOfCare } from './periodsOfCare.js';
import { truncateOverlaps } from './truncateOverlaps.js';
import type { ChildHistory, Cleaned903, CleaningCounts, Period } from './types.js';
import { uascChildren } from './uascChildren.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Group rows by CHILD, keeping their order within each child. */
export const byChild = <A extends { readonly CHILD: string }>(rows: readonly A[]): Map<string, A[]> => {
  const out = new Map<string, A[]>();
  for (const r of rows) {
    const list = out.get(r.CHILD);
    if (list === undefined) out.set(r.CHILD, [r]);
    else list.push(r);
  }
  return out;
};

/**
 * Clean decoded 903 tables into each child's periods and placements, counting what every rule
 * used and dropped. Children come out sorted by CHILD.
 */
export const clean903 = (tables: Tables903): Cleaned903 => {
  const { dob, repeats, conflicts } = datesOfBirth(tables.header);
  const uasc = uascChildren(tables.uasc);
  const counts: Mutable<CleaningCounts> = {
    headerRows: tables.header.length, headerRepeats: repeats, dobConflicts: conflicts, uascChildren: 0,
    episodeRows: tables.episodes.length, identicalRows: 0, shortBreaks: 0, duplicateStarts: 0, duplicateEnds: 0,
    truncatedOverlaps: 0, withoutHeader: 0, continuationsMerged: 0, temporaryMoves: 0, episodesUsed: 0,
    children: 0, periods: 0, periodsWithUnknownStart: 0, periodsCensoredEarly: 0, placements: 0,
  };
  const grouped = byChild(tables.episodes);
  const ids = [...grouped.keys()].sort();
  const children: ChildHistory[] = [];
  for (const child of ids) {
    const rows: Episode903[] = grouped.get(child)!;
    const born = dob.get(child);
    if (born === undefined) {
      counts.withoutHeader += rows.length;
      continue;
    }
    const r1 = dropIdenticalRows(rows);
    const r2 = excludeShortBreaks(r1.kept);
    const r3 = dropDuplicateStarts(r2.kept);
    const r4 = dropDuplicateEnds(r3.kept);
    const r5 = truncateOverlaps(r4.kept);
    counts.identicalRows += r1.dropped;
    counts.shortBreaks += r2.dropped;
    counts.duplicateStarts += r3.dropped;
    counts.duplicateEnds += r4.dropped;
    counts.truncatedOverlaps += r5.truncated;
    if (r5.kept.length === 0) continue;
    counts.episodesUsed += r5.kept.length;
    const periods: Period[] = periodsOfCare(r5.kept).map((p) => {
      const merged = mergeContinuations(p.episodes, p.end ?? p.censoredAt);
      counts.continuationsMerged += merged.merged;
      counts.temporaryMoves += merged.temporary;
      counts.placements += merged.placements.length;
      if (!p.startKnown) counts.periodsWithUnknownStart++;
      if (p.censoredAt !== undefined) counts.periodsCensoredEarly++;
      return {
        start: p.start, startKnown: p.startKnown, end: p.end, rec: p.rec, censoredAt: p.censoredAt,
        cinAtStart: p.episodes[0]!.CIN, placements: merged.placements,
      };
    });
    counts.periods += periods.length;
    const isUasc = uasc.has(child);
    if (isUasc) counts.uascChildren++;
    children.push({ child, dob: born, uasc: isUasc, periods });
  }
  counts.children = children.length;
  return { children, counts };
};
