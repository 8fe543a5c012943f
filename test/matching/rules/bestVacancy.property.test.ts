// bestVacancy inlines isEligible's tests for speed (it is the inner loop of every search): this
// law keeps the two from drifting apart. Over generated rules, requests and vacancy lists, its
// choice is eligible by `isEligible` (with a free place for the whole group, and not the excluded
// one), scores as high as any such vacancy, and it is -1 exactly when there is none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEEDS, PLACEMENT_TYPES } from '../../../src/domain/vocabulary.js';
import { bestVacancy } from '../../../src/matching/rules/bestVacancy.js';
import { isEligible } from '../../../src/matching/rules/eligibility.js';
import { matchScore } from '../../../src/matching/rules/matchScore.js';
import type { MatchRequest, MatchRules, VacancyView } from '../../../src/matching/rules/types.js';
import { processStream } from '../../../src/random/rng.js';

const typeIndex = fc.integer({ min: 0, max: PLACEMENT_TYPES.length - 1 });
/** A bit mask, all bits set half the time (so that many vacancies are eligible and the choice is tested). */
const mask = (bits: number) => fc.oneof(fc.constant(2 ** bits - 1), fc.integer({ min: 0, max: 2 ** bits - 1 }));

const rulesArb: fc.Arbitrary<MatchRules> = fc.record({
  allowedTypesMask: fc.array(mask(PLACEMENT_TYPES.length), { minLength: NEEDS.length, maxLength: NEEDS.length }),
  hierarchyRank: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Number.POSITIVE_INFINITY)), { minLength: PLACEMENT_TYPES.length, maxLength: PLACEMENT_TYPES.length }),
  weights: fc.record({ distancePerMile: fc.constantFrom(0, 1, 2), costPer100: fc.constantFrom(0, 1), hierarchyStep: fc.constantFrom(0, 10), spareSpecialism: fc.constantFrom(0, 2) }),
});

const vacancyArb: fc.Arbitrary<VacancyView> = fc.record({
  type: typeIndex, zone: fc.integer({ min: 0, max: 3 }), free: fc.integer({ min: 0, max: 3 }),
  ageMin: fc.integer({ min: 0, max: 12 }), ageMax: fc.integer({ min: 8, max: 17 }), needsMask: mask(NEEDS.length),
  needCount: fc.integer({ min: 1, max: 3 }), siblingCapacity: fc.integer({ min: 1, max: 4 }),
  weeklyCost: fc.constantFrom(400, 900, 900, 5000), availableFromDay: fc.integer({ min: 0, max: 12 }),
});

const requestArb: fc.Arbitrary<MatchRequest> = fc.record({
  ageYears: fc.integer({ min: 0, max: 17 }), need: fc.integer({ min: 0, max: NEEDS.length - 1 }),
  size: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: 0, max: 20 }),
  needsMask: fc.option(mask(NEEDS.length), { nil: undefined }),
}).map((r) => (r.needsMask === undefined ? { ageYears: r.ageYears, need: r.need, size: r.size, day: r.day } : { ...r, needsMask: r.needsMask | (1 << r.need) }));

describe('bestVacancy and isEligible', () => {
  it('chooses an eligible vacancy with the best score, or -1 when none is eligible', () => {
    const miles = [0, 5, 25, 40];
    let chosen = 0;
    let none = 0;
    fc.assert(fc.property(rulesArb, requestArb, fc.array(vacancyArb, { maxLength: 12 }), fc.boolean(), fc.integer({ min: -1, max: 11 }), (rules, req, vs, ignoreNeed, exclude) => {
      const options = ignoreNeed ? { ignoreNeed: true } : undefined;
      const ok = vs.map((v, i) => i !== exclude && v.free >= req.size && isEligible(rules, req, v, options));
      const best = bestVacancy(rules, req, vs, (z) => miles[z]!, processStream(1, 0, 'law'), options, undefined, exclude);
      if (!ok.includes(true)) {
        none++;
        expect(best).toBe(-1);
        return;
      }
      chosen++;
      expect(ok[best]).toBe(true);
      const top = Math.max(...vs.filter((_, i) => ok[i]).map((v) => matchScore(rules, v, miles[v.zone]!)));
      expect(matchScore(rules, vs[best]!, miles[vs[best]!.zone]!)).toBe(top);
    }), { numRuns: 2000 });
    expect({ chosen: chosen > 200, none: none > 200 }).toEqual({ chosen: true, none: true });
  });
});
