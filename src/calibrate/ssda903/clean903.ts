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
//
// Returns read leniently (`returns.quality`) first go through the data-quality rules that need a
// child's rows together (repairChild.ts: date of birth, childhood, revisions between returns,
// postcodes); overlaps are reported before rule 5 cuts them, and a closed episode with no readable
// REC is read as X1 or E8 after it. Their findings and the children used and dropped make the
// quality report (qualityReport.ts). Strictly read returns never reach these steps.
//
// `cleanReturns` cleans one child at a time and hands each history to a visitor, so the caller
// (the estimator) never holds every child's history, nor every row, at once.
import type { Tables903 } from '../../domain/ssda903.js';
import type { ChildRows, Returns903 } from '../../domain/ssda903Returns.js';
import { dropDuplicateEnds } from './dropDuplicateEnds.js';
import { dropDuplicateStarts } from './dropDuplicateStarts.js';
import { dropIdenticalRows } from './dropIdenticalRows.js';
import { excludeShortBreaks } from './excludeShortBreaks.js';
import { mergeContinuations } from './mergeContinuations.js';
import { periodsOfCare } from './periodsOfCare.js';
import { returnsOfTables } from './returns.js';
import { truncateOverlaps } from './truncateOverlaps.js';
import { qualityReport, type DropReason, type QualityReport } from './qualityReport.js';
import { overlapsOf, qualityFinding, repairChild, resolveMissingRec, type RepairContext } from './repairChild.js';
import type { ChildHistory, Cleaned903, CleaningCounts, Period } from './types.js';
import type { QualityFinding } from '../../domain/ssda903Quality.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Lenient cleaning's running tally: findings, and which children were used or dropped. */
interface Lenient {
  readonly ctx: RepairContext;
  readonly findings: QualityFinding[];
  readonly used: Set<string>;
  readonly dropped: Map<string, DropReason>;
}

/** One child's rows → their history (undefined: no DOB, or nothing left), adding to `counts`. */
const cleanChild = (c: ChildRows, counts: Mutable<CleaningCounts>, lenient?: Lenient): ChildHistory | undefined => {
  counts.episodeRows += c.episodes.length;
  let dob = c.dob;
  let rows = c.episodes;
  if (lenient !== undefined) {
    const repaired = repairChild(c, lenient.ctx);
    lenient.findings.push(...repaired.findings);
    dob = repaired.dob;
    rows = repaired.episodes;
    if (dob === undefined) lenient.dropped.set(c.child, 'noDateOfBirth');
    else if (rows.length === 0) lenient.dropped.set(c.child, 'everyEpisodeDropped');
  }
  if (dob === undefined) {
    counts.withoutHeader += c.episodes.length;
    return undefined;
  }
  const r1 = dropIdenticalRows(rows);
  const r2 = excludeShortBreaks(r1.kept);
  const r3 = dropDuplicateStarts(r2.kept);
  const r4 = dropDuplicateEnds(r3.kept);
  if (lenient !== undefined) {
    for (const [rule, e] of overlapsOf([...r4.kept].sort((a, b) => a.DECOM - b.DECOM))) lenient.findings.push(qualityFinding(rule, c.child, e, 'DEC'));
    if (r2.kept.length === 0 && r1.kept.length > 0) lenient.dropped.set(c.child, 'shortBreaksOnly');
  }
  const r5 = truncateOverlaps(r4.kept);
  counts.identicalRows += r1.dropped;
  counts.shortBreaks += r2.dropped;
  counts.duplicateStarts += r3.dropped;
  counts.duplicateEnds += r4.dropped;
  counts.truncatedOverlaps += r5.truncated;
  if (r5.kept.length === 0) return undefined;
  counts.episodesUsed += r5.kept.length;
  const sorted = lenient === undefined ? r5.kept : resolveMissingRec(r5.kept);
  lenient?.used.add(c.child);
  const periods: Period[] = periodsOfCare(sorted).map((p) => {
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
  if (c.uasc) counts.uascChildren++;
  counts.children++;
  return { child: c.child, dob, uasc: c.uasc, periods };
};

/** What cleaning the returns gives besides the histories: each rule's counts, and the quality report when read leniently. */
export interface CleanedReturns {
  readonly counts: CleaningCounts;
  readonly quality?: QualityReport;
}

/**
 * Clean the returns child by child (sorted by CHILD), giving each child's history to `visit`;
 * returns what every rule used and dropped, and for leniently read returns the quality report
 * (`knownPostcode` checks postcodes against the gazetteer).
 */
export const cleanReturns = (returns: Returns903, visit: (c: ChildHistory) => void, knownPostcode?: (postcode: string) => boolean): CleanedReturns => {
  const counts: Mutable<CleaningCounts> = {
    headerRows: returns.headerRows, headerRepeats: returns.headerRepeats, dobConflicts: returns.dobConflicts, uascChildren: 0,
    episodeRows: 0, identicalRows: 0, shortBreaks: 0, duplicateStarts: 0, duplicateEnds: 0,
    truncatedOverlaps: 0, withoutHeader: 0, continuationsMerged: 0, temporaryMoves: 0, episodesUsed: 0,
    children: 0, periods: 0, periodsWithUnknownStart: 0, periodsCensoredEarly: 0, placements: 0,
  };
  const read = returns.quality;
  const lenient: Lenient | undefined = read === undefined ? undefined : {
    ctx: { yearOfSrc: read.yearOfSrc, ...(knownPostcode === undefined ? {} : { knownPostcode }) },
    findings: [], used: new Set(), dropped: new Map(),
  };
  returns.forEachChild((c) => {
    const history = cleanChild(c, counts, lenient);
    if (history !== undefined) visit(history);
  });
  if (read === undefined || lenient === undefined) return { counts };
  return { counts, quality: qualityReport(read, lenient) };
};

/**
 * Clean decoded 903 tables into each child's periods and placements, counting what every rule
 * used and dropped. Children come out sorted by CHILD. (For data held in memory; large returns
 * go through `cleanReturns`, one child at a time.)
 */
export const clean903 = (tables: Tables903): Cleaned903 => {
  const children: ChildHistory[] = [];
  const { counts } = cleanReturns(returnsOfTables(tables), (c) => children.push(c));
  return { children, counts };
};
