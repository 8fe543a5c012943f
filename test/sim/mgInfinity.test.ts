// Cross-check against queueing theory. With capacity never binding, children in care form an
// M/G/∞ system: starting empty, the number in care at time t is Poisson with mean
// λ ∫₀ᵗ S(u) du, where S is the survival function of the time in care. We run many replications
// and hold the Monte Carlo mean to that value within 4 standard errors (SE = √(mean / runs),
// since a Poisson variance equals its mean), so a correct engine fails about 1 time in 16,000.
// Daily resolution floors exit times, shortening stays by half a day on average: a bias of
// λ × 0.5 / 365 ≈ 0.05 children here, a quarter of one SE (seen as z ≈ −0.5 over 3 × 3,000 runs).
import { describe, expect, it } from 'vitest';
import { financialYearsFrom } from '../../src/domain/time.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { runReplication } from '../../src/sim/replication.js';
import { resolveFixture, tinyScenarioJson } from '../fixtures/tinyScenario.js';

const LAMBDA_PER_YEAR = 40;
// Hazard 2 a year in the first year in care, 0.5 a year after: a non-exponential duration (the G).
const H1 = 2;
const H2 = 0.5;
const survivalIntegralYears = (t: number): number =>
  t <= 1 ? (1 - Math.exp(-H1 * t)) / H1 : (1 - Math.exp(-H1)) / H1 + (Math.exp(-H1) * (1 - Math.exp(-H2 * (t - 1)))) / H2;

const scenario = () => {
  const s = tinyScenarioJson() as Record<string, any>;
  s.startDate = '2023-04-01';
  s.years = 4;
  s.initialPopulation.counts = [];
  s.entries = { rates: [{ ageBand: 'under1', need: 'standard', perYear: LAMBDA_PER_YEAR }], annualTrend: 0 };
  s.routes = { byAgeBand: {} };
  s.exits.hazards = Object.fromEntries(['under1', '1to4', '5to9', '10to15', '16plus'].map((b) => [b, [
    { fromYearsInCare: 0, perYear: H1 }, { fromYearsInCare: 1, perYear: H2 },
  ]]));
  // Far more places than children, for every age: capacity never binds.
  s.carers = [{ id: 'plenty', type: 'inHouseFoster', households: 400, zones: { HOME1: 1 }, places: 2, ageRange: [0, 17], needs: ['standard'] }];
  s.externalDemand = [];
  return s;
};

describe('M/G/∞ cross-check', () => {
  it('mean children in care at each 31 March converges to λ ∫ S', () => {
    const rs = resolveFixture(scenario());
    const runs = 600;
    const years = financialYearsFrom(rs.startEpochDay, rs.defaultYears);
    const sums = new Float64Array(years.length);
    let shortfalls = 0;
    for (let r = 0; r < runs; r++) {
      const res = runReplication(rs, { seed: 99, replication: r, years: years.length });
      years.forEach((_, k) => {
        sums[k] = sums[k]! + res.rows[k * METRIC_COUNT + metricIndex('childrenInCare')]!;
        shortfalls += res.rows[k * METRIC_COUNT + metricIndex('shortfalls')]!;
      });
    }
    expect(shortfalls).toBe(0); // capacity really was unconstrained
    years.forEach((y, k) => {
      const tYears = (y.endDay + 1) / 365.25;
      const expected = LAMBDA_PER_YEAR * survivalIntegralYears(tYears);
      const se = Math.sqrt(expected / runs);
      const observed = sums[k]! / runs;
      expect(Math.abs(observed - expected)).toBeLessThan(4 * se);
    });
  });
});
