// Calibration inputs + fit parameters → a complete scenario, as the plain JSON a scenario file
// holds (decode it with the Scenario codec before use: a builder bug then shows as a Left, not as
// a strange forecast). Pure: no files, no clock, no randomness.
import { AGE_BANDS, NEEDS, ROUTE_TYPES, type AgeBand, type CarerType, type PlacementType, type RouteType } from '../domain/vocabulary.js';
import { evenlySpaced, type AreaLayout } from './areaLayout.js';
import type { CalibrationInputs } from './inputs.js';
import {
  BASE_FAR_SHARE, BREAKDOWN_SHAPE, DISRUPTION_SOURCE, EXTERNAL_DEMAND_SHARE, EXTERNAL_DEMAND_SOURCE, FAR_SHARE_SOURCE,
  FOSTER_DEREGISTRATION_PER_YEAR, FOSTER_TURNOVER_SOURCE, OVER_20_MILES_SOURCE, STARTER_MIX_SOURCE, UASC_SOURCE,
} from './nationalDefaults.js';
import {
  EXIT_FIRST_YEAR_FACTOR, HELD_TYPES, MAX_ROUTE_SHARE, PLACES_PER_HOUSEHOLD, ROUTE_BASE, entryNeeds, meanPlaces, startingCounts, startingLocalityMiles,
  type FitParameters,
} from './parameters.js';

export type ScenarioJson = Record<string, unknown>;

const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Zone → weight for places of which `far` (0–1) lie beyond 20 miles: half the near ones in the
 * home zones, half in the near ring; the far ones 50/30/20% across the three far rings. Given the
 * number of households, each group uses no more zones than it expects households (evenly spaced),
 * so laying whole households out by largest remainder keeps each group's share.
 */
export const zoneWeights = (area: AreaLayout, far: number, households?: number): Record<string, number> => {
  const out: Record<string, number> = {};
  const spread = (zones: readonly string[], weight: number): void => {
    if (!(weight > 0) || zones.length === 0) return;
    const used = households === undefined ? [...zones] : evenlySpaced(zones, Math.min(zones.length, Math.max(1, Math.ceil(weight * households))));
    for (const z of used) out[z] = round((out[z] ?? 0) + weight / used.length);
  };
  const near = 1 - far;
  spread(Object.keys(area.homeZones), near / 2);
  spread(area.near.zones, near / 2);
  [0.5, 0.3, 0.2].forEach((share, i) => spread(area.far[i]!.zones, far * share));
  for (const [z, w] of Object.entries(out)) if (!(w > 0)) delete out[z];
  return out;
};

export const farShareOf = (p: PlacementType, farScale: number): number => Math.min(0.95, Math.max(0, (BASE_FAR_SHARE[p] ?? 0.3) * farScale));

/** Route chances by age band: base × scale, capped so a band's routes take at most 90% of its starts. */
export const routeChances = (scale: Readonly<Record<RouteType, number>>): Record<AgeBand, Partial<Record<RouteType, number>>> =>
  Object.fromEntries(AGE_BANDS.map((b, i) => {
    const raw = ROUTE_TYPES.map((r) => ROUTE_BASE[r][i]! * scale[r]);
    const total = raw.reduce((a, x) => a + x, 0);
    const cap = total > MAX_ROUTE_SHARE ? MAX_ROUTE_SHARE / total : 1;
    const shares: Partial<Record<RouteType, number>> = {};
    ROUTE_TYPES.forEach((r, k) => { if (raw[k]! > 0) shares[r] = round(raw[k]! * cap); });
    return [b, shares];
  })) as Record<AgeBand, Partial<Record<RouteType, number>>>;

interface PoolPlan {
  readonly id: string;
  readonly type: CarerType;
  readonly ageRange: readonly [number, number];
  readonly needs: readonly string[];
  readonly extra?: Record<string, unknown>;
  /** Other authorities' children expected in the pool, with their mean stay. */
  readonly external?: { readonly occupancy: number; readonly meanStayDays: number };
}

const FOSTER_NEEDS = ['standard', 'disability', 'uasc'];

const PLANNED: Readonly<Partial<Record<PlacementType, Partial<Record<AgeBand, number>>>>> = {
  inHouseFoster: { under1: 0.35, '1to4': 0.2, '5to9': 0.1, '10to15': 0.1, '16plus': 0.15 },
  ifa: { under1: 0.35, '1to4': 0.2, '5to9': 0.1, '10to15': 0.1, '16plus': 0.15 },
  residentialInHouse: { '10to15': 0.15, '16plus': 0.15 },
  residentialPrivate: { '10to15': 0.15, '16plus': 0.15 },
  supported: { '16plus': 0.1 },
};
const scaleTable = (table: typeof BREAKDOWN_SHAPE, k: number, k16: number = k): Record<string, Record<string, number>> =>
  Object.fromEntries(Object.entries(table).map(([p, bands]) => [p, Object.fromEntries(Object.entries(bands!).map(([b, v]) => [b, round(v! * (b === '16plus' && MOVE_ON_TYPES.has(p) ? k16 : k), 4)]))]));
/** Placements 16–17s move on from (to supported accommodation, first in their hierarchy). */
const MOVE_ON_TYPES: ReadonlySet<string> = new Set(['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate']);

/** Households for `places` places (at least one when any place is wanted). */
export const householdsFor = (c: CarerType, places: number): number =>
  places <= 0 ? 0 : Math.max(1, Math.round(places / meanPlaces(c)));

export interface BuiltScenario {
  readonly json: ScenarioJson;
  /** Households per carer type, as laid out (for notes and tests). */
  readonly households: Readonly<Record<CarerType, number>>;
}

/**
 * The scenario for `inputs` at parameters `p`. `notes` are added as they are (the fit adds its table).
 *
 * @example buildScenario(inputs, initialParameters(inputs), []).json.startDate // the day after asAt
 */
export const buildScenario = (inputs: CalibrationInputs, p: FitParameters, notes: readonly string[]): BuiltScenario => {
  const t = inputs.targets;
  const area = inputs.area;
  const { byType } = startingCounts(inputs);
  const external = (c: CarerType, stay: number) => ({ occupancy: EXTERNAL_DEMAND_SHARE * byType[c], meanStayDays: stay });
  const plans: PoolPlan[] = [
    {
      id: 'inhouse-foster', type: 'inHouseFoster', ageRange: [0, 17], needs: FOSTER_NEEDS,
      extra: { deregistration: { perYear: FOSTER_DEREGISTRATION_PER_YEAR } },
    },
    {
      id: 'ifa', type: 'ifa', ageRange: [0, 17], needs: FOSTER_NEEDS, external: external('ifa', 550),
      extra: { deregistration: { perYear: FOSTER_DEREGISTRATION_PER_YEAR } },
    },
    { id: 'residential-inhouse', type: 'residentialInHouse', ageRange: [5, 17], needs: ['complex', 'disability'], extra: { siblingCapacity: 1, paidWhenEmpty: true } },
    {
      id: 'residential-private', type: 'residentialPrivate', ageRange: [5, 17], needs: ['complex', 'disability'], external: external('residentialPrivate', 500),
      extra: { siblingCapacity: 1, deregistration: { perYear: 0.03 } },
    },
    { id: 'supported', type: 'supported', ageRange: [16, 17], needs: ['standard', 'complex', 'uasc'], extra: { siblingCapacity: 1 } },
    { id: 'parent-and-child', type: 'parentAndChild', ageRange: [0, 0], needs: ['parentAndChild'] },
  ];
  const households = {} as Record<CarerType, number>;
  const carers: ScenarioJson[] = [];
  const externalDemand: ScenarioJson[] = [];
  for (const plan of plans) {
    const externalPlaces = plan.external ? plan.external.occupancy * 1.1 : 0;
    const h = householdsFor(plan.type, p.places[plan.type] + externalPlaces);
    households[plan.type] = h;
    if (h === 0) continue;
    const deregistration = (plan.extra?.deregistration as { perYear: number } | undefined)?.perYear ?? 0;
    carers.push({
      id: plan.id, type: plan.type, households: h,
      zones: zoneWeights(area, farShareOf(plan.type, p.farScale * (HELD_TYPES.has(plan.type) ? p.localityScale : 1)), h),
      places: PLACES_PER_HOUSEHOLD[plan.type], ageRange: plan.ageRange, needs: plan.needs,
      ...plan.extra,
      ...(deregistration > 0 ? { recruitment: { householdsPerYear: round(h * deregistration, 3), pipelineDays: 180 } } : {}),
    });
    if (plan.external && plan.external.occupancy > 0) {
      externalDemand.push({
        carerType: plan.type, pools: [plan.id], meanStayDays: plan.external.meanStayDays,
        arrivalsPerYear: round((plan.external.occupancy * 365.25) / plan.external.meanStayDays, 3),
      });
    }
  }

  const starts = t.startsPerYear * p.entryScale;
  const rates: ScenarioJson[] = [];
  AGE_BANDS.forEach((b) => {
    const total = starts * p.starterMix[b];
    const parentAndChild = b === 'under1' ? Math.min(total, p.parentAndChildPerYear) : 0;
    if (parentAndChild > 0) rates.push({ ageBand: b, need: 'parentAndChild', perYear: round(parentAndChild, 4) });
    const shares = entryNeeds(b, p.complexScale);
    for (const need of NEEDS) {
      const share = shares[need] ?? 0;
      const perYear = (total - parentAndChild) * share;
      if (perYear > 0) rates.push({ ageBand: b, need, perYear: round(perYear, 4) });
    }
  });

  const routeZoneTypes: RouteType[] = ['connected', 'adoption', 'secure', 'other'];
  const h3 = t.threePlusPlacements ?? 0.1;
  const h2 = Math.min(0.3, 2 * h3);
  const json: ScenarioJson = {
    name: inputs.name,
    description: `${inputs.name}: calibrated by \`sufficiency calibrate\` from aggregate figures as at ${inputs.asAt} (${inputs.origin}); starts the next day.`,
    startDate: inputs.startDate,
    years: 5,
    notes: [...notes],
    sources: sourcesOf(inputs),
    geography: { homeZones: area.homeZones, laCodes: [...area.laCodes] },
    initialPopulation: {
      counts: inputs.initialCounts.map((c) => ({ ageBand: c.ageBand, need: c.need, placementType: c.placementType, count: c.count })),
      history: {
        placementsInLast12Months: { 1: round(1 - h2 - h3, 4), 2: round(h2, 4), 3: round(0.7 * h3, 4), 4: round(0.3 * h3, 4) },
        meanYearsInCare: { under1: 0.4, '1to4': 1.5, '5to9': 3, '10to15': 4, '16plus': 4 },
      },
      // Fitted (with the held places' far share) so the far share holds through the horizon, as the
      // Medway baseline's 12 miles does there: see fit.ts.
      placementLocalityMiles: round(startingLocalityMiles(p), 3),
    },
    entries: {
      rates, annualTrend: 0, siblingGroups: { share: 0.15, sizes: { 2: 0.7, 3: 0.3 } }, emergencyShare: 0.35,
    },
    routes: {
      byAgeBand: routeChances(p.routeScale),
      zones: Object.fromEntries(routeZoneTypes.map((r) => [r, zoneWeights(area, farShareOf(r, p.farScale))])),
    },
    exits: {
      hazards: Object.fromEntries(AGE_BANDS.map((b) => [b, [
        { fromYearsInCare: 0, perYear: round(p.exitPerYear[b] * EXIT_FIRST_YEAR_FACTOR[b], 5) },
        { fromYearsInCare: 1, perYear: round(p.exitPerYear[b], 5) },
      ]])),
      reasons: {
        under1: { adoption: 0.45, returnHome: 0.35, specialGuardianship: 0.2 },
        '1to4': { adoption: 0.35, returnHome: 0.4, specialGuardianship: 0.25 },
        '5to9': { returnHome: 0.6, specialGuardianship: 0.3, other: 0.1 },
        '10to15': { returnHome: 0.7, specialGuardianship: 0.1, other: 0.2 },
        '16plus': { returnHome: 0.5, other: 0.5 },
      },
    },
    carers,
    externalDemand,
    disruption: {
      base: scaleTable(BREAKDOWN_SHAPE, p.disruptionScale),
      plannedMoves: scaleTable(PLANNED, p.disruptionScale, p.disruptionScale * p.moveOnScale),
      multipliers: { over20Miles: 1.2, needMismatch: 1.5, emergency: 4, emergencyDays: 28, hub: 0.8 },
      escalationToComplex: round(Math.min(0.25, 0.1 * p.complexScale), 4),
    },
    costs: {
      weekly: Object.fromEntries(Object.entries(inputs.weeklyCosts).map(([k, v]) => [k, v.pounds])),
      annualInflation: 0.04,
      moveCost: 1500,
      needUplift: { complex: 250, disability: 250 },
    },
    matching: {
      hierarchy: ['inHouseFoster', 'ifa', 'parentAndChild', 'supported', 'residentialInHouse', 'residentialPrivate'],
      hierarchyByAgeBand: { '16plus': ['supported', 'inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate'] },
      allowedTypes: {
        standard: ['inHouseFoster', 'ifa', 'supported'],
        complex: ['residentialInHouse', 'residentialPrivate', 'supported'],
        disability: ['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate'],
        parentAndChild: ['parentAndChild'],
        uasc: ['inHouseFoster', 'ifa', 'supported'],
      },
      weights: { distancePerMile: 1, costPer100: 2, hierarchyStep: 15, spareSpecialism: 3 },
      fallback: {
        steps: ['spot', 'unregistered'],
        spotAvailability: 0.85,
        spotType: { standard: 'ifa', complex: 'residentialPrivate', disability: 'residentialPrivate', parentAndChild: 'parentAndChild', uasc: 'supported' },
        spotZones: Object.fromEntries([...area.far[1].zones, ...area.far[2].zones].map((z) => [z, 1])),
        spotCostMultiplier: 1.2,
        retryDays: 7,
      },
    },
  };
  return { json, households };
};

const sourcesOf = (inputs: CalibrationInputs): Record<string, { figure: string; source: string }> => {
  const t = inputs.targets;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const costs = Object.entries(inputs.weeklyCosts).map(([k, v]) => `${k} £${v.pounds} (${v.source})`).join('; ');
  return {
    snapshot: {
      figure: `${t.childrenInCare} children in care at ${inputs.asAt}, ${t.startsPerYear} starts a year; age mix ${AGE_BANDS.map((b) => `${b} ${pct(t.ageShares[b])}`).join(', ')}`,
      source: inputs.origin,
    },
    initialPopulation: {
      figure: 'starting population by age band × placement type raked from the two published mixes (age rules of each placement type as a prior), split by need with fixed shares',
      source: `${inputs.origin}; need shares and age rules are assumptions (README, "Calibrating from your own data")`,
    },
    homeZones: { figure: inputs.area.description, source: 'ONS Postcode Directory Nov 2025 via data/geography (OGL v3.0)' },
    carerZones: {
      figure: `carers and homes in real postcode sectors: home zones and ${inputs.area.near.zones.length} sectors within 12 miles; ${inputs.area.far.map((r) => `${r.zones.length} sectors ${r.fromMiles}–${r.toMiles} miles`).join(', ')} from the home zones' centre`,
      source: 'ONS Postcode Directory Nov 2025 via data/geography (OGL v3.0)',
    },
    farShares: FAR_SHARE_SOURCE,
    placedOver20Miles: t.placedOver20Miles.national ? OVER_20_MILES_SOURCE : { figure: `${pct(t.placedOver20Miles.share)} placed more than 20 miles from home`, source: inputs.origin },
    startsByAge: STARTER_MIX_SOURCE,
    uasc: UASC_SOURCE,
    fosterTurnover: FOSTER_TURNOVER_SOURCE,
    externalDemand: EXTERNAL_DEMAND_SOURCE,
    disruption: DISRUPTION_SOURCE,
    threePlus: t.threePlusPlacements === undefined
      ? { figure: 'not a target: the snapshot gives no three-or-more-placements share and no national figure was verified; history assumes 10%', source: 'national-figures.md, "Not verified"' }
      : { figure: `${pct(t.threePlusPlacements)} of children in care had three or more placements in the year; the starting population carries that history`, source: inputs.origin },
    weeklyCosts: { figure: `£ a child a week: ${costs}`, source: 'national-figures.md ids as listed, or the snapshot' },
    costAssumptions: {
      figure: 'inflation 4% a year; a placement move £1,500; complex or disability needs +£250 a week',
      source: 'assumptions (national figures not verified; as the Medway baseline)',
    },
    exitsAndDurations: {
      figure: 'exit hazards by age band fitted so the number and age mix of children in care hold at the first 31 March; the first year in care has a higher hazard (Medway baseline shape)',
      source: 'calibrated; no national duration distribution was verified (national-figures.md "Not verified")',
    },
    structure: {
      figure: 'placement hierarchy, needs each carer type meets, sibling groups (15% of under-16 standard starts, sizes 2–3), emergency share 35% (their extra breakdown risk, × 4, for the first 28 days), spot-purchase fallback, exit reasons',
      source: 'assumptions, as the Medway baseline (scenarios/medway-2022.json)',
    },
  };
};
