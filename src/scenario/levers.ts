// Levers → an expanded scenario. Each lever becomes ordinary, inspectable parts: new carer
// pools (recruitment, block contracts, homes, emergency beds), changed pools (retention, hubs),
// and effects the engine applies (entry rates, step-down, prices, fixed costs). Pure.
import type { Lever } from '../domain/lever.js';
import type { CarerPool, Scenario } from '../domain/scenario.js';
import { epochDayOf, financialYearsFrom } from '../domain/time.js';
import { AGE_BANDS, NEEDS, PLACEMENT_TYPES, type AgeBand, type Need } from '../domain/vocabulary.js';

const WEEKS_PER_YEAR = 365.25 / 7;

export interface LeverEffects {
  /** Entry-rate factors: from a day, children of these age bands and needs enter at `factor` × the rate. */
  readonly entryFactors: readonly { readonly bands: readonly number[]; readonly needs: readonly number[]; readonly fromDay: number; readonly factor: number }[];
  readonly stepDown: { readonly afterDays: number; readonly probability: number; readonly bands: readonly number[]; readonly fromDay: number; readonly cost: number } | undefined;
  /** Price factors by placement type from the first day of a financial year. */
  readonly priceChanges: readonly { readonly fromDay: number; readonly factors: Float64Array }[];
  readonly oneOffCosts: readonly { readonly day: number; readonly pounds: number; readonly lever: number }[];
  readonly annualCosts: readonly { readonly fromDay: number; readonly toDay: number; readonly perYear: number; readonly lever: number }[];
  /** Multiplier of hub households' deregistration rate. */
  readonly hubDeregistrationMultiplier: number;
}

export interface Expanded {
  readonly scenario: Scenario;
  readonly effects: LeverEffects;
}

const NO_EFFECTS: LeverEffects = {
  entryFactors: [], stepDown: undefined, priceChanges: [], oneOffCosts: [], annualCosts: [], hubDeregistrationMultiplier: 1,
};

const mergeZones = (pools: readonly CarerPool[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of pools) {
    const total = Object.values(p.zones).reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    for (const [z, w] of Object.entries(p.zones)) out[z] = (out[z] ?? 0) + (w / total) * p.households;
  }
  return out;
};

/**
 * Apply the scenario's levers. `problems` collects messages as `path: message` (the caller adds
 * the file name). Days are counted from the scenario start; dates must fall inside the horizon.
 */
export const expandLevers = (s: Scenario, years: number, problem: (path: string, message: string) => void): Expanded => {
  const levers = s.levers ?? [];
  if (levers.length === 0) return { scenario: s, effects: NO_EFFECTS };
  const start = epochDayOf(s.startDate);
  const fys = financialYearsFrom(start, years);
  const end = fys[fys.length - 1]!.endDay;
  const lastDate = fys[fys.length - 1]!.yearEnd;
  const dayOf = (date: string | undefined, path: string, fallback: number): number => {
    if (date === undefined) return fallback;
    const d = epochDayOf(date) - start;
    if (d < 0 || d > end) problem(path, `expected a date from ${s.startDate} to ${lastDate} (the forecast horizon), found ${date}`);
    return d;
  };
  let carers: CarerPool[] = s.carers.map((p) => ({ ...p }));
  const inHouse = (): CarerPool[] => carers.filter((p) => p.type === 'inHouseFoster' && !p.id.startsWith('lever'));
  const targetPools = (ids: readonly string[] | undefined, path: string): Set<string> => {
    if (ids === undefined) return new Set(inHouse().map((p) => p.id));
    ids.forEach((id, j) => {
      if (!carers.some((p) => p.id === id)) problem(`${path}[${j}]`, `expected a carer pool id, found ${JSON.stringify(id)}`);
    });
    return new Set(ids);
  };
  const entryFactors: LeverEffects['entryFactors'][number][] = [];
  const priceChanges: LeverEffects['priceChanges'][number][] = [];
  const oneOffCosts: LeverEffects['oneOffCosts'][number][] = [];
  const annualCosts: LeverEffects['annualCosts'][number][] = [];
  let stepDown: LeverEffects['stepDown'];
  let hubDeregistrationMultiplier = 1;
  let multipliers = s.disruption.multipliers;
  let externalDemand = s.externalDemand;

  levers.forEach((l: Lever, i) => {
    const path = `$.levers[${i}]`;
    const id = `lever${i + 1}-${l.lever}`;
    switch (l.lever) {
      case 'recruitInHouse': {
        const from = dayOf(l.from, `${path}.from`, 0);
        const to = dayOf(l.to, `${path}.to`, end);
        if (to < from) problem(`${path}.to`, `expected a date on or after from (${l.from ?? s.startDate}), found ${l.to}`);
        const existing = inHouse();
        // By default new carers live where the authority's carers live, or else where its children do.
        const merged = mergeZones(existing);
        const zones = l.zones ?? (Object.values(merged).some((w) => w > 0) ? merged : s.geography.homeZones);
        const dereg = l.deregistrationPerYear
          ?? (existing.length > 0 ? existing.reduce((a, p) => a + (p.deregistration?.perYear ?? 0) * p.households, 0) / Math.max(1, existing.reduce((a, p) => a + p.households, 0)) : 0);
        carers.push({
          id, type: 'inHouseFoster', households: 0, zones, places: l.places, ageRange: l.ageRange, needs: l.needs,
          ...(l.weeklyCost === undefined ? {} : { weeklyCost: l.weeklyCost }),
          ...(l.hubShare === undefined ? {} : { hubShare: l.hubShare }),
          recruitment: {
            householdsPerYear: l.householdsPerYear, pipelineDays: l.pipelineDays, costPerApproval: l.costPerApproval,
            ...(l.from === undefined ? {} : { from: l.from }), ...(l.to === undefined ? {} : { to: l.to }),
          },
          deregistration: { perYear: dereg },
        } as CarerPool);
        break;
      }
      case 'retention': {
        const from = l.from;
        dayOf(from, `${path}.from`, 0);
        const ids = targetPools(l.pools, `${path}.pools`);
        carers = carers.map((p) => (ids.has(p.id)
          ? {
            ...p,
            deregistration: {
              ...(p.deregistration ?? { perYear: 0 }),
              multiplier: (p.deregistration?.multiplier ?? 1) * l.deregistrationMultiplier,
              ...(from === undefined ? {} : { multiplierFrom: from }),
            },
            costPerHouseholdPerYear: (p.costPerHouseholdPerYear ?? 0) + l.costPerHouseholdPerYear,
          } as CarerPool
          : p));
        break;
      }
      case 'blockContract': {
        const from = dayOf(l.from, `${path}.from`, 0);
        const to = dayOf(l.to, `${path}.to`, end);
        if (to <= from) problem(`${path}.to`, `expected a date after from (${l.from}), found ${l.to}`);
        const foster = l.carerType === 'ifa' || l.carerType === 'inHouseFoster';
        const per = l.placesPerHousehold ?? (foster ? 1 : l.places);
        if (l.places % per !== 0) problem(`${path}.places`, `expected a multiple of placesPerHousehold (${per}), found ${l.places}`);
        carers.push({
          id, type: l.carerType, households: Math.floor(l.places / per), zones: l.zones, places: per, ageRange: l.ageRange,
          needs: l.needs, weeklyCost: l.weeklyCost, paidWhenEmpty: true, opens: l.from, closes: l.to,
        } as CarerPool);
        break;
      }
      case 'inHouseHome': {
        const opens = dayOf(l.opens, `${path}.opens`, 0);
        if (l.closes !== undefined && dayOf(l.closes, `${path}.closes`, end) <= opens) problem(`${path}.closes`, `expected a date after opens (${l.opens}), found ${l.closes}`);
        carers.push({
          id, type: 'residentialInHouse', households: 1, zones: { [l.zone]: 1 }, places: l.places, ageRange: l.ageRange, needs: l.needs,
          weeklyCost: l.runningCostPerYear / WEEKS_PER_YEAR / l.places, paidWhenEmpty: true, opens: l.opens,
          ...(l.closes === undefined ? {} : { closes: l.closes }),
        } as CarerPool);
        if (l.capitalCost > 0) oneOffCosts.push({ day: opens, pounds: l.capitalCost, lever: i });
        break;
      }
      case 'emergencyBeds': {
        dayOf(l.from, `${path}.from`, 0);
        carers.push({
          id, type: l.placementType ?? 'residentialInHouse', households: 1, zones: { [l.zone]: 1 }, places: l.places,
          ageRange: l.ageRange ?? [0, 17], needs: [...NEEDS], siblingCapacity: 1,
          weeklyCost: l.runningCostPerYear / WEEKS_PER_YEAR / l.places, paidWhenEmpty: true,
          emergencyOnly: { maxStayDays: l.maxStayDays }, ...(l.from === undefined ? {} : { opens: l.from }),
        } as CarerPool);
        break;
      }
      case 'hubSupport': {
        const ids = targetPools(l.pools, `${path}.pools`);
        let hubHouseholds = 0;
        carers = carers.map((p) => {
          if (!ids.has(p.id)) return p;
          hubHouseholds += Math.round(l.share * p.households);
          return { ...p, hubShare: l.share } as CarerPool;
        });
        multipliers = { ...multipliers, hub: l.hazardMultiplier };
        hubDeregistrationMultiplier = l.deregistrationMultiplier ?? 1;
        const hubs = Math.ceil(hubHouseholds / l.householdsPerHub);
        if (hubs > 0 && l.costPerHubPerYear > 0) annualCosts.push({ fromDay: 0, toDay: end + 1, perYear: hubs * l.costPerHubPerYear, lever: i });
        break;
      }
      case 'prevention': {
        const from = dayOf(l.from, `${path}.from`, 0);
        const bands = (l.ageBands ?? [...AGE_BANDS]).map((b: AgeBand) => AGE_BANDS.indexOf(b));
        const needs = (l.needs ?? [...NEEDS]).map((n: Need) => NEEDS.indexOf(n));
        entryFactors.push({ bands, needs, fromDay: from, factor: 1 - l.reduction });
        if (l.costPerYear > 0) annualCosts.push({ fromDay: from, toDay: end + 1, perYear: l.costPerYear, lever: i });
        break;
      }
      case 'stepDown': {
        if (stepDown !== undefined) problem(path, 'expected one stepDown lever, found a second');
        stepDown = {
          afterDays: Math.round((l.afterMonths * 365.25) / 12), probability: l.successProbability,
          bands: (l.ageBands ?? [...AGE_BANDS]).map((b: AgeBand) => AGE_BANDS.indexOf(b)),
          fromDay: dayOf(l.from, `${path}.from`, 0), cost: l.costPerStepDown,
        };
        break;
      }
      case 'market': {
        const fy = fys.find((y) => y.label === l.from);
        if (fy === undefined) problem(`${path}.from`, `expected a financial year from ${fys[0]!.label} to ${fys[fys.length - 1]!.label}, found ${l.from}`);
        const factors = new Float64Array(PLACEMENT_TYPES.length).fill(1);
        for (const [type, change] of Object.entries(l.priceChanges ?? {})) {
          factors[PLACEMENT_TYPES.indexOf(type as (typeof PLACEMENT_TYPES)[number])] = 1 + (change as number);
        }
        priceChanges.push({ fromDay: Math.max(0, fy?.startDay ?? 0), factors });
        if (l.externalDemandMultiplier !== undefined) {
          const m = l.externalDemandMultiplier;
          externalDemand = (externalDemand ?? []).map((x) => ({ ...x, arrivalsPerYear: (x.arrivalsPerYear * m) as typeof x.arrivalsPerYear }));
        }
        break;
      }
    }
  });

  return {
    scenario: {
      ...s, carers, disruption: { ...s.disruption, multipliers },
      ...(externalDemand === undefined ? {} : { externalDemand }),
    } as Scenario,
    effects: { entryFactors, stepDown, priceChanges, oneOffCosts, annualCosts, hubDeregistrationMultiplier },
  };
};
