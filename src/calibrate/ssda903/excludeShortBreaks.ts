// Cleaning rule 2: episodes with legal status V3 or V4 are a series of pre-planned short breaks
// (respite), not a period in care in the sense a placement forecast needs: DfE's own statistics
// leave them out of children looked after at 31 March. They are excluded before anything else,
// so they neither start periods nor overlap the episodes around them.
import { SHORT_BREAK_LS, type Episode903 } from '../../domain/ssda903.js';

/** @example excludeShortBreaks([c2Episode, v3Episode]) // { kept: [c2Episode], dropped: 1 } */
export const excludeShortBreaks = (episodes: readonly Episode903[]): { kept: Episode903[]; dropped: number } => {
  const kept = episodes.filter((e) => !SHORT_BREAK_LS.includes(e.LS));
  return { kept, dropped: episodes.length - kept.length };
};
