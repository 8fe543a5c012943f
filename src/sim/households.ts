// Households: their places, the vacancy lists matching searches, and the cost of empty paid
// places (voids) and of per-household support, accrued whenever a household's free places change.
import { DAYS_PER_YEAR } from '../domain/time.js';
import type { HouseholdIndex } from '../scenario/resolved.js';
import { addWeekly, METRICS as M } from './ledger.js';
import type { ReplicationState, SimHousehold } from './state.js';

/** Cost the household's empty paid places up to `day`. */
export const accrueVoids = (st: ReplicationState, h: SimHousehold, day: number): void => {
  if (h.paidWhenEmpty && day > h.voidFrom) addWeekly(st, h.voidFrom, day, h.weeklyCost * h.free, h.type, [M.voidCosts, M.cost]);
  h.voidFrom = Math.max(h.voidFrom, day);
};

/** Cost the pool's per-household support (a hub, say) up to `day`. */
export const accrueSupport = (st: ReplicationState, h: SimHousehold, day: number): void => {
  const perYear = st.rs.pools[h.pool]!.costPerHouseholdPerYear;
  if (perYear > 0 && day > h.supportFrom) addWeekly(st, h.supportFrom, day, (perYear * 7) / DAYS_PER_YEAR, -1, [M.leverCosts, M.cost]);
  h.supportFrom = Math.max(h.supportFrom, day);
};

/** Set a household's free places from `day`, keeping its vacancy list (or the emergency beds') in step. */
export const setFree = (st: ReplicationState, h: SimHousehold, free: number, day: number): void => {
  accrueVoids(st, h, day);
  h.free = free;
  const list = h.emergencyOnly ? st.emergencyVacant : st.vacant;
  const vacantAt = st.vacantAt;
  const at = vacantAt[h.id]!;
  if (free > 0 && at < 0) {
    vacantAt[h.id] = list.length;
    list.push(h.id);
  } else if (free <= 0 && at >= 0) {
    const last = list.pop()!;
    if (last !== h.id) {
      list[at] = last;
      vacantAt[last] = at;
    }
    vacantAt[h.id] = -1;
  }
};

/** The fields of a new household that its pool or the scenario gives; the rest start fresh. */
export type NewHousehold = Omit<SimHousehold, 'id' | 'free' | 'approvedPlaces' | 'active' | 'external' | 'generation' | 'children' | 'emergencyOnly' | 'voidFrom' | 'supportFrom'>;

/** Add a household, open from `day` with all its places free; returns it. */
export const addHousehold = (st: ReplicationState, h: NewHousehold, day: number): SimHousehold => {
  const id = st.households.length as HouseholdIndex;
  const pool = st.rs.pools[h.pool]!;
  const added: SimHousehold = {
    id, pool: h.pool, type: h.type, zone: h.zone, places: h.places, approvedPlaces: h.places, free: 0, ageMin: h.ageMin, ageMax: h.ageMax,
    needsMask: h.needsMask, needCount: h.needCount, siblingCapacity: h.siblingCapacity, weeklyCost: h.weeklyCost,
    availableFromDay: h.availableFromDay, hub: h.hub, paidWhenEmpty: h.paidWhenEmpty, emergencyOnly: pool.emergencyMaxStayDays > 0,
    active: true, external: 0, generation: 0, children: [], voidFrom: day, supportFrom: day,
  };
  st.households.push(added);
  if (added.paidWhenEmpty || pool.costPerHouseholdPerYear > 0) st.costedHouseholds.push(id);
  st.vacantAt.push(-1);
  setFree(st, added, h.places, day);
  st.householdsOfType[h.type]!.push(id);
  return added;
};
