// The sufficiency gap table's measures on a worked case small enough to follow on paper:
// placement searches by age band × need in the year, against suitable free places at 31 March.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, NEEDS } from '../../src/domain/vocabulary.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import type { MatchRules, VacancyView } from '../../src/matching/rules/types.js';
import { runReplication, type ReplicationResult } from '../../src/sim/replication.js';
import { BAND_AGES_YEARS, cachedSuitableSegments, segmentIndex, suitableSegments } from '../../src/sim/suitableSegments.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { resolveFixture, stillTinyScenarioJson } from '../fixtures/tinyScenario.js';

/** The non-zero cells of a segment metric in year `k`, as `{ "band.need": value }`. */
const segmentCells = (r: ReplicationResult, k: number, name: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const b of AGE_BANDS) {
    for (const n of NEEDS) {
      const v = r.rows[k * METRIC_COUNT + metricIndex(`${name}.${b}.${n}`)]!;
      if (v !== 0) out[`${b}.${n}`] = v;
    }
  }
  return out;
};

/**
 * Start 1 January 2023 (day 0), two financial years: 2022/23 ends 31 March 2023 (day 89),
 * 2023/24 ends 31 March 2024 (day 455). No entries, no exits before 18, no breakdowns or
 * planned moves, no external demand, no recruitment: the only events are dated.
 *
 * Carers (matching allows standard → in-house foster, IFA, supported; complex → IFA,
 * residential, supported, as in the tiny fixture):
 * - `closing`: one in-house foster household, 4 places, ages 0–17, standard and complex; it
 *   closes on 1 June 2023 (day 151), so its children must move that day.
 * - `ifa`: one IFA household, 2 places, ages 0–10, standard only.
 * - `resi`: one private children's home, 3 places, ages 8–17, complex only; opens 1 April 2023
 *   (day 90), the day after the first year end.
 * - `emergency`: one supported-accommodation emergency bed, ages 0–17, standard, at most 14 days.
 *
 * Children, all in the closing household at the start (it is full):
 * - A, born 1 March 2016, standard: 7 on day 151 (5to9);
 * - B, born 15 January 2011, standard: 12 on day 151 (10to15);
 * - C, born 1 September 2012, complex: 10 on day 151 (10to15);
 * - D, born 1 April 2005, standard: turns 18 and leaves care on 1 April 2023 (day 90), the day
 *   after the first year end, so its place is not free at 31 March 2023.
 */
const workedCase = (): Record<string, unknown> => {
  const json = stillTinyScenarioJson(2);
  json.matching.fallback.steps = ['unregistered'];
  const child = (id: string, dateOfBirth: string, need: string): Record<string, unknown> => ({
    id, dateOfBirth, need, placementType: 'inHouseFoster', homeZone: 'HOME1', entryDate: '2022-06-01',
  });
  json.initialPopulation.children = [child('A', '2016-03-01', 'standard'), child('B', '2011-01-15', 'standard'), child('C', '2012-09-01', 'complex'), child('D', '2005-04-01', 'standard')];
  json.carers = [
    { id: 'closing', type: 'inHouseFoster', households: 1, zones: { HOME1: 1 }, places: 4, ageRange: [0, 17], needs: ['standard', 'complex'], closes: '2023-06-01' },
    { id: 'ifa', type: 'ifa', households: 1, zones: { NEAR: 1 }, places: 2, ageRange: [0, 10], needs: ['standard'] },
    { id: 'resi', type: 'residentialPrivate', households: 1, zones: { FAR: 1 }, places: 3, ageRange: [8, 17], needs: ['complex'], opens: '2023-04-01' },
    { id: 'emergency', type: 'supported', households: 1, zones: { HOME1: 1 }, places: 1, ageRange: [0, 17], needs: ['standard'], emergencyOnly: { maxStayDays: 14 } },
  ];
  return json;
};

describe('sufficiency gap measures on a worked case', () => {
  const rs = resolveFixture(workedCase());
  const r = runReplication(rs, { seed: 1, replication: 0, years: 2, trace: true });

  it('follows the story: three searches on 1 June 2023, one of them a shortfall', () => {
    // D leaves care at 18 on day 90. On day 151 the closing household leaves and its three
    // remaining children each search once:
    // A (7, standard) takes an IFA place; C (10, complex) takes a place in the home opened on
    // 1 April; B (12, standard) is too old for the IFA carer (0–10) and not complex for the home:
    // a shortfall. B waits in the emergency bed 14 days, then goes unregistered (day 165) and
    // keeps looking every 7 days without success; those looks are not new searches.
    const t = r.trace!;
    const moves = t.segments.filter((s) => s.from > 0).map((s) => [s.child, s.from, s.via, PLACEMENT_TYPES[s.type], s.ended]);
    expect(moves).toEqual([
      [1, 151, 'emergencyBed', 'supported', 'planned'],
      [0, 151, 'match', 'ifa', 'open'],
      [1, 165, 'unregistered', 'unregistered', 'open'],
      [2, 151, 'match', 'residentialPrivate', 'open'],
    ]);
  });

  it('counts no search in 2022/23 and the three in 2023/24, each in its own segment', () => {
    expect(segmentCells(r, 0, 'placementSearchesBySegment')).toEqual({});
    expect(segmentCells(r, 1, 'placementSearchesBySegment')).toEqual({ '5to9.standard': 1, '10to15.standard': 1, '10to15.complex': 1 });
    expect(segmentCells(r, 1, 'shortfallsBySegment')).toEqual({ '10to15.standard': 1 });
  });

  it('counts suitable free places at 31 March 2023: the two IFA places', () => {
    // In-house (ages 0–17; in-house foster is allowed for standard, not complex): 4 places, all
    // filled (D leaves the next day). IFA (ages 0–10, standard): 2 free; age 10 lies in 10to15, so
    // it serves that band too. The home opens the next day; the emergency bed is not counted.
    const under16 = (n: number): Record<string, number> => Object.fromEntries(['under1', '1to4', '5to9', '10to15'].map((b) => [`${b}.standard`, n]));
    expect(segmentCells(r, 0, 'suitableVacanciesBySegment')).toEqual(under16(2));
    expect(segmentCells(r, 0, 'placesBySegment')).toEqual({ ...under16(6), '16plus.standard': 4 });
  });

  it('counts suitable free places at 31 March 2024: one IFA place and two places in the home', () => {
    // The in-house household has gone; A fills one IFA place; C fills one of the home's three
    // (ages 8–17: bands 5to9, 10to15, 16plus; complex only). B left the emergency bed, still not counted.
    const ifa = (n: number): Record<string, number> => Object.fromEntries(['under1', '1to4', '5to9', '10to15'].map((b) => [`${b}.standard`, n]));
    const home = (n: number): Record<string, number> => Object.fromEntries(['5to9', '10to15', '16plus'].map((b) => [`${b}.complex`, n]));
    expect(segmentCells(r, 1, 'suitableVacanciesBySegment')).toEqual({ ...ifa(1), ...home(2) });
    expect(segmentCells(r, 1, 'placesBySegment')).toEqual({ ...ifa(2), ...home(3) });
  });
});

describe('the segments a place serves', () => {
  const rules: MatchRules = {
    // standard → inHouseFoster only; complex → residentialPrivate only.
    allowedTypesMask: NEEDS.map((n) => (n === 'standard' ? 1 << PLACEMENT_TYPES.indexOf('inHouseFoster') : n === 'complex' ? 1 << PLACEMENT_TYPES.indexOf('residentialPrivate') : 0)),
    hierarchyRank: new Float64Array(PLACEMENT_TYPES.length),
    weights: { distancePerMile: 1, costPer100: 1, hierarchyStep: 1, spareSpecialism: 1 },
  };
  const byBand = AGE_BANDS.map(() => rules);
  const view = (over: Partial<VacancyView>): VacancyView => ({
    type: PLACEMENT_TYPES.indexOf('inHouseFoster'), zone: 0, free: 1, ageMin: 0, ageMax: 17, needsMask: 1, needCount: 1,
    siblingCapacity: 1, weeklyCost: 0, availableFromDay: 0, ...over,
  });
  const bit = (band: string, need: string): number => 1 << segmentIndex(AGE_BANDS.indexOf(band as never), NEEDS.indexOf(need as never));

  it('takes the band\'s whole years of age: 0; 1–4; 5–9; 10–15; 16–17', () => {
    expect(BAND_AGES_YEARS).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12, 13, 14, 15], [16, 17]]);
  });

  it('serves a band when the approved ages overlap it, for each need met with an allowed type', () => {
    // Ages 4–5: overlaps 1to4 (at 4) and 5to9 (at 5); approved for standard and complex, but a
    // foster household is allowed for standard only.
    expect(suitableSegments(byBand, view({ ageMin: 4, ageMax: 5, needsMask: 0b11 }), 10)).toBe(bit('1to4', 'standard') | bit('5to9', 'standard'));
    expect(suitableSegments(byBand, view({ ageMin: 16, ageMax: 17, type: PLACEMENT_TYPES.indexOf('residentialPrivate'), needsMask: 0b10 }), 10)).toBe(bit('16plus', 'complex'));
  });

  it('asks as if one place were free, and not before the household is available', () => {
    expect(suitableSegments(byBand, view({ free: 0, ageMax: 0 }), 10)).toBe(bit('under1', 'standard'));
    expect(suitableSegments(byBand, view({ availableFromDay: 11 }), 10)).toBe(0);
  });

  it('gives the same masks remembered as worked out afresh, in any order of households and days', () => {
    // Few distinct values, so that households alike in some ways and not others meet in one run.
    const age = fc.constantFrom(0, 5, 10, 17);
    const views = fc.record({
      type: fc.constantFrom(1, 4), zone: fc.nat(3), free: fc.nat(2), ageMin: age, ageMax: age,
      needsMask: fc.integer({ min: 1, max: 3 }), needCount: fc.constant(1), siblingCapacity: fc.constantFrom(1, 2),
      weeklyCost: fc.constant(0), availableFromDay: fc.constantFrom(0, 10, 20),
    });
    fc.assert(fc.property(fc.array(fc.tuple(views, fc.constantFrom(5, 10, 15, 25)), { maxLength: 40 }), (asks) => {
      const cached = cachedSuitableSegments(byBand);
      for (const [v, day] of asks) expect(cached(v, day)).toBe(suitableSegments(byBand, v, day));
    }), { numRuns: 200, seed: 20261203 });
  });
});
