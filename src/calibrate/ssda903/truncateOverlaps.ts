// Cleaning rule 5: after the duplicates are gone, an episode that is still open, or ends after
// the next episode of the same child starts, overlaps it (several returns disagreeing). Cut it
// at the next episode's DECOM and mark it as followed by a new episode the same day (REC X1), so
// the child is in exactly one episode at any time.
import type { Episode903 } from '../../domain/ssda903.js';

/**
 * One child's episodes sorted by DECOM, each ending no later than the next begins.
 *
 * @example truncateOverlaps([{ DECOM: 0, DEC: undefined }, { DECOM: 30, DEC: 60 }]) // first ends on day 30 with REC X1
 */
export const truncateOverlaps = (episodes: readonly Episode903[]): { kept: Episode903[]; truncated: number } => {
  const sorted = [...episodes].sort((a, b) => a.DECOM - b.DECOM);
  let truncated = 0;
  const kept = sorted.map((e, i) => {
    const next = sorted[i + 1];
    if (next === undefined || (e.DEC !== undefined && e.DEC <= next.DECOM)) return e;
    truncated++;
    return { ...e, DEC: next.DECOM, REC: 'X1' as const };
  });
  return { kept, truncated };
};
