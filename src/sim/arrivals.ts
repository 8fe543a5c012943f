// Arrivals: children entering care (Poisson arrivals per age band × need, with a trend, levers and
// sibling groups) and the route or search that places them; and other authorities' children
// occupying local IFA and residential places (external demand).
import { DAYS_PER_YEAR } from '../domain/time.js';
import type { SimDay } from '../domain/units.js';
import { AGE_BANDS, NEEDS } from '../domain/vocabulary.js';
import { exponential } from '../random/distributions.js';
import { entityStreamOf } from '../random/rng.js';
import { bandAgeDays, newChild } from './children.js';
import { entry, exit, externalArrive, externalLeave, type Entry, type ExternalLeave } from './events.js';
import { bandIndexAt } from './hazards.js';
import { setFree } from './households.js';
import { add, METRICS as M, yearOfDay } from './ledger.js';
import { place } from './placement.js';
import { findPlacement } from './search.js';
import { NO_HOUSEHOLD, pick, streamOf, type ReplicationState, type SimChild, type SimHousehold } from './state.js';

/** Thinning headroom: entry candidates are drawn at twice the rate, so a lever can scale a rate by up
 * to 2 without changing the candidate times (common random numbers for prevention levers). */
const ENTRY_HEADROOM = 2;

/**
 * Draw every entry to care of the horizon. Each age band × need cell has its own stream; arrivals
 * follow a Poisson process whose rate grows by `entryTrend` a year, sampled by thinning so the
 * candidate times do not depend on it. Rates count children: where sibling groups can arrive,
 * arrivals are fewer by the mean group size.
 */
export const scheduleEntries = (st: ReplicationState): void => {
  const { rs, horizon } = st;
  const drawSiblings = pick(rs.siblingSizes);
  const sizeTotal = rs.siblingSizes.weights.reduce((a, w) => a + w, 0);
  const meanGroup = rs.siblingSizes.indices.reduce((a, n, i) => a + (n * rs.siblingSizes.weights[i]!) / sizeTotal, 0);
  const childrenPerGroupArrival = 1 + rs.siblingShare * (meanGroup - 1);
  rs.entryCells.forEach((cell, ci) => {
    const s = streamOf(st, `entries/${AGE_BANDS[cell.ageBand]}/${NEEDS[cell.need]}/${ci}`);
    const growth = Math.log(1 + rs.entryTrend) / DAYS_PER_YEAR;
    const canBeGroup = cell.ageBand < 4 && NEEDS[cell.need] === 'standard';
    const arrivalsPerDay = cell.perYear / DAYS_PER_YEAR / (canBeGroup ? childrenPerGroupArrival : 1);
    const maxRate = arrivalsPerDay * Math.max(1, Math.exp(growth * horizon)) * ENTRY_HEADROOM;
    if (!(maxRate > 0)) return;
    const factorAt = (day: number): number => {
      let f = 1;
      for (let i = 0; i < cell.factorFromDay.length; i++) if (day >= cell.factorFromDay[i]!) f = cell.factor[i]!;
      return f;
    };
    const [lower, upper] = bandAgeDays(cell.ageBand);
    let t = 0;
    for (;;) {
      t += exponential(s, maxRate);
      if (t >= horizon) break;
      const accept = s.next();
      const ageU = s.next();
      const homeU = s.next();
      const groupU = s.next();
      const sizeU = s.next();
      // The candidate's own stream is seeded whether it is kept or not, so the cell's stream
      // gives every candidate the same draws: a lever that drops some (prevention) keeps the
      // others, their children and everything they draw exactly as in the base.
      const w0 = s.next();
      const w1 = s.next();
      const w2 = s.next();
      if (accept * maxRate > arrivalsPerDay * Math.exp(growth * t) * factorAt(t)) continue;
      const cs = entityStreamOf(w0, w1, w2);
      const day = Math.floor(t) as SimDay;
      const homeZone = st.drawHome({ next: () => homeU });
      const size = canBeGroup && groupU < rs.siblingShare ? drawSiblings({ next: () => sizeU }) : 1;
      const gid = size > 1 ? st.groupId++ : -1;
      const group: SimChild[] = [];
      for (let g = 0; g < size; g++) {
        const ageDays = Math.floor(lower + (g === 0 ? ageU : cs.next()) * (upper - lower));
        group.push(newChild(st, cs, (day - ageDays) as SimDay, cell.need, homeZone, gid, day, day, false));
      }
      st.queue.push(day, entry(group[0]!.idx, size));
    }
  });
};

/** A child or sibling group enters care: a direct route (connected care, say) or a search. */
export const onEntry = (st: ReplicationState, e: Entry, day: number): void => {
  const { rs, horizon } = st;
  const group: SimChild[] = [];
  for (let g = 0; g < e.size; g++) group.push(st.children[e.firstChild + g]!);
  const k = yearOfDay(st, day);
  for (const c of group) {
    c.inCare = true;
    c.entered = true;
    add(st, k, M.starts, 1);
    st.startsSoFar++;
    if (c.exitDay < horizon) st.queue.push(c.exitDay, exit(c.idx));
  }
  const lead = group[0]!;
  const band = bandIndexAt(lead.dobDay, day);
  const route = rs.routes[band]!;
  let u = lead.routeDraw;
  for (let i = 0; i < route.types.length; i++) {
    if (u < route.probs[i]!) {
      const type = route.types[i]!;
      const zd = st.routeZoneDraw[type];
      for (const c of group) {
        const zone = zd === undefined ? c.homeZone : zd(c.rng);
        place(st, c, day, type, NO_HOUSEHOLD, zone, rs.weeklyCost[type]!, { emergency: false, mismatch: false, isMove: false, via: 'route' });
      }
      return;
    }
    u -= route.probs[i]!;
  }
  findPlacement(st, group, day, false, lead.emergencyAtEntry);
};

/** Another authority's child (flow `i`) takes a free place, drawn in proportion to free places. */
export const occupyExternal = (st: ReplicationState, i: number, day: number): void => {
  const x = st.rs.external[i]!;
  const s = st.externalStreams[i]!;
  // Other authorities do not take places this authority pays for whether used or not.
  const fits = (h: SimHousehold): boolean =>
    h.type === x.type && h.free > 0 && !h.paidWhenEmpty && (x.pools === undefined || x.pools.includes(h.pool));
  // The households that fit, kept from the first pass: nothing changes before the second walks
  // them in the same order, so the sum and the choice are those of a second scan of every vacancy.
  const fitting = st.scratch;
  let n = 0;
  let total = 0;
  for (const id of st.vacant) {
    const h = st.households[id]!;
    if (fits(h)) {
      total += h.free;
      fitting[n++] = id;
    }
  }
  const u = s.next() * total;
  const stay = exponential(s, 1 / x.meanStayDays);
  if (total <= 0) return; // no room: the other authority looks elsewhere
  let left = u;
  for (let k = 0; k < n; k++) {
    const h = st.households[fitting[k]!]!;
    left -= h.free;
    if (left < 0) {
      setFree(st, h, h.free - 1, day);
      h.external++;
      const leave = day + Math.max(1, Math.floor(stay));
      if (leave < st.horizon) st.queue.push(leave, externalLeave(h.id, h.generation));
      return;
    }
  }
};

/** External demand: the places occupied at the start, then arrivals over the horizon. */
export const scheduleExternalDemand = (st: ReplicationState): void => {
  st.rs.external.forEach((x, i) => {
    const s = st.externalStreams[i]!;
    const initial = Math.round((x.perYear * x.meanStayDays) / DAYS_PER_YEAR);
    for (let j = 0; j < initial; j++) occupyExternal(st, i, 0);
    let t = 0;
    for (;;) {
      t += exponential(s, x.perYear / DAYS_PER_YEAR);
      if (t >= st.horizon) break;
      st.queue.push(Math.floor(t), externalArrive(i));
    }
  });
};

export const onExternalLeave = (st: ReplicationState, e: ExternalLeave, day: number): void => {
  const h = st.households[e.household]!;
  if (h.active && h.generation === e.generation && h.external > 0) {
    h.external--;
    setFree(st, h, h.free + 1, day);
  }
};
