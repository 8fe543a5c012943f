// Mutable state of one replication: the children, the households, the clock's queue and the
// metric rows, in one `ReplicationState` that every process takes explicitly. It lives inside
// `runReplication` and never escapes it (tests may ask for a trace, which copies what they need).
import { PLACEMENT_TYPES, type ExitReason } from '../domain/vocabulary.js';
import { financialYearsFrom, type FinancialYear } from '../domain/time.js';
import type { Miles, PoundsPerWeek, SimDay } from '../domain/units.js';
import type { MatchRules, VacancyView } from '../matching/rules/types.js';
import { METRIC_COUNT } from '../domain/metricCatalog.js';
import { categorical, categoricalOfUniform } from '../random/distributions.js';
import { processStream, type Rng } from '../random/rng.js';
import type { HouseholdIndex, PlacementTypeIndex, PoolIndex, ResolvedScenario, WeightedIndices, ZoneIndex } from '../scenario/resolved.js';
import { EventQueue } from './eventQueue.js';
import type { SimEvent } from './events.js';
import { withFactorForFirstDays } from './hazards.js';
import { cachedSuitableSegments } from './suitableSegments.js';
import type { ReplicationTrace } from './trace.js';

export interface SimChild {
  readonly idx: number;
  readonly dobDay: SimDay;
  need: number; // may escalate from standard to complex after a breakdown
  readonly homeZone: ZoneIndex;
  readonly group: number; // sibling group id, -1 if none
  readonly initial: boolean; // in care at the start date
  readonly entryDay: SimDay;
  exitDay: number;
  readonly exitReason: ExitReason;
  readonly emergencyAtEntry: boolean;
  readonly routeDraw: number;
  readonly rng: Rng;
  inCare: boolean;
  entered: boolean;
  // Current placement.
  type: PlacementTypeIndex; // -1 until first placed
  household: HouseholdIndex; // -1: no household (route, spot purchase, unregistered)
  zone: ZoneIndex;
  miles: Miles;
  placementStart: number;
  seq: number; // bumps at every placement change; stale events carry an old value
  weekly: PoundsPerWeek; // at start-date prices
  costFrom: number; // day up to which placement cost has been accrued
  readonly starts: number[]; // placement start days (history included)
  via: PlacementSegment['via'];
  isMove: boolean;
}

/** A household as matching sees it (VacancyView), plus what the simulation tracks. */
export interface SimHousehold extends VacancyView {
  readonly id: HouseholdIndex;
  readonly pool: PoolIndex;
  readonly type: PlacementTypeIndex;
  readonly zone: ZoneIndex;
  places: number;
  readonly approvedPlaces: number;
  free: number;
  readonly hub: boolean;
  readonly paidWhenEmpty: boolean;
  readonly emergencyOnly: boolean;
  active: boolean;
  /** Days up to which empty paid places and per-household support have been costed. */
  voidFrom: number;
  supportFrom: number;
  external: number; // places held by other authorities' children
  generation: number; // bumps when the household leaves; stale external departures are ignored
  readonly children: number[]; // our children placed here
}

/** Trace of placements kept only when a test asks for it (property tests on costs and capacity). */
export interface PlacementSegment {
  readonly child: number;
  readonly type: number;
  readonly household: number;
  readonly weekly: number;
  readonly from: number;
  readonly to: number;
  readonly need: number;
  readonly ageYears: number; // at the start of the placement
  readonly isMove: boolean;
  readonly zone: number;
  /** Why it ended: a breakdown, a planned move, the carer leaving, a better placement found (from an emergency bed or unregistered), a step-down, leaving care, or still open at the horizon. */
  readonly ended: 'breakdown' | 'planned' | 'carerLeft' | 'found' | 'stepDown' | 'exit' | 'open';
  /** How the placement was allowed: within the hard constraints, or through a named route. */
  readonly via: 'match' | 'relaxNeeds' | 'initial' | 'route' | 'spot' | 'unregistered' | 'emergencyBed';
}

/** A household recruited by a pool, drawn when recruitment is scheduled and added on approval. */
export interface Approval { readonly pool: PoolIndex; readonly zone: ZoneIndex; readonly places: number; readonly hub: boolean }

/** Households serving the same age-band × need segments, for the year-end supply counts. */
export interface SegmentGroups {
  readonly suitableSegmentsOf: (v: VacancyView, day: number) => number;
  readonly ofHousehold: number[];
  readonly masks: number[];
  readonly free: number[];
  readonly places: number[];
}

export interface ReplicationState {
  readonly rs: ResolvedScenario;
  readonly seed: number;
  readonly replication: number;
  /** Financial years of the horizon; `yearCount` of them have metric rows. */
  readonly years: readonly FinancialYear[];
  readonly yearCount: number;
  /** First day not simulated. */
  readonly horizon: number;
  /** years × METRIC_COUNT, row-major by financial year. */
  readonly rows: Float64Array;
  readonly queue: EventQueue<SimEvent>;
  readonly trace: ReplicationTrace | undefined;

  // Prices: inflation by year, and the market levers' factor by year and placement type.
  readonly inflation: readonly number[];
  readonly priceFactor: readonly Float64Array[];

  // Geography and the matching rules of each age band.
  readonly nZones: number;
  readonly rulesByBand: readonly MatchRules[];
  readonly drawHome: (rng: Rng) => ZoneIndex;
  readonly drawSpotZone: (rng: Rng) => ZoneIndex;
  readonly routeZoneDraw: readonly (((rng: Rng) => ZoneIndex) | undefined)[];
  /** Placement-ending steps with the emergency factor folded in over its first days, if limited. */
  readonly emergencySteps: { readonly stepDays: readonly number[]; readonly multipliers: readonly number[] } | undefined;

  // Households.
  readonly households: SimHousehold[];
  readonly householdsOfType: HouseholdIndex[][];
  /** Households with at least one free place (emergency beds apart): matching looks only at these. */
  readonly vacant: HouseholdIndex[];
  readonly emergencyVacant: HouseholdIndex[];
  /** Position of each household in its vacancy list, -1 when full. */
  readonly vacantAt: number[];
  /** Households whose empty places or support are paid for: the only ones the year end must cost. */
  readonly costedHouseholds: HouseholdIndex[];
  readonly deregStreams: readonly Rng[];
  readonly approvals: Approval[];
  readonly segmentGroups: SegmentGroups;
  /** A reusable list of household ids for one step at a time (no step keeps it across a call). */
  readonly scratch: HouseholdIndex[];

  // Children.
  readonly children: SimChild[];
  /** Exit reason by age band, given the child's uniform draw for it. */
  readonly exitReasonDraw: readonly ((u: number) => number)[];

  // Streams of processes that are not per pool or per cell.
  readonly externalStreams: readonly Rng[];
  readonly stepDownStream: Rng;

  // Counters.
  events: number;
  initialInCare: number;
  startsSoFar: number;
  ceasesSoFar: number;
  groupId: number;
  /** Trace only: days recorded in `trace.daily` so far. */
  lastDay: number;
}

/** `household` of a child with no household (a route, a spot purchase, unregistered). */
export const NO_HOUSEHOLD = -1 as HouseholdIndex;

export const pick = <I extends number>(w: WeightedIndices<I>): ((rng: Rng) => I) => {
  const draw = categorical(w.weights);
  return (rng) => w.indices[draw(rng)]!;
};

/**
 * What every replication of a scenario shares and none changes: the matching rules of each age
 * band, the remembered supply segments of each kind of household (a pure function of the rules)
 * and the exit-reason samplers. Kept per resolved scenario, so a forecast works them out once, not once per replication.
 */
interface PerScenario {
  readonly rulesByBand: readonly MatchRules[];
  readonly suitableSegmentsOf: SegmentGroups['suitableSegmentsOf'];
  readonly exitReasonDraw: readonly ((u: number) => number)[];
}
const perScenario = new WeakMap<ResolvedScenario, PerScenario>();
const sharedOf = (rs: ResolvedScenario): PerScenario => {
  let shared = perScenario.get(rs);
  if (shared === undefined) {
    const rulesByBand: MatchRules[] = rs.hierarchyRank.map((hierarchyRank) => ({ allowedTypesMask: rs.allowedTypesMask, hierarchyRank, weights: rs.weights }));
    shared = { rulesByBand, suitableSegmentsOf: cachedSuitableSegments(rulesByBand), exitReasonDraw: rs.exitReasons.map((r) => categoricalOfUniform(r.weights)) };
    perScenario.set(rs, shared);
  }
  return shared;
};

export const createState = (
  rs: ResolvedScenario, opts: { readonly seed: number; readonly replication: number; readonly years: number; readonly trace?: boolean },
): ReplicationState => {
  const years = financialYearsFrom(rs.startEpochDay, opts.years);
  const stream = (name: string): Rng => processStream(opts.seed, opts.replication, name);
  const emergencyDays = rs.multipliers.emergencyDays;
  const { rulesByBand, suitableSegmentsOf, exitReasonDraw } = sharedOf(rs);
  return {
    rs,
    seed: opts.seed,
    replication: opts.replication,
    years,
    yearCount: opts.years,
    horizon: years[years.length - 1]!.endDay + 1,
    rows: new Float64Array(opts.years * METRIC_COUNT),
    queue: new EventQueue<SimEvent>(),
    trace: opts.trace ? { segments: [], daily: [], violations: [], households: [], children: [], yearEndFree: [] } : undefined,
    inflation: years.map((_, k) => Math.pow(1 + rs.annualInflation, k)),
    // Market levers apply from 1 April of a year.
    priceFactor: years.map((y) => {
      const f = new Float64Array(PLACEMENT_TYPES.length).fill(1);
      for (const c of rs.effects.priceChanges) if (c.fromDay <= Math.max(0, y.startDay)) c.factors.forEach((x, t) => (f[t] = f[t]! * x));
      return f;
    }),
    nZones: rs.zones.length,
    rulesByBand,
    drawHome: pick(rs.homeZones),
    drawSpotZone: pick(rs.fallback.spotZones),
    routeZoneDraw: rs.routeZones.map((w) => (w === undefined ? undefined : pick(w))),
    emergencySteps: emergencyDays === undefined
      ? undefined
      : withFactorForFirstDays(rs.placementStepDays, rs.placementStepMultipliers, emergencyDays, rs.multipliers.emergency),
    households: [],
    householdsOfType: PLACEMENT_TYPES.map(() => []),
    vacant: [],
    emergencyVacant: [],
    vacantAt: [],
    costedHouseholds: [],
    // Each pool's households are created in an order no child's fate can change (the initial
    // layout, then approvals in time order), so one stream per pool serves their leaving dates, and
    // a lever that adds or changes a pool leaves every other pool's draws as they were.
    deregStreams: rs.pools.map((p) => stream(`deregistration/${p.id}`)),
    approvals: [],
    scratch: [],
    segmentGroups: { suitableSegmentsOf, ofHousehold: [], masks: [], free: [], places: [] },
    children: [],
    exitReasonDraw,
    externalStreams: rs.external.map((_, i) => stream(`external/${i}`)),
    stepDownStream: stream('step-down'),
    events: 0,
    initialInCare: 0,
    startsSoFar: 0,
    ceasesSoFar: 0,
    groupId: 0,
    lastDay: 0,
  };
};

/** The process stream `name` of this replication. */
export const streamOf = (st: ReplicationState, name: string): Rng => processStream(st.seed, st.replication, name);
