// Placements: putting a child with a household (or a route, a spot purchase, unregistered),
// closing a placement, and scheduling how the new one ends — a breakdown or a planned move,
// with hazards by placement type and age band scaled by the quality of the match.
import { DAYS_PER_YEAR } from '../domain/time.js';
import { OVER_20_MILES } from '../domain/geography.js';
import type { Miles, PoundsPerWeek } from '../domain/units.js';
import { AGE_BANDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import type { MatchRequest, MatchRules } from '../matching/rules/types.js';
import { unitExponential } from '../random/distributions.js';
import { placementEnd, retry, stepDown } from './events.js';
import { bandAndStepHazardTime, bandIndexAt } from './hazards.js';
import { setFree } from './households.js';
import { accrueChild, addMove, T_UNREGISTERED } from './ledger.js';
import type { HouseholdIndex, PlacementTypeIndex, ZoneIndex } from '../scenario/resolved.js';
import { NO_HOUSEHOLD, type PlacementSegment, type ReplicationState, type SimChild } from './state.js';
import { traceSegment } from './trace.js';

const BANDS = AGE_BANDS.length;
const RESIDENTIAL_MASK = (1 << PLACEMENT_TYPES.indexOf('residentialInHouse')) | (1 << PLACEMENT_TYPES.indexOf('residentialPrivate'));

export const ageYearsAt = (c: SimChild, day: number): number => Math.floor((day - c.dobDay) / DAYS_PER_YEAR);

export const milesBetween = (st: ReplicationState, a: number, b: number): Miles => st.rs.distance[a * st.nZones + b]! as Miles;

export const rulesFor = (st: ReplicationState, c: SimChild, day: number): MatchRules => st.rulesByBand[bandIndexAt(c.dobDay, day)]!;

export const requestFor = (c: SimChild, day: number, size: number): MatchRequest => ({
  ageYears: ageYearsAt(c, day), need: c.need, size, day,
});

/** How a placement came about, for its cost, hazards and trace. */
export interface PlaceOptions {
  readonly emergency: boolean;
  readonly mismatch: boolean;
  readonly isMove: boolean;
  /** A placement of the starting population's history: not a start in the horizon. */
  readonly history?: boolean;
  readonly via: PlacementSegment['via'];
}

/** End the child's current placement on `day`: accrue its cost and free its place. */
export const closeSegment = (st: ReplicationState, c: SimChild, day: number, ended: PlacementSegment['ended']): void => {
  accrueChild(st, c, day);
  const trace = st.trace;
  if (trace && c.type >= 0) traceSegment(trace, c, day, ended);
  if (c.household >= 0) {
    const h = st.households[c.household]!;
    setFree(st, h, h.free + 1, day);
    const at = h.children.indexOf(c.idx);
    if (at >= 0) h.children.splice(at, 1);
    if (trace && h.free > h.places) trace.violations.push(`household ${h.id} has more free places than places`);
  }
  c.household = NO_HOUSEHOLD;
};

/** Draw when the child's new placement ends (the earlier of a breakdown and a planned move). */
const schedulePlacementEnd = (st: ReplicationState, c: SimChild, day: number, emergency: boolean, mismatch: boolean): void => {
  const rs = st.rs;
  const mult = rs.multipliers;
  const emergencySteps = st.emergencySteps;
  let m = 1;
  if (c.miles > OVER_20_MILES) m *= mult.over20Miles;
  if (mismatch) m *= mult.needMismatch;
  if (emergency && emergencySteps === undefined) m *= mult.emergency;
  if (c.household >= 0 && st.households[c.household]!.hub) m *= mult.hub;
  const base = c.type * BANDS;
  const until = Math.min(c.exitDay, st.horizon);
  const steps = rs.placementStepDays;
  const mults = rs.placementStepMultipliers;
  const windowed = emergency ? emergencySteps : undefined;
  const tb = bandAndStepHazardTime(unitExponential(c.rng), day, until, c.dobDay, (b) => rs.breakdownPerDay[base + b]! * m, c.placementStart,
    windowed?.stepDays ?? steps, windowed?.multipliers ?? mults);
  const tp = bandAndStepHazardTime(unitExponential(c.rng), day, until, c.dobDay, (b) => rs.plannedPerDay[base + b]!, c.placementStart, steps, mults);
  const t = Math.min(tb, tp);
  if (Number.isFinite(t)) st.queue.push(Math.max(day + 1, Math.floor(t)), placementEnd(c.idx, c.seq, tb <= tp));
};

/** Put a child in a placement from `day`; the previous one must already be closed. */
export const place = (
  st: ReplicationState, c: SimChild, day: number, type: PlacementTypeIndex, household: HouseholdIndex, zone: ZoneIndex, weekly: number, how: PlaceOptions,
): void => {
  const rs = st.rs;
  c.seq++;
  c.via = how.via;
  c.isMove = how.isMove;
  c.type = type;
  c.household = household;
  c.zone = zone;
  c.miles = milesBetween(st, c.homeZone, zone);
  c.placementStart = day;
  c.weekly = (weekly + (rs.needUplift[c.need] ?? 0) * (type === T_UNREGISTERED ? 0 : 1)) as PoundsPerWeek;
  c.costFrom = Math.max(day, 0);
  if (!how.history) c.starts.push(day);
  if (household >= 0) {
    const h = st.households[household]!;
    setFree(st, h, h.free - 1, Math.max(day, 0));
    h.children.push(c.idx);
    if (st.trace && h.free < 0) st.trace.violations.push(`household ${h.id} over capacity on day ${day}`);
  }
  if (how.isMove && day >= 0) addMove(st, day);
  if (type === T_UNREGISTERED || how.via === 'emergencyBed') {
    // Searching goes on: every day from an emergency bed, every `retryDays` when unregistered.
    const next = day + (how.via === 'emergencyBed' ? 1 : rs.fallback.retryDays);
    if (next < Math.min(c.exitDay, st.horizon)) st.queue.push(next, retry(c.idx, c.seq));
  } else {
    schedulePlacementEnd(st, c, Math.max(day, 0), how.emergency, how.mismatch);
    const sd = rs.effects.stepDown;
    if (sd !== undefined && ((1 << type) & RESIDENTIAL_MASK) !== 0) {
      const when = Math.max(day + sd.afterDays, sd.fromDay);
      if (when < Math.min(c.exitDay, st.horizon)) st.queue.push(when, stepDown(c.idx, c.seq));
    }
  }
};

/** Place a child with household `h` as matched (not a fallback). */
export const placeWith = (st: ReplicationState, c: SimChild, day: number, h: number, how: PlaceOptions): void => {
  const hh = st.households[h]!;
  place(st, c, day, hh.type, hh.id, hh.zone, hh.weeklyCost, how);
};
