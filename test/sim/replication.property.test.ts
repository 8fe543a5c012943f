// The model's laws, checked on generated scenarios (not just the baseline).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financialYearsFrom } from '../../src/domain/time.js';
import { METRICS, METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { runReplication, type ReplicationResult } from '../../src/sim/replication.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { scenarioArbitrary } from '../fixtures/arbitraries.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';

const RUNS = { numRuns: 60, seed: 20261123 };

const simulate = (json: Record<string, unknown>, replication = 0): { rs: ResolvedScenario; r: ReplicationResult } => {
  const rs = resolveFixture(json);
  const r = runReplication(rs, { seed: 7, replication, years: rs.defaultYears, trace: true });
  return { rs, r };
};

describe('replication laws on generated scenarios', () => {
  it('conserves children: initial + starts − ceases = in care, every day', () => {
    fc.assert(fc.property(scenarioArbitrary, (json) => {
      const { r } = simulate(json);
      for (const d of r.trace!.daily) expect(d.inCare).toBe(d.initial + d.starts - d.ceases);
      expect(r.trace!.violations).toEqual([]);
    }), RUNS);
  });

  it('never puts more children in a household than its places, nor a child in two placements', () => {
    fc.assert(fc.property(scenarioArbitrary, (json) => {
      const { r } = simulate(json);
      const t = r.trace!;
      // Sweep each household's placements: children present at once never exceed its places.
      const byHousehold = new Map<number, { day: number; delta: number }[]>();
      for (const s of t.segments) {
        if (s.household < 0 || s.to <= s.from) continue;
        const list = byHousehold.get(s.household) ?? [];
        list.push({ day: Math.max(s.from, 0), delta: 1 }, { day: s.to, delta: -1 });
        byHousehold.set(s.household, list);
      }
      for (const [h, list] of byHousehold) {
        list.sort((a, b) => a.day - b.day || a.delta - b.delta);
        let n = 0;
        for (const x of list) {
          n += x.delta;
          expect(n).toBeLessThanOrEqual(t.households[h]!.places);
        }
      }
      // Each child's placements follow one another without overlap, covering the time in care.
      const byChild = new Map<number, { from: number; to: number }[]>();
      for (const s of t.segments) byChild.set(s.child, [...(byChild.get(s.child) ?? []), s]);
      for (const [, segs] of byChild) {
        segs.sort((a, b) => a.from - b.from);
        for (let i = 1; i < segs.length; i++) expect(segs[i]!.from).toBe(segs[i - 1]!.to);
      }
    }), RUNS);
  });

  it('breaks hard constraints (age range, need, type allowed) only through a named fallback', () => {
    fc.assert(fc.property(scenarioArbitrary, (json) => {
      const { rs, r } = simulate(json);
      for (const s of r.trace!.segments) {
        if (s.household < 0 || s.via !== 'match') continue;
        const h = r.trace!.households[s.household]!;
        expect(s.ageYears).toBeGreaterThanOrEqual(h.ageMin);
        expect(s.ageYears).toBeLessThanOrEqual(h.ageMax);
        if (s.from >= 0) {
          // Matched by the engine (not the starting layout): need and type rules hold.
          expect(h.needsMask & (1 << s.need)).not.toBe(0);
          expect(rs.allowedTypesMask[s.need]! & (1 << s.type)).not.toBe(0);
        }
      }
      const allowed = new Set(['match', 'route', 'initial', ...rs.fallback.steps, 'unregistered', 'emergencyBed']);
      for (const s of r.trace!.segments) expect(allowed.has(s.via)).toBe(true);
    }), RUNS);
  });

  it('adds up costs: each year = Σ weekly cost × weeks occupied × inflation + move costs', () => {
    fc.assert(fc.property(scenarioArbitrary, (json) => {
      const { rs, r } = simulate(json);
      const years = financialYearsFrom(rs.startEpochDay, rs.defaultYears);
      const horizon = years[years.length - 1]!.endDay + 1;
      years.forEach((y, k) => {
        const factor = (1 + rs.annualInflation) ** k;
        let placement = 0;
        let moves = 0;
        for (const s of r.trace!.segments) {
          const from = Math.max(s.from, 0, y.startDay);
          const to = Math.min(s.to, horizon, y.endDay + 1);
          if (to > from) placement += (s.weekly * factor * (to - from)) / 7;
          if (s.isMove && s.from >= y.startDay && s.from <= y.endDay && s.from >= 0) moves++;
        }
        const row = (key: string): number => r.rows[k * METRIC_COUNT + metricIndex(key)]!;
        expect(row('moves')).toBe(moves);
        expect(row('moveCosts')).toBeCloseTo(moves * rs.moveCost * factor, 6);
        expect(row('cost')).toBeCloseTo(placement + row('moveCosts') + row('voidCosts') + row('leverCosts'), 4);
        const byType = rs.weeklyCost.reduce((sum, _, ti) => sum + r.rows[k * METRIC_COUNT + metricIndex(`costByPlacementType.${['connected', 'inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild', 'placedWithParents', 'adoption', 'secure', 'other', 'unregistered'][ti]}`)]!, 0);
        expect(byType).toBeCloseTo(placement, 4);
      });
    }), RUNS);
  });

  it('gives fractions in [0, 1] and no NaN outside "not defined" fractions, no Infinity anywhere', () => {
    fc.assert(fc.property(scenarioArbitrary, (json) => {
      const { rs, r } = simulate(json);
      for (let k = 0; k < rs.defaultYears; k++) {
        METRICS.forEach((m, i) => {
          const v = r.rows[k * METRIC_COUNT + i]!;
          expect(Number.isFinite(v) || Number.isNaN(v)).toBe(true);
          if (Number.isNaN(v)) expect(['fraction', 'miles', 'poundsPerChildWeek']).toContain(m.unit);
          else if (m.unit === 'fraction') expect(v >= 0 && v <= 1).toBe(true);
          else expect(v).toBeGreaterThanOrEqual(0);
        });
        // Snapshot counts add up across every breakdown.
        const row = (key: string): number => r.rows[k * METRIC_COUNT + metricIndex(key)]!;
        const sum = (keys: string[]): number => keys.reduce((s, key) => s + row(key), 0);
        const cic = row('childrenInCare');
        expect(sum(['under1', '1to4', '5to9', '10to15', '16plus'].map((b) => `childrenInCareByAgeBand.${b}`))).toBe(cic);
        expect(sum(['standard', 'complex', 'disability', 'parentAndChild', 'uasc'].map((n) => `childrenInCareByNeed.${n}`))).toBe(cic);
      }
    }), RUNS);
  });

  it('is deterministic: same scenario, seed and replication → identical rows', () => {
    fc.assert(fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 1000 }), (json, rep) => {
      const rs = resolveFixture(json);
      const a = runReplication(rs, { seed: 3, replication: rep, years: rs.defaultYears });
      const b = runReplication(rs, { seed: 3, replication: rep, years: rs.defaultYears });
      expect(Array.from(b.rows)).toEqual(Array.from(a.rows));
    }), { numRuns: 25, seed: 11 });
  });
});
