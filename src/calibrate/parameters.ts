// The knobs the fit turns, the fixed shapes they scale, and a first guess from steady-state
// arithmetic. Everything here is an assumption unless a national-figures.md id is named; the
// README's calibration section lists them.
import {
  AGE_BANDS, CARER_TYPES, PLACEMENT_TYPES, ROUTE_TYPES, type AgeBand, type CarerType, type Need, type PlacementType, type RouteType,
} from '../domain/vocabulary.js';
import type { CalibrationInputs } from './inputs.js';
import { NATIONAL_STARTER_MIX, UASC_SHARE_OF_16PLUS_STARTS } from './nationalDefaults.js';

export interface FitParameters {
  /** Exit hazard per year after the first year in care, by age band (the first year's is × `EXIT_FIRST_YEAR_FACTOR`). */
  readonly exitPerYear: Readonly<Record<AgeBand, number>>;
  /** Share of starts in each age band (sums to 1). */
  readonly starterMix: Readonly<Record<AgeBand, number>>;
  /** Multiplies every entry rate, so simulated starts match the snapshot's. */
  readonly entryScale: number;
  /** Multiplies the chance, at entry, of each placement arranged around the child (`ROUTE_BASE`). */
  readonly routeScale: Readonly<Record<RouteType, number>>;
  /** Places for this authority's own children by carer type (households follow from places per household). */
  readonly places: Readonly<Record<CarerType, number>>;
  /** Multiplies the complex-needs share of starts aged 5+ (they go to children's homes or supported accommodation). */
  readonly complexScale: number;
  /** Babies entering care with a parent (parent-and-child placements), a year. */
  readonly parentAndChildPerYear: number;
  /** Multiplies the share of places beyond 20 miles of every carer and route type. */
  readonly farScale: number;
  /**
   * How far from home the starting placements are, relative to the Medway baseline (1): the
   * starting children are placed with `initialPopulation.placementLocalityMiles` = 12 miles × this
   * (`startingLocalityMiles`), and the far share of the places the fit holds by capacity
   * (`HELD_TYPES`) is multiplied by it too.
   */
  readonly localityScale: number;
  /** Multiplies every breakdown and planned-move hazard. */
  readonly disruptionScale: number;
  /** Multiplies planned moves of 16–17s out of foster care and children's homes (they move on to supported accommodation first). */
  readonly moveOnScale: number;
}

/** The first year in care has a higher exit hazard (short stays are common): the Medway baseline's shape. */
export const EXIT_FIRST_YEAR_FACTOR: Readonly<Record<AgeBand, number>> = {
  under1: 1, '1to4': 1.1, '5to9': 2.2, '10to15': 3.75, '16plus': 1.5,
};

/** Chance at entry of a placement arranged around the child, by age band, before `routeScale` (the Medway baseline's). */
export const ROUTE_BASE: Readonly<Record<RouteType, readonly [number, number, number, number, number]>> = {
  connected: [0.08, 0.12, 0.12, 0.07, 0.03],
  placedWithParents: [0.02, 0.04, 0.04, 0.02, 0.01],
  adoption: [0.05, 0.02, 0.002, 0, 0],
  secure: [0, 0, 0, 0.01, 0.01],
  other: [0, 0, 0.002, 0.01, 0.03],
};
/** The most of a band's starts that may go to route placements (the rest are matched to vacancies). */
export const MAX_ROUTE_SHARE = 0.9;
/** Rate a year at which children leave each route placement other than by leaving care (breakdowns), for the first guess. */
const ROUTE_MOVE_OUT: Readonly<Record<RouteType, number>> = {
  connected: 0.1, placedWithParents: 0.17, adoption: 0.03, secure: 0, other: 0.5,
};

/** Width in years of each age band (16+ is 16 and 17: children leave care at 18). */
const BAND_YEARS: Readonly<Record<AgeBand, number>> = { under1: 1, '1to4': 4, '5to9': 5, '10to15': 6, '16plus': 2 };

/** Need of children entering care by age band (`complexScale` multiplies the complex share). */
export const entryNeeds = (b: AgeBand, complexScale: number): Readonly<Partial<Record<Need, number>>> => {
  const complex = (base: number): number => Math.min(0.6, base * complexScale);
  switch (b) {
    case 'under1': return { standard: 1 };
    case '1to4': return { standard: 0.98, disability: 0.02 };
    case '5to9': return { standard: 0.95 - complex(0.02), complex: complex(0.02), disability: 0.05 };
    case '10to15': return { standard: 0.96 - complex(0.12), complex: complex(0.12), disability: 0.04 };
    case '16plus': return { standard: 1 - UASC_SHARE_OF_16PLUS_STARTS - 0.02 - complex(0.12), complex: complex(0.12), uasc: UASC_SHARE_OF_16PLUS_STARTS, disability: 0.02 };
  }
};

/** Places per household by carer type, as distributions, and their means. */
export const PLACES_PER_HOUSEHOLD: Readonly<Record<CarerType, Readonly<Record<string, number>>>> = {
  inHouseFoster: { 1: 0.5, 2: 0.35, 3: 0.15 },
  ifa: { 1: 0.5, 2: 0.35, 3: 0.15 },
  residentialInHouse: { 2: 0.3, 3: 0.4, 4: 0.3 },
  residentialPrivate: { 2: 0.3, 3: 0.4, 4: 0.3 },
  supported: { 1: 0.3, 2: 0.4, 3: 0.3 },
  parentAndChild: { 1: 1 },
};
export const meanPlaces = (c: CarerType): number =>
  Object.entries(PLACES_PER_HOUSEHOLD[c]).reduce((s, [k, w]) => s + Number(k) * w, 0);

/**
 * Carer types whose places the fit holds by capacity (to their placement share): the hierarchy
 * fills them first, so they start full, far places and all, whatever the starting placements'
 * locality. New children are matched to the nearest suitable vacancy, so their far places empty
 * over the years; `localityScale` sets how many there are.
 */
export const HELD_TYPES: ReadonlySet<CarerType> = new Set<CarerType>(['inHouseFoster', 'residentialInHouse', 'supported']);

/** `placementLocalityMiles` at `localityScale` 1: the Medway baseline's, whose far share holds over five years. */
export const BASE_LOCALITY_MILES = 12;
/** `localityScale` is fitted within these bounds (0: held places all within 20 miles). */
export const LOCALITY_SCALE_BOUNDS: readonly [number, number] = [0, 2];

/** `initialPopulation.placementLocalityMiles` for `p` (at least a mile: the scenario wants a positive figure). */
export const startingLocalityMiles = (p: Pick<FitParameters, 'localityScale'>): number => Math.max(1, BASE_LOCALITY_MILES * p.localityScale);

export const EXIT_BOUNDS = { min: 0.005, max: 6 } as const;

const sumBy = <A>(xs: readonly A[], f: (a: A) => number): number => xs.reduce((s, x) => s + f(x), 0);

/** Children of the starting population by age band and by placement type. */
export const startingCounts = (inputs: CalibrationInputs): { byBand: Record<AgeBand, number>; byType: Record<PlacementType, number> } => {
  const byBand = Object.fromEntries(AGE_BANDS.map((b) => [b, sumBy(inputs.initialCounts.filter((c) => c.ageBand === b), (c) => c.count)])) as Record<AgeBand, number>;
  const byType = Object.fromEntries(PLACEMENT_TYPES.map((p) => [p, sumBy(inputs.initialCounts.filter((c) => c.placementType === p), (c) => c.count)])) as Record<PlacementType, number>;
  return { byBand, byType };
};

/**
 * Exit hazards that hold each age band steady — exits = starts + children ageing in − children
 * ageing out (and turning 18) — and the starter mix moved towards any band that would need a
 * negative hazard.
 */
const steadyExits = (
  byBand: Readonly<Record<AgeBand, number>>, starts: number, mix: Record<AgeBand, number>,
): { exitPerYear: Record<AgeBand, number>; starterMix: Record<AgeBand, number> } => {
  const starterMix = { ...mix };
  const exitPerYear = {} as Record<AgeBand, number>;
  for (let round = 0; round < 5; round++) {
    let moved = false;
    AGE_BANDS.forEach((b, i) => {
      const n = Math.max(byBand[b], 0.5);
      const entries = starts * starterMix[b];
      const ageIn = i === 0 ? 0 : byBand[AGE_BANDS[i - 1]!] / BAND_YEARS[AGE_BANDS[i - 1]!];
      const ageOut = byBand[b] / BAND_YEARS[b];
      const needed = entries + ageIn - ageOut;
      const firstYear = Math.min(1, entries / n);
      const weight = firstYear * EXIT_FIRST_YEAR_FACTOR[b] + (1 - firstYear);
      const rate = needed / (n * weight);
      if (rate < EXIT_BOUNDS.min * 4 && starts > 0 && byBand[b] > 0) {
        starterMix[b] += (EXIT_BOUNDS.min * 4 * n - needed) / starts;
        moved = true;
      }
      exitPerYear[b] = Math.min(EXIT_BOUNDS.max, Math.max(EXIT_BOUNDS.min, rate));
    });
    const total = sumBy(AGE_BANDS, (b) => starterMix[b]);
    AGE_BANDS.forEach((b) => { starterMix[b] /= total; });
    if (!moved) break;
  }
  return { exitPerYear, starterMix };
};

/** The first guess: steady-state exits, national starter mix, route and carer capacity from the starting population. */
export const initialParameters = (inputs: CalibrationInputs): FitParameters => {
  const t = inputs.targets;
  const { byBand, byType } = startingCounts(inputs);
  const starts = t.startsPerYear;
  const { exitPerYear, starterMix } = steadyExits(byBand, starts, { ...NATIONAL_STARTER_MIX });
  const turnover = t.childrenInCare > 0 ? starts / t.childrenInCare : 0;
  const routeScale = Object.fromEntries(ROUTE_TYPES.map((r) => {
    const inflowAtScale1 = starts * sumBy(AGE_BANDS.map((b, i) => starterMix[b] * ROUTE_BASE[r][i]!), (x) => x);
    const needed = byType[r] * (turnover + ROUTE_MOVE_OUT[r]);
    return [r, inflowAtScale1 > 0 ? Math.min(20, needed / inflowAtScale1) : 0];
  })) as Record<RouteType, number>;
  const places: Record<CarerType, number> = {
    inHouseFoster: byType.inHouseFoster > 0 ? byType.inHouseFoster * 1.03 + 1 : 0,
    ifa: byType.ifa * 1.25 + 3,
    residentialInHouse: byType.residentialInHouse > 0 ? byType.residentialInHouse + 1 : 0,
    residentialPrivate: byType.residentialPrivate * 1.3 + 3,
    supported: byType.supported > 0 ? byType.supported * 1.05 + 1 : 0,
    parentAndChild: byType.parentAndChild > 0 ? byType.parentAndChild + 1 : 0,
  };
  const residential = byType.residentialInHouse + byType.residentialPrivate + byType.secure;
  const complexAtScale1 = starts * (starterMix['5to9'] * 0.02 + starterMix['10to15'] * 0.12 + starterMix['16plus'] * 0.12 * 0.5);
  const complexScale = complexAtScale1 > 0 ? Math.min(5, (residential * (turnover + 0.05)) / complexAtScale1) : 0;
  const parentAndChildPerYear = byType.parentAndChild * (exitPerYear.under1 + 0.5);
  CARER_TYPES.forEach((c) => { places[c] = Math.max(places[c], byType[c]); });
  return {
    exitPerYear, starterMix, entryScale: 1, routeScale, places, complexScale, parentAndChildPerYear,
    farScale: 1, localityScale: 1, disruptionScale: 1, moveOnScale: 1,
  };
};
