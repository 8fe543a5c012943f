// The scenario file format. These io-ts codecs are the single source of truth: the TypeScript
// types are derived from them and the README's format reference is generated from them.
import { t } from './fp.js';
import { AgeBandC, CarerTypeC, NeedC, PlacementTypeC, RouteTypeC } from './vocabulary.js';
import { AgeYears, Probability } from './units.js';
import {
  Children, ChildrenPerYear, Days, DaysPositive, DaysPositiveNumber, Easting, Factor, FactorPositive, ForecastYears, Growth,
  Households, HouseholdsPerYear, MilesPositive, MonthsInCare, Northing, PlacementsInAYear, PlacesPerHousehold, Pounds,
  PoundsPerWeek, RatePerYear, ScoreWeight, Weight, YearsInCare,
} from './bounds.js';
import { CountDistribution, IsoDate, ZoneWeights } from './codecParts.js';
import { Lever } from './lever.js';

const partialRecord = <K extends t.KeyofC<Record<string, null>>, V extends t.Mixed>(k: K, v: V, name: string) =>
  t.partial(Object.fromEntries(Object.keys(k.keys).map((key) => [key, v])) as { [P in keyof K['keys']]: V }, name);

export { CountDistribution, IsoDate, ZoneWeights } from './codecParts.js';

export const ExplicitZone = t.intersection([
  t.type({ easting: Easting, northing: Northing }),
  t.partial({ inside: t.boolean, laCode: t.string }),
], 'ExplicitZone');

export const Geography = t.intersection([
  t.type({
    /** Where children entering care live; weights give each zone's share of entrants. */
    homeZones: ZoneWeights,
  }),
  t.partial({
    /** Zones whose ONS local-authority code is one of these count as inside the boundary. */
    laCodes: t.array(t.string),
    /** Zones counted as inside the boundary, in addition to those matched by `laCodes`. */
    insideZones: t.array(t.string),
    /** Zones with explicit centroids; others are looked up in the shipped postcode geography. */
    zones: t.record(t.string, ExplicitZone),
  }),
], 'Geography');

export const PopulationCell = t.type({
  ageBand: AgeBandC, need: NeedC, placementType: PlacementTypeC, count: Children,
}, 'PopulationCell');

export const InitialChild = t.intersection([
  t.type({
    id: t.string, dateOfBirth: IsoDate, need: NeedC, placementType: PlacementTypeC,
    homeZone: t.string, entryDate: IsoDate,
  }),
  t.partial({
    placementZone: t.string, placementStartDate: IsoDate,
    /** Placements started in the 365 days up to the start date, the current one included. */
    placementsInLast12Months: PlacementsInAYear,
  }),
], 'InitialChild');

export const InitialHistory = t.type({
  /** Share of children in care by number of placements in the last 12 months (1, 2, 3, 4 …). */
  placementsInLast12Months: CountDistribution,
  /** Mean years in care of the starting population, by age band (capped at the child's age). */
  meanYearsInCare: partialRecord(AgeBandC, YearsInCare, 'MeanYearsInCare'),
}, 'InitialHistory');

export const InitialPopulation = t.intersection([
  t.type({ history: InitialHistory }),
  t.partial({
    counts: t.array(PopulationCell), children: t.array(InitialChild),
    /** Households for the starting placements are drawn ∝ free places × exp(−miles from home / this). */
    placementLocalityMiles: MilesPositive,
  }),
], 'InitialPopulation');

export const EntryRate = t.type({ ageBand: AgeBandC, need: NeedC, perYear: ChildrenPerYear }, 'EntryRate');

export const Entries = t.intersection([
  t.type({ rates: t.array(EntryRate) }),
  t.partial({
    /** Fractional change of every entry rate per year (0.02 = +2% a year), compounding. */
    annualTrend: Growth,
    /** Share of entries (under 16, standard need) that arrive as a sibling group, and group sizes. */
    siblingGroups: t.type({ share: Probability, sizes: CountDistribution }),
    /** Share of first placements made as emergencies (same day, little matching). */
    emergencyShare: Probability,
  }),
], 'Entries');

/** At entry, the chance a child goes to a placement arranged around them (not a vacancy). */
export const Routes = t.intersection([
  t.type({ byAgeBand: partialRecord(AgeBandC, partialRecord(RouteTypeC, Probability, 'RouteShares'), 'RoutesByAgeBand') }),
  t.partial({ zones: partialRecord(RouteTypeC, ZoneWeights, 'RouteZones') }),
], 'Routes');

export const HazardStep = t.type({ fromYearsInCare: YearsInCare, perYear: RatePerYear }, 'HazardStep');

export const Exits = t.type({
  /** Piecewise-constant exit hazard by age band and years in care; every child leaves at 18. */
  hazards: partialRecord(AgeBandC, t.array(HazardStep), 'ExitHazards'),
  /** Relative weights of the exit reasons (other than turning 18) by age band. */
  reasons: partialRecord(AgeBandC, t.partial({
    returnHome: Weight, specialGuardianship: Weight, adoption: Weight, other: Weight,
  }), 'ExitReasons'),
}, 'Exits');

export const CarerPool = t.intersection([
  t.type({
    id: t.string,
    type: CarerTypeC,
    households: Households,
    /** Where the households are: zone → weight. */
    zones: ZoneWeights,
    /** Places per household: a whole number, or a distribution such as `{"1": 0.5, "2": 0.5}`. */
    places: t.union([PlacesPerHousehold, CountDistribution]),
    ageRange: t.tuple([AgeYears, AgeYears]),
    needs: t.array(NeedC),
  }),
  t.partial({
    /** Largest sibling group one household takes together (default: its places). */
    siblingCapacity: PlacesPerHousehold,
    weeklyCost: PoundsPerWeek,
    /** Share of households in a Mockingbird-style hub. */
    hubShare: Probability,
    /** Places paid whether used or not (block contracts, in-house homes): empty ones are voids. */
    paidWhenEmpty: t.boolean,
    recruitment: t.intersection([
      t.type({ householdsPerYear: HouseholdsPerYear, pipelineDays: Days }),
      t.partial({ from: IsoDate, to: IsoDate, costPerApproval: Pounds }),
    ]),
    deregistration: t.intersection([
      t.type({ perYear: RatePerYear }),
      t.partial({ multiplier: Factor, multiplierFrom: IsoDate }),
    ]),
    /** Households open on this date (not before); they close, and their children move, on `closes`. */
    opens: IsoDate,
    closes: IsoDate,
    /** Beds kept for emergencies: a child with no suitable vacancy stays here up to `maxStayDays` while the search goes on. */
    emergencyOnly: t.type({ maxStayDays: DaysPositive }),
    /** Support paid for each open household, whether or not a child is placed (e.g. an enhanced offer), £ a year. */
    costPerHouseholdPerYear: Pounds,
  }),
], 'CarerPool');

export const ExternalDemand = t.intersection([
  t.type({ carerType: CarerTypeC, arrivalsPerYear: ChildrenPerYear, meanStayDays: DaysPositiveNumber }),
  t.partial({ pools: t.array(t.string) }),
], 'ExternalDemand');

export const ratesByTypeAndBand = partialRecord(PlacementTypeC, partialRecord(AgeBandC, RatePerYear, 'RateByAgeBand'), 'RatesByPlacementType');

export const DurationStep = t.type({ fromMonths: MonthsInCare, multiplier: Factor }, 'DurationStep');

export const Disruption = t.intersection([t.type({
  /** Breakdown hazard per year by placement type × age band. */
  base: ratesByTypeAndBand,
  /** Planned (care-plan) moves per year by placement type × age band. */
  plannedMoves: ratesByTypeAndBand,
  multipliers: t.intersection([t.type({
    over20Miles: Factor, needMismatch: Factor, emergency: Factor, hub: Factor,
  }), t.partial({
    /** Days from the start of an emergency placement during which `emergency` applies (left out: the whole placement). */
    emergencyDays: DaysPositive,
  })]),
  /** Chance that a breakdown leaves a child aged 10+ with standard needs assessed as complex. */
  escalationToComplex: Probability,
}), t.partial({
  /** Breakdown and planned-move rates × a factor by months in the placement (risk is highest early). */
  byMonthsInPlacement: t.array(DurationStep),
})], 'Disruption');

export const Costs = t.intersection([
  t.type({
    /** £ per child per week by placement type, at the scenario start date's prices. */
    weekly: partialRecord(PlacementTypeC, PoundsPerWeek, 'WeeklyCosts'),
    /** Price rise applied at each 1 April (0.04 = 4%). */
    annualInflation: Growth,
    /** One-off cost of a placement move (finding and making a new placement), £. */
    moveCost: Pounds,
  }),
  t.partial({
    /** Extra £ per week by need (added to the type's weekly cost). */
    needUplift: partialRecord(NeedC, PoundsPerWeek, 'NeedUplift'),
  }),
], 'Costs');

export const FallbackStep = t.keyof({ relaxNeeds: null, spot: null, unregistered: null }, 'FallbackStep');

export const Matching = t.intersection([t.type({
  /** The authority's placement hierarchy, most preferred first. */
  hierarchy: t.array(CarerTypeC),
  /** Carer types a child with each need may be matched to. */
  allowedTypes: partialRecord(NeedC, t.array(CarerTypeC), 'AllowedTypes'),
  weights: t.type({
    /** Score lost per mile from home. */
    distancePerMile: ScoreWeight,
    /** Score lost per £100 a week. */
    costPer100: ScoreWeight,
    /** Score lost per step down the hierarchy. */
    hierarchyStep: ScoreWeight,
    /** Score lost per specialism of the carer that the child does not need. */
    spareSpecialism: ScoreWeight,
  }),
  fallback: t.type({
    /** Tried in order when no suitable vacancy exists; `unregistered` always succeeds. */
    steps: t.array(FallbackStep),
    /** Chance a spot purchase can be found at all. */
    spotAvailability: Probability,
    spotType: partialRecord(NeedC, CarerTypeC, 'SpotType'),
    spotZones: ZoneWeights,
    /** Spot price as a multiple of the type's weekly cost. */
    spotCostMultiplier: FactorPositive,
    /** Days between searches for a regulated placement while unregistered. */
    retryDays: DaysPositive,
  }),
}), t.partial({
  /** A different hierarchy for some age bands (e.g. a 16+ pathway to supported accommodation). */
  hierarchyByAgeBand: partialRecord(AgeBandC, t.array(CarerTypeC), 'HierarchyByAgeBand'),
})], 'Matching');

export const Source = t.type({ figure: t.string, source: t.string }, 'Source');

export const Scenario = t.intersection([
  t.type({
    name: t.string,
    startDate: IsoDate,
    geography: Geography,
    initialPopulation: InitialPopulation,
    entries: Entries,
    routes: Routes,
    exits: Exits,
    carers: t.array(CarerPool),
    disruption: Disruption,
    costs: Costs,
    matching: Matching,
  }),
  t.partial({
    description: t.string,
    /** Default number of financial years to forecast. */
    years: ForecastYears,
    externalDemand: t.array(ExternalDemand),
    /** Where each figure came from: key → { figure, source }. */
    sources: t.record(t.string, Source),
    /** Free-text notes, e.g. how the scenario was calibrated. */
    notes: t.array(t.string),
    /** Options applied to this scenario: recruitment, commissioning, prevention, support, market. */
    levers: t.array(Lever),
  }),
], 'Scenario');

export type Scenario = t.TypeOf<typeof Scenario>;
export type CarerPool = t.TypeOf<typeof CarerPool>;
export type Disruption = t.TypeOf<typeof Disruption>;
export type Costs = t.TypeOf<typeof Costs>;
export type Matching = t.TypeOf<typeof Matching>;
export type InitialChild = t.TypeOf<typeof InitialChild>;
export type FallbackStep = t.TypeOf<typeof FallbackStep>;
