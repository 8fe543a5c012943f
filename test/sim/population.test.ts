// The starting population (src/sim/population.ts) on the blank worked authority (start 1 April
// 2023): children in care on the start date, by cell, placed with a household of their placement
// type drawn in proportion to its free places (weighted by nearness when the scenario asks),
// among those taking their age and need when any has room, else any of the type; beyond the
// type's places, or for a type no household offers, with no household. Statistical checks use
// fixed seeds and allow 4 standard errors.
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { bandIndexAt } from '../../src/sim/hazards.js';
import { runReplication, type ReplicationResult } from '../../src/sim/replication.js';
import type { PlacementSegment } from '../../src/sim/state.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';
import { blankScenarioJson, oneHousehold } from '../fixtures/workedScenario.js';

const runs = (json: Record<string, unknown>, n: number): ReplicationResult[] => {
  const rs = resolveFixture(json);
  return Array.from({ length: n }, (_, r) => runReplication(rs, { seed: 9, replication: r, years: 1, trace: true }));
};
const zoneCode = (json: Record<string, unknown>) => {
  const rs = resolveFixture(json);
  return (z: number): string => rs.zones[z]!.code;
};
/** Each starting child's placement on the start date. */
const startingPlacements = (r: ReplicationResult): PlacementSegment[] =>
  r.trace!.segments.filter((s) => s.from <= 0 && r.trace!.children[s.child]!.initial).sort((a, b) => a.child - b.child);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

const cell = (ageBand: string, placementType: string, count: number, need = 'standard') => ({ ageBand, need, placementType, count });

describe('placing the starting population', () => {
  it('in proportion to free places: each child takes a free place drawn at random (hypergeometric: 15 of 20 with the 30-place carer, 4 SE)', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('big', 'ifa', 'TOWN', 30, [0, 17], ['standard']), oneHousehold('small', 'ifa', 'FAR', 10, [0, 17], ['standard'])];
    s.initialPopulation.counts = [cell('5to9', 'ifa', 20)];
    const R = 30;
    const withBig = runs(s, R).map((r) => {
      const placed = startingPlacements(r);
      expect(placed.length).toBe(20);
      for (const p of placed) expect([PLACEMENT_TYPES[p.type], p.via]).toEqual(['ifa', 'match']);
      return placed.filter((p) => p.household === 0).length;
    });
    // 20 draws without replacement from 40 places, 30 of them big's: mean 15, variance 20 × ¾ × ¼ × 20 / 39
    expect(Math.abs(mean(withBig) - 15)).toBeLessThan(4 * Math.sqrt((20 * 0.75 * 0.25 * (20 / 39)) / R));
  });

  it('each place taken is used up: with carers of 2 places and 1, both of two children go to the first one time in three (2/3 × 1/2; 4 SE, 1,000 replications)', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('two', 'ifa', 'TOWN', 2, [0, 17], ['standard']), oneHousehold('one', 'ifa', 'FAR', 1, [0, 17], ['standard'])];
    s.initialPopulation.counts = [cell('5to9', 'ifa', 2)];
    const R = 1000;
    const bothWithTwo = runs(s, R).filter((r) => startingPlacements(r).every((p) => p.household === 0)).length / R;
    expect(Math.abs(bothWithTwo - 1 / 3)).toBeLessThan(4 * Math.sqrt((1 / 3) * (2 / 3) / R));
  });

  it('weighted by exp(−miles / placementLocalityMiles) when set: the nearer carer takes more', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('near', 'ifa', 'TOWN', 20, [0, 17], ['standard']), oneHousehold('far', 'ifa', 'FAR', 20, [0, 17], ['standard'])];
    s.initialPopulation.counts = [cell('5to9', 'ifa', 10)];
    s.initialPopulation.placementLocalityMiles = 5;
    // first draw: 20 e^−2 against 20 e^−6, so nearly every child is placed at TOWN (10 miles), not FAR (30)
    const near = runs(s, 20).map((r) => startingPlacements(r).filter((p) => p.household === 0).length / 10);
    expect(mean(near)).toBeGreaterThan(0.9);
  });

  it('among the carers taking the child\'s age and need when any has room, else any carer of the type (`initial`)', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('young', 'ifa', 'TOWN', 5, [0, 4], ['standard']), oneHousehold('older', 'ifa', 'EDGE', 5, [10, 17], ['standard'])];
    s.initialPopulation.counts = [cell('10to15', 'ifa', 3), cell('5to9', 'ifa', 3)];
    for (const r of runs(s, 10)) {
      for (const p of startingPlacements(r)) {
        const c = r.trace!.children[p.child]!;
        const band = AGE_BANDS[bandIndexAt(c.dobDay, 0)];
        if (band === '10to15') expect([p.household, p.via]).toEqual([1, 'match']);
        else expect([[0, 1].includes(p.household), p.via]).toEqual([true, 'initial']);
      }
    }
  });

  it('beyond the type\'s free places: no household, in a spot-purchase zone', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('only', 'ifa', 'TOWN', 3, [0, 17], ['standard'])];
    s.initialPopulation.counts = [cell('5to9', 'ifa', 5)];
    const code = zoneCode(s);
    for (const r of runs(s, 5)) {
      const placed = startingPlacements(r);
      expect(placed.filter((p) => p.household === 0).length).toBe(3);
      for (const p of placed.filter((x) => x.household < 0)) expect([PLACEMENT_TYPES[p.type], p.via, code(p.zone)]).toEqual(['ifa', 'initial', 'FAR']);
    }
  });

  it('a type no household offers (connected care): no household, at home unless the scenario gives the type\'s zones', () => {
    const s = blankScenarioJson();
    s.initialPopulation.counts = [cell('1to4', 'connected', 4)];
    for (const r of runs(s, 3)) {
      for (const p of startingPlacements(r)) {
        expect([PLACEMENT_TYPES[p.type], p.household, p.zone]).toEqual(['connected', -1, r.trace!.children[p.child]!.homeZone]);
      }
    }
  });

  it('each child of a cell: aged within its band on the start date, in care and in the placement since on or before it', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('any', 'ifa', 'TOWN', 50, [0, 17], ['standard'])];
    s.initialPopulation.counts = [cell('10to15', 'ifa', 30)];
    for (const r of runs(s, 5)) {
      for (const p of startingPlacements(r)) {
        const c = r.trace!.children[p.child]!;
        const ageYears = -c.dobDay / 365.25;
        expect(ageYears).toBeGreaterThanOrEqual(10 - 1 / 365.25); // whole days over the band (see test/sim/arrivals.test.ts)
        expect(ageYears).toBeLessThan(16);
        expect(c.entryDay).toBeLessThanOrEqual(p.from);
        expect(p.from).toBeLessThanOrEqual(0);
        expect(c.entryDay).toBeGreaterThanOrEqual(c.dobDay);
      }
    }
  });
});
