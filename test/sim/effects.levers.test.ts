// Each lever moves the metric it is for, in the direction it says, on the tiny fixture with the
// lever as the only difference and the same seeds (common random numbers). Where the streams make
// the effect exact — places added or kept, prices — the size is checked replication by
// replication; elsewhere the paired mean difference over 40 replications must lie beyond 3
// standard errors on the stated side. The effects here measure 5.5–23 standard errors on seed 5,
// so the margin is wide; the seeds are fixed, so the outcome is deterministic.
//
// Already tested elsewhere (test/sim/levers.test.ts): a lever set to do nothing gives identical
// rows (recruitInHouse, prevention, retention, market, hubSupport, stepDown); an IFA price rise
// leaves every non-money metric identical; lever costs as their cost models say; option costs
// decompose to the penny; in-house recruitment never raises shortfalls in expectation. The size of
// the hub factor on each placement is in test/sim/effects.hazards.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { financialYearsFrom } from '../../src/domain/time.js';
import { AGE_BANDS, NEEDS } from '../../src/domain/vocabulary.js';
import { metricIndex } from '../../src/domain/metricCatalog.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';
import { runReplicationRange } from '../../src/sim/forecast.js';
import { resolveFixture, tinyScenarioJson } from '../fixtures/tinyScenario.js';

const RUNS = 40;
const SEED = 5;

type Json = Record<string, any>;

const columnsOf = (json: Json): ReplicationColumns => {
  const rs = resolveFixture(json);
  const c = new ReplicationColumns(RUNS, rs.defaultYears);
  runReplicationRange(rs, { seed: SEED, runs: RUNS, years: rs.defaultYears }, 0, RUNS, (r, rows) => c.add(r, rows));
  return c;
};
const withLever = (json: Json, lever: unknown): Json => ({ ...json, levers: [lever] });
// Each describe runs its scenarios in beforeEach, not as the file is collected: mutation runs
// (npm run mutation) switch the mutant on in a beforeEach hook, and would not see a run made before.
const value = (c: ReplicationColumns, k: number, metric: string, r: number): number => c.column(k, metricIndex(metric))[r]!;

/** Per replication, the option's metric minus the base's, summed over the years (NaN years left out). */
const pairedDifferences = (base: ReplicationColumns, option: ReplicationColumns, metric: string): number[] => {
  const out: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let d = 0;
    for (let k = 0; k < base.years; k++) {
      const a = value(option, k, metric, r);
      const b = value(base, k, metric, r);
      if (!Number.isNaN(a) && !Number.isNaN(b)) d += a - b;
    }
    out.push(d);
  }
  return out;
};

/** The paired mean difference in standard errors (its z score). */
const zOf = (d: readonly number[]): number => {
  const mean = d.reduce((a, x) => a + x, 0) / d.length;
  const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (d.length - 1));
  return sd === 0 ? (mean === 0 ? 0 : Math.sign(mean) * Number.POSITIVE_INFINITY) : mean / (sd / Math.sqrt(d.length));
};

const raises = (base: ReplicationColumns, option: ReplicationColumns, metric: string): void =>
  expect(zOf(pairedDifferences(base, option, metric)), `${metric} should rise`).toBeGreaterThan(3);
const lowers = (base: ReplicationColumns, option: ReplicationColumns, metric: string): void =>
  expect(zOf(pairedDifferences(base, option, metric)), `${metric} should fall`).toBeLessThan(-3);

const SEGMENTS = AGE_BANDS.flatMap((b) => NEEDS.map((n) => `${b}.${n}`));
const places = (c: ReplicationColumns, k: number, segment: string, r: number): number => value(c, k, `placesBySegment.${segment}`, r);

describe('recruitInHouse', () => {
  const json = tinyScenarioJson();
  const lever = { lever: 'recruitInHouse', householdsPerYear: 6, places: 1, ageRange: [0, 17], needs: ['standard', 'complex'], pipelineDays: 60, costPerApproval: 8000 };
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, lever));
  });
  const rs = resolveFixture(json);

  it('places more children with in-house carers, fewer with IFAs, and cuts shortfalls', () => {
    raises(base, option, 'childrenInCareByPlacementType.inHouseFoster');
    lowers(base, option, 'childrenInCareByPlacementType.ifa');
    lowers(base, option, 'shortfalls');
  });

  it('adds in-house places for standard needs: never fewer, no more than the approvals so far (1 place each); none for complex needs, which may not go in-house', () => {
    // The recruits are a new pool with its own recruitment and deregistration streams: every
    // other household comes and goes as in the base.
    for (let r = 0; r < RUNS; r++) {
      let approved = 0;
      for (let k = 0; k < base.years; k++) {
        // Approvals cost £8,000 each at the year's prices.
        const n = value(option, k, 'leverCosts', r) / (8000 * (1 + rs.annualInflation) ** k);
        expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-6);
        approved += Math.round(n);
        // Ages 0–17: a recruit serves every age band, so the standard-needs segments all gain the same.
        const added = places(option, k, '10to15.standard', r) - places(base, k, '10to15.standard', r);
        expect(added).toBeGreaterThanOrEqual(0);
        expect(added).toBeLessThanOrEqual(approved);
        for (const s of SEGMENTS) expect([k, s, places(option, k, s, r) - places(base, k, s, r)]).toEqual([k, s, s.endsWith('.standard') ? added : 0]);
      }
    }
  });

  it('approves about 6 households a year once the 60-day pipeline is through (4 SE, Poisson)', () => {
    // 2023/24 is a whole year after the pipeline: approvals are Poisson with mean 6.
    let total = 0;
    for (let r = 0; r < RUNS; r++) total += value(option, 1, 'leverCosts', r) / (8000 * (1 + rs.annualInflation));
    expect(Math.abs(total / RUNS - 6)).toBeLessThan(4 * Math.sqrt(6 / RUNS));
  });
});

describe('retention', () => {
  const json = tinyScenarioJson();
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, { lever: 'retention', deregistrationMultiplier: 0.2, costPerHouseholdPerYear: 0 }));
  });

  it('keeps every in-house household at least as long: places never fewer, in any segment, year or replication', () => {
    // Each household spends the same budget at a fifth of the rate: it leaves later or not at all.
    let more = 0;
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < base.years; k++) {
        for (const s of SEGMENTS) {
          const d = places(option, k, s, r) - places(base, k, s, r);
          expect(d).toBeGreaterThanOrEqual(0);
          if (d > 0) more++;
        }
      }
    }
    expect(more).toBeGreaterThan(0);
  });

  it('places more children in-house, fewer with IFAs', () => {
    raises(base, option, 'childrenInCareByPlacementType.inHouseFoster');
    lowers(base, option, 'childrenInCareByPlacementType.ifa');
  });
});

describe('blockContract', () => {
  const json = tinyScenarioJson();
  const lever = {
    lever: 'blockContract', carerType: 'ifa', places: 4, zones: { HOME1: 1 }, weeklyCost: 800, from: '2023-01-01', to: '2025-03-31',
    ageRange: [0, 17], needs: ['standard', 'complex'],
  };
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, lever));
  });

  it('adds exactly its 4 places to every segment IFA may serve, for as long as it runs', () => {
    // IFA is allowed for standard and complex needs (the fixture's rules); ages 0–17 cover every
    // band. The block ends on 31 March 2025, so it is gone at that day's count.
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < base.years; k++) {
        for (const s of SEGMENTS) {
          const served = (s.endsWith('.standard') || s.endsWith('.complex')) && k < 2;
          expect([k, s, places(option, k, s, r) - places(base, k, s, r)]).toEqual([k, s, served ? 4 : 0]);
        }
      }
    }
  });

  it('cuts shortfalls, and its empty places are voids', () => {
    lowers(base, option, 'shortfalls');
    raises(base, option, 'voids.ifa');
    for (let r = 0; r < RUNS; r++) for (let k = 0; k < base.years; k++) expect(value(option, k, 'voids.ifa', r)).toBeLessThanOrEqual(4);
  });
});

describe('inHouseHome', () => {
  // The fixture's rules do not allow a children's home of the authority's own: allow it for complex
  // needs, as the first choice for them.
  const json = tinyScenarioJson() as Json;
  json.matching.allowedTypes.complex = ['ifa', 'residentialInHouse', 'residentialPrivate', 'supported'];
  json.matching.hierarchy = ['inHouseFoster', 'residentialInHouse', 'ifa', 'supported', 'residentialPrivate'];
  const lever = { lever: 'inHouseHome', places: 2, opens: '2023-06-01', zone: 'HOME1', ageRange: [8, 17], needs: ['complex'], runningCostPerYear: 500000, capitalCost: 0 };
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, lever));
  });

  it('adds its 2 places for complex needs aged 8–17 from the day it opens (not at 31 March 2023, before it)', () => {
    const served = new Set(['5to9.complex', '10to15.complex', '16plus.complex']);
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < base.years; k++) {
        for (const s of SEGMENTS) expect([k, s, places(option, k, s, r) - places(base, k, s, r)]).toEqual([k, s, k > 0 && served.has(s) ? 2 : 0]);
      }
      expect(value(option, 0, 'childrenInCareByPlacementType.residentialInHouse', r)).toBe(0);
    }
  });

  it('takes complex-needs children in its own home instead of IFA or private ones', () => {
    raises(base, option, 'childrenInCareByPlacementType.residentialInHouse');
    lowers(base, option, 'costByPlacementType.ifa');
  });
});

describe('emergencyBeds', () => {
  // No spot purchases: a child with no suitable vacancy goes unregistered unless a bed is free.
  const json = tinyScenarioJson() as Json;
  json.matching.fallback.spotAvailability = 0;
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, { lever: 'emergencyBeds', places: 2, zone: 'HOME1', maxStayDays: 14, runningCostPerYear: 100000 }));
  });

  it('cuts child-weeks unregistered; the beds are not counted as places a search can find', () => {
    lowers(base, option, 'unregistered');
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < base.years; k++) for (const s of SEGMENTS) expect(places(option, k, s, r)).toBe(places(base, k, s, r));
    }
  });
});

describe('hubSupport', () => {
  const json = tinyScenarioJson();
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, { lever: 'hubSupport', share: 1, hazardMultiplier: 0.2, householdsPerHub: 10, costPerHubPerYear: 0 }));
  });

  it('cuts breakdowns (and so moves)', () => {
    lowers(base, option, 'disruptions');
    lowers(base, option, 'moves');
  });
});

describe('prevention', () => {
  const json = tinyScenarioJson();
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, { lever: 'prevention', reduction: 0.3, costPerYear: 0 }));
  });

  it('cuts starts by 30% (4 SE of the paired differences)', () => {
    // Every cell's rate × 0.7, so expected starts are 0.7 × the base's: the mean of
    // (option − 0.7 × base) over replications is 0 within 4 standard errors.
    lowers(base, option, 'starts');
    const d: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let dr = 0;
      for (let k = 0; k < base.years; k++) dr += value(option, k, 'starts', r) - 0.7 * value(base, k, 'starts', r);
      d.push(dr);
    }
    expect(Math.abs(zOf(d))).toBeLessThan(4);
  });

  // Entries are thinned from candidates drawn at twice the rate, and each candidate seeds its
  // own stream whether it is kept or not: the option's entries are a subset of the base's.
  it('keeps every entry it does not prevent: starts never more than the base\'s in any year or replication, and fewer somewhere', () => {
    let more = 0;
    let fewer = 0;
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < base.years; k++) {
        const d = value(option, k, 'starts', r) - value(base, k, 'starts', r);
        if (d > 0) more++;
        if (d < 0) fewer++;
      }
    }
    expect({ more, someFewer: fewer > 0 }).toEqual({ more: 0, someFewer: true });
  });

  it('leaves fewer children in care and fewer shortfalls', () => {
    lowers(base, option, 'childrenInCare');
    lowers(base, option, 'shortfalls');
  });

  it('only for the age bands and needs it names', () => {
    // No entries of complex-needs babies in the fixture: preventing them changes nothing at all.
    const none = columnsOf(withLever(json, { lever: 'prevention', reduction: 0.5, costPerYear: 0, ageBands: ['under1'], needs: ['complex'] }));
    for (let k = 0; k < base.years; k++) expect(Array.from(none.column(k, metricIndex('starts')))).toEqual(Array.from(base.column(k, metricIndex('starts'))));
    expect(pairedDifferences(base, none, 'cost').every((d) => d === 0)).toBe(true);
    // Half the complex-needs teenagers (2 a year): fewer starts, never more.
    const teens = columnsOf(withLever(json, { lever: 'prevention', reduction: 0.5, costPerYear: 0, ageBands: ['10to15'], needs: ['complex'] }));
    lowers(base, teens, 'starts');
  });
});

describe('stepDown', () => {
  const json = tinyScenarioJson();
  let base: ReplicationColumns;
  let option: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
    option = columnsOf(withLever(json, { lever: 'stepDown', afterMonths: 6, successProbability: 1, costPerStepDown: 0 }));
  });

  it('moves children from residential to foster care', () => {
    raises(base, option, 'stepDowns');
    lowers(base, option, 'childrenInCareByPlacementType.residentialPrivate');
    raises(base, option, 'childrenInCareByPlacementType.ifa');
    for (let r = 0; r < RUNS; r++) for (let k = 0; k < base.years; k++) expect(value(base, k, 'stepDowns', r)).toBe(0);
  });

  it('a lower success chance steps fewer children down', () => {
    const half = columnsOf(withLever(json, { lever: 'stepDown', afterMonths: 6, successProbability: 0.3, costPerStepDown: 0 }));
    lowers(option, half, 'stepDowns');
  });
});

describe('market', () => {
  const json = tinyScenarioJson();
  let base: ReplicationColumns;
  beforeEach(() => {
    base = columnsOf(json);
  });
  const rs = resolveFixture(json);
  const fys = financialYearsFrom(rs.startEpochDay, rs.defaultYears);

  it('an IFA price rise of 10% from 2023/24 makes IFA spend exactly 10% more from that year, and the same before', () => {
    const option = columnsOf(withLever(json, { lever: 'market', from: '2023/24', priceChanges: { ifa: 0.1 } }));
    expect(fys.map((y) => y.label)).toEqual(['2022/23', '2023/24', '2024/25']);
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < base.years; k++) {
        const b = value(base, k, 'costByPlacementType.ifa', r);
        expect(value(option, k, 'costByPlacementType.ifa', r)).toBeCloseTo(k === 0 ? b : b * 1.1, 4);
        // Other types' spend is unchanged.
        expect(value(option, k, 'costByPlacementType.inHouseFoster', r)).toBe(value(base, k, 'costByPlacementType.inHouseFoster', r));
      }
    }
  });

  it('three times the other authorities\' demand fills more IFA places and leaves fewer for our children', () => {
    const option = columnsOf(withLever(json, { lever: 'market', from: '2022/23', externalDemandMultiplier: 3 }));
    raises(base, option, 'occupancy.ifa');
    lowers(base, option, 'childrenInCareByPlacementType.ifa');
    raises(base, option, 'shortfalls');
  });
});
