// The one-line reason `--explain` prints beside each ranked vacancy (what puts it below #1, and its
// main advantage), and the words for an unsuitable one. rankReason is called on score parts made
// up for the case, so each rule of the sentence (which losses, in which order, which gain, when a
// note is added) is seen on its own.
import { describe, expect, it } from 'vitest';
import { RISKS } from '../../../src/domain/referral.js';
import { rankReason } from '../../../src/matching/referral/explain.js';
import type { MatchScoreParts, PairScore, UnmetPreference } from '../../../src/matching/referral/pairScore.js';
import { rankVacancies } from '../../../src/matching/referral/rank.js';
import { N, T, child, needsMask, place, referral, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const zero: MatchScoreParts = { distance: 0, cost: 0, hierarchy: 0, specialism: 0, typePreference: 0, soft: 0 };
const score = (parts: Partial<MatchScoreParts>, over: { miles?: number; unmet?: UnmetPreference[]; notPreferredType?: boolean } = {}): PairScore => {
  const p = { ...zero, ...parts };
  return {
    score: Object.values(p).reduce((a, b) => a + b, 0), parts: p, miles: (over.miles ?? 0) as PairScore['miles'],
    disruptionRisk: undefined, unmet: over.unmet ?? [], notPreferredType: over.notPreferredType ?? false,
  };
};
const one = referral([child({ id: 'R' })]);
const bestV = vacancy({ id: 'BEST', weeklyCost: 700 });
const best = { v: bestV, s: score({ distance: -2 }, { miles: 2 }) };
const dear = vacancy({ id: 'V', weeklyCost: 900 });
/** The reason for a vacancy at rank 2 behind `best`. */
const second = (parts: Partial<MatchScoreParts>, over: Parameters<typeof score>[1] = {}, v = vacancy({ id: 'V', weeklyCost: 500 }), r = one): string =>
  rankReason(r, v, score(parts, over), 2, best);

describe('rankReason: below #1', () => {
  it('names up to three losses, the largest first (ties in score-part order), and the largest gain after "but"', () => {
    // against #1 (distance −2): distance −5, cost −3, hierarchy −3 (a tie: cost comes first), specialism −0.5 (a fourth loss: left out)
    expect(second({ distance: -7, cost: -3, hierarchy: -3, specialism: -0.5 }, { miles: 7 }, vacancy({ id: 'V', type: T('ifa'), weeklyCost: 850 })))
      .toBe('11.5 below #1: 5.0 miles further, £150 a week dearer, IFA foster is lower in the hierarchy');
    expect(second({ distance: -2, hierarchy: -5, cost: 1, specialism: 3 }, { miles: 2 }))
      .toBe('1.0 below #1: in-house foster is lower in the hierarchy; but no specialist place used');
    expect(second({ distance: -1, hierarchy: -9, cost: 4 }, { miles: 1 }))
      .toBe('4.0 below #1: in-house foster is lower in the hierarchy; but £200 a week cheaper');
    expect(second({ distance: -0.5, hierarchy: -9, cost: 0.5 }, { miles: 0.5 }))
      .toBe('7.0 below #1: in-house foster is lower in the hierarchy; but 1.5 miles nearer');
  });

  it('words each other gain, and equal gains in score-part order', () => {
    const better = (parts: Partial<MatchScoreParts>): string => second({ distance: -2, cost: -20, ...parts }, { miles: 2 }).split('; but ')[1]!;
    expect(better({ hierarchy: 1 })).toBe('in-house foster is higher in the hierarchy');
    expect(better({ typePreference: 1 })).toBe('the preferred kind of placement');
    expect(better({ soft: 1 })).toBe('meets more preferences');
    expect(better({ hierarchy: 1, specialism: 1, soft: 1 })).toBe('in-house foster is higher in the hierarchy');
    expect(better({ hierarchy: 1, specialism: 2 })).toBe('no specialist place used');
  });

  it('words the other losses; a soft loss is not among them (its unmet wishes are listed instead)', () => {
    expect(second({ distance: -2, specialism: -3, typePreference: -2, soft: -1 }, { miles: 2 }))
      .toBe('6.0 below #1: a specialist place another child may need, not the preferred kind of placement');
    expect(second({ distance: -2, soft: -5 }, { miles: 2, unmet: [{ child: 'R', kind: 'language', wish: 'Polish' }] }))
      .toBe('5.0 below #1; no Polish speaker');
  });

  it('differences of 0.05 points or less are not mentioned, and a vacancy that close is level with #1', () => {
    expect(second({ distance: -2, cost: -0.05 }, { miles: 2 })).toBe('level with #1');
    expect(second({ distance: -2.05, cost: 0.05 }, { miles: 2 })).toBe('level with #1');
    // exactly 0.05 points behind (0 − (−0.05) is exact in binary floating point)
    expect(rankReason(one, vacancy({ id: 'V' }), score({ typePreference: -0.05 }), 2, { v: bestV, s: score({}) })).toBe('level with #1');
    expect(second({ distance: -2.5, cost: 0.05 }, { miles: 2 })).toBe('0.5 below #1: 0.0 miles further');
  });

  it('distance from a search area is not given in miles, when any child of the group has one', () => {
    const group = referral([child({ id: 'A' }), child({ id: 'B', search: place('S', 600, 168) })]);
    expect(second({ distance: -5, cost: 1 }, { miles: 2 }, undefined, group)).toBe('2.0 below #1: further from the search area; but £200 a week cheaper');
    expect(second({ distance: 0, cost: -9 }, { miles: 2 }, dear, group)).toBe('7.0 below #1: £200 a week dearer; but nearer the search area');
  });

  it('the "not the preferred kind" note is added at #1 only; unmet wishes name the child in a sibling group', () => {
    const unmet: UnmetPreference[] = [
      { child: 'A', kind: 'religion', wish: 'Muslim' }, { child: 'B', kind: 'culture', wish: 'Roma' },
      { child: 'B', kind: 'communication', wish: 'BSL' }, { child: 'B', kind: 'experience', wish: '2+ years' },
    ];
    const group = referral([child({ id: 'A' }), child({ id: 'B' })]);
    expect(rankReason(group, bestV, score({}, { miles: 1.25, unmet, notPreferredType: true }), 1, best))
      .toBe('best score: in-house foster, 1.3 miles, £700 a week; not the preferred kind of placement; A: no support for Muslim faith; B: no Roma cultural match; B: no BSL; B: carer approved under 2 years');
    expect(second({ distance: -2, cost: -1 }, { miles: 2, notPreferredType: true }, dear)).toBe('1.0 below #1: £200 a week dearer');
    expect(second({ distance: -2, cost: -1 }, { miles: 2, unmet: [{ child: 'R', kind: 'religion', wish: 'Muslim' }] }, dear)).toBe('1.0 below #1: £200 a week dearer; no support for Muslim faith');
  });
});

describe('unsuitableReason: more cases in words', () => {
  const ctx = testContext();
  const reasonFor = (v: Parameters<typeof vacancy>[0], r: ReturnType<typeof referral>): string | undefined =>
    rankVacancies(r, [vacancy(v)], ctx, { explain: true }).unsuitable[0]?.reason;

  it('lists of three, a one-year age range, the child named in a sibling group, younger-only and plural children', () => {
    const risky = referral([child({ id: 'R', risksMask: (1 << RISKS.indexOf('missing')) | (1 << RISKS.indexOf('selfHarm')) | (1 << RISKS.indexOf('fireSetting')) })]);
    expect(reasonFor({ id: 'V1' }, risky)).toBe('cannot manage going missing, self-harm and fire setting');
    expect(reasonFor({ id: 'V2', ageMin: 12, ageMax: 12 }, one)).toBe('approved for age 12 only, child is 10');
    const group = referral([child({ id: 'A' }), child({ id: 'B', needsMask: needsMask('standard', 'disability'), primaryNeed: N('standard') })]);
    expect(reasonFor({ id: 'V3', free: 2 }, group)).toBe('B: cannot meet disability needs');
    const younger = referral([child({ id: 'R', ageYears: 9, careAlongside: 'onlyYounger' })]);
    expect(reasonFor({ id: 'V4', free: 2, currentChildren: [4, 13, 15] }, younger)).toBe('can live only with younger children, a 13-year-old and a 15-year-old already there');
    const solo = referral([child({ id: 'R', careAlongside: 'solo' })]);
    expect(reasonFor({ id: 'V5', free: 2, currentChildren: [6, 8] }, solo)).toBe('must live with no other child, 2 children already there');
    const both = referral([child({ id: 'R', ageYears: 14, needsMask: needsMask('standard', 'complex'), primaryNeed: N('complex') })]);
    expect(reasonFor({ id: 'V6', type: T('residentialPrivate'), needsMask: needsMask('standard', 'complex') }, both))
      .toBe('private children\'s home is not an allowed placement for standard needs'); // complex needs allow it: not named
  });
});
