import { describe, expect, it } from 'vitest';
import { bestVacancy } from '../../../src/matching/rules/bestVacancy.js';
import { ineligibility } from '../../../src/matching/rules/eligibility.js';
import { matchScore, scoreParts } from '../../../src/matching/rules/matchScore.js';
import type { VacancyView } from '../../../src/matching/rules/types.js';
import { processStream } from '../../../src/random/rng.js';
import { N, T, exampleRules } from '../../fixtures/exampleMatchRules.js';

const rules = exampleRules;
const vacancy = (over: Partial<VacancyView>): VacancyView => ({
  type: T('inHouseFoster'), zone: 0, free: 1, ageMin: 0, ageMax: 17, needsMask: 1 << N('standard'), needCount: 1,
  siblingCapacity: 1, weeklyCost: 500, availableFromDay: 0, ...over,
});
const child = { ageYears: 14, need: N('standard'), size: 1, day: 10 };

describe('eligibility', () => {
  it('gives the first reason a vacancy cannot take the child', () => {
    expect(ineligibility(rules, child, vacancy({}))).toBeUndefined();
    expect(ineligibility(rules, child, vacancy({ availableFromDay: 11 }))).toBe('notYetAvailable');
    expect(ineligibility(rules, child, vacancy({ free: 0 }))).toBe('noPlaces');
    expect(ineligibility(rules, { ...child, size: 3 }, vacancy({ free: 3, siblingCapacity: 2 }))).toBe('siblingCapacity');
    expect(ineligibility(rules, child, vacancy({ ageMax: 9 }))).toBe('ageRange');
    expect(ineligibility(rules, child, vacancy({ type: T('residentialPrivate') }))).toBe('typeNotAllowed');
    expect(ineligibility(rules, { ...child, need: N('complex') }, vacancy({ type: T('ifa') }))).toBe('need');
    expect(ineligibility(rules, { ...child, need: N('complex') }, vacancy({ type: T('ifa') }), { ignoreNeed: true })).toBeUndefined();
  });
});

describe('score', () => {
  it('adds weighted distance, cost, hierarchy and spare specialisms', () => {
    const v = vacancy({ type: T('ifa'), weeklyCost: 900, needCount: 3 });
    expect(scoreParts(rules, v, 12.5)).toEqual({ distance: -12.5, cost: -9, hierarchy: -10, specialism: -4 });
    expect(matchScore(rules, v, 12.5)).toBeCloseTo(-35.5);
  });

  it('picks the best eligible vacancy and breaks exact ties at random', () => {
    const vs = [vacancy({ zone: 0, free: 0 }), vacancy({ zone: 1 }), vacancy({ zone: 2 }), vacancy({ zone: 2 })];
    const miles = [0, 30, 5];
    const rng = processStream(1, 0, 'tie');
    const picks = new Set<number>();
    for (let i = 0; i < 50; i++) picks.add(bestVacancy(rules, child, vs, (z) => miles[z]!, rng));
    expect([...picks].sort()).toEqual([2, 3]);
    expect(bestVacancy(rules, { ...child, ageYears: 18 }, vs, (z) => miles[z]!, rng)).toBe(-1);
    expect(bestVacancy(rules, child, vs, (z) => miles[z]!, rng, undefined, [1])).toBe(1);
  });

  it('never picks the excluded vacancy (the household a moving child has just left)', () => {
    const vs = [vacancy({ zone: 0 }), vacancy({ zone: 1 })];
    const miles = [5, 30];
    const rng = processStream(1, 0, 'tie');
    expect(bestVacancy(rules, child, vs, (z) => miles[z]!, rng)).toBe(0);
    expect(bestVacancy(rules, child, vs, (z) => miles[z]!, rng, undefined, undefined, 0)).toBe(1);
    expect(bestVacancy(rules, child, [vs[0]!], (z) => miles[z]!, rng, undefined, undefined, 0)).toBe(-1);
  });
});
