// The starting population: the children in care on the start date, each with an age, a home, a
// time in care and a placement history drawn so that year-based measures are right from the first
// year, then placed in random order with households of their recorded placement type.
import type { SimDay } from '../domain/units.js';
import { exponential } from '../random/distributions.js';
import { bandAgeDays, newChild } from './children.js';
import { exit } from './events.js';
import { T_UNREGISTERED } from './ledger.js';
import { place, requestFor } from './placement.js';
import type { HouseholdIndex, PlacementTypeIndex, ZoneIndex } from '../scenario/resolved.js';
import { NO_HOUSEHOLD, pick, streamOf, type ReplicationState, type SimChild, type SimHousehold } from './state.js';

export const placeStartingPopulation = (st: ReplicationState): void => {
  const { rs, households, horizon } = st;
  const init = streamOf(st, 'initial-population');
  const drawHistory = pick(rs.historyPlacements);
  const initialOrder: SimChild[] = [];
  const initialPlacement: { type: PlacementTypeIndex; start: number; zone: ZoneIndex }[] = [];
  for (const spec of rs.initialChildren) {
    const [lower, upper] = bandAgeDays(spec.ageBand);
    const ageDays = spec.ageDays ?? Math.floor(lower + init.next() * (upper - lower));
    const dobDay = -ageDays as SimDay;
    const homeZone = spec.homeZone ?? st.drawHome(init);
    const inCareDays = Math.min(ageDays, Math.floor(exponential(init, 1 / rs.meanDaysInCare[spec.ageBand]!)));
    const entryDay = spec.entryDay ?? (-inCareDays as SimDay);
    const c = newChild(st, init, dobDay, spec.need, homeZone, -1, entryDay, 0 as SimDay, true);
    const k = Math.max(1, spec.placementsInLast12Months ?? drawHistory(init));
    // Placement history: k placements overlapping the last 365 days, the current one last. A
    // child with one placement has been in it since entry or, after earlier moves, for a year
    // plus an exponential time with the mean time in care of the age band (capped at entry).
    const windowStart = Math.max(-365, entryDay);
    const settled = -365 - Math.floor(exponential(init, 1 / rs.meanDaysInCare[spec.ageBand]!));
    const current = spec.placementStartDay ?? (k === 1
      ? Math.max(entryDay, Math.min(settled, 0))
      : Math.floor(windowStart + init.next() * -windowStart));
    const earlier: number[] = [];
    for (let j = 1; j < k; j++) {
      earlier.push(j === 1 && entryDay < -365 ? Math.floor(entryDay + init.next() * (-365 - entryDay)) : Math.floor(windowStart + init.next() * (current - windowStart)));
    }
    earlier.sort((a, b) => a - b);
    c.starts.push(...earlier, current);
    c.inCare = true;
    c.entered = true;
    initialOrder.push(c);
    st.initialInCare++;
    if (c.exitDay < horizon) st.queue.push(c.exitDay, exit(c.idx));
    initialPlacement.push({ type: spec.placementType, start: current, zone: spec.placementZone ?? (-1 as ZoneIndex) }); // -1: drawn below
  }
  // Place the starting population in random order, each child with a household of its recorded
  // type drawn in proportion to free places, weighted by exp(−miles / initialLocalityMiles) when
  // the scenario sets it: the matching places new children near home, and a starting population
  // placed without regard to distance would drift towards it (the past is not re-optimised).
  const locality = rs.initialLocality;
  const nZones = st.nZones;
  const order = initialOrder.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(init.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Households of each type with a free place, in householdsOfType order, as columns: in this
  // phase places only fill (nothing leaves before the loop starts), so a full household is dropped
  // for good and the scans below see exactly the households a scan of every one of the type would
  // keep, and add the same weights in the same order.
  const openOfType = st.householdsOfType.map((ids) => openHouseholds(households, ids));
  // Scratch for one child's candidates: the draw walks them again with the weights and
  // eligibility of the first pass.
  const most = Math.max(1, ...openOfType.map((o) => o.n));
  const candWeight = new Float64Array(most);
  const candStrict = new Uint8Array(most);
  for (const i of order) {
    const c = initialOrder[i]!;
    const { type, start, zone: presetZone } = initialPlacement[i]!;
    let household = NO_HOUSEHOLD;
    let drawn = -1;
    let relaxedInitial = false;
    let zone = presetZone;
    const ofType = st.householdsOfType[type]!;
    const open = openOfType[type]!;
    if (ofType.length > 0) {
      const ageYears = requestFor(c, 0, 1).ageYears;
      const needBit = 1 << c.need;
      const base = c.homeZone * nZones;
      let total = 0;
      let relaxed = 0;
      for (let k = 0; k < open.n; k++) {
        const w = locality === undefined ? open.free[k]! : open.free[k]! * locality[base + open.zone[k]!]!;
        const ok = ageYears >= open.ageMin[k]! && ageYears <= open.ageMax[k]! && (open.needs[k]! & needBit) !== 0;
        candWeight[k] = w;
        candStrict[k] = ok ? 1 : 0;
        relaxed += w;
        if (ok) total += w;
      }
      const strict = total > 0;
      const pool = strict ? total : relaxed;
      if (pool > 0) {
        let u = init.next() * pool;
        for (let k = 0; k < open.n; k++) {
          if (strict && candStrict[k] === 0) continue;
          drawn = k; // the last candidate, should rounding leave u a hair above 0
          u -= candWeight[k]!;
          if (u < 0) break;
        }
        household = open.id[drawn]! as HouseholdIndex;
        relaxedInitial = !strict;
      }
    }
    if (household >= 0) zone = households[household]!.zone;
    else if (zone < 0) {
      const zd = st.routeZoneDraw[type];
      zone = ofType.length > 0 || type === T_UNREGISTERED ? st.drawSpotZone(init) : zd === undefined ? c.homeZone : zd(init);
    }
    const weekly = household >= 0 ? households[household]!.weeklyCost : rs.weeklyCost[type]!;
    place(st, c, start, type, household, zone, weekly, {
      emergency: false, mismatch: false, isMove: false, history: true, via: relaxedInitial ? 'initial' : household >= 0 ? 'match' : 'initial',
    });
    if (drawn >= 0) {
      const left = households[household]!.free;
      if (left > 0) open.free[drawn] = left;
      else dropOpen(open, drawn);
    }
    c.costFrom = 0;
  }
};

/** The households of one type with a free place (in the type's order), as columns the initial draw scans. */
interface OpenHouseholds {
  n: number;
  readonly id: Int32Array;
  readonly zone: Int32Array;
  readonly ageMin: Float64Array;
  readonly ageMax: Float64Array;
  readonly needs: Int32Array;
  readonly free: Float64Array;
}

const openHouseholds = (households: readonly SimHousehold[], ids: readonly HouseholdIndex[]): OpenHouseholds => {
  const o: OpenHouseholds = {
    n: 0, id: new Int32Array(ids.length), zone: new Int32Array(ids.length), ageMin: new Float64Array(ids.length),
    ageMax: new Float64Array(ids.length), needs: new Int32Array(ids.length), free: new Float64Array(ids.length),
  };
  for (const id of ids) {
    const h = households[id]!;
    if (h.free <= 0) continue;
    const k = o.n++;
    o.id[k] = id;
    o.zone[k] = h.zone;
    o.ageMin[k] = h.ageMin;
    o.ageMax[k] = h.ageMax;
    o.needs[k] = h.needsMask;
    o.free[k] = h.free;
  }
  return o;
};

/** Remove row `k`, keeping the order of the rest. */
const dropOpen = (o: OpenHouseholds, k: number): void => {
  for (const column of [o.id, o.zone, o.ageMin, o.ageMax, o.needs, o.free]) column.copyWithin(k, k + 1, o.n);
  o.n--;
};
