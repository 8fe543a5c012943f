// The hard constraints and the score at their edges: a vacancy free on the day it is needed, a
// child of exactly the youngest or oldest approved age, a sibling group that exactly fills the
// places, a child with several needs, a type missing from the hierarchy, spare specialisms counted
// against the child's own needs. (Issue 13, item 3: kills boundary mutants in src/matching/rules.)
import { describe, expect, it } from 'vitest';
import { PLACEMENT_TYPES } from '../../../src/domain/vocabulary.js';
import { bestVacancy } from '../../../src/matching/rules/bestVacancy.js';
import { allowedTypesFor, ineligibility, isEligible } from '../../../src/matching/rules/eligibility.js';
import { matchScore, scoreParts } from '../../../src/matching/rules/matchScore.js';
import type { VacancyView } from '../../../src/matching/rules/types.js';
import { processStream } from '../../../src/random/rng.js';
import { FOSTER_MASK, N, T, exampleRules } from '../../fixtures/exampleMatchRules.js';

const foster = FOSTER_MASK;
const rules = exampleRules;
const vacancy = (over: Partial<VacancyView>): VacancyView => ({
  type: T('inHouseFoster'), zone: 0, free: 1, ageMin: 5, ageMax: 12, needsMask: 1 << N('standard'), needCount: 1,
  siblingCapacity: 1, weeklyCost: 500, availableFromDay: 10, ...over,
});
const child = { ageYears: 8, need: N('standard'), size: 1, day: 10 };

describe('ineligibility at the edges', () => {
  it('takes a vacancy free on the day the child needs it, not a day later', () => {
    expect(ineligibility(rules, child, vacancy({ availableFromDay: 10 }))).toBeUndefined();
    expect(ineligibility(rules, child, vacancy({ availableFromDay: 11 }))).toBe('notYetAvailable');
  });

  it('takes a group that exactly fills the free places and the sibling capacity', () => {
    const group = { ...child, size: 2 };
    expect(ineligibility(rules, group, vacancy({ free: 2, siblingCapacity: 2 }))).toBeUndefined();
    expect(ineligibility(rules, group, vacancy({ free: 1, siblingCapacity: 2 }))).toBe('noPlaces');
    expect(ineligibility(rules, group, vacancy({ free: 2, siblingCapacity: 1 }))).toBe('siblingCapacity');
    // a single child needs no sibling capacity beyond the usual one place
    expect(ineligibility(rules, child, vacancy({ free: 1, siblingCapacity: 0 }))).toBeUndefined();
  });

  it('takes a child of exactly the youngest or oldest approved age, not a year outside', () => {
    expect(ineligibility(rules, { ...child, ageYears: 5 }, vacancy({}))).toBeUndefined();
    expect(ineligibility(rules, { ...child, ageYears: 12 }, vacancy({}))).toBeUndefined();
    expect(ineligibility(rules, { ...child, ageYears: 4 }, vacancy({}))).toBe('ageRange');
    expect(ineligibility(rules, { ...child, ageYears: 13 }, vacancy({}))).toBe('ageRange');
  });

  it('with several needs, the type must be allowed for each and the carer approved for each', () => {
    const both = (1 << N('standard')) | (1 << N('complex'));
    const req = { ...child, need: N('standard'), needsMask: both };
    // in-house foster is allowed for standard needs but not for complex ones
    expect(ineligibility(rules, req, vacancy({ needsMask: both }))).toBe('typeNotAllowed');
    // IFA is allowed for both; the carer must be approved for both
    expect(ineligibility(rules, req, vacancy({ type: T('ifa'), needsMask: 1 << N('standard') }))).toBe('need');
    expect(ineligibility(rules, req, vacancy({ type: T('ifa'), needsMask: both | (1 << N('disability')) }))).toBeUndefined();
    expect(ineligibility(rules, req, vacancy({ type: T('ifa'), needsMask: 1 << N('standard') }), { ignoreNeed: true })).toBeUndefined();
    expect(isEligible(rules, req, vacancy({ type: T('ifa'), needsMask: both }))).toBe(true);
    expect(isEligible(rules, req, vacancy({ needsMask: both }))).toBe(false);
  });

  it('allowedTypesFor: the types allowed for every need in the mask, none for no need', () => {
    expect(allowedTypesFor(rules, 1 << N('standard'))).toBe(foster);
    expect(allowedTypesFor(rules, (1 << N('standard')) | (1 << N('complex')))).toBe(1 << T('ifa'));
    expect(allowedTypesFor(rules, 0)).toBe(0);
    // a need with no entry in the rules allows nothing
    expect(allowedTypesFor({ ...rules, allowedTypesMask: [foster] }, 0b10)).toBe(0);
    expect(allowedTypesFor({ ...rules, allowedTypesMask: [foster] }, 0b1)).toBe(foster);
    // the top need bit of a 32-bit mask is read too (unsigned shift)
    expect(allowedTypesFor({ ...rules, allowedTypesMask: Array.from({ length: 32 }, (_, i) => (i === 31 ? 0b100 : 0b110)) }, 1 << 31)).toBe(0b100);
  });

  it('a need without allowed types in the rules makes every vacancy unsuitable', () => {
    expect(ineligibility({ ...rules, allowedTypesMask: [] }, child, vacancy({}))).toBe('typeNotAllowed');
  });
});

describe('score at the edges', () => {
  it('ranks a type missing from the hierarchy after every listed one', () => {
    const v = vacancy({ type: T('supported') });
    expect(scoreParts(rules, v, 0).hierarchy).toBe(-10 * PLACEMENT_TYPES.length);
    expect(scoreParts(rules, vacancy({ type: T('residentialPrivate') }), 0).hierarchy).toBe(-20);
    expect(scoreParts({ ...rules, hierarchyRank: [] }, v, 0).hierarchy).toBe(-0);
  });

  it('counts spare specialisms against the child\'s own needs when they are given', () => {
    const v = vacancy({ needsMask: 0b1011, needCount: 3 });
    expect(scoreParts(rules, v, 0).specialism).toBe(-4);
    expect(scoreParts(rules, v, 0, 0b0001).specialism).toBe(-4);
    expect(scoreParts(rules, v, 0, 0b0011).specialism).toBe(-2);
    expect(scoreParts(rules, v, 0, 0b1111).specialism).toBe(-0);
    expect(scoreParts(rules, vacancy({ needsMask: 0xffffffff | 0, needCount: 32 }), 0, 0).specialism).toBe(-64);
    expect(scoreParts(rules, vacancy({ needsMask: 0x55555555, needCount: 16 }), 0, 0).specialism).toBe(-32);
    expect(scoreParts(rules, vacancy({ needCount: 0 }), 0).specialism).toBe(-0);
  });

  it('adds the parts, each weighted', () => {
    const r = { ...rules, weights: { distancePerMile: 2, costPer100: 3, hierarchyStep: 5, spareSpecialism: 7 } };
    const v = vacancy({ type: T('ifa'), weeklyCost: 250, needCount: 2 });
    expect(scoreParts(r, v, 4)).toEqual({ distance: -8, cost: -7.5, hierarchy: -5, specialism: -7 });
    expect(matchScore(r, v, 4)).toBe(-27.5);
  });
});

describe('bestVacancy', () => {
  const miles = (z: number): number => [0, 10, 20][z]!;

  it('prefers the higher score, whatever the order of the list', () => {
    const near = vacancy({ zone: 0 });
    const far = vacancy({ zone: 2 });
    const rng = processStream(3, 0, 'best');
    expect(bestVacancy(rules, child, [far, near], miles, rng)).toBe(1);
    expect(bestVacancy(rules, child, [near, far], miles, rng)).toBe(0);
  });

  it('skips vacancies without enough free places even when the group would otherwise fit', () => {
    const group = { ...child, size: 2 };
    const vs = [vacancy({ zone: 0, free: 1, siblingCapacity: 2 }), vacancy({ zone: 2, free: 2, siblingCapacity: 2 })];
    expect(bestVacancy(rules, group, vs, miles, processStream(3, 0, 'best'))).toBe(1);
  });

  it('looks only at the candidates given, by their index in the full list', () => {
    const vs = [vacancy({ zone: 0 }), vacancy({ zone: 2 }), vacancy({ zone: 1 })];
    const rng = processStream(3, 0, 'best');
    expect(bestVacancy(rules, child, vs, miles, rng, undefined, [1, 2])).toBe(2);
    expect(bestVacancy(rules, child, vs, miles, rng, undefined, [1, 2], 2)).toBe(1);
    expect(bestVacancy(rules, child, vs, miles, rng, undefined, [])).toBe(-1);
  });

  it('breaks a three-way tie evenly (each about a third of the time)', () => {
    const vs = [vacancy({ zone: 1 }), vacancy({ zone: 1 }), vacancy({ zone: 1 })];
    const rng = processStream(5, 0, 'ties');
    const counts = [0, 0, 0];
    const n = 3000;
    for (let i = 0; i < n; i++) counts[bestVacancy(rules, child, vs, miles, rng)]! += 1;
    // binomial(3000, 1/3): SD = √(3000 · 1/3 · 2/3) ≈ 25.8; 4 SD ≈ 103
    for (const c of counts) expect(Math.abs(c - n / 3)).toBeLessThan(103);
  });

  it('a worse vacancy after the tied ones does not take part in the draw', () => {
    const vs = [vacancy({ zone: 1 }), vacancy({ zone: 1 }), vacancy({ zone: 2 })];
    const rng = processStream(5, 0, 'ties');
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(bestVacancy(rules, child, vs, miles, rng));
    expect([...seen].sort()).toEqual([0, 1]);
  });
});
