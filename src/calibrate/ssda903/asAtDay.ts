// The returns as they stood at the end of a day: what an authority would have had then.
// Episodes starting later are dropped; those ending later are open again (no DEC, REC or reason).
// A view: rows are cut as each child is read, nothing is copied.
import { collectionYearOf, type Episode903 } from '../../domain/ssda903.js';
import type { ReadQuality, Returns903 } from '../../domain/ssda903Returns.js';

const reopened = (e: Episode903): Episode903 => {
  const { DEC: _dec, REC: _rec, REASON_PLACE_CHANGE: _reason, ...open } = e;
  void _dec; void _rec; void _reason;
  return open;
};

/** Returns read leniently: no return known on `day` is later than the one then in progress. */
const qualityAt = (q: ReadQuality, day: number): ReadQuality => {
  const latest = collectionYearOf(day);
  return { ...q, yearOfSrc: new Map([...q.yearOfSrc].map(([src, y]) => [src, Math.min(y, latest)])) };
};

/** @example asAtDay(read.returns, day).forEachChild(…) // only episodes begun by `day`, as known then */
export const asAtDay = (returns: Returns903, day: number): Returns903 => ({
  ...(returns.quality === undefined ? {} : { quality: qualityAt(returns.quality, day) }),
  headerRows: returns.headerRows,
  headerRepeats: returns.headerRepeats,
  dobConflicts: returns.dobConflicts,
  forEachChild: (visit) => returns.forEachChild((c) => {
    const episodes = c.episodes.filter((e) => e.DECOM <= day).map((e) => (e.DEC !== undefined && e.DEC > day ? reopened(e) : e));
    if (episodes.length > 0) visit({ ...c, episodes });
  }),
});
