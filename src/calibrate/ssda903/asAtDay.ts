// The returns as they stood at the end of a day: what an authority would have had then.
// Episodes starting later are dropped; those ending later are open again (no DEC, REC or reason).
import type { Episode903, Tables903 } from '../../domain/ssda903.js';

const reopened = (e: Episode903): Episode903 => {
  const { DEC: _dec, REC: _rec, REASON_PLACE_CHANGE: _reason, ...open } = e;
  void _dec; void _rec; void _reason;
  return open;
};

export const asAtDay = (tables: Tables903, day: number): Tables903 => ({
  header: tables.header,
  uasc: tables.uasc,
  episodes: tables.episodes.filter((e) => e.DECOM <= day).map((e) => (e.DEC !== undefined && e.DEC > day ? reopened(e) : e)),
});
