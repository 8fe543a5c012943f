// Carers joining and leaving (src/sim/carers.ts) on the blank worked authority (start 1 April 2023,
// day 0; 2023/24 is days 0–365): recruitment through the assessment pipeline within its window,
// what each approved household is drawn to be, and deregistration at a rate that a multiplier
// changes from a date. Statistical checks use fixed seeds and allow 4 standard errors.
import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { runReplication, type ReplicationResult } from '../../src/sim/replication.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';
import { blankScenarioJson, dayOf, oneHousehold } from '../fixtures/workedScenario.js';

const DAYS_PER_YEAR = 365.25;
const runs = (json: Record<string, unknown>, n: number): ReplicationResult[] => {
  const rs = resolveFixture(json);
  return Array.from({ length: n }, (_, r) => runReplication(rs, { seed: 5, replication: r, years: 1, trace: true }));
};
const within4Se = (observed: number, p: number, n: number): void => {
  expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
};

describe('recruitment: approvals after the pipeline, within the recruitment window', () => {
  // 73.05 households a year (0.2 a day), applying from 1 Jul 2023 (day 91), a 100-day assessment:
  // approvals from day 191 until 1 Jan 2024 (day 275), about 0.2 × 84 = 16.8 per replication.
  const R = 20;
  const recruitingCase = (): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.carers = [{
      ...oneHousehold('recruits', 'inHouseFoster', 'TOWN', 1, [0, 17], ['standard']),
      zones: { TOWN: 1, EDGE: 1 }, places: { '1': 0.5, '3': 0.5 }, siblingCapacity: 2, hubShare: 0.25,
      recruitment: { householdsPerYear: 73.05, pipelineDays: 100, from: '2023-07-01', to: '2024-01-01', costPerApproval: 1000 },
    }];
    return s;
  };
  const approved = (r: ReplicationResult) => r.trace!.households.filter((h) => h.availableFromDay > 0);

  it('approves households on days 191 to 274 only, about 16.8 a replication (4 SE)', () => {
    const rs = runs(recruitingCase(), R);
    const days = rs.flatMap((r) => approved(r).map((h) => h.availableFromDay));
    expect(Math.min(...days)).toBeGreaterThanOrEqual(dayOf('2023-07-01') + 100);
    expect(Math.max(...days)).toBeLessThan(dayOf('2024-01-01'));
    const mu = (0.2 * (dayOf('2024-01-01') - dayOf('2023-07-01') - 100));
    expect(Math.abs(days.length / R - mu)).toBeLessThan(4 * Math.sqrt(mu / R));
  });

  it('each approved household: the pool\'s type, ages and needs; its zone, size and hub membership drawn from the pool\'s shares', () => {
    const hs = runs(recruitingCase(), R).flatMap(approved);
    const n = hs.length;
    for (const h of hs) {
      expect([h.type, h.ageMin, h.ageMax, h.needsMask, h.pool]).toEqual([hs[0]!.type, 0, 17, 1, 0]);
      expect([1, 3]).toContain(h.places);
      expect(h.siblingCapacity).toBe(Math.min(h.places, 2));
    }
    within4Se(hs.filter((h) => h.places === 3).length / n, 0.5, n);
    within4Se(hs.filter((h) => h.zone === hs[0]!.zone).length / n, 0.5, n);
    within4Se(hs.filter((h) => h.hub).length / n, 0.25, n);
  });

  it('costs £1,000 an approval, as a lever cost of the year it is approved in', () => {
    for (const r of runs(recruitingCase(), 5)) {
      expect(r.rows[metricIndex('leverCosts')]).toBe(1000 * approved(r).length);
      expect(r.rows[metricIndex('cost')]).toBe(1000 * approved(r).length);
      expect(r.rows.length).toBe(METRIC_COUNT);
    }
  });
});

describe('deregistration: each household leaves at the pool\'s rate, times its multiplier from a date', () => {
  // 100 IFA households, 0.5 leaving a year. With a multiplier of 0 from 1 Oct 2023 (day 183) none leaves
  // after it: 1 − exp(−0.5 × 183 / 365.25) = 22.2% have left by 31 March, not 1 − exp(−0.5 × 366 / 365.25) = 39.4%.
  const R = 10;
  const leavingCase = (deregistration: Record<string, unknown>): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.carers = [{ ...oneHousehold('leavers', 'ifa', 'TOWN', 1, [0, 17], ['standard']), households: 100, deregistration }];
    return s;
  };
  const leftShare = (json: Record<string, unknown>): number => {
    const hs = runs(json, R).flatMap((r) => r.trace!.households);
    return hs.filter((h) => !h.active).length / hs.length;
  };

  it('at 0.5 a year: 39.4% leave in the year (4 SE)', () => {
    within4Se(leftShare(leavingCase({ perYear: 0.5 })), 1 - Math.exp((-0.5 * 366) / DAYS_PER_YEAR), 100 * R);
  });

  it('times 0 from 1 October 2023: 22.2% (4 SE)', () => {
    const json = leavingCase({ perYear: 0.5, multiplier: 0, multiplierFrom: '2023-10-01' });
    within4Se(leftShare(json), 1 - Math.exp((-0.5 * dayOf('2023-10-01')) / DAYS_PER_YEAR), 100 * R);
  });
});
