// Cleaning rule 1: several years' returns repeat an episode that was open across 31 March. An
// episode row identical in every column to one already seen is the same record: keep one.
import type { Episode903 } from '../../domain/ssda903.js';

const keyOf = (e: Episode903): string =>
  `${e.DECOM}|${e.DEC ?? ''}|${e.RNE}|${e.LS}|${e.CIN}|${e.PLACE}|${e.PLACE_PROVIDER ?? ''}|${e.REC ?? ''}|${e.REASON_PLACE_CHANGE ?? ''}|${e.HOME_POST ?? ''}|${e.PL_POST ?? ''}|${e.URN ?? ''}`;

/**
 * One child's episodes without exact repeats (the later copy is dropped).
 *
 * @example dropIdenticalRows([a, a, b]) // { kept: [a, b], dropped: 1 }
 */
export const dropIdenticalRows = (episodes: readonly Episode903[]): { kept: Episode903[]; dropped: number } => {
  if (episodes.length < 2) return { kept: [...episodes], dropped: 0 };
  const seen = new Set<string>();
  const kept: Episode903[] = [];
  for (const e of episodes) {
    const k = keyOf(e);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(e);
  }
  return { kept, dropped: episodes.length - kept.length };
};
