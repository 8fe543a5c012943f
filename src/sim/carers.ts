// Carers: households joining (the initial layout, homes opening on a lever's date, recruited
// carers approved after the assessment pipeline), each with a leaving date drawn as it joins,
// and deregistration, when the household's children must move.
import { DAYS_PER_YEAR } from '../domain/time.js';
import { exponential, timeToSpend, unitExponential } from '../random/distributions.js';
import type { PoolIndex } from '../scenario/resolved.js';
import { approve, deregister, open, type Approve, type Deregister, type Open } from './events.js';
import { accrueSupport, addHousehold, setFree, type NewHousehold } from './households.js';
import { addOneOff } from './ledger.js';
import { leaveCare } from './children.js';
import { closeSegment } from './placement.js';
import { findPlacement } from './search.js';
import { pick, streamOf, type ReplicationState } from './state.js';

/** A household joins on `day`; its leaving date is scheduled when it falls in the horizon. */
const join = (st: ReplicationState, h: NewHousehold, day: number): void => {
  addHousehold(st, h, day);
  const { rs, horizon } = st;
  const id = st.households.length - 1;
  const pool = rs.pools[h.pool]!;
  // Leaving date: one unit-exponential budget per household spent at the pool's rate, which a
  // retention or hub lever may scale from a date (the same budget, so the same household).
  const base = (pool.deregistrationPerYear / DAYS_PER_YEAR) * (h.hub ? rs.effects.hubDeregistrationMultiplier : 1);
  const changeDay = Math.max(day, pool.deregistrationMultiplierFromDay);
  const t = timeToSpend(unitExponential(st.deregStreams[h.pool]!), [day, changeDay], [changeDay, Number.POSITIVE_INFINITY], [base, base * pool.deregistrationMultiplier]);
  const leave = Math.min(Number.isFinite(t) ? Math.floor(t) : Number.POSITIVE_INFINITY, pool.closesDay);
  if (leave < horizon) st.queue.push(Math.max(leave, day + 1), deregister(id));
};

/** A household of the scenario, open from `day`. */
const joinScenarioHousehold = (st: ReplicationState, i: number, day: number): void => {
  const h = st.rs.households[i]!;
  join(st, {
    pool: h.pool, type: h.type, zone: h.zone, places: h.places, ageMin: h.ageMin, ageMax: h.ageMax,
    needsMask: h.needsMask, needCount: h.needCount, siblingCapacity: h.siblingCapacity, weeklyCost: h.weeklyCost,
    availableFromDay: day, hub: h.hub, paidWhenEmpty: h.paidWhenEmpty,
  }, day);
};

/** The scenario's households: open on the start date, or scheduled to open on their pool's date. */
export const layOutHouseholds = (st: ReplicationState): void => {
  st.rs.households.forEach((h, i) => {
    const opens = st.rs.pools[h.pool]!.opensDay;
    if (opens > 0) {
      if (opens < st.horizon) st.queue.push(opens, open(i));
      return;
    }
    joinScenarioHousehold(st, i, 0);
  });
};

export const onOpen = (st: ReplicationState, e: Open, day: number): void => joinScenarioHousehold(st, e.household, day);

/**
 * Recruitment: approvals arrive after the assessment pipeline; each new household's zone, size
 * and hub membership are drawn now from the pool's own stream.
 */
export const scheduleRecruitment = (st: ReplicationState): void => {
  st.rs.pools.forEach((pool, p) => {
    if (!(pool.recruitmentPerYear > 0)) return;
    const s = streamOf(st, `recruitment/${pool.id}`);
    const drawZone = pick(pool.zones);
    const drawPlaces = pick(pool.places);
    let t = Math.max(0, pool.recruitFromDay) + pool.pipelineDays;
    const until = Math.min(st.horizon, pool.recruitToDay, pool.closesDay);
    for (;;) {
      t += exponential(s, pool.recruitmentPerYear / DAYS_PER_YEAR);
      if (t >= until) break;
      st.approvals.push({ pool: p as PoolIndex, zone: drawZone(s), places: drawPlaces(s), hub: s.next() < pool.hubShare });
      st.queue.push(Math.floor(t), approve(st.approvals.length - 1));
    }
  });
};

export const onApprove = (st: ReplicationState, e: Approve, day: number): void => {
  const a = st.approvals[e.approval]!;
  const pool = st.rs.pools[a.pool]!;
  join(st, {
    pool: a.pool, type: pool.type, zone: a.zone, places: a.places, ageMin: pool.ageMin, ageMax: pool.ageMax,
    needsMask: pool.needsMask, needCount: pool.needCount, siblingCapacity: Math.min(a.places, pool.siblingCapacity ?? a.places),
    weeklyCost: pool.weeklyCost, availableFromDay: day, hub: a.hub, paidWhenEmpty: pool.paidWhenEmpty,
  }, day);
  addOneOff(st, day, pool.costPerApproval);
};

/** The household leaves: its children must move, other authorities' children go too. */
export const onDeregister = (st: ReplicationState, e: Deregister, day: number): void => {
  const h = st.households[e.household]!;
  if (!h.active) return;
  h.active = false;
  h.generation++;
  // A child whose care ends today leaves care from this household: no placement for a day that
  // is not one (found when the carer left on a young person's 18th birthday).
  const children = h.children.map((idx) => st.children[idx]!);
  const leaving = children.filter((c) => c.exitDay === day);
  const moving = children.filter((c) => c.exitDay !== day);
  for (const c of leaving) leaveCare(st, c, day);
  for (const c of moving) closeSegment(st, c, day, 'carerLeft');
  accrueSupport(st, h, day);
  setFree(st, h, 0, day);
  h.places = 0;
  h.external = 0;
  for (const c of moving) findPlacement(st, [c], day, true, false);
};
