// The children looked after at the end of the snapshot day, each with what the population,
// distance and stability estimates need: age band, need, placement type and postcodes of the
// placement they are in, time in care, and placements in the last 12 months.
import type { AgeBand, Need, PlacementType } from '../../domain/vocabulary.js';
import { foldChildren, type ChildFold } from './fold.js';
import { eighteenthBirthdayOf } from '../../domain/time.js';
import { DAYS_PER_YEAR } from '../../domain/time.js';
import { ageBandAt } from './splitAtAgeBands.js';
import type { ChildHistory, Period, Placement, Segment } from './types.js';
import type { Window } from './window.js';

export interface ChildAtAsAt {
  readonly child: string;
  readonly ageBand: AgeBand;
  readonly need: Need;
  readonly placementType: PlacementType;
  readonly homePost: string | undefined;
  readonly plPost: string | undefined;
  /** Years since the period started; a lower bound when `startKnown` is false. */
  readonly yearsInCare: number;
  readonly startKnown: boolean;
  /** Placements the child was in at any time in the 365 days to the snapshot, the current one included. */
  readonly placementsInYear: number;
}

/** Where a period stops in the data: its exit, its censoring day, or never (still open). */
export const periodStop = (p: Period): number => p.end ?? p.censoredAt ?? Number.POSITIVE_INFINITY;
export const placementStop = (pl: Placement): number => pl.end ?? Number.POSITIVE_INFINITY;
export const segmentStop = (s: Segment): number => s.end ?? Number.POSITIVE_INFINITY;

/**
 * A child's need as the 903 shows it: UASC (in any year's UASC table), else parent and child
 * (placed in a family centre or mother and baby unit, R3), else disability (category of need N2),
 * else standard. `complex` is not recorded in the 903.
 */
export const needOf = (uasc: boolean, type: PlacementType, cinAtStart: string): Need => {
  if (uasc) return 'uasc';
  if (type === 'parentAndChild') return 'parentAndChild';
  if (cinAtStart === 'N2') return 'disability';
  return 'standard';
};

/**
 * The child as they were at the end of `w.asAt`, if in care then (in a period that started by then
 * and stops after it; children 18 by then are not counted: care ends on the 18th birthday).
 */
export const childAtAsAt = (c: ChildHistory, w: Window): ChildAtAsAt | undefined => {
  if (eighteenthBirthdayOf(c.dob) <= w.asAt) return undefined;
  const period = c.periods.find((p) => p.start <= w.asAt && periodStop(p) > w.asAt);
  if (period === undefined) return undefined;
  const placement = period.placements.find((pl) => pl.start <= w.asAt && placementStop(pl) > w.asAt);
  const segment = placement?.segments.find((s) => s.start <= w.asAt && segmentStop(s) > w.asAt);
  if (placement === undefined || segment === undefined) return undefined;
  const yearStart = w.end - 365;
  let placementsInYear = 0;
  for (const p of c.periods) for (const pl of p.placements) if (pl.start < w.end && placementStop(pl) > yearStart) placementsInYear++;
  return {
    child: c.child,
    ageBand: ageBandAt(c.dob, w.end),
    need: needOf(c.uasc, segment.type, period.cinAtStart),
    placementType: segment.type,
    homePost: segment.homePost,
    plPost: segment.plPost,
    yearsInCare: (w.end - period.start) / DAYS_PER_YEAR,
    startKnown: period.startKnown,
    placementsInYear,
  };
};

/** Children in care at the end of `w.asAt`, in the order given (sorted by CHILD when cleaned). */
export const childrenAtAsAtFold = (w: Window): ChildFold<ChildAtAsAt[], ChildAtAsAt[]> => ({
  start: () => [],
  add: (out, c) => {
    const at = childAtAsAt(c, w);
    if (at !== undefined) out.push(at);
  },
  finish: (out) => out,
});

export const childrenAtAsAt = (children: readonly ChildHistory[], w: Window): ChildAtAsAt[] => foldChildren(childrenAtAsAtFold(w), children);
