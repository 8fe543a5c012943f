// Mutable state of one replication. It lives inside `runReplication` and never escapes it
// (tests may ask for a trace, which copies what they need).
import type { Rng } from '../random/rng.js';
import type { ExitReason } from '../domain/vocabulary.js';
import type { VacancyView } from '../matching/types.js';

export interface SimChild {
  readonly idx: number;
  readonly dobDay: number;
  need: number; // may escalate from standard to complex after a breakdown
  readonly homeZone: number;
  readonly group: number; // sibling group id, -1 if none
  readonly initial: boolean; // in care at the start date
  readonly entryDay: number;
  exitDay: number;
  readonly exitReason: ExitReason;
  readonly emergencyAtEntry: boolean;
  readonly routeDraw: number;
  readonly rng: Rng;
  inCare: boolean;
  entered: boolean;
  // Current placement.
  type: number;
  household: number; // -1: no household (route, spot purchase, unregistered)
  zone: number;
  miles: number;
  placementStart: number;
  seq: number; // bumps at every placement change; stale events carry an old value
  weekly: number; // £ a week at start-date prices
  costFrom: number; // day up to which placement cost has been accrued
  readonly starts: number[]; // placement start days (history included)
  via: PlacementSegment['via'];
  isMove: boolean;
}

/** A household as matching sees it (VacancyView), plus what the simulation tracks. */
export interface SimHousehold extends VacancyView {
  readonly id: number;
  readonly pool: number;
  places: number;
  readonly approvedPlaces: number;
  free: number;
  readonly hub: boolean;
  readonly paidWhenEmpty: boolean;
  readonly emergencyOnly: boolean;
  active: boolean;
  /** Days up to which empty paid places and per-household support have been costed. */
  voidFrom: number;
  supportFrom: number;
  external: number; // places held by other authorities' children
  generation: number; // bumps when the household leaves; stale external departures are ignored
  readonly children: number[]; // our children placed here
}

/** Trace of placements kept only when a test asks for it (property tests on costs and capacity). */
export interface PlacementSegment {
  readonly child: number;
  readonly type: number;
  readonly household: number;
  readonly weekly: number;
  readonly from: number;
  readonly to: number;
  readonly need: number;
  readonly ageYears: number; // at the start of the placement
  readonly isMove: boolean;
  readonly zone: number;
  /** Why it ended: a breakdown, a planned move, the carer leaving, a better placement found (from an emergency bed or unregistered), a step-down, leaving care, or still open at the horizon. */
  readonly ended: 'breakdown' | 'planned' | 'carerLeft' | 'found' | 'stepDown' | 'exit' | 'open';
  /** How the placement was allowed: within the hard constraints, or through a named route. */
  readonly via: 'match' | 'relaxNeeds' | 'initial' | 'route' | 'spot' | 'unregistered' | 'emergencyBed';
}
