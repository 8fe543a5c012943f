// Cleaning rule 7: one period's episodes → placements (one carer each). A new episode with RNE L
// (legal status only), T (placement change, same carer) or U (legal status and placement, same
// carer) continues the current placement; S, P and B start a new one. Temporary moves (PLACE
// T0–T4: hospital, holiday, the carer's holiday, ≤ 7 days) are not placement changes: their days
// count as the placement around them, and going back to the same placement afterwards is not a
// move either. A change of type within a placement (e.g. fostering becoming an adoption
// placement with the same carer) starts a new segment, so exposure by type stays right.
import { NEW_PLACEMENT_RNE, isTemporaryPlace, placementTypeOf, type Episode903 } from '../../domain/ssda903.js';
import type { PlacementType } from '../../domain/vocabulary.js';
import type { Placement, Segment } from './types.js';

interface Building {
  start: number;
  segments: Segment[];
  endReason: Episode903['REASON_PLACE_CHANGE'];
  /** The last non-temporary episode, to recognise a return from a temporary move. */
  lastReal: Episode903 | undefined;
}

const sameCarer = (a: Episode903, b: Episode903): boolean =>
  a.PLACE === b.PLACE && a.PLACE_PROVIDER === b.PLACE_PROVIDER && a.PL_POST === b.PL_POST && a.URN === b.URN;

/**
 * Placements of one period. `end` is the period's end (or censoring day, or undefined if open).
 *
 * @example mergeContinuations([u4S, u4L, k2P], end) // two placements; the L episode merged
 */
export const mergeContinuations = (
  episodes: readonly Episode903[], periodEnd: number | undefined,
): { placements: Placement[]; merged: number; temporary: number } => {
  const placements: Placement[] = [];
  let current: Building | undefined;
  let merged = 0;
  let temporary = 0;
  let afterTemporary = false;
  const finish = (end: number | undefined): void => {
    if (current === undefined) return;
    const segments = current.segments.map((s, i) => (i === current!.segments.length - 1 ? { ...s, end } : s));
    placements.push({ start: current.start, end, segments, endReason: current.endReason });
    current = undefined;
  };
  const addSegment = (b: Building, e: Episode903, type: PlacementType): void => {
    const last = b.segments[b.segments.length - 1];
    if (last !== undefined && last.type === type && last.homePost === e.HOME_POST && last.plPost === e.PL_POST) return;
    if (last !== undefined) b.segments[b.segments.length - 1] = { ...last, end: e.DECOM };
    b.segments.push({ start: e.DECOM, end: undefined, type, place: e.PLACE, homePost: e.HOME_POST, plPost: e.PL_POST });
  };
  for (const e of episodes) {
    const type = placementTypeOf(e.PLACE, e.PLACE_PROVIDER);
    if (type === 'temporary') {
      if (current === undefined) {
        current = { start: e.DECOM, segments: [], endReason: undefined, lastReal: undefined };
        addSegment(current, e, 'other');
      } else {
        temporary++;
      }
      afterTemporary = true;
      if (e.REASON_PLACE_CHANGE !== undefined) current.endReason = e.REASON_PLACE_CHANGE;
      continue;
    }
    const returning = afterTemporary && current?.lastReal !== undefined && sameCarer(current.lastReal, e);
    const isNew = current === undefined || (!returning && NEW_PLACEMENT_RNE.includes(e.RNE));
    if (isNew) {
      finish(e.DECOM);
      current = { start: e.DECOM, segments: [], endReason: undefined, lastReal: undefined };
    } else {
      merged++;
    }
    addSegment(current!, e, type);
    current!.lastReal = e;
    current!.endReason = e.REASON_PLACE_CHANGE;
    afterTemporary = false;
  }
  finish(periodEnd);
  return { placements, merged, temporary };
};
