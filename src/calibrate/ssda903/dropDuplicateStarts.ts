// Cleaning rule 3: two rows for the same child starting the same day (CHILD, DECOM) are one
// episode reported twice, typically open in one year's return and closed in the next. Keep the
// row with the latest non-blank DEC; if every copy is open, keep the last one read (the latest
// return when files are read in year order).
import type { Episode903 } from '../../domain/ssda903.js';

const better = (candidate: Episode903, current: Episode903): boolean => {
  if (candidate.DEC === undefined) return current.DEC === undefined; // open: only replaces another open copy
  return current.DEC === undefined || candidate.DEC >= current.DEC;
};

/** @example dropDuplicateStarts([{ DECOM: d, DEC: undefined }, { DECOM: d, DEC: e }]) // keeps the second */
export const dropDuplicateStarts = (episodes: readonly Episode903[]): { kept: Episode903[]; dropped: number } => {
  const byStart = new Map<number, Episode903>();
  for (const e of episodes) {
    const current = byStart.get(e.DECOM);
    if (current === undefined || better(e, current)) byStart.set(e.DECOM, e);
  }
  const kept = episodes.filter((e) => byStart.get(e.DECOM) === e);
  return { kept, dropped: episodes.length - kept.length };
};
