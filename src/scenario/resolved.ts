// The resolved scenario: what the engine runs on. Codes become indices, zones get centroids,
// pools of carers become individual households, rates become per-day numbers.
import type { AgeBand, CarerType, ExitReason, Need, PlacementType } from '../domain/vocabulary.js';
import type { FallbackStep, Scenario } from '../domain/scenario.js';
import type { Days, EpochDay, PoundsPerWeek, RatePerYear, SimDay } from '../domain/units.js';
import type { LeverEffects } from './levers.js';

export interface ResolvedZone {
  readonly code: string;
  readonly easting: number;
  readonly northing: number;
  readonly inside: boolean;
}

declare const index: unique symbol;
/** A position in one of the resolved scenario's (or the replication's) lists, `K` naming which list. */
export type Index<K extends string> = number & { readonly [index]: K };
/** A position in PLACEMENT_TYPES (and a bit of the allowed-types masks). */
export type PlacementTypeIndex = Index<'placementType'>;
/** A position in `ResolvedScenario.zones` (a row or column of `distance`). */
export type ZoneIndex = Index<'zone'>;
/** A position in `ResolvedScenario.pools`. */
export type PoolIndex = Index<'pool'>;
/** A position in the replication's households: the starting layout (`ResolvedScenario.households`) first, then approvals in time order. */
export type HouseholdIndex = Index<'household'>;

export interface WeightedIndices<I extends number = number> {
  readonly indices: readonly I[];
  readonly weights: readonly number[];
}

/** A carer household or a children's home, as laid out at the start. */
export interface HouseholdSpec {
  readonly id: string;
  readonly pool: PoolIndex;
  readonly type: PlacementTypeIndex;
  readonly zone: ZoneIndex;
  readonly places: number;
  readonly ageMin: number; // years, inclusive
  readonly ageMax: number; // years, inclusive
  readonly needsMask: number; // bit i = NEEDS[i]
  readonly needCount: number;
  readonly siblingCapacity: number;
  readonly weeklyCost: PoundsPerWeek;
  readonly hub: boolean;
  readonly paidWhenEmpty: boolean;
}

export interface PoolSpec {
  readonly id: string;
  readonly type: PlacementTypeIndex;
  readonly carerType: CarerType;
  readonly zones: WeightedIndices<ZoneIndex>;
  readonly places: WeightedIndices; // indices are place counts
  readonly ageMin: number;
  readonly ageMax: number;
  readonly needsMask: number;
  readonly needCount: number;
  readonly siblingCapacity: number | undefined;
  readonly weeklyCost: PoundsPerWeek;
  readonly hubShare: number;
  readonly paidWhenEmpty: boolean;
  readonly recruitmentPerYear: RatePerYear;
  readonly pipelineDays: Days;
  /** Approvals happen between these days (pipeline included in `recruitFromDay + pipelineDays`). */
  readonly recruitFromDay: SimDay;
  readonly recruitToDay: SimDay;
  readonly costPerApproval: number;
  readonly deregistrationPerYear: RatePerYear;
  /** The deregistration rate is multiplied by this from `deregistrationMultiplierFromDay`. */
  readonly deregistrationMultiplier: number;
  readonly deregistrationMultiplierFromDay: SimDay;
  /** Households exist from `opensDay` until `closesDay` (Infinity: never closes). */
  readonly opensDay: SimDay;
  readonly closesDay: SimDay;
  readonly costPerHouseholdPerYear: number;
  /** > 0: emergency beds, used only as the first fallback, for at most this many days. */
  readonly emergencyMaxStayDays: Days;
}

export interface InitialChildSpec {
  readonly id: string;
  readonly ageDays: number | undefined; // undefined: drawn within the band
  readonly ageBand: number;
  readonly need: number;
  readonly placementType: PlacementTypeIndex;
  readonly homeZone: ZoneIndex | undefined; // undefined: drawn from the home zones
  readonly placementZone: ZoneIndex | undefined;
  readonly entryDay: SimDay | undefined; // ≤ 0
  readonly placementStartDay: SimDay | undefined;
  readonly placementsInLast12Months: number | undefined;
}

export interface EntryCell {
  readonly ageBand: number;
  readonly need: number;
  readonly perYear: number;
  /** Rate factors from levers: from each day on, the rate is multiplied by the factor (cumulative). */
  readonly factorFromDay: readonly number[];
  readonly factor: readonly number[];
}

export interface HazardSteps {
  readonly fromDays: readonly number[];
  readonly perDay: readonly number[];
}

export interface ResolvedScenario {
  readonly scenario: Scenario;
  /**
   * Figures unusual for one authority but possible for a large one or a region, as
   * `file: $.path: …` lines: the scenario runs, and the user should be told.
   */
  readonly warnings: readonly string[];
  /** The scenario with its levers expanded into pools and changes (what `validate --print` shows). */
  readonly expanded: Scenario;
  readonly effects: LeverEffects;
  readonly name: string;
  readonly startEpochDay: EpochDay;
  readonly defaultYears: number;
  readonly zones: readonly ResolvedZone[];
  readonly zoneIndex: ReadonlyMap<string, ZoneIndex>;
  /** Miles between zones, DfE rounding: distance[i * zones.length + j]. */
  readonly distance: Float64Array;
  readonly homeZones: WeightedIndices<ZoneIndex>;
  readonly initialChildren: readonly InitialChildSpec[];
  readonly historyPlacements: WeightedIndices; // indices are counts 1, 2, 3 …
  readonly meanDaysInCare: readonly number[]; // by age band
  /**
   * exp(−miles / initialPopulation.placementLocalityMiles) between zones, indexed as `distance`:
   * the weight of a starting placement beside free places. Undefined: ∝ free places alone.
   */
  readonly initialLocality: Float64Array | undefined;
  readonly entryCells: readonly EntryCell[];
  readonly entryTrend: number;
  readonly siblingShare: number;
  readonly siblingSizes: WeightedIndices;
  readonly emergencyShare: number;
  /** By age band: probability of each route type at entry (index into PLACEMENT_TYPES). */
  readonly routes: readonly { readonly types: readonly PlacementTypeIndex[]; readonly probs: readonly number[] }[];
  /** By placement type index: where route placements are; undefined = the home zone. */
  readonly routeZones: readonly (WeightedIndices<ZoneIndex> | undefined)[];
  readonly exitHazards: readonly HazardSteps[]; // by age band, steps in time in care
  readonly exitReasons: readonly { readonly reasons: readonly ExitReason[]; readonly weights: readonly number[] }[];
  readonly households: readonly HouseholdSpec[];
  readonly pools: readonly PoolSpec[];
  readonly external: readonly { readonly type: PlacementTypeIndex; readonly perYear: RatePerYear; readonly meanStayDays: Days; readonly pools: readonly PoolIndex[] | undefined }[];
  /** Per day, [typeIndex * AGE_BANDS.length + bandIndex]. */
  readonly breakdownPerDay: Float64Array;
  readonly plannedPerDay: Float64Array;
  /** `emergencyDays`: the emergency factor applies for these first days of the placement (undefined: all of it). */
  readonly multipliers: {
    readonly over20Miles: number; readonly needMismatch: number; readonly emergency: number; readonly hub: number;
    readonly emergencyDays?: number | undefined;
  };
  readonly escalationToComplex: number;
  /** Time-in-placement steps (days from the placement's start) and their hazard multipliers. */
  readonly placementStepDays: readonly number[];
  readonly placementStepMultipliers: readonly number[];
  /** £ per week at start prices by placement type index, and the uplift by need index. */
  readonly weeklyCost: Float64Array;
  readonly needUplift: Float64Array;
  readonly annualInflation: number;
  readonly moveCost: number;
  /** By age band, then placement type index: position in the hierarchy (Infinity when absent). */
  readonly hierarchyRank: readonly Float64Array[];
  readonly allowedTypesMask: readonly number[]; // by need: bit = placement type index
  readonly weights: Scenario['matching']['weights'];
  readonly fallback: {
    readonly steps: readonly FallbackStep[];
    readonly spotAvailability: number;
    readonly spotType: readonly (PlacementTypeIndex | undefined)[]; // by need
    readonly spotZones: WeightedIndices<ZoneIndex>;
    readonly spotCostMultiplier: number;
    readonly retryDays: number;
  };
}

export type { AgeBand, Need, PlacementType };
