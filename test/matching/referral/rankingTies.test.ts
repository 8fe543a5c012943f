// Rankings at their edges: vacancies with exactly the same score are ranked by id, whatever the
// order of the list; a ranked vacancy serialises with its reason; a matching context refuses rules
// of the wrong shape (a bug in the caller). (Issue 13, item 3: kills mutants of rank.ts and context.ts.)
import { describe, expect, it } from 'vitest';
import { matchContext } from '../../../src/matching/referral/context.js';
import { rankVacancies } from '../../../src/matching/referral/rank.js';
import { child, MATCH_DAY, referral, scenarioRules, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const ctx = testContext();
const r = referral([child({ id: 'R' })]);

describe('rankVacancies: ties', () => {
  it('ranks vacancies with the same score by id, in any order of the list', () => {
    const a = vacancy({ id: 'A' });
    const b = vacancy({ id: 'B' });
    const c = vacancy({ id: 'C' });
    for (const list of [[c, b, a], [b, a, c], [a, c, b]]) {
      expect(rankVacancies(r, list, ctx).ranked.map((x) => [x.rank, x.vacancy.id])).toEqual([[1, 'A'], [2, 'B'], [3, 'C']]);
    }
  });

  it('lists unsuitable vacancies by id too', () => {
    const full = ['Z', 'Y'].map((id) => vacancy({ id, free: 0 }));
    expect(rankVacancies(r, full, ctx, { explain: true }).unsuitable.map((u) => u.vacancy.id)).toEqual(['Y', 'Z']);
  });

  it('serialises a ranked vacancy with its reason', () => {
    const json = JSON.parse(JSON.stringify(rankVacancies(r, [vacancy({ id: 'A' })], ctx).ranked[0]));
    expect(json).toMatchObject({ rank: 1, index: 0, vacancy: { id: 'A' }, notPreferredType: false, unmet: [] });
    expect(json.reason).toMatch(/^best score: /);
    expect(json.rank).toBe(1);
  });
});

describe('matchContext', () => {
  it('refuses a hierarchy that is not one per age band, and breakdown rates of the wrong size', () => {
    const rules = scenarioRules();
    expect(() => matchContext({ ...rules, hierarchyRank: rules.hierarchyRank.slice(1) }, MATCH_DAY)).toThrow(RangeError);
    expect(() => matchContext({ ...rules, hierarchyRank: rules.hierarchyRank.slice(1) }, MATCH_DAY)).toThrow(/hierarchy/);
    expect(() => matchContext({ ...rules, breakdownPerDay: new Float64Array(3) }, MATCH_DAY)).toThrow(RangeError);
    expect(() => matchContext(rules, MATCH_DAY)).not.toThrow();
  });
});
