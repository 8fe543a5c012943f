// Cleaning rule 4: two rows for the same child ending the same day (CHILD, DEC) but starting on
// different days are one episode whose start was corrected between returns. Keep the one with
// the earliest DECOM, so the start of the period (and its RNE S) is not lost; open rows (no DEC)
// are never duplicates of each other under this rule.
import type { Episode903 } from '../../domain/ssda903.js';

/** @example dropDuplicateEnds([{ DECOM: 10, DEC: 50 }, { DECOM: 20, DEC: 50 }]) // keeps the first */
export const dropDuplicateEnds = (episodes: readonly Episode903[]): { kept: Episode903[]; dropped: number } => {
  const byEnd = new Map<number, Episode903>();
  for (const e of episodes) {
    if (e.DEC === undefined) continue;
    const current = byEnd.get(e.DEC);
    if (current === undefined || e.DECOM < current.DECOM) byEnd.set(e.DEC, e);
  }
  const kept = episodes.filter((e) => e.DEC === undefined || byEnd.get(e.DEC) === e);
  return { kept, dropped: episodes.length - kept.length };
};
