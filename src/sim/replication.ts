// One replication: a discrete-event simulation of individual children and carer households
// at daily resolution, from the start date to the last 31 March of the horizon. Pure: the same
// resolved scenario, seed and replication index give the same rows, in any process.
import { AGE_BANDS, AGE_BAND_LOWER_YEARS, CARE_LEAVING_AGE_YEARS, NEEDS, PLACEMENT_TYPES, type ExitReason } from '../domain/vocabulary.js';
import { financialYearsFrom, type FinancialYear } from '../domain/time.js';
import { OVER_20_MILES } from '../domain/geography.js';
import { bestVacancy } from '../matching/bestVacancy.js';
import type { MatchRequest, MatchRules } from '../matching/types.js';
import { METRIC_COUNT, metricIndex } from '../metrics/catalog.js';
import { categorical, exponential, timeToSpend, unitExponential } from '../random/distributions.js';
import { entityStream, processStream, type Rng } from '../random/rng.js';
import type { ResolvedScenario, WeightedIndices } from '../scenario/resolved.js';
import { EventQueue } from './eventQueue.js';
import { bandAndStepHazardTime, bandIndexAt, eighteenthBirthday, exitHazardTime, withFactorForFirstDays } from './hazards.js';
import type { PlacementSegment, SimChild, SimHousehold } from './state.js';
import { cachedSuitableSegments } from './suitableSegments.js';

export interface ReplicationOptions {
  readonly seed: number;
  readonly replication: number;
  readonly years: number;
  /** Keep every placement segment and daily counts, for tests. */
  readonly trace?: boolean;
}

export interface ReplicationTrace {
  readonly segments: PlacementSegment[];
  /** Per simulated day: children in care at the end of the day, starts and ceases so far. */
  readonly daily: { inCare: number; initial: number; starts: number; ceases: number }[];
  /** Violations of model laws seen while running (empty when all is well). */
  readonly violations: string[];
  /** Per household: places and id, to check capacity from the segments. */
  readonly households: readonly {
    readonly places: number; readonly ageMin: number; readonly ageMax: number; readonly needsMask: number; readonly type: number;
    readonly availableFromDay: number; readonly emergencyOnly: boolean;
  }[];
  /** Per financial year: free places by household id at the end of 31 March (0 for a household that has left; households opened later are missing). */
  readonly yearEndFree: number[][];
  /** Per child: entry and exit day (exit beyond the horizon when still in care), birth day, home zone, need at the end, exit reason; `entered` false for children whose entry falls after the horizon. */
  readonly children: readonly {
    readonly entryDay: number; readonly exitDay: number; readonly initial: boolean; readonly entered: boolean;
    readonly dobDay: number; readonly homeZone: number; readonly exitReason: ExitReason; readonly need: number;
  }[];
}

export interface ReplicationResult {
  /** years × METRIC_COUNT, row-major by financial year. */
  readonly rows: Float64Array;
  readonly events: number;
  readonly trace?: ReplicationTrace;
}

// Event kinds; the priority orders events on the same day (year-end snapshots come first:
// they describe the end of the previous day).
const YEAR_END = 0, ENTRY = 1, EXIT = 2, PLACEMENT_END = 3, RETRY = 4, DEREGISTER = 5, APPROVE = 6,
  EXTERNAL_ARRIVE = 7, EXTERNAL_LEAVE = 8, OPEN = 9, STEP_DOWN = 10;
/** Thinning headroom: entry candidates are drawn at twice the rate, so a lever can scale a rate by up
 * to 2 without changing the candidate times (common random numbers for prevention levers). */
const ENTRY_HEADROOM = 2;
const END_BREAKDOWN = 0, END_PLANNED = 1;

const DAYS_PER_YEAR = 365.25;
const BANDS = AGE_BANDS.length;
const T_UNREGISTERED = PLACEMENT_TYPES.indexOf('unregistered');
const RESIDENTIAL_MASK = (1 << PLACEMENT_TYPES.indexOf('residentialInHouse')) | (1 << PLACEMENT_TYPES.indexOf('residentialPrivate'));
const FOSTER_MASK = (1 << PLACEMENT_TYPES.indexOf('inHouseFoster')) | (1 << PLACEMENT_TYPES.indexOf('ifa'));

const M = {
  cic: metricIndex('childrenInCare'),
  byBand: AGE_BANDS.map((b) => metricIndex(`childrenInCareByAgeBand.${b}`)),
  byNeed: NEEDS.map((n) => metricIndex(`childrenInCareByNeed.${n}`)),
  byType: PLACEMENT_TYPES.map((p) => metricIndex(`childrenInCareByPlacementType.${p}`)),
  starts: metricIndex('starts'),
  ceases: metricIndex('ceases'),
  over20: metricIndex('placedOver20Miles'),
  outOfArea: metricIndex('outOfArea'),
  medianMiles: metricIndex('medianDistanceMiles'),
  shortfalls: metricIndex('shortfalls'),
  shortfallSeg: AGE_BANDS.map((b) => NEEDS.map((n) => metricIndex(`shortfallsBySegment.${b}.${n}`))),
  searchSeg: AGE_BANDS.map((b) => NEEDS.map((n) => metricIndex(`placementSearchesBySegment.${b}.${n}`))),
  // By segment index (band × need), for the year-end loop over a household's segment mask.
  suitableSeg: AGE_BANDS.flatMap((b) => NEEDS.map((n) => metricIndex(`suitableVacanciesBySegment.${b}.${n}`))),
  placesSeg: AGE_BANDS.flatMap((b) => NEEDS.map((n) => metricIndex(`placesBySegment.${b}.${n}`))),
  unregistered: metricIndex('unregistered'),
  disruptions: metricIndex('disruptions'),
  moves: metricIndex('moves'),
  threePlus: metricIndex('threePlusPlacements'),
  stability: metricIndex('longTermStability'),
  cost: metricIndex('cost'),
  costByType: PLACEMENT_TYPES.map((p) => metricIndex(`costByPlacementType.${p}`)),
  moveCosts: metricIndex('moveCosts'),
  voidCosts: metricIndex('voidCosts'),
  leverCosts: metricIndex('leverCosts'),
  within20: metricIndex('childWeeksWithin20Miles'),
  stepDowns: metricIndex('stepDowns'),
  childWeeks: metricIndex('childWeeks'),
  costPerChildWeek: metricIndex('costPerChildWeek'),
  occupancy: ['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild'].map((c) => metricIndex(`occupancy.${c}`)),
  voids: ['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild'].map((c) => metricIndex(`voids.${c}`)),
};
const CARER_TYPE_INDICES = ['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild']
  .map((c) => PLACEMENT_TYPES.indexOf(c as (typeof PLACEMENT_TYPES)[number]));

/** Youngest and oldest age in days of an age band (ages are drawn uniformly between them). */
const bandAgeDays = (band: number): [number, number] => {
  const next = AGE_BANDS[band + 1];
  return [
    AGE_BAND_LOWER_YEARS[AGE_BANDS[band]!] * DAYS_PER_YEAR,
    (next === undefined ? CARE_LEAVING_AGE_YEARS : AGE_BAND_LOWER_YEARS[next]) * DAYS_PER_YEAR - 1,
  ];
};

const pick = (w: WeightedIndices): ((rng: Rng) => number) => {
  const draw = categorical(w.weights);
  return (rng) => w.indices[draw(rng)]!;
};

export const runReplication = (rs: ResolvedScenario, opts: ReplicationOptions): ReplicationResult => {
  const years: FinancialYear[] = financialYearsFrom(rs.startEpochDay, opts.years);
  const horizon = years[years.length - 1]!.endDay + 1; // first day not simulated
  const rows = new Float64Array(opts.years * METRIC_COUNT);
  const stream = (name: string): Rng => processStream(opts.seed, opts.replication, name);
  const queue = new EventQueue();
  const trace: ReplicationTrace | undefined = opts.trace
    ? { segments: [], daily: [], violations: [], households: [], children: [], yearEndFree: [] }
    : undefined;

  const nZones = rs.zones.length;
  const milesBetween = (a: number, b: number): number => rs.distance[a * nZones + b]!;
  const drawHome = pick(rs.homeZones);
  const drawSpotZone = pick(rs.fallback.spotZones);
  const routeZoneDraw = rs.routeZones.map((w) => (w === undefined ? undefined : pick(w)));
  const rulesByBand: MatchRules[] = rs.hierarchyRank.map((hierarchyRank) => ({ allowedTypesMask: rs.allowedTypesMask, hierarchyRank, weights: rs.weights }));
  const rulesFor = (c: SimChild, day: number): MatchRules => rulesByBand[bandIndexAt(c.dobDay, day)]!;
  const NEED_STANDARD = NEEDS.indexOf('standard');
  const NEED_COMPLEX = NEEDS.indexOf('complex');

  // Financial-year lookup for accrual; year 0 starts before day 0 (the start date is inside it).
  const yearOfDay = (day: number): number => {
    for (let k = 0; k < years.length; k++) if (day <= years[k]!.endDay) return k;
    return years.length;
  };
  const add = (year: number, metric: number, value: number): void => {
    if (year >= 0 && year < opts.years) rows[year * METRIC_COUNT + metric] = rows[year * METRIC_COUNT + metric]! + value;
  };
  const inflation = years.map((_, k) => Math.pow(1 + rs.annualInflation, k));
  // Price factor by year and placement type (market levers apply from 1 April of a year).
  const priceFactor = years.map((y) => {
    const f = new Float64Array(PLACEMENT_TYPES.length).fill(1);
    for (const c of rs.effects.priceChanges) if (c.fromDay <= Math.max(0, y.startDay)) c.factors.forEach((x, t) => (f[t] = f[t]! * x));
    return f;
  });
  /** Spread a weekly amount (start-date prices) over days [from, to), year by year, into metrics. */
  const addWeekly = (from: number, to: number, weekly: number, type: number, metrics: readonly number[]): void => {
    let d = Math.max(from, 0);
    while (d < to) {
      const k = yearOfDay(d);
      if (k >= years.length) break;
      const end = Math.min(to, years[k]!.endDay + 1);
      const pounds = (weekly * inflation[k]! * (type >= 0 ? priceFactor[k]![type]! : 1) * (end - d)) / 7;
      for (const m of metrics) add(k, m, pounds);
      d = end;
    }
  };
  const addOneOff = (day: number, pounds: number): void => {
    const k = yearOfDay(Math.max(day, 0));
    add(k, M.leverCosts, pounds * (inflation[k] ?? 1));
    add(k, M.cost, pounds * (inflation[k] ?? 1));
  };

  // ---- Households -------------------------------------------------------------------------
  const households: SimHousehold[] = [];
  const householdsOfType: number[][] = PLACEMENT_TYPES.map(() => []);
  // Households with at least one free place; most are full, so matching looks only at these.
  // Emergency beds are kept apart: they are used only as the first fallback.
  const vacant: number[] = [];
  const emergencyVacant: number[] = [];
  const vacantAt: number[] = [];
  // Households whose empty places or support are paid for: the only ones the year end must cost.
  const costedHouseholds: number[] = [];
  const accrueVoids = (h: SimHousehold, day: number): void => {
    if (h.paidWhenEmpty && day > h.voidFrom) addWeekly(h.voidFrom, day, h.weeklyCost * h.free, h.type, [M.voidCosts, M.cost]);
    h.voidFrom = Math.max(h.voidFrom, day);
  };
  const setFree = (h: SimHousehold, free: number, day: number): void => {
    accrueVoids(h, day);
    h.free = free;
    const list = h.emergencyOnly ? emergencyVacant : vacant;
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
  const accrueSupport = (h: SimHousehold, day: number): void => {
    const perYear = rs.pools[h.pool]!.costPerHouseholdPerYear;
    if (perYear > 0 && day > h.supportFrom) addWeekly(h.supportFrom, day, (perYear * 7) / DAYS_PER_YEAR, -1, [M.leverCosts, M.cost]);
    h.supportFrom = Math.max(h.supportFrom, day);
  };
  // Each pool's households are created in an order no child's fate can change (the initial
  // layout, then approvals in time order), so one stream per pool serves their leaving dates, and
  // a lever that adds or changes a pool leaves every other pool's draws as they were.
  const deregStreams = rs.pools.map((p) => stream(`deregistration/${p.id}`));
  const addHousehold = (
    h: Omit<SimHousehold, 'id' | 'free' | 'approvedPlaces' | 'active' | 'external' | 'generation' | 'children' | 'emergencyOnly' | 'voidFrom' | 'supportFrom'>, day: number,
  ): void => {
    const id = households.length;
    const pool = rs.pools[h.pool]!;
    const added: SimHousehold = {
      id, pool: h.pool, type: h.type, zone: h.zone, places: h.places, approvedPlaces: h.places, free: 0, ageMin: h.ageMin, ageMax: h.ageMax,
      needsMask: h.needsMask, needCount: h.needCount, siblingCapacity: h.siblingCapacity, weeklyCost: h.weeklyCost,
      availableFromDay: h.availableFromDay, hub: h.hub, paidWhenEmpty: h.paidWhenEmpty, emergencyOnly: pool.emergencyMaxStayDays > 0,
      active: true, external: 0, generation: 0, children: [], voidFrom: day, supportFrom: day,
    };
    households.push(added);
    if (added.paidWhenEmpty || pool.costPerHouseholdPerYear > 0) costedHouseholds.push(id);
    vacantAt.push(-1);
    setFree(added, h.places, day);
    householdsOfType[h.type]!.push(id);
    // Leaving date: one unit-exponential budget per household spent at the pool's rate, which a
    // retention or hub lever may scale from a date (the same budget, so the same household).
    const base = (pool.deregistrationPerYear / DAYS_PER_YEAR) * (h.hub ? rs.effects.hubDeregistrationMultiplier : 1);
    const changeDay = Math.max(day, pool.deregistrationMultiplierFromDay);
    const t = timeToSpend(unitExponential(deregStreams[h.pool]!), [day, changeDay], [changeDay, Number.POSITIVE_INFINITY], [base, base * pool.deregistrationMultiplier]);
    const leave = Math.min(Number.isFinite(t) ? Math.floor(t) : Number.POSITIVE_INFINITY, pool.closesDay);
    if (leave < horizon) queue.push(Math.max(leave, day + 1), 1, DEREGISTER, id, 0);
  };
  rs.households.forEach((h, i) => {
    const opens = rs.pools[h.pool]!.opensDay;
    if (opens > 0) {
      if (opens < horizon) queue.push(opens, 1, OPEN, i, 0);
      return;
    }
    addHousehold({
      pool: h.pool, type: h.type, zone: h.zone, places: h.places, ageMin: h.ageMin, ageMax: h.ageMax,
      needsMask: h.needsMask, needCount: h.needCount, siblingCapacity: h.siblingCapacity, weeklyCost: h.weeklyCost,
      availableFromDay: 0, hub: h.hub, paidWhenEmpty: h.paidWhenEmpty,
    }, 0);
  });

  // ---- Children ---------------------------------------------------------------------------
  const children: SimChild[] = [];
  let events = 0;
  let initialInCare = 0;
  let startsSoFar = 0;
  let ceasesSoFar = 0;

  const exitReasonDraw = rs.exitReasons.map((r) => categorical(r.weights));
  const newChild = (
    src: Rng, dobDay: number, need: number, homeZone: number, group: number, entryDay: number, from: number, initial: boolean,
  ): SimChild => {
    // Every per-child draw comes from the child's own stream, made in a fixed order.
    const rng = entityStream(src);
    const budget = unitExponential(rng);
    const reasonU = rng.next();
    const emergencyU = rng.next();
    const routeDraw = rng.next();
    const leave18 = eighteenthBirthday(dobDay, rs.startEpochDay);
    const t = exitHazardTime(budget, from, leave18, dobDay, entryDay, rs.exitHazards);
    const exitDay = Number.isFinite(t) ? Math.max(Math.floor(t), from + 1) : leave18;
    const band = bandIndexAt(dobDay, Math.min(exitDay, leave18 - 1));
    const r = rs.exitReasons[band]!;
    const exitReason: ExitReason = exitDay >= leave18 ? 'turned18' : r.reasons[exitReasonDraw[band]!({ next: () => reasonU })]!;
    const c: SimChild = {
      idx: children.length, dobDay, need, homeZone, group, initial, entryDay, exitDay, exitReason,
      emergencyAtEntry: emergencyU < rs.emergencyShare, routeDraw, rng, inCare: false, entered: false, via: 'match', isMove: false,
      type: -1, household: -1, zone: homeZone, miles: 0, placementStart: entryDay, seq: 0, weekly: 0, costFrom: from, starts: [],
    };
    children.push(c);
    return c;
  };

  // ---- Cost accrual -------------------------------------------------------------------------
  const accrue = (c: SimChild, until: number): void => {
    if (until > c.costFrom) {
      addWeekly(c.costFrom, until, c.weekly, c.type, [M.cost, M.costByType[c.type]!]);
      // Child-weeks are counted with a weekly "amount" of 1 at no inflation or price change.
      let d = c.costFrom;
      while (d < until) {
        const k = yearOfDay(d);
        if (k >= years.length) break;
        const end = Math.min(until, years[k]!.endDay + 1);
        const weeks = (end - d) / 7;
        add(k, M.childWeeks, weeks);
        if (c.type === T_UNREGISTERED) add(k, M.unregistered, weeks);
        if (c.miles <= OVER_20_MILES) add(k, M.within20, weeks);
        d = end;
      }
    }
    c.costFrom = Math.max(c.costFrom, until);
  };

  const closeSegment = (c: SimChild, day: number, ended: PlacementSegment['ended']): void => {
    accrue(c, day);
    if (trace && c.type >= 0) {
      trace.segments.push({
        child: c.idx, type: c.type, household: c.household, weekly: c.weekly, from: c.placementStart, to: day, need: c.need,
        ageYears: ageYearsAt(c, c.placementStart), isMove: c.isMove, via: c.via, zone: c.zone, ended,
      });
    }
    if (c.household >= 0) {
      const h = households[c.household]!;
      setFree(h, h.free + 1, day);
      const at = h.children.indexOf(c.idx);
      if (at >= 0) h.children.splice(at, 1);
      if (trace && h.free > h.places) trace.violations.push(`household ${h.id} has more free places than places`);
    }
    c.household = -1;
  };

  // ---- Placements ---------------------------------------------------------------------------
  const ageYearsAt = (c: SimChild, day: number): number => Math.floor((day - c.dobDay) / DAYS_PER_YEAR);

  // An emergency factor limited to the placement's first `emergencyDays` is folded into its steps in time.
  const emergencyDays = rs.multipliers.emergencyDays;
  const emergencySteps = emergencyDays === undefined
    ? undefined
    : withFactorForFirstDays(rs.placementStepDays, rs.placementStepMultipliers, emergencyDays, rs.multipliers.emergency);

  const schedulePlacementEnd = (c: SimChild, day: number, emergency: boolean, mismatch: boolean): void => {
    const mult = rs.multipliers;
    let m = 1;
    if (c.miles > OVER_20_MILES) m *= mult.over20Miles;
    if (mismatch) m *= mult.needMismatch;
    if (emergency && emergencySteps === undefined) m *= mult.emergency;
    if (c.household >= 0 && households[c.household]!.hub) m *= mult.hub;
    const base = c.type * BANDS;
    const until = Math.min(c.exitDay, horizon);
    const steps = rs.placementStepDays;
    const mults = rs.placementStepMultipliers;
    const windowed = emergency ? emergencySteps : undefined;
    const tb = bandAndStepHazardTime(unitExponential(c.rng), day, until, c.dobDay, (b) => rs.breakdownPerDay[base + b]! * m, c.placementStart,
      windowed?.stepDays ?? steps, windowed?.multipliers ?? mults);
    const tp = bandAndStepHazardTime(unitExponential(c.rng), day, until, c.dobDay, (b) => rs.plannedPerDay[base + b]!, c.placementStart, steps, mults);
    const t = Math.min(tb, tp);
    if (Number.isFinite(t)) {
      // b carries the placement's sequence number and the kind of ending.
      queue.push(Math.max(day + 1, Math.floor(t)), 2, PLACEMENT_END, c.idx, c.seq * 2 + (tb <= tp ? END_BREAKDOWN : END_PLANNED));
    }
  };

  /** Put a child in a placement from `day`; the previous one must already be closed. */
  const place = (
    c: SimChild, day: number, type: number, household: number, zone: number, weekly: number,
    opts2: { emergency: boolean; mismatch: boolean; isMove: boolean; history?: boolean; via: PlacementSegment['via'] },
  ): void => {
    c.seq++;
    c.via = opts2.via;
    c.isMove = opts2.isMove;
    c.type = type;
    c.household = household;
    c.zone = zone;
    c.miles = milesBetween(c.homeZone, zone);
    c.placementStart = day;
    c.weekly = weekly + (rs.needUplift[c.need] ?? 0) * (type === T_UNREGISTERED ? 0 : 1);
    c.costFrom = Math.max(day, 0);
    if (!opts2.history) c.starts.push(day);
    if (household >= 0) {
      const h = households[household]!;
      setFree(h, h.free - 1, Math.max(day, 0));
      h.children.push(c.idx);
      if (trace && h.free < 0) trace.violations.push(`household ${h.id} over capacity on day ${day}`);
    }
    if (opts2.isMove && day >= 0) {
      const k = yearOfDay(day);
      add(k, M.moves, 1);
      add(k, M.moveCosts, rs.moveCost * (inflation[k] ?? 1));
      add(k, M.cost, rs.moveCost * (inflation[k] ?? 1));
    }
    if (type === T_UNREGISTERED || opts2.via === 'emergencyBed') {
      // Searching goes on: every day from an emergency bed, every `retryDays` when unregistered.
      const retry = day + (opts2.via === 'emergencyBed' ? 1 : rs.fallback.retryDays);
      if (retry < Math.min(c.exitDay, horizon)) queue.push(retry, 3, RETRY, c.idx, c.seq);
    } else {
      schedulePlacementEnd(c, Math.max(day, 0), opts2.emergency, opts2.mismatch);
      const sd = rs.effects.stepDown;
      if (sd !== undefined && ((1 << type) & RESIDENTIAL_MASK) !== 0) {
        const when = Math.max(day + sd.afterDays, sd.fromDay);
        if (when < Math.min(c.exitDay, horizon)) queue.push(when, 2, STEP_DOWN, c.idx, c.seq);
      }
    }
  };

  const requestFor = (c: SimChild, day: number, size: number): MatchRequest => ({
    ageYears: ageYearsAt(c, day), need: c.need, size, day,
  });

  /** One placement search by child `c` on `day`, in its age band and need of that day. */
  const countSearch = (c: SimChild, day: number): void => add(yearOfDay(day), M.searchSeg[bandIndexAt(c.dobDay, day)]![c.need]!, 1);

  /**
   * Match one child or a sibling group (all placed together where a household can take them).
   * `leaving` is the household a moving child has just left: never a candidate, as going back to
   * the same carer the same day is no change of placement (DfE) but would count as a move.
   */
  const findPlacement = (group: SimChild[], day: number, isMove: boolean, emergency: boolean, leaving = -1): void => {
    const lead = group[0]!;
    const milesTo = (z: number): number => milesBetween(lead.homeZone, z);
    const req = requestFor(lead, day, group.length);
    const rules = rulesFor(lead, day);
    const h = bestVacancy(rules, req, households, milesTo, lead.rng, undefined, vacant, leaving);
    if (h < 0 && group.length > 1) {
      for (const c of group) findPlacement([c], day, isMove, emergency, leaving); // siblings placed apart
      return;
    }
    // A search is counted once per child, where it ends: placed (with the group) or a shortfall.
    // A sibling group not placed together is searched for again child by child, and counted there.
    if (h >= 0) {
      const hh = households[h]!;
      for (const c of group) {
        countSearch(c, day);
        place(c, day, hh.type, h, hh.zone, hh.weeklyCost, { emergency, mismatch: false, isMove, via: 'match' });
      }
      return;
    }
    // No suitable vacancy: a sufficiency shortfall for this child's segment.
    const k = yearOfDay(day);
    countSearch(lead, day);
    add(k, M.shortfalls, 1);
    add(k, M.shortfallSeg[bandIndexAt(lead.dobDay, day)]![lead.need]!, 1);
    // An emergency bed first, if the authority has one free that takes the child's age.
    for (const id of emergencyVacant) {
      const e = households[id]!;
      if (id !== leaving && e.free > 0 && req.ageYears >= e.ageMin && req.ageYears <= e.ageMax && e.availableFromDay <= day) {
        place(lead, day, e.type, id, e.zone, e.weeklyCost, { emergency, mismatch: false, isMove, via: 'emergencyBed' });
        return;
      }
    }
    fallback(lead, day, isMove, emergency, leaving);
  };

  /** The scenario's fallback steps, in order; `unregistered` when none succeeds. */
  const fallback = (lead: SimChild, day: number, isMove: boolean, emergency: boolean, leaving = -1): void => {
    const req = requestFor(lead, day, 1);
    const rules = rulesFor(lead, day);
    const milesTo = (z: number): number => milesBetween(lead.homeZone, z);
    for (const step of rs.fallback.steps) {
      if (step === 'relaxNeeds') {
        const h = bestVacancy(rules, req, households, milesTo, lead.rng, { ignoreNeed: true }, vacant, leaving);
        if (h >= 0) {
          const hh = households[h]!;
          place(lead, day, hh.type, h, hh.zone, hh.weeklyCost, { emergency, mismatch: true, isMove, via: 'relaxNeeds' });
          return;
        }
      } else if (step === 'spot') {
        const spotType = rs.fallback.spotType[lead.need];
        if (spotType !== undefined && lead.rng.next() < rs.fallback.spotAvailability) {
          const zone = drawSpotZone(lead.rng);
          place(lead, day, spotType, -1, zone, rs.weeklyCost[spotType]! * rs.fallback.spotCostMultiplier, { emergency, mismatch: false, isMove, via: 'spot' });
          return;
        }
      } else break;
    }
    place(lead, day, T_UNREGISTERED, -1, drawSpotZone(lead.rng), rs.weeklyCost[T_UNREGISTERED]!, { emergency, mismatch: false, isMove, via: 'unregistered' });
  };

  // ---- Entry, exit ---------------------------------------------------------------------------
  const enterCare = (group: SimChild[], day: number): void => {
    const k = yearOfDay(day);
    for (const c of group) {
      c.inCare = true;
      c.entered = true;
      add(k, M.starts, 1);
      startsSoFar++;
      if (c.exitDay < horizon) queue.push(c.exitDay, 1, EXIT, c.idx, 0);
    }
    const lead = group[0]!;
    const band = bandIndexAt(lead.dobDay, day);
    const route = rs.routes[band]!;
    let u = lead.routeDraw;
    for (let i = 0; i < route.types.length; i++) {
      if (u < route.probs[i]!) {
        const type = route.types[i]!;
        const zd = routeZoneDraw[type];
        for (const c of group) {
          const zone = zd === undefined ? c.homeZone : zd(c.rng);
          place(c, day, type, -1, zone, rs.weeklyCost[type]!, { emergency: false, mismatch: false, isMove: false, via: 'route' });
        }
        return;
      }
      u -= route.probs[i]!;
    }
    findPlacement(group, day, false, lead.emergencyAtEntry);
  };

  const leaveCare = (c: SimChild, day: number): void => {
    closeSegment(c, day, 'exit');
    c.inCare = false;
    c.seq++;
    add(yearOfDay(day), M.ceases, 1);
    ceasesSoFar++;
  };

  // ---- Initial population ---------------------------------------------------------------------
  const init = stream('initial-population');
  const drawHistory = pick(rs.historyPlacements);
  const initialOrder: SimChild[] = [];
  const initialPlacement: { type: number; start: number; zone: number }[] = [];
  for (const spec of rs.initialChildren) {
    const [lower, upper] = bandAgeDays(spec.ageBand);
    const ageDays = spec.ageDays ?? Math.floor(lower + init.next() * (upper - lower));
    const dobDay = -ageDays;
    const homeZone = spec.homeZone ?? drawHome(init);
    const inCareDays = Math.min(ageDays, Math.floor(exponential(init, 1 / rs.meanDaysInCare[spec.ageBand]!)));
    const entryDay = spec.entryDay ?? -inCareDays;
    const c = newChild(init, dobDay, spec.need, homeZone, -1, entryDay, 0, true);
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
    initialInCare++;
    if (c.exitDay < horizon) queue.push(c.exitDay, 1, EXIT, c.idx, 0);
    initialPlacement.push({ type: spec.placementType, start: current, zone: spec.placementZone ?? -1 });
  }
  // Place the starting population in random order, each child with a household of its recorded
  // type drawn in proportion to free places, weighted by exp(−miles / initialLocalityMiles) when
  // the scenario sets it: the matching places new children near home, and a starting population
  // placed without regard to distance would drift towards it (the past is not re-optimised).
  const locality = rs.initialLocality;
  const initialWeight = (c: SimChild, h: SimHousehold): number =>
    (locality === undefined ? h.free : h.free * locality[c.homeZone * nZones + h.zone]!);
  const order = initialOrder.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(init.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order) {
    const c = initialOrder[i]!;
    const { type, start, zone: presetZone } = initialPlacement[i]!;
    let household = -1;
    let relaxedInitial = false;
    let zone = presetZone;
    const ofType = householdsOfType[type]!;
    if (ofType.length > 0) {
      const req = requestFor(c, 0, 1);
      let total = 0;
      let relaxed = 0;
      for (const id of ofType) {
        const h = households[id]!;
        if (h.free <= 0) continue;
        const w = initialWeight(c, h);
        relaxed += w;
        if (req.ageYears >= h.ageMin && req.ageYears <= h.ageMax && (h.needsMask & (1 << c.need)) !== 0) total += w;
      }
      const strict = total > 0;
      const pool = strict ? total : relaxed;
      if (pool > 0) {
        let u = init.next() * pool;
        for (const id of ofType) {
          const h = households[id]!;
          if (h.free <= 0) continue;
          if (strict && !(req.ageYears >= h.ageMin && req.ageYears <= h.ageMax && (h.needsMask & (1 << c.need)) !== 0)) continue;
          household = h.id; // the last candidate, should rounding leave u a hair above 0
          u -= initialWeight(c, h);
          if (u < 0) break;
        }
        relaxedInitial = !strict;
      }
    }
    if (household >= 0) zone = households[household]!.zone;
    else if (zone < 0) {
      const zd = routeZoneDraw[type];
      zone = ofType.length > 0 || type === T_UNREGISTERED ? drawSpotZone(init) : zd === undefined ? c.homeZone : zd(init);
    }
    const weekly = household >= 0 ? households[household]!.weeklyCost : rs.weeklyCost[type]!;
    place(c, start, type, household, zone, weekly, {
      emergency: false, mismatch: false, isMove: false, history: true, via: relaxedInitial ? 'initial' : household >= 0 ? 'match' : 'initial',
    });
    c.costFrom = 0;
  }

  // ---- Entries ------------------------------------------------------------------------------
  // Each age band × need cell has its own stream; arrivals follow a Poisson process whose rate
  // grows by `entryTrend` a year, sampled by thinning so the candidate times do not depend on it.
  // Rates count children: where sibling groups can arrive, arrivals are fewer by the mean group size.
  let groupId = 0;
  const drawSiblings = pick(rs.siblingSizes);
  const sizeTotal = rs.siblingSizes.weights.reduce((a, w) => a + w, 0);
  const meanGroup = rs.siblingSizes.indices.reduce((a, n, i) => a + (n * rs.siblingSizes.weights[i]!) / sizeTotal, 0);
  const childrenPerGroupArrival = 1 + rs.siblingShare * (meanGroup - 1);
  rs.entryCells.forEach((cell, ci) => {
    const s = stream(`entries/${AGE_BANDS[cell.ageBand]}/${NEEDS[cell.need]}/${ci}`);
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
      if (accept * maxRate > arrivalsPerDay * Math.exp(growth * t) * factorAt(t)) continue;
      const day = Math.floor(t);
      const homeZone = drawHome({ next: () => homeU });
      const size = canBeGroup && groupU < rs.siblingShare ? drawSiblings({ next: () => sizeU }) : 1;
      const gid = size > 1 ? groupId++ : -1;
      const group: SimChild[] = [];
      for (let g = 0; g < size; g++) {
        const ageDays = Math.floor(lower + (g === 0 ? ageU : s.next()) * (upper - lower));
        group.push(newChild(s, day - ageDays, cell.need, homeZone, gid, day, day, false));
      }
      queue.push(day, 1, ENTRY, group[0]!.idx, size);
    }
  });

  // ---- Recruitment and external demand -----------------------------------------------------------
  // Approvals arrive after the assessment pipeline; each new household's zone, size and hub
  // membership are drawn now from the pool's own stream.
  const approvals: { pool: number; zone: number; places: number; hub: boolean }[] = [];
  rs.pools.forEach((pool, p) => {
    if (!(pool.recruitmentPerYear > 0)) return;
    const s = stream(`recruitment/${pool.id}`);
    const drawZone = pick(pool.zones);
    const drawPlaces = pick(pool.places);
    let t = Math.max(0, pool.recruitFromDay) + pool.pipelineDays;
    const until = Math.min(horizon, pool.recruitToDay, pool.closesDay);
    for (;;) {
      t += exponential(s, pool.recruitmentPerYear / DAYS_PER_YEAR);
      if (t >= until) break;
      approvals.push({ pool: p, zone: drawZone(s), places: drawPlaces(s), hub: s.next() < pool.hubShare });
      queue.push(Math.floor(t), 1, APPROVE, approvals.length - 1, 0);
    }
  });
  const externalStreams = rs.external.map((_, i) => stream(`external/${i}`));
  const stepDownStream = stream('step-down');
  const occupyExternal = (i: number, day: number): void => {
    const x = rs.external[i]!;
    const s = externalStreams[i]!;
    // Other authorities do not take places this authority pays for whether used or not.
    const fits = (h: SimHousehold): boolean =>
      h.type === x.type && h.free > 0 && !h.paidWhenEmpty && (x.pools === undefined || x.pools.includes(h.pool));
    let total = 0;
    for (const id of vacant) {
      const h = households[id]!;
      if (fits(h)) total += h.free;
    }
    const u = s.next() * total;
    const stay = exponential(s, 1 / x.meanStayDays);
    if (total <= 0) return; // no room: the other authority looks elsewhere
    let left = u;
    for (const id of vacant) {
      const h = households[id]!;
      if (!fits(h)) continue;
      left -= h.free;
      if (left < 0) {
        setFree(h, h.free - 1, day);
        h.external++;
        const leave = day + Math.max(1, Math.floor(stay));
        if (leave < horizon) queue.push(leave, 2, EXTERNAL_LEAVE, h.id, h.generation);
        return;
      }
    }
  };
  rs.external.forEach((x, i) => {
    const s = externalStreams[i]!;
    const initial = Math.round((x.perYear * x.meanStayDays) / DAYS_PER_YEAR);
    for (let j = 0; j < initial; j++) occupyExternal(i, 0);
    let t = 0;
    for (;;) {
      t += exponential(s, x.perYear / DAYS_PER_YEAR);
      if (t >= horizon) break;
      queue.push(Math.floor(t), 1, EXTERNAL_ARRIVE, i, 0);
    }
  });

  years.forEach((y, k) => queue.push(y.endDay + 1, 0, YEAR_END, k, 0));

  // Lever costs that do not depend on what happens: capital on a date, programmes by the year.
  for (const c of rs.effects.oneOffCosts) if (c.day < horizon) addOneOff(c.day, c.pounds);
  for (const c of rs.effects.annualCosts) addWeekly(c.fromDay, Math.min(c.toDay, horizon), (c.perYear * 7) / DAYS_PER_YEAR, -1, [M.leverCosts, M.cost]);

  // ---- Year-end snapshot ----------------------------------------------------------------------------
  // The segments a household's places serve depend only on what it is (type, ages, needs), not on
  // the day once it is available: each is looked up once, the first year end it is open. Households
  // serving the same segments form a group (a handful per scenario), so the year end adds places up
  // by group and spreads each group's totals over its segments once.
  const suitableSegmentsOf = cachedSuitableSegments(rulesByBand);
  const groupOfHousehold: number[] = [];
  const groupMasks: number[] = [];
  const groupFree: number[] = [];
  const groupPlaces: number[] = [];
  const segmentGroupOf = (h: SimHousehold, day: number): number => {
    const known = groupOfHousehold[h.id];
    if (known !== undefined) return known;
    const mask = suitableSegmentsOf(h, day);
    let g = groupMasks.indexOf(mask);
    if (g < 0) {
      g = groupMasks.push(mask) - 1;
      groupFree.push(0);
      groupPlaces.push(0);
    }
    if (h.availableFromDay <= day) groupOfHousehold[h.id] = g;
    return g;
  };
  const snapshot = (k: number): void => {
    const y = years[k]!;
    const day = y.endDay; // state at the end of 31 March
    const base = k * METRIC_COUNT;
    const miles: number[] = [];
    let n = 0, over20 = 0, outside = 0, threePlus = 0, ltsDen = 0, ltsNum = 0;
    for (const c of children) {
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
      accrue(c, day + 1);
    }
    for (const id of costedHouseholds) {
      const h = households[id]!;
      if (!h.active) continue;
      accrueVoids(h, day + 1);
      accrueSupport(h, day + 1);
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
    // Supply by segment: each open household's places (and free ones) in every segment it serves.
    // Emergency-only beds are left out: matching does not search them, they are a fallback.
    groupFree.fill(0);
    groupPlaces.fill(0);
    for (const h of households) {
      if (!h.active || h.emergencyOnly) continue;
      const g = segmentGroupOf(h, day);
      groupFree[g] = groupFree[g]! + h.free;
      groupPlaces[g] = groupPlaces[g]! + h.places;
    }
    groupMasks.forEach((groupMask, g) => {
      let mask = groupMask;
      for (let s = 0; mask !== 0; s++, mask >>>= 1) {
        if ((mask & 1) === 0) continue;
        rows[base + M.suitableSeg[s]!]! += groupFree[g]!;
        rows[base + M.placesSeg[s]!]! += groupPlaces[g]!;
      }
    });
    if (trace) trace.yearEndFree.push(households.map((h) => h.free));
    CARER_TYPE_INDICES.forEach((t, i) => {
      let places = 0, filled = 0, voids = 0;
      for (const id of householdsOfType[t]!) {
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

  // ---- The event loop -------------------------------------------------------------------------------
  let lastDay = 0;
  const recordDaily = (upTo: number): void => {
    if (!trace) return;
    for (let d = lastDay; d < upTo && d < horizon; d++) {
      trace.daily.push({ inCare: children.reduce((s, c) => s + (c.inCare ? 1 : 0), 0), initial: initialInCare, starts: startsSoFar, ceases: ceasesSoFar });
    }
    lastDay = Math.max(lastDay, upTo);
  };

  for (let e = queue.pop(); e !== undefined; e = queue.pop()) {
    if (e.day >= horizon && e.kind !== YEAR_END) continue;
    if (trace && e.day > lastDay) recordDaily(e.day);
    events++;
    switch (e.kind) {
      case YEAR_END:
        snapshot(e.a);
        break;
      case ENTRY: {
        const group: SimChild[] = [];
        for (let g = 0; g < e.b; g++) group.push(children[e.a + g]!);
        enterCare(group, e.day);
        break;
      }
      case EXIT: {
        const c = children[e.a]!;
        if (c.inCare && e.day === c.exitDay) leaveCare(c, e.day);
        break;
      }
      case PLACEMENT_END: {
        const c = children[e.a]!;
        // Only the event scheduled for the current placement counts.
        if (!c.inCare || c.seq !== Math.floor(e.b / 2)) break;
        const leaving = c.household;
        closeSegment(c, e.day, e.b % 2 === END_BREAKDOWN ? 'breakdown' : 'planned');
        if (e.b % 2 === END_BREAKDOWN) {
          add(yearOfDay(e.day), M.disruptions, 1);
          // The draw is made on every breakdown, whatever the child's need, to keep streams aligned.
          const escalate = c.rng.next() < rs.escalationToComplex;
          if (escalate && c.need === NEED_STANDARD && e.day - c.dobDay >= 10 * DAYS_PER_YEAR) c.need = NEED_COMPLEX;
        }
        findPlacement([c], e.day, true, false, leaving);
        break;
      }
      case RETRY: {
        const c = children[e.a]!;
        const inEmergencyBed = c.via === 'emergencyBed';
        if (!c.inCare || c.seq !== e.b || (c.type !== T_UNREGISTERED && !inEmergencyBed)) break;
        const h = bestVacancy(rulesFor(c, e.day), requestFor(c, e.day, 1), households, (z) => milesBetween(c.homeZone, z), c.rng, undefined, vacant);
        if (h >= 0) {
          const hh = households[h]!;
          closeSegment(c, e.day, 'found');
          place(c, e.day, hh.type, h, hh.zone, hh.weeklyCost, { emergency: false, mismatch: false, isMove: true, via: 'match' });
        } else if (inEmergencyBed && e.day - c.placementStart >= rs.pools[households[c.household]!.pool]!.emergencyMaxStayDays) {
          // The emergency stay is over and nothing suitable came up: the usual fallback.
          closeSegment(c, e.day, 'planned');
          fallback(c, e.day, true, false);
        } else {
          const retry = e.day + (inEmergencyBed ? 1 : rs.fallback.retryDays);
          if (retry < Math.min(c.exitDay, horizon)) queue.push(retry, 3, RETRY, c.idx, c.seq);
        }
        break;
      }
      case STEP_DOWN: {
        // A settled child in residential care moves to a foster family if one suitable is free.
        const c = children[e.a]!;
        const sd = rs.effects.stepDown!;
        if (!c.inCare || c.seq !== e.b || !sd.bands.includes(bandIndexAt(c.dobDay, e.day))) break;
        // Its own stream: a step-down review leaves the child's other draws (breakdowns) untouched.
        if (stepDownStream.next() >= sd.probability) break;
        const rules = rulesFor(c, e.day);
        const fosterOnly: MatchRules = { ...rules, allowedTypesMask: rules.allowedTypesMask.map((m) => m & FOSTER_MASK) };
        const h = bestVacancy(fosterOnly, requestFor(c, e.day, 1), households, (z) => milesBetween(c.homeZone, z), c.rng, undefined, vacant);
        if (h < 0) break;
        const hh = households[h]!;
        closeSegment(c, e.day, 'stepDown');
        place(c, e.day, hh.type, h, hh.zone, hh.weeklyCost, { emergency: false, mismatch: false, isMove: true, via: 'match' });
        add(yearOfDay(e.day), M.stepDowns, 1);
        addOneOff(e.day, sd.cost);
        break;
      }
      case OPEN: {
        const h = rs.households[e.a]!;
        addHousehold({
          pool: h.pool, type: h.type, zone: h.zone, places: h.places, ageMin: h.ageMin, ageMax: h.ageMax,
          needsMask: h.needsMask, needCount: h.needCount, siblingCapacity: h.siblingCapacity, weeklyCost: h.weeklyCost,
          availableFromDay: e.day, hub: h.hub, paidWhenEmpty: h.paidWhenEmpty,
        }, e.day);
        break;
      }
      case DEREGISTER: {
        const h = households[e.a]!;
        if (!h.active) break;
        // The household leaves: its children must move, other authorities' children go too.
        h.active = false;
        h.generation++;
        const moving = h.children.map((idx) => children[idx]!);
        for (const c of moving) closeSegment(c, e.day, 'carerLeft');
        accrueSupport(h, e.day);
        setFree(h, 0, e.day);
        h.places = 0;
        h.external = 0;
        for (const c of moving) findPlacement([c], e.day, true, false);
        break;
      }
      case APPROVE: {
        const a = approvals[e.a]!;
        const pool = rs.pools[a.pool]!;
        addHousehold({
          pool: a.pool, type: pool.type, zone: a.zone, places: a.places, ageMin: pool.ageMin, ageMax: pool.ageMax,
          needsMask: pool.needsMask, needCount: pool.needCount, siblingCapacity: Math.min(a.places, pool.siblingCapacity ?? a.places),
          weeklyCost: pool.weeklyCost, availableFromDay: e.day, hub: a.hub, paidWhenEmpty: pool.paidWhenEmpty,
        }, e.day);
        addOneOff(e.day, pool.costPerApproval);
        break;
      }
      case EXTERNAL_ARRIVE:
        occupyExternal(e.a, e.day);
        break;
      case EXTERNAL_LEAVE: {
        const h = households[e.a]!;
        if (h.active && h.generation === e.b && h.external > 0) {
          h.external--;
          setFree(h, h.free + 1, e.day);
        }
        break;
      }
    }
  }
  recordDaily(horizon);
  if (trace) {
    // Close the placements still open at the horizon (after the rows are final) for the checks.
    for (const c of children) {
      if (!c.inCare) continue;
      trace.segments.push({
        child: c.idx, type: c.type, household: c.household, weekly: c.weekly, from: c.placementStart, to: horizon, need: c.need,
        ageYears: ageYearsAt(c, c.placementStart), isMove: c.isMove, via: c.via, zone: c.zone, ended: 'open',
      });
    }
    const t = trace as { households: ReplicationTrace['households']; children: ReplicationTrace['children'] };
    t.households = households.map((h) => ({
      places: h.approvedPlaces, ageMin: h.ageMin, ageMax: h.ageMax, needsMask: h.needsMask, type: h.type,
      availableFromDay: h.availableFromDay, emergencyOnly: h.emergencyOnly,
    }));
    t.children = children.map((c) => ({
      entryDay: c.entryDay, exitDay: c.inCare ? Number.POSITIVE_INFINITY : c.exitDay, initial: c.initial, entered: c.entered,
      dobDay: c.dobDay, homeZone: c.homeZone, exitReason: c.exitReason, need: c.need,
    }));
  }
  return trace ? { rows, events, trace } : { rows, events };
};
