// Options compared honestly: common random numbers make a no-op exactly zero, comparisons are
// antisymmetric, costs decompose to the penny, and more carers do not raise shortfalls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financialYearsFrom } from '../../src/domain/time.js';
import { METRIC_COUNT, METRICS, metricIndex } from '../../src/domain/metricCatalog.js';
import { compareOption, COMPARED_METRICS } from '../../src/metrics/compare.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';
import { runReplicationRange } from '../../src/sim/forecast.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { scenarioArbitrary } from '../fixtures/arbitraries.js';
import { resolveFixture, tinyScenarioJson } from '../fixtures/tinyScenario.js';

const columnsOf = (rs: ResolvedScenario, runs: number, seed = 5): ReplicationColumns => {
  const cols = new ReplicationColumns(runs, rs.defaultYears);
  runReplicationRange(rs, { seed, runs, years: rs.defaultYears }, 0, runs, (r, rows) => cols.add(r, rows));
  return cols;
};
const withLevers = (json: Record<string, any>, levers: unknown[]): Record<string, any> => ({ ...json, levers });
const allRows = (c: ReplicationColumns): number[] => {
  const out: number[] = [];
  for (let k = 0; k < c.years; k++) for (let m = 0; m < METRIC_COUNT; m++) out.push(...Array.from(c.column(k, m)));
  return out;
};

const ZERO_EFFECT_LEVERS = [
  { lever: 'recruitInHouse', householdsPerYear: 0, places: 1, ageRange: [0, 17], needs: ['standard'], pipelineDays: 90, costPerApproval: 5000 },
  { lever: 'prevention', reduction: 0, costPerYear: 0 },
  { lever: 'retention', deregistrationMultiplier: 1, costPerHouseholdPerYear: 0 },
  { lever: 'market', from: '2023/24', priceChanges: {} },
  // The fixture's in-house pool already has half its households in hubs at multiplier 0.7.
  { lever: 'hubSupport', share: 0.5, hazardMultiplier: 0.7, householdsPerHub: 10, costPerHubPerYear: 0 },
  { lever: 'stepDown', afterMonths: 6, successProbability: 0, costPerStepDown: 0 },
];

describe('common random numbers', () => {
  it('comparing a scenario with itself gives exactly zero difference', () => {
    const rs = resolveFixture(tinyScenarioJson());
    const a = columnsOf(rs, 40);
    const c = compareOption(a, columnsOf(rs, 40), financialYearsFrom(rs.startEpochDay, rs.defaultYears));
    for (const y of c.years) for (const m of y.metrics) expect([m.metric, m.difference.mean]).toEqual([m.metric, m.metric === 'longTermStability' && m.difference.mean === null ? null : 0]);
    expect(c.netCost).toBe(0);
    expect(c.breakEvenYear).toBeNull();
  });

  it.each(ZERO_EFFECT_LEVERS)('a lever with no effect gives identical rows ($lever)', (lever) => {
    const base = resolveFixture(tinyScenarioJson());
    const option = resolveFixture(withLevers(tinyScenarioJson(), [lever]));
    expect(allRows(columnsOf(option, 30))).toEqual(allRows(columnsOf(base, 30)));
  });

  it('a lever changes only what it touches: an IFA price rise leaves every non-money metric identical', () => {
    const base = columnsOf(resolveFixture(tinyScenarioJson()), 30);
    const option = columnsOf(resolveFixture(withLevers(tinyScenarioJson(), [{ lever: 'market', from: '2023/24', priceChanges: { ifa: 0.1 } }])), 30);
    METRICS.forEach((m, i) => {
      if (m.unit.startsWith('pounds')) return;
      for (let k = 0; k < base.years; k++) expect(Array.from(option.column(k, i))).toEqual(Array.from(base.column(k, i)));
    });
  });
});

describe('comparison', () => {
  it('is antisymmetric: A vs B = −(B vs A), and P(better) complements', () => {
    const rsA = resolveFixture(tinyScenarioJson());
    const rsB = resolveFixture(withLevers(tinyScenarioJson(), [{ lever: 'recruitInHouse', householdsPerYear: 6, places: 1, ageRange: [0, 17], needs: ['standard', 'complex'], pipelineDays: 60, costPerApproval: 8000 }]));
    const fys = financialYearsFrom(rsA.startEpochDay, rsA.defaultYears);
    const a = columnsOf(rsA, 60);
    const b = columnsOf(rsB, 60);
    const ab = compareOption(a, b, fys);
    const ba = compareOption(b, a, fys);
    ab.years.forEach((y, k) => y.metrics.forEach((m, i) => {
      const n = ba.years[k]!.metrics[i]!;
      if (m.difference.mean !== null) expect(m.difference.mean).toBeCloseTo(-n.difference.mean!, 3);
      if (m.probabilityBetter !== null) expect(m.probabilityBetter + n.probabilityBetter!).toBeCloseTo(1, 3);
    }));
    expect(ab.netCost! + ba.netCost!).toBeCloseTo(0, 1);
    expect(COMPARED_METRICS.length).toBe(ab.years[0]!.metrics.length);
  });

  it('costs of an option = base costs + lever costs + changed placement, move and void costs, to the penny', () => {
    fc.assert(fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 4 }), (json, households) => {
      const levers = [
        { lever: 'recruitInHouse', householdsPerYear: households, places: 1, ageRange: [0, 17], needs: ['standard'], pipelineDays: 30, costPerApproval: 7000 },
        { lever: 'inHouseHome', places: 2, opens: '2023-06-01', zone: 'HOME1', ageRange: [8, 17], needs: ['complex'], runningCostPerYear: 500000, capitalCost: 250000 },
        { lever: 'prevention', reduction: 0.2, costPerYear: 100000 },
      ];
      const three = { ...json, years: 3 }; // the levers' dates fall in the second year
      const base = resolveFixture(three);
      const option = resolveFixture(withLevers(three, levers));
      const b = columnsOf(base, 8);
      const o = columnsOf(option, 8);
      const at = (c: ReplicationColumns, k: number, key: string, r: number): number => c.column(k, metricIndex(key))[r]!;
      const placement = (c: ReplicationColumns, k: number, r: number): number =>
        PLACEMENT_TYPES.reduce((s, p) => s + at(c, k, `costByPlacementType.${p}`, r), 0);
      for (let k = 0; k < b.years; k++) {
        for (let r = 0; r < 8; r++) {
          const parts = ['moveCosts', 'voidCosts', 'leverCosts'];
          const diff = at(o, k, 'cost', r) - at(b, k, 'cost', r);
          const explained = placement(o, k, r) - placement(b, k, r) + parts.reduce((s, key) => s + at(o, k, key, r) - at(b, k, key, r), 0);
          expect(Math.abs(diff - explained)).toBeLessThan(0.005);
        }
      }
    }), { numRuns: 25, seed: 7 });
  });

  it('charges lever costs as their cost models say (capital on opening, programmes by the day, inflated yearly)', () => {
    const json = tinyScenarioJson() as Record<string, any>;
    const option = resolveFixture(withLevers(json, [
      { lever: 'inHouseHome', places: 2, opens: '2023-06-01', zone: 'HOME1', ageRange: [8, 17], needs: ['complex'], runningCostPerYear: 365250, capitalCost: 1000000 },
      { lever: 'prevention', reduction: 0.1, costPerYear: 365250, from: '2024-04-01' },
    ]));
    const c = columnsOf(option, 3);
    const lever = (k: number): number => c.column(k, metricIndex('leverCosts'))[0]!;
    const infl = option.annualInflation;
    // 2022/23 (from 1 Jan 2023): nothing yet. 2023/24: capital £1m × (1 + inflation). 2024/25: 365 days of £1,000 a day × (1 + inflation)².
    expect(lever(0)).toBeCloseTo(0, 6);
    expect(lever(1)).toBeCloseTo(1_000_000 * (1 + infl), 4);
    expect(lever(2)).toBeCloseTo(365 * 1000 * (1 + infl) ** 2, 4);
    // The home's running cost is spread over its places: occupied weeks are placement cost, empty ones voids.
    const runningDays = (new Date('2024-03-31').getTime() - new Date('2023-06-01').getTime()) / 86_400_000 + 1;
    const resiInHouse = c.column(1, metricIndex('costByPlacementType.residentialInHouse'))[0]!;
    const voids = c.column(1, metricIndex('voidCosts'))[0]!;
    expect(resiInHouse + voids).toBeCloseTo((365250 / 365.25) * runningDays * (1 + infl), 2);
  });
});

describe('more carers never increase shortfalls in expectation', () => {
  // Statistical: paired over 40 replications of each generated scenario; the option's mean total
  // shortfalls may exceed the base's by at most 4 standard errors of the paired difference (a
  // correct engine fails this on a given scenario with probability about 3 in 100,000).
  it('holds on generated scenarios when in-house recruitment is added', () => {
    fc.assert(fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 6 }), (json, perYear) => {
      const base = resolveFixture(json);
      const option = resolveFixture(withLevers(json, [{ lever: 'recruitInHouse', householdsPerYear: perYear, places: 2, ageRange: [0, 17], needs: ['standard', 'complex', 'disability', 'uasc', 'parentAndChild'], pipelineDays: 30, costPerApproval: 0 }]));
      const runs = 40;
      const b = columnsOf(base, runs, 3);
      const o = columnsOf(option, runs, 3);
      const d: number[] = [];
      for (let r = 0; r < runs; r++) {
        let diff = 0;
        for (let k = 0; k < b.years; k++) diff += o.column(k, metricIndex('shortfalls'))[r]! - b.column(k, metricIndex('shortfalls'))[r]!;
        d.push(diff);
      }
      const mean = d.reduce((a, x) => a + x, 0) / runs;
      const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (runs - 1));
      expect(mean).toBeLessThanOrEqual(4 * (sd / Math.sqrt(runs)) + 1e-9);
    }), { numRuns: 30, seed: 42 });
  });
});
