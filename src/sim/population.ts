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
  const initialWeight = (c: SimChild, h: SimHousehold): number =>
    (locality === undefined ? h.free : h.free * locality[c.homeZone * nZones + h.zone]!);
  const order = initialOrder.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(init.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Scratch for one child's candidates: the second pass walks the same households in the same
  // order with the weights of the first, so the sums and the draw are those of a plain re-scan.
  const candId: number[] = [];
  const candWeight: number[] = [];
  const candStrict: boolean[] = [];
  // Households of each type with a free place, in householdsOfType order: in this phase places
  // only fill (nothing leaves before the loop starts), so a full household is dropped for good and
  // the scans below see exactly the households a scan of every one of the type would keep.
  const openOfType = st.householdsOfType.map((ids) => ids.filter((id) => households[id]!.free > 0));
  for (const i of order) {
    const c = initialOrder[i]!;
    const { type, start, zone: presetZone } = initialPlacement[i]!;
    let household = NO_HOUSEHOLD;
    let relaxedInitial = false;
    let zone = presetZone;
    const ofType = st.householdsOfType[type]!;
    const open = openOfType[type]!;
    if (ofType.length > 0) {
      const req = requestFor(c, 0, 1);
      const needBit = 1 << c.need;
      let total = 0;
      let relaxed = 0;
      let n = 0;
      for (const id of open) {
        const h = households[id]!;
        const w = initialWeight(c, h);
        const ok = req.ageYears >= h.ageMin && req.ageYears <= h.ageMax && (h.needsMask & needBit) !== 0;
        candId[n] = id;
        candWeight[n] = w;
        candStrict[n] = ok;
        n++;
        relaxed += w;
        if (ok) total += w;
      }
      const strict = total > 0;
      const pool = strict ? total : relaxed;
      if (pool > 0) {
        let u = init.next() * pool;
        for (let k = 0; k < n; k++) {
          if (strict && !candStrict[k]) continue;
          household = candId[k]! as HouseholdIndex; // the last candidate, should rounding leave u a hair above 0
          u -= candWeight[k]!;
          if (u < 0) break;
        }
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
    if (household >= 0 && households[household]!.free <= 0) open.splice(open.indexOf(household), 1);
    c.costFrom = 0;
  }
};
