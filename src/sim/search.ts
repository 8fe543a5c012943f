// The search for a placement: the best suitable vacancy under the matching rules (a sibling
// group together where a household can take them all), else a shortfall and the fallbacks — an
// emergency bed, then the scenario's steps (relax the need, a spot purchase), else unregistered.
import { bestVacancy } from '../matching/rules/bestVacancy.js';
import { bandIndexAt } from './hazards.js';
import { add, METRICS as M, T_UNREGISTERED, yearOfDay } from './ledger.js';
import { milesBetween, place, placeWith, requestFor, rulesFor } from './placement.js';
import { NO_HOUSEHOLD, type ReplicationState, type SimChild } from './state.js';

/** One placement search by child `c` on `day`, in its age band and need of that day. */
const countSearch = (st: ReplicationState, c: SimChild, day: number): void =>
  add(st, yearOfDay(st, day), M.searchSeg[bandIndexAt(c.dobDay, day)]![c.need]!, 1);

/**
 * Match one child or a sibling group (all placed together where a household can take them).
 * `leaving` is the household a moving child has just left: never a candidate, as going back to
 * the same carer the same day is no change of placement (DfE) but would count as a move.
 */
export const findPlacement = (st: ReplicationState, group: SimChild[], day: number, isMove: boolean, emergency: boolean, leaving = -1): void => {
  const lead = group[0]!;
  const milesTo = (z: number): number => milesBetween(st, lead.homeZone, z);
  const req = requestFor(lead, day, group.length);
  const rules = rulesFor(st, lead, day);
  const h = bestVacancy(rules, req, st.households, milesTo, lead.rng, undefined, st.vacant, leaving);
  if (h < 0 && group.length > 1) {
    for (const c of group) findPlacement(st, [c], day, isMove, emergency, leaving); // siblings placed apart
    return;
  }
  // A search is counted once per child, where it ends: placed (with the group) or a shortfall.
  // A sibling group not placed together is searched for again child by child, and counted there.
  if (h >= 0) {
    for (const c of group) {
      countSearch(st, c, day);
      placeWith(st, c, day, h, { emergency, mismatch: false, isMove, via: 'match' });
    }
    return;
  }
  // No suitable vacancy: a sufficiency shortfall for this child's segment.
  const k = yearOfDay(st, day);
  countSearch(st, lead, day);
  add(st, k, M.shortfalls, 1);
  add(st, k, M.shortfallSeg[bandIndexAt(lead.dobDay, day)]![lead.need]!, 1);
  // An emergency bed first, if the authority has one free that takes the child's age.
  for (const id of st.emergencyVacant) {
    const e = st.households[id]!;
    if (id !== leaving && e.free > 0 && req.ageYears >= e.ageMin && req.ageYears <= e.ageMax && e.availableFromDay <= day) {
      place(st, lead, day, e.type, id, e.zone, e.weeklyCost, { emergency, mismatch: false, isMove, via: 'emergencyBed' });
      return;
    }
  }
  fallback(st, lead, day, isMove, emergency, leaving);
};

/** The scenario's fallback steps, in order; `unregistered` when none succeeds. */
export const fallback = (st: ReplicationState, lead: SimChild, day: number, isMove: boolean, emergency: boolean, leaving = -1): void => {
  const rs = st.rs;
  const req = requestFor(lead, day, 1);
  const rules = rulesFor(st, lead, day);
  const milesTo = (z: number): number => milesBetween(st, lead.homeZone, z);
  for (const step of rs.fallback.steps) {
    if (step === 'relaxNeeds') {
      const h = bestVacancy(rules, req, st.households, milesTo, lead.rng, { ignoreNeed: true }, st.vacant, leaving);
      if (h >= 0) {
        placeWith(st, lead, day, h, { emergency, mismatch: true, isMove, via: 'relaxNeeds' });
        return;
      }
    } else if (step === 'spot') {
      const spotType = rs.fallback.spotType[lead.need];
      if (spotType !== undefined && lead.rng.next() < rs.fallback.spotAvailability) {
        const zone = st.drawSpotZone(lead.rng);
        place(st, lead, day, spotType, NO_HOUSEHOLD, zone, rs.weeklyCost[spotType]! * rs.fallback.spotCostMultiplier, { emergency, mismatch: false, isMove, via: 'spot' });
        return;
      }
    } else break;
  }
  place(st, lead, day, T_UNREGISTERED, NO_HOUSEHOLD, st.drawSpotZone(lead.rng), rs.weeklyCost[T_UNREGISTERED]!, { emergency, mismatch: false, isMove, via: 'unregistered' });
};
