// Moves between placements: a placement ending (breakdown or planned), a child in an emergency
// bed or unregistered finding a placement, and a settled child stepping down from residential
// care to a foster family.
import { DAYS_PER_YEAR } from '../domain/time.js';
import { NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import { bestVacancy } from '../matching/rules/bestVacancy.js';
import type { MatchRules } from '../matching/rules/types.js';
import { retry, type PlacementEnd, type Retry, type StepDown } from './events.js';
import { bandIndexAt } from './hazards.js';
import { add, addOneOff, METRICS as M, T_UNREGISTERED, yearOfDay } from './ledger.js';
import { closeSegment, milesBetween, placeWith, requestFor, rulesFor } from './placement.js';
import { fallback, findPlacement } from './search.js';
import type { ReplicationState } from './state.js';

const NEED_STANDARD = NEEDS.indexOf('standard');
const NEED_COMPLEX = NEEDS.indexOf('complex');
const FOSTER_MASK = (1 << PLACEMENT_TYPES.indexOf('inHouseFoster')) | (1 << PLACEMENT_TYPES.indexOf('ifa'));

export const onPlacementEnd = (st: ReplicationState, e: PlacementEnd, day: number): void => {
  const c = st.children[e.child]!;
  // Only the event scheduled for the current placement counts.
  if (!c.inCare || c.seq !== e.placement) return;
  const leaving = c.household;
  closeSegment(st, c, day, e.breakdown ? 'breakdown' : 'planned');
  if (e.breakdown) {
    add(st, yearOfDay(st, day), M.disruptions, 1);
    // The draw is made on every breakdown, whatever the child's need, to keep streams aligned.
    const escalate = c.rng.next() < st.rs.escalationToComplex;
    if (escalate && c.need === NEED_STANDARD && day - c.dobDay >= 10 * DAYS_PER_YEAR) c.need = NEED_COMPLEX;
  }
  findPlacement(st, [c], day, true, false, leaving);
};

export const onRetry = (st: ReplicationState, e: Retry, day: number): void => {
  const c = st.children[e.child]!;
  const inEmergencyBed = c.via === 'emergencyBed';
  if (!c.inCare || c.seq !== e.placement || (c.type !== T_UNREGISTERED && !inEmergencyBed)) return;
  const h = bestVacancy(rulesFor(st, c, day), requestFor(c, day, 1), st.households, (z) => milesBetween(st, c.homeZone, z), c.rng, undefined, st.vacant);
  if (h >= 0) {
    closeSegment(st, c, day, 'found');
    placeWith(st, c, day, h, { emergency: false, mismatch: false, isMove: true, via: 'match' });
  } else if (inEmergencyBed && day - c.placementStart >= st.rs.pools[st.households[c.household]!.pool]!.emergencyMaxStayDays) {
    // The emergency stay is over and nothing suitable came up: the usual fallback.
    closeSegment(st, c, day, 'planned');
    fallback(st, c, day, true, false);
  } else {
    const next = day + (inEmergencyBed ? 1 : st.rs.fallback.retryDays);
    if (next < Math.min(c.exitDay, st.horizon)) st.queue.push(next, retry(c.idx, c.seq));
  }
};

/** A settled child in residential care moves to a foster family if one suitable is free. */
export const onStepDown = (st: ReplicationState, e: StepDown, day: number): void => {
  const c = st.children[e.child]!;
  const sd = st.rs.effects.stepDown!;
  if (!c.inCare || c.seq !== e.placement || !sd.bands.includes(bandIndexAt(c.dobDay, day))) return;
  // Its own stream: a step-down review leaves the child's other draws (breakdowns) untouched.
  if (st.stepDownStream.next() >= sd.probability) return;
  const rules = rulesFor(st, c, day);
  const fosterOnly: MatchRules = { ...rules, allowedTypesMask: rules.allowedTypesMask.map((m) => m & FOSTER_MASK) };
  const h = bestVacancy(fosterOnly, requestFor(c, day, 1), st.households, (z) => milesBetween(st, c.homeZone, z), c.rng, undefined, st.vacant);
  if (h < 0) return;
  closeSegment(st, c, day, 'stepDown');
  placeWith(st, c, day, h, { emergency: false, mismatch: false, isMove: true, via: 'match' });
  add(st, yearOfDay(st, day), M.stepDowns, 1);
  addOneOff(st, day, sd.cost);
};
