// A sibling group's score for one vacancy: the distance shown is the farthest child's, the
// predicted breakdown risk the highest child's, and every child's unmet wishes are listed and
// counted, whichever order the children are in. Also: every kind of wish is counted, and the
// score is the sum of its parts.
import { describe, expect, it } from 'vitest';
import { DAYS_PER_YEAR } from '../../../src/domain/time.js';
import { scorePair } from '../../../src/matching/referral/pairScore.js';
import { MATCH_DAY, T, child, noSoft, place, referral, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const ctx = testContext(); // soft preference weight 5, not-preferred type 10
const v = vacancy({ id: 'V', free: 2, place: place('V', 576, 166) });

describe('scorePair on a sibling group', () => {
  it('shows the farthest child\'s miles and the highest child\'s risk, in either order', () => {
    const far = child({ id: 'FAR', home: place('F', 600, 166), ageYears: 15, dobDay: MATCH_DAY - 15.5 * DAYS_PER_YEAR });
    const near = child({ id: 'NEAR', home: place('N', 577, 166), ageYears: 3, dobDay: MATCH_DAY - 3.5 * DAYS_PER_YEAR });
    const alone = [far, near].map((c) => scorePair(ctx, referral([c]), v));
    expect(alone[0]!.miles).toBeGreaterThan(alone[1]!.miles);
    expect(alone[0]!.disruptionRisk).not.toBe(alone[1]!.disruptionRisk); // the two ages have different breakdown rates
    const maxRisk = Math.max(alone[0]!.disruptionRisk!, alone[1]!.disruptionRisk!);
    for (const kids of [[far, near], [near, far]]) {
      const s = scorePair(ctx, referral(kids), v);
      expect([s.miles, s.disruptionRisk]).toEqual([alone[0]!.miles, maxRisk]);
    }
  });

  it('lists every child\'s unmet wishes, first child first, and takes 5 points for each', () => {
    const a = child({ id: 'A', soft: { ...noSoft, language: ['Polish'] } });
    const b = child({ id: 'B', soft: { ...noSoft, religion: ['Muslim'] } });
    const s = scorePair(ctx, referral([a, b]), v);
    expect(s.unmet).toEqual([{ child: 'A', kind: 'language', wish: 'Polish' }, { child: 'B', kind: 'religion', wish: 'Muslim' }]);
    expect(s.parts.soft).toBe(-10);
  });
});

describe('scorePair: every kind of wish, and the sum', () => {
  it('counts each unmet wish when a child has several kinds', () => {
    const wishes = (soft: Partial<typeof noSoft>) => scorePair(ctx, referral([child({ id: 'C', soft: { ...noSoft, ...soft } })]), v).unmet.map((u) => `${u.kind}:${u.wish}`);
    expect(wishes({ language: ['Polish'], religion: ['Muslim'] })).toEqual(['language:Polish', 'religion:Muslim']);
    expect(wishes({ language: ['Polish'], culture: ['Roma'] })).toEqual(['language:Polish', 'culture:Roma']);
    expect(wishes({ communication: ['BSL'], culture: ['Roma'] })).toEqual(['communication:BSL', 'culture:Roma']);
    expect(wishes({ religion: ['Muslim', 'Sunni'], culture: ['Roma', 'Sinti'], communication: ['BSL', 'Makaton'] }))
      .toEqual(['religion:Muslim or Sunni', 'communication:BSL', 'communication:Makaton', 'culture:Roma or Sinti']);
  });

  it('the score is the sum of its parts when the placement is not of the preferred kind', () => {
    const prefersFoster = referral([child({ id: 'C', ageYears: 16, suitability: ['preferred', 'suitable', 'suitable'], soft: { ...noSoft, language: ['Polish'] } })]);
    const s = scorePair(ctx, prefersFoster, vacancy({ id: 'SA', type: T('supported'), ageMin: 16 }));
    expect([s.notPreferredType, s.parts.typePreference, s.parts.soft]).toEqual([true, -10, -5]);
    expect(s.score).toBeCloseTo(s.parts.distance + s.parts.cost + s.parts.hierarchy + s.parts.specialism + s.parts.typePreference + s.parts.soft, 12);
  });
});
