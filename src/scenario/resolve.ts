// Decoded scenario + postcode gazetteer → the resolved scenario the engine runs on.
// Every cross-field rule is checked here and all problems are reported at once.
import {
  PLACEMENTS_IN_A_YEAR, PLACES_PER_HOUSEHOLD, SIBLING_GROUP_SIZE, TOTAL_CHILDREN, TOTAL_ENTRIES_PER_YEAR, TOTAL_EXTERNAL_PER_YEAR,
  TOTAL_HOUSEHOLDS, ZONES, formatNumber, type Bound,
} from '../domain/bounds.js';
import { E } from '../domain/fp.js';
import { distanceMiles, normaliseZoneCode, type Gazetteer } from '../domain/geography.js';
import type { Scenario } from '../domain/scenario.js';
import { DAYS_PER_YEAR, epochDayOf } from '../domain/time.js';
import { days, poundsPerWeek, ratePerYear, simDay, toSimDay, type SimDay } from '../domain/units.js';
import {
  AGE_BANDS, NEEDS, PLACEMENT_TYPES, ROUTE_TYPES, ageBandOfAgeDays, isCarerType,
  type AgeBand, type ExitReason, type Need, type PlacementType,
} from '../domain/vocabulary.js';
import type {
  HazardSteps, HouseholdSpec, InitialChildSpec, PlacementTypeIndex, PoolIndex, PoolSpec, ResolvedScenario, ResolvedZone, WeightedIndices, ZoneIndex,
} from './resolved.js';
import { apportion } from './apportion.js';
import { expandLevers } from './levers.js';

const typeIndex = (p: PlacementType): PlacementTypeIndex => PLACEMENT_TYPES.indexOf(p) as PlacementTypeIndex;
const bandIndex = (b: AgeBand): number => AGE_BANDS.indexOf(b);
const needIndex = (n: Need): number => NEEDS.indexOf(n);
const needsMaskOf = (needs: readonly Need[]): number => needs.reduce((m, n) => m | (1 << needIndex(n)), 0);

class Problems {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly file: string) {}
  add(path: string, message: string): void {
    this.lines.push(`${this.file}: ${path}: ${message}`);
  }
  warn(path: string, message: string): void {
    this.warnings.push(`${this.file}: ${path}: ${message}`);
  }
  /** A total checked against a bound: a problem above its max, a warning above its warning level. True when refused. */
  total(path: string, what: string, value: number, bound: Bound): boolean {
    const shown = `${formatNumber(Math.round(value))} ${what}`;
    if (value > bound.max) {
      this.add(path, `expected at most ${formatNumber(bound.max)}, found ${shown} (${bound.why})`);
      return true;
    }
    if (bound.warnAbove !== undefined && value > bound.warnAbove) this.warn(path, `${shown}, above ${formatNumber(bound.warnAbove)}: ${bound.warnWhy ?? 'unusually many'}`);
    return false;
  }
}

const keyPath = (base: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;

/** Parse `{"1": 0.6, "2": 0.4}` style distributions over whole numbers from `min` to the bound's max. */
const countDistribution = (
  dist: Record<string, number>, path: string, min: number, bound: Bound, problems: Problems,
): WeightedIndices => {
  const indices: number[] = [];
  const weights: number[] = [];
  for (const [k, w] of Object.entries(dist)) {
    const n = Number(k);
    if (!Number.isInteger(n) || n < min) {
      problems.add(keyPath(path, k), `expected a whole number ≥ ${min} as key, found ${JSON.stringify(k)}`);
      continue;
    }
    if (n > bound.max) {
      problems.add(keyPath(path, k), `expected a whole number from ${min} to ${formatNumber(bound.max)} as key, found ${JSON.stringify(k)} (${bound.why})`);
      continue;
    }
    indices.push(n);
    weights.push(w);
  }
  if (indices.length > 0 && !(weights.reduce((s, w) => s + w, 0) > 0)) {
    problems.add(path, 'expected at least one positive weight, found all zero');
  }
  if (indices.length === 0) problems.add(path, 'expected at least one entry, found none');
  return { indices, weights };
};

/**
 * Totals over the whole scenario against their bounds (src/domain/bounds.ts): households (with
 * those recruited over `years`), children at the start, entries a year at the end of the forecast
 * (with the trend) and placements by other authorities. True when one is beyond its bound.
 */
const checkTotals = (s: Scenario, years: number, problems: Problems): boolean => {
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const households = sum(s.carers.map((p) => p.households + (p.recruitment?.householdsPerYear ?? 0) * years));
  const children = sum((s.initialPopulation.counts ?? []).map((c) => c.count)) + (s.initialPopulation.children ?? []).length;
  const growth = Math.max(1, (1 + (s.entries.annualTrend ?? 0)) ** years);
  const entries = sum(s.entries.rates.map((r) => r.perYear)) * growth;
  const external = sum((s.externalDemand ?? []).map((x) => x.arrivalsPerYear));
  return [
    problems.total('$.carers', `households in all pools, with those recruited over ${years} years`, households, TOTAL_HOUSEHOLDS),
    problems.total('$.initialPopulation', 'children in care at the start', children, TOTAL_CHILDREN),
    problems.total('$.entries', `entries a year${growth > 1 ? ` by year ${years}, with the trend` : ''}`, entries, TOTAL_ENTRIES_PER_YEAR),
    problems.total('$.externalDemand', 'children placed by other authorities a year', external, TOTAL_EXTERNAL_PER_YEAR),
  ].some((refused) => refused);
};

export interface ResolveOptions {
  /** Name of the scenario file, for messages. */
  readonly file: string;
  /** Financial years the forecast will run (lever dates must fall inside); default the scenario's. */
  readonly years?: number;
}

/** exp(−miles / scale) for every pair of zones (undefined without a scale), computed once, not per replication. */
const localityOf = (distance: Float64Array, scale: number | undefined): Float64Array | undefined =>
  scale === undefined ? undefined : distance.map((miles) => Math.exp(-miles / scale));

export const resolveScenario = (
  original: Scenario, gazetteer: Gazetteer, options: ResolveOptions,
): E.Either<string[], ResolvedScenario> => {
  const problems = new Problems(options.file);
  const startDay = epochDayOf(original.startDate);
  const years = options.years ?? original.years ?? 5;
  const { scenario: s, effects } = expandLevers(original, years, (path, message) => problems.add(path, message));
  // Totals first: beyond their bounds the households and children are not laid out at all.
  const tooBig = checkTotals(s, years, problems);
  const dayOf = (date: string | undefined, fallback: number): SimDay => (date === undefined ? simDay(fallback) : toSimDay(epochDayOf(date), startDay));
  const zones: ResolvedZone[] = [];
  const zoneIndex = new Map<string, ZoneIndex>();
  const laCodes = new Set(s.geography.laCodes ?? []);
  const insideZones = new Set((s.geography.insideZones ?? []).map(normaliseZoneCode));
  const explicit = new Map(Object.entries(s.geography.zones ?? {}).map(([k, v]) => [normaliseZoneCode(k), v]));

  const zoneOf = (code: string, path: string): ZoneIndex | undefined => {
    const norm = normaliseZoneCode(code);
    const known = zoneIndex.get(norm);
    if (known !== undefined) return known;
    const ex = explicit.get(norm);
    const centroid = ex ?? gazetteer.get(norm);
    if (!centroid) {
      problems.add(path, `expected a zone defined in geography.zones or a UK postcode sector/district, found ${JSON.stringify(code)}`);
      return undefined;
    }
    const inside = ex?.inside ?? (insideZones.has(norm) || (centroid.laCode !== undefined && laCodes.has(centroid.laCode)));
    zones.push({ code: norm, easting: centroid.easting, northing: centroid.northing, inside });
    const z = (zones.length - 1) as ZoneIndex;
    zoneIndex.set(norm, z);
    return z;
  };

  /** `singleZonePath`: the field holds one zone (a lever's `zone`), so name it without the key. */
  const zoneWeights = (w: Record<string, number>, path: string, singleZonePath?: string): WeightedIndices<ZoneIndex> => {
    const indices: ZoneIndex[] = [];
    const weights: number[] = [];
    for (const [code, weight] of Object.entries(w)) {
      const z = zoneOf(code, singleZonePath ?? keyPath(path, code));
      if (z !== undefined) {
        indices.push(z);
        weights.push(weight);
      }
    }
    if (Object.keys(w).length === 0) problems.add(path, 'expected at least one zone, found none');
    else if (!(weights.reduce((a, b) => a + b, 0) > 0) && indices.length === Object.keys(w).length) {
      problems.add(path, 'expected at least one positive weight, found all zero');
    }
    return { indices, weights };
  };

  // Zones named in insideZones must exist too.
  (s.geography.insideZones ?? []).forEach((z, i) => zoneOf(z, `$.geography.insideZones[${i}]`));
  const homeZones = zoneWeights(s.geography.homeZones, '$.geography.homeZones');

  // Carer pools → households.
  const poolIds = new Map<string, PoolIndex>();
  const pools: PoolSpec[] = [];
  const households: HouseholdSpec[] = [];
  const weekly = s.costs.weekly;
  s.carers.forEach((pool, p) => {
    // Pools added by levers report problems at the lever that made them.
    const leverAt = /^lever(\d+)-(\w+)$/.exec(pool.id);
    const path = leverAt ? `$.levers[${Number(leverAt[1]) - 1}]` : `$.carers[${p}]`;
    const oneZone = leverAt && (leverAt[2] === 'inHouseHome' || leverAt[2] === 'emergencyBeds') ? `${path}.zone` : undefined;
    if (poolIds.has(pool.id)) problems.add(`${path}.id`, `expected a unique pool id, found ${JSON.stringify(pool.id)} again`);
    poolIds.set(pool.id, p as PoolIndex);
    const [ageMin, ageMax] = pool.ageRange;
    if (ageMin > ageMax) problems.add(`${path}.ageRange`, `expected [youngest, oldest] with youngest ≤ oldest, found [${ageMin}, ${ageMax}]`);
    if (pool.needs.length === 0) problems.add(`${path}.needs`, 'expected at least one need the carers can meet, found none');
    const z = zoneWeights(pool.zones, `${path}.zones`, oneZone);
    const places: WeightedIndices = typeof pool.places === 'number'
      ? { indices: [pool.places], weights: [1] }
      : countDistribution(pool.places, `${path}.places`, 1, PLACES_PER_HOUSEHOLD, problems);
    const cost = pool.weeklyCost ?? weekly[pool.type];
    if (cost === undefined) problems.add(`${path}.weeklyCost`, `expected a weekly cost here or in costs.weekly.${pool.type}, found neither`);
    const spec: PoolSpec = {
      id: pool.id, type: typeIndex(pool.type), carerType: pool.type, zones: z, places,
      ageMin, ageMax, needsMask: needsMaskOf(pool.needs), needCount: new Set(pool.needs).size,
      siblingCapacity: pool.siblingCapacity, weeklyCost: poundsPerWeek(cost ?? 0), hubShare: pool.hubShare ?? 0,
      paidWhenEmpty: pool.paidWhenEmpty ?? false,
      recruitmentPerYear: ratePerYear(pool.recruitment?.householdsPerYear ?? 0),
      pipelineDays: days(pool.recruitment?.pipelineDays ?? 0),
      recruitFromDay: dayOf(pool.recruitment?.from, 0),
      recruitToDay: dayOf(pool.recruitment?.to, Number.POSITIVE_INFINITY),
      costPerApproval: pool.recruitment?.costPerApproval ?? 0,
      deregistrationPerYear: ratePerYear(pool.deregistration?.perYear ?? 0),
      deregistrationMultiplier: pool.deregistration?.multiplier ?? 1,
      deregistrationMultiplierFromDay: dayOf(pool.deregistration?.multiplierFrom, 0),
      opensDay: simDay(Math.max(0, dayOf(pool.opens, 0))),
      closesDay: dayOf(pool.closes, Number.POSITIVE_INFINITY),
      costPerHouseholdPerYear: pool.costPerHouseholdPerYear ?? 0,
      emergencyMaxStayDays: days(pool.emergencyOnly?.maxStayDays ?? 0),
    };
    if (spec.closesDay <= spec.opensDay) problems.add(`${path}.closes`, `expected a date after the pool opens, found ${pool.closes}`);
    pools.push(spec);
    if (tooBig || z.indices.length === 0 || places.indices.length === 0) return;
    // Lay the households out deterministically: zones and sizes by largest remainder, hub
    // membership spread evenly through the pool (the same in every replication).
    const perZone = apportion(pool.households, z.weights);
    const sizes = apportion(pool.households, places.weights).flatMap((n, i) => Array<number>(n).fill(places.indices[i]!));
    const hubs = Math.round(spec.hubShare * pool.households);
    let k = 0;
    perZone.forEach((n, zi) => {
      for (let j = 0; j < n; j++, k++) {
        const size = sizes[k] ?? places.indices[0]!;
        households.push({
          id: `${pool.id}#${k + 1}`, pool: p as PoolIndex, type: spec.type, zone: z.indices[zi]!, places: size,
          ageMin, ageMax, needsMask: spec.needsMask, needCount: spec.needCount,
          siblingCapacity: Math.min(size, pool.siblingCapacity ?? size), weeklyCost: spec.weeklyCost,
          hub: Math.floor(((k + 1) * hubs) / pool.households) > Math.floor((k * hubs) / pool.households),
          paidWhenEmpty: spec.paidWhenEmpty,
        });
      }
    });
  });

  // Initial population.
  const initialChildren: InitialChildSpec[] = [];
  const startEpochDay = epochDayOf(s.startDate);
  (tooBig ? [] : s.initialPopulation.counts ?? []).forEach((cell, i) => {
    for (let c = 0; c < cell.count; c++) {
      initialChildren.push({
        id: `init-${i + 1}-${c + 1}`, ageDays: undefined, ageBand: bandIndex(cell.ageBand), need: needIndex(cell.need),
        placementType: typeIndex(cell.placementType), homeZone: undefined, placementZone: undefined,
        entryDay: undefined, placementStartDay: undefined, placementsInLast12Months: undefined,
      });
    }
  });
  (s.initialPopulation.children ?? []).forEach((ch, i) => {
    const path = `$.initialPopulation.children[${i}]`;
    const dob = epochDayOf(ch.dateOfBirth);
    const ageDays = startEpochDay - dob;
    if (ageDays < 0 || ageDays >= 18 * DAYS_PER_YEAR) problems.add(`${path}.dateOfBirth`, `expected a child aged 0–17 on ${s.startDate}, found born ${ch.dateOfBirth}`);
    const entryDay = toSimDay(epochDayOf(ch.entryDate), startEpochDay);
    if (entryDay > 0) problems.add(`${path}.entryDate`, `expected a date on or before the start date ${s.startDate}, found ${ch.entryDate}`);
    const placementStartDay = ch.placementStartDate === undefined ? undefined : toSimDay(epochDayOf(ch.placementStartDate), startEpochDay);
    if (placementStartDay !== undefined && (placementStartDay > 0 || placementStartDay < entryDay)) {
      problems.add(`${path}.placementStartDate`, `expected a date between entryDate and the start date, found ${ch.placementStartDate}`);
    }
    const band = AGE_BANDS.indexOf(ageBandOfAgeDays(Math.max(0, ageDays)));
    initialChildren.push({
      id: ch.id, ageDays, ageBand: band, need: needIndex(ch.need), placementType: typeIndex(ch.placementType),
      homeZone: zoneOf(ch.homeZone, `${path}.homeZone`),
      placementZone: ch.placementZone === undefined ? undefined : zoneOf(ch.placementZone, `${path}.placementZone`),
      entryDay, placementStartDay, placementsInLast12Months: ch.placementsInLast12Months,
    });
  });
  const history = s.initialPopulation.history;
  const historyPlacements = countDistribution(history.placementsInLast12Months, '$.initialPopulation.history.placementsInLast12Months', 1, PLACEMENTS_IN_A_YEAR, problems);
  const meanDaysInCare = AGE_BANDS.map((b) => (history.meanYearsInCare[b] ?? 1) * DAYS_PER_YEAR);

  // Entries.
  const siblingSizes = s.entries.siblingGroups
    ? countDistribution(s.entries.siblingGroups.sizes, '$.entries.siblingGroups.sizes', 2, SIBLING_GROUP_SIZE, problems)
    : { indices: [2], weights: [1] };

  // Routes at entry.
  const routes = AGE_BANDS.map((b) => {
    const shares = s.routes.byAgeBand[b] ?? {};
    const types: PlacementTypeIndex[] = [];
    const probs: number[] = [];
    let total = 0;
    for (const r of ROUTE_TYPES) {
      const p = shares[r];
      if (p !== undefined && p > 0) {
        types.push(typeIndex(r));
        probs.push(p);
        total += p;
      }
    }
    if (total > 1 + 1e-9) problems.add(`$.routes.byAgeBand.${b}`, `expected route shares summing to at most 1, found ${total.toFixed(3)}`);
    return { types, probs };
  });
  const routeZones = PLACEMENT_TYPES.map((p) => {
    const w = (s.routes.zones as Partial<Record<string, Record<string, number>>> | undefined)?.[p];
    return w === undefined ? undefined : zoneWeights(w, `$.routes.zones.${p}`);
  });

  // Exits.
  const exitHazards: HazardSteps[] = AGE_BANDS.map((b) => {
    const steps = s.exits.hazards[b] ?? [];
    const path = `$.exits.hazards.${b}`;
    if (steps.length === 0) problems.add(path, 'expected at least one hazard step, found none');
    else if (steps[0]!.fromYearsInCare !== 0) problems.add(`${path}[0].fromYearsInCare`, `expected 0 for the first step, found ${steps[0]!.fromYearsInCare}`);
    steps.forEach((st, i) => {
      if (i > 0 && st.fromYearsInCare <= steps[i - 1]!.fromYearsInCare) {
        problems.add(`${path}[${i}].fromYearsInCare`, `expected steps in increasing order, found ${st.fromYearsInCare} after ${steps[i - 1]!.fromYearsInCare}`);
      }
    });
    return { fromDays: steps.map((st) => st.fromYearsInCare * DAYS_PER_YEAR), perDay: steps.map((st) => st.perYear / DAYS_PER_YEAR) };
  });
  const exitReasons = AGE_BANDS.map((b) => {
    const w = s.exits.reasons[b] ?? {};
    const reasons = (['returnHome', 'specialGuardianship', 'adoption', 'other'] as const).filter((r) => (w[r] ?? 0) > 0);
    return reasons.length === 0
      ? { reasons: ['other'] as ExitReason[], weights: [1] }
      : { reasons: [...reasons] as ExitReason[], weights: reasons.map((r) => w[r]!) };
  });

  (s.disruption.byMonthsInPlacement ?? []).forEach((d, i, all) => {
    const path = `$.disruption.byMonthsInPlacement[${i}].fromMonths`;
    if (i === 0 && d.fromMonths !== 0) problems.add(path, `expected 0 for the first step, found ${d.fromMonths}`);
    if (i > 0 && d.fromMonths <= all[i - 1]!.fromMonths) problems.add(path, `expected steps in increasing order, found ${d.fromMonths} after ${all[i - 1]!.fromMonths}`);
  });

  // External demand.
  const external = (s.externalDemand ?? []).map((x, i) => ({
    type: typeIndex(x.carerType), perYear: ratePerYear(x.arrivalsPerYear), meanStayDays: days(x.meanStayDays),
    pools: x.pools?.map((id, j) => {
      const p = poolIds.get(id);
      if (p === undefined) problems.add(`$.externalDemand[${i}].pools[${j}]`, `expected a carer pool id, found ${JSON.stringify(id)}`);
      return p ?? (-1 as PoolIndex);
    }),
  }));

  // Hazards per day by type × band.
  const perDayTable = (table: Scenario['disruption']['base']): Float64Array => {
    const out = new Float64Array(PLACEMENT_TYPES.length * AGE_BANDS.length);
    PLACEMENT_TYPES.forEach((p, ti) => AGE_BANDS.forEach((b, bi) => {
      out[ti * AGE_BANDS.length + bi] = (table[p]?.[b] ?? 0) / DAYS_PER_YEAR;
    }));
    return out;
  };

  // Costs.
  const weeklyCost = new Float64Array(PLACEMENT_TYPES.map((p) => weekly[p] ?? 0));
  const needUplift = new Float64Array(NEEDS.map((n) => s.costs.needUplift?.[n] ?? 0));
  const usedTypes = new Set<PlacementType>([
    ...(s.initialPopulation.counts ?? []).filter((c) => c.count > 0).map((c) => c.placementType),
    ...(s.initialPopulation.children ?? []).map((c) => c.placementType),
    ...ROUTE_TYPES.filter((r) => AGE_BANDS.some((b) => (s.routes.byAgeBand[b]?.[r] ?? 0) > 0)),
  ]);
  if (s.matching.fallback.steps.includes('unregistered') || !s.matching.fallback.steps.includes('spot')) usedTypes.add('unregistered');
  for (const p of usedTypes) {
    if (weekly[p] === undefined && !isCarerType(p)) problems.add(`$.costs.weekly.${p}`, `expected a weekly cost for ${p} (it is used by the scenario), found nothing`);
  }

  // Matching.
  const m = s.matching;
  const rankOf = (list: readonly PlacementType[], path: string): Float64Array => {
    const rank = new Float64Array(PLACEMENT_TYPES.length).fill(Number.POSITIVE_INFINITY);
    list.forEach((p, i) => {
      if (Number.isFinite(rank[typeIndex(p)]!)) problems.add(`${path}[${i}]`, `expected each type once, found ${p} again`);
      else rank[typeIndex(p)] = i;
    });
    return rank;
  };
  const generalRank = rankOf(m.hierarchy, '$.matching.hierarchy');
  const hierarchyRank = AGE_BANDS.map((b) => {
    const own = m.hierarchyByAgeBand?.[b];
    return own === undefined ? generalRank : rankOf(own, `$.matching.hierarchyByAgeBand.${b}`);
  });
  const allowedTypesMask = NEEDS.map((n) => (m.allowedTypes[n] ?? []).reduce((mask, p) => mask | (1 << typeIndex(p)), 0));
  const spotType = NEEDS.map((n) => (m.fallback.spotType[n] === undefined ? undefined : typeIndex(m.fallback.spotType[n]!)));
  if (m.fallback.steps.includes('spot')) {
    NEEDS.forEach((n, i) => {
      if (spotType[i] === undefined) problems.add(`$.matching.fallback.spotType.${n}`, `expected the carer type a spot purchase buys for ${n} needs (fallback steps include "spot"), found nothing`);
    });
  }
  const spotZones = zoneWeights(m.fallback.spotZones, '$.matching.fallback.spotZones');
  problems.total('$.geography', 'distinct zones named in the scenario', zones.length, ZONES);

  if (problems.lines.length > 0) return E.left(problems.lines);

  const n = zones.length;
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) distance[i * n + j] = distanceMiles(zones[i]!, zones[j]!);
  }

  return E.right({
    scenario: original, warnings: problems.warnings, expanded: s, effects, name: s.name, startEpochDay, defaultYears: s.years ?? 5, zones, zoneIndex, distance, homeZones,
    initialChildren, historyPlacements, meanDaysInCare,
    initialLocality: localityOf(distance, s.initialPopulation.placementLocalityMiles),
    entryCells: s.entries.rates.map((r) => {
      const band = bandIndex(r.ageBand);
      const need = needIndex(r.need);
      const steps = effects.entryFactors.filter((f) => f.bands.includes(band) && f.needs.includes(need)).sort((a, b) => a.fromDay - b.fromDay);
      const factorFromDay = steps.map((f) => f.fromDay);
      const factor: number[] = [];
      steps.forEach((f, i) => factor.push((factor[i - 1] ?? 1) * f.factor));
      return { ageBand: band, need, perYear: r.perYear, factorFromDay, factor };
    }),
    entryTrend: s.entries.annualTrend ?? 0,
    siblingShare: s.entries.siblingGroups?.share ?? 0,
    siblingSizes,
    emergencyShare: s.entries.emergencyShare ?? 0,
    routes, routeZones, exitHazards, exitReasons, households, pools, external,
    breakdownPerDay: perDayTable(s.disruption.base),
    plannedPerDay: perDayTable(s.disruption.plannedMoves),
    multipliers: s.disruption.multipliers,
    escalationToComplex: s.disruption.escalationToComplex,
    placementStepDays: (s.disruption.byMonthsInPlacement ?? []).map((d) => Math.round((d.fromMonths * DAYS_PER_YEAR) / 12)),
    placementStepMultipliers: (s.disruption.byMonthsInPlacement ?? []).map((d) => d.multiplier),
    weeklyCost, needUplift, annualInflation: s.costs.annualInflation, moveCost: s.costs.moveCost,
    hierarchyRank, allowedTypesMask, weights: m.weights,
    fallback: {
      steps: m.fallback.steps, spotAvailability: m.fallback.spotAvailability, spotType, spotZones,
      spotCostMultiplier: m.fallback.spotCostMultiplier, retryDays: m.fallback.retryDays,
    },
  });
};
