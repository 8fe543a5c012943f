// The year-end snapshot: the state at the end of 31 March — children in care by age band, need
// and placement type, distance, stability, costs accrued to the day, supply by segment,
// occupancy and voids — written into the year's metric row.
import { DAYS_PER_YEAR } from '../domain/time.js';
import { OVER_20_MILES } from '../domain/geography.js';
import { METRIC_COUNT } from '../domain/metricCatalog.js';
import type { YearEnd } from './events.js';
import { bandIndexAt } from './hazards.js';
import { accrueSupport, accrueVoids } from './households.js';
import { accrueChild, CARER_TYPE_INDICES, METRICS as M } from './ledger.js';
import type { ReplicationState, SimHousehold } from './state.js';

/**
 * The segments a household's places serve depend only on what it is (type, ages, needs), not on
 * the day once it is available: each is looked up once, the first year end it is open. Households
 * serving the same segments form a group (a handful per scenario), so the year end adds places up
 * by group and spreads each group's totals over its segments once.
 */
const segmentGroupOf = (st: ReplicationState, h: SimHousehold, day: number): number => {
  const groups = st.segmentGroups;
  const known = groups.ofHousehold[h.id];
  if (known !== undefined) return known;
  const mask = groups.suitableSegmentsOf(h, day);
  let g = groups.masks.indexOf(mask);
  if (g < 0) {
    g = groups.masks.push(mask) - 1;
    groups.free.push(0);
    groups.places.push(0);
  }
  if (h.availableFromDay <= day) groups.ofHousehold[h.id] = g;
  return g;
};

/** Supply by segment: each open household's places (and free ones) in every segment it serves. */
const supplyBySegment = (st: ReplicationState, day: number, base: number): void => {
  const { rows } = st;
  const { free, places, masks } = st.segmentGroups;
  // Emergency-only beds are left out: matching does not search them, they are a fallback.
  free.fill(0);
  places.fill(0);
  for (const h of st.households) {
    if (!h.active || h.emergencyOnly) continue;
    const g = segmentGroupOf(st, h, day);
    free[g] = free[g]! + h.free;
    places[g] = places[g]! + h.places;
  }
  masks.forEach((groupMask, g) => {
    let mask = groupMask;
    for (let s = 0; mask !== 0; s++, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      rows[base + M.suitableSeg[s]!]! += free[g]!;
      rows[base + M.placesSeg[s]!]! += places[g]!;
    }
  });
};

export const onYearEnd = (st: ReplicationState, e: YearEnd): void => {
  const { rs, rows, households, trace } = st;
  const k = e.year;
  const y = st.years[k]!;
  const day = y.endDay; // state at the end of 31 March
  const base = k * METRIC_COUNT;
  const miles: number[] = [];
  let n = 0, over20 = 0, outside = 0, threePlus = 0, ltsDen = 0, ltsNum = 0;
  for (const c of st.children) {
    if (!c.inCare) continue;
    n++;
    rows[base + M.byBand[bandIndexAt(c.dobDay, day)]!]! += 1;
    rows[base + M.byNeed[c.need]!]! += 1;
    rows[base + M.byType[c.type]!]! += 1;
    miles.push(c.miles);
    if (c.miles > OVER_20_MILES) over20++;
    if (!rs.zones[c.zone]!.inside) outside++;
    let placements = c.entryDay < y.startDay ? 1 : 0;
    for (const s of c.starts) if (s >= y.startDay && s <= day) placements++;
    if (placements >= 3) threePlus++;
    if (day - c.dobDay < 16 * DAYS_PER_YEAR && day - c.entryDay >= 2.5 * DAYS_PER_YEAR) {
      ltsDen++;
      if (day - c.placementStart >= 2 * DAYS_PER_YEAR) ltsNum++;
    }
    accrueChild(st, c, day + 1);
  }
  for (const id of st.costedHouseholds) {
    const h = households[id]!;
    if (!h.active) continue;
    accrueVoids(st, h, day + 1);
    accrueSupport(st, h, day + 1);
  }
  rows[base + M.cic] = n;
  rows[base + M.over20] = n > 0 ? over20 / n : Number.NaN;
  rows[base + M.outOfArea] = n > 0 ? outside / n : Number.NaN;
  miles.sort((a, b) => a - b);
  rows[base + M.medianMiles] = n === 0 ? Number.NaN
    : n % 2 === 1 ? miles[(n - 1) / 2]! : (miles[n / 2 - 1]! + miles[n / 2]!) / 2;
  rows[base + M.threePlus] = n > 0 ? threePlus / n : Number.NaN;
  rows[base + M.stability] = ltsDen > 0 ? ltsNum / ltsDen : Number.NaN;
  const weeks = rows[base + M.childWeeks]!;
  const placementCost = rows[base + M.cost]! - rows[base + M.moveCosts]! - rows[base + M.voidCosts]! - rows[base + M.leverCosts]!;
  rows[base + M.costPerChildWeek] = weeks > 0 ? placementCost / weeks : Number.NaN;
  supplyBySegment(st, day, base);
  if (trace) trace.yearEndFree.push(households.map((h) => h.free));
  CARER_TYPE_INDICES.forEach((t, i) => {
    let places = 0, filled = 0, voids = 0;
    for (const id of st.householdsOfType[t]!) {
      const h = households[id]!;
      if (!h.active) continue;
      places += h.places;
      filled += h.places - h.free;
      if (h.paidWhenEmpty) voids += h.free;
    }
    rows[base + M.occupancy[i]!] = places > 0 ? filled / places : Number.NaN;
    rows[base + M.voids[i]!] = voids;
  });
};
