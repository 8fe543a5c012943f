// The returns as they stood at the end of a day: what an authority would have had then.
// Episodes starting later are dropped; those ending later are open again (no DEC, REC or reason).
// A view: rows are cut as each child is read, nothing is copied.
import type { Episode903 } from '../../domain/ssda903.js';
import type { Returns903 } from '../../domain/ssda903Returns.js';

const reopened = (e: Episode903): Episode903 => {
  const { DEC: _dec, REC: _rec, REASON_PLACE_CHANGE: _reason, ...open } = e;
  void _dec; void _rec; void _reason;
  return open;
};

/** @example asAtDay(read.returns, day).forEachChild(…) // only episodes begun by `day`, as known then */
export const asAtDay = (returns: Returns903, day: number): Returns903 => ({
  headerRows: returns.headerRows,
  headerRepeats: returns.headerRepeats,
  dobConflicts: returns.dobConflicts,
  forEachChild: (visit) => returns.forEachChild((c) => {
    const episodes = c.episodes.filter((e) => e.DECOM <= day).map((e) => (e.DEC !== undefined && e.DEC > day ? reopened(e) : e));
    if (episodes.length > 0) visit({ ...c, episodes });
  }),
});
