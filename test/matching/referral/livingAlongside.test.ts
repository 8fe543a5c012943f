// Who a child may live with, which age band's rules apply, and, in a sibling group, which child a
// reason names: the rules behind "can live only with older children" and "must keep the same school".
import { describe, expect, it } from 'vitest';
import { RISKS } from '../../../src/domain/referral.js';
import { rankVacancies } from '../../../src/matching/referral/rank.js';
import { bandOfAge, canLiveAlongside, canShareHome } from '../../../src/matching/referral/suitability.js';
import { N, T, child, needsMask, place, referral, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const ctx = testContext(); // school limit 10 miles
const reasonFor = (v: Parameters<typeof vacancy>[0], r: ReturnType<typeof referral>): string | undefined => {
  const { ranked, unsuitable } = rankVacancies(r, [vacancy(v)], ctx, { explain: true });
  return ranked.length > 0 ? 'suitable' : unsuitable[0]?.reason;
};

describe('canLiveAlongside and canShareHome', () => {
  it('withOthers lives with anyone, solo with no one, onlyOlder/onlyYounger with strictly older/younger children', () => {
    const rows = (['withOthers', 'solo', 'onlyOlder', 'onlyYounger'] as const).map((rule) => [rule, [9, 10, 11].map((other) => canLiveAlongside(rule, 10, other))]);
    expect(rows).toEqual([
      ['withOthers', [true, true, true]], ['solo', [false, false, false]], ['onlyOlder', [false, false, true]], ['onlyYounger', [true, false, false]],
    ]);
  });

  it('two referrals share a home only when every child of each allows every child of the other', () => {
    const older = referral([child({ id: 'O', ageYears: 8, careAlongside: 'onlyOlder' })]);
    const pair = (a: number, b: number) => referral([child({ id: 'A', ageYears: a }), child({ id: 'B', ageYears: b })]);
    expect(canShareHome(older, pair(12, 14))).toBe(true);
    expect(canShareHome(pair(12, 14), older)).toBe(true);
    expect(canShareHome(older, pair(12, 6))).toBe(false);
    expect(canShareHome(pair(6, 12), older)).toBe(false);
    expect(canShareHome(pair(12, 6), older)).toBe(false);
  });
});

describe('bandOfAge', () => {
  it('changes band on the first birthday of each band, and keeps the last band from 16', () => {
    expect([0, 1, 4, 5, 9, 10, 15, 16, 17, 18, 30].map(bandOfAge)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4]);
  });
});

describe('in a sibling group, the reason names the child it is about', () => {
  const two = (b: Parameters<typeof child>[0]) => referral([child({ id: 'A', ageYears: 12 }), child({ ageYears: 12, ...b })]);

  it('the child who marks a kind of placement unsuitable, has a risk, or limits who they live with', () => {
    expect(reasonFor({ id: 'V1', free: 2 }, two({ id: 'B', suitability: ['unsuitable', 'suitable', 'suitable'] }))).toBe('B: foster care marked unsuitable');
    expect(reasonFor({ id: 'V2', free: 2 }, two({ id: 'B', risksMask: 1 << RISKS.indexOf('fireSetting') }))).toBe('B: cannot manage fire setting');
    expect(reasonFor({ id: 'V3', free: 2, currentChildren: [10] }, two({ id: 'B', careAlongside: 'onlyYounger', ageYears: 9 }))).toBe('B: can live only with younger children, a 10-year-old already there');
    expect(reasonFor({ id: 'V4', free: 2, currentChildren: [10] }, two({ id: 'B', careAlongside: 'onlyOlder' }))).toBe('B: can live only with older children, a 10-year-old already there');
  });

  it('a parent-and-child place is in no kind of placement a referral rates, so "foster care unsuitable" does not rule it out', () => {
    const parent = referral([child({ id: 'P', ageYears: 17, needsMask: needsMask('parentAndChild'), primaryNeed: N('parentAndChild'), suitability: ['unsuitable', 'suitable', 'suitable'] })]);
    expect(reasonFor({ id: 'PC', type: T('parentAndChild'), needsMask: needsMask('parentAndChild') }, parent)).toBe('suitable');
  });

  it('only the child who must keep their school is held to the school limit, and exactly 10 miles is within it', () => {
    const school = place('SCH', 576, 168);
    // 16.09344 km east of the school is 10.0 miles; 16.3 km is 10.1 miles
    const group = (b: Parameters<typeof child>[0]) => referral([child({ id: 'A', ageYears: 12 }), child({ ageYears: 12, ...b })]);
    expect(reasonFor({ id: 'AT10', free: 2, place: place('E', 576 + 16.09344, 168) }, group({ id: 'B', school, sameSchool: true }))).toBe('suitable');
    expect(reasonFor({ id: 'OVER', free: 2, place: place('E', 576 + 16.3, 168) }, group({ id: 'B', school, sameSchool: true })))
      .toBe('B: 10.1 miles from school SCH, must keep the same school (limit 10 miles)');
    expect(reasonFor({ id: 'FREE', free: 2, place: place('E', 576 + 30, 168) }, group({ id: 'B', school, sameSchool: false }))).toBe('suitable');
    const both = referral([child({ id: 'A', ageYears: 12, school: place('S2', 576 + 30, 168), sameSchool: false }), child({ id: 'B', ageYears: 12, school, sameSchool: true })]);
    expect(reasonFor({ id: 'NEAR', free: 2, place: place('E', 577, 168) }, both)).toBe('suitable');
  });
});
