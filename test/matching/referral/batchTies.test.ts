// What a batch assignment reports beyond the placements (policy, method, proven bound), and how
// it breaks ties a placements team would otherwise see change from one run or file order to the next.
import { describe, expect, it } from 'vitest';
import { assign, urgencyOrder } from '../../../src/matching/referral/assignBatch.js';
import { rankVacancies } from '../../../src/matching/referral/rank.js';
import { child, place, referral, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const ctx = testContext();
const home = place('HOME', 575, 168);
const twin = (id: string) => vacancy({ id, place: place('SAME', 576, 166) });

describe('assign: ties and what each outcome says', () => {
  it('referrals as urgent and on the same row are ordered by id', () => {
    const rs = [referral([child({ id: 'B' })], { row: 4 }), referral([child({ id: 'A' })], { row: 4 }), referral([child({ id: 'C' })], { row: 4 })];
    expect(urgencyOrder(rs).map((i) => rs[i]!.id)).toEqual(['A', 'B', 'C']);
  });

  it('between two vacancies that score the same, both policies give the one with the lower id, whatever the file order', () => {
    const one = [referral([child({ id: 'R', home })])];
    for (const vs of [[twin('V2'), twin('V1'), twin('V3')], [twin('V3'), twin('V1'), twin('V2')], [twin('V1'), twin('V3'), twin('V2')]]) {
      const r = assign(one, vs, ctx, 'greedy');
      expect([r.chosen.placements[0]?.vacancy.id, r.other.placements[0]?.vacancy.id]).toEqual(['V1', 'V1']);
    }
  });

  it('two children alike and two vacancies alike: the same children get the same vacancies whatever the file order', () => {
    const rs = [referral([child({ id: 'R1', home })]), referral([child({ id: 'R2', home, row: 1 })], { row: 1 })];
    const ids = (vs: ReturnType<typeof twin>[]) => assign(rs, vs, ctx, 'optimal').chosen.placements.map((p) => p?.vacancy.id);
    expect(ids([twin('V1'), twin('V2')])).toEqual(ids([twin('V2'), twin('V1')]));
    expect(ids([twin('V10'), twin('V9'), twin('V2')])).toEqual(ids([twin('V2'), twin('V9'), twin('V10')]));
  });

  it('each outcome names its policy and method; only the optimal one carries a bound, equal to its answer when proven', () => {
    const rs = [referral([child({ id: 'R1', home })]), referral([child({ id: 'R2', home, row: 1 })], { row: 1 })];
    const vs = [vacancy({ id: 'V1', place: home }), vacancy({ id: 'V2', place: place('FAR', 590, 168) })];
    const g = assign(rs, vs, ctx, 'greedy');
    expect([g.policy, g.chosen.policy, g.chosen.method, g.chosen.exact, 'upperBound' in g.chosen]).toEqual(['greedy', 'greedy', 'greedy (urgency order)', false, false]);
    expect([g.other.policy, g.other.exact, g.other.upperBound]).toEqual(['optimal', true, { referralsPlaced: 2, totalScore: g.other.totalScore }]);
    const o = assign(rs, vs, ctx, 'optimal');
    expect([o.chosen.policy, o.other.policy, o.other.method]).toEqual(['optimal', 'greedy', 'greedy (urgency order)']);
  });

  it('refuses rankings that do not match the referrals (a programming error, not bad input)', () => {
    const rs = [referral([child({ id: 'R1', home })])];
    const vs = [vacancy({ id: 'V1' })];
    expect(() => assign(rs, vs, ctx, 'optimal', { rankings: [] })).toThrow(new RangeError('assign: one ranking per referral expected'));
    expect(assign(rs, vs, ctx, 'optimal', { rankings: [rankVacancies(rs[0]!, vs, ctx)] }).chosen.referralsPlaced).toBe(1);
  });
});

describe('assign: the limits on resolving "who can live together" conflicts', () => {
  // The best home for both is V1 (two places), but R1 must live alone: the solver has to search.
  const home = place('ME8 0', 580.1, 165.1);
  const solo = referral([child({ id: 'R1', careAlongside: 'solo', ageYears: 15, home })]);
  const friend = referral([child({ id: 'R2', ageYears: 12, home, row: 1 })], { row: 1 });
  const vs = [vacancy({ id: 'V1', place: home, free: 2, siblingCapacity: 2 }), vacancy({ id: 'V2', place: place('far', 620, 130), free: 1, weeklyCost: 2000 })];

  it('are passed to the solver: too few solves or too little work leaves the answer unproven, with a bound above it', () => {
    const full = assign([solo, friend], vs, ctx, 'optimal').chosen;
    expect(full.exact).toBe(true);
    for (const limit of [{ maxSolves: 1 }, { conflictWork: 1 }]) {
      const cut = assign([solo, friend], vs, ctx, 'optimal', limit).chosen;
      expect(cut.exact).toBe(false);
      expect(cut.upperBound!.totalScore).toBeGreaterThan(full.totalScore);
    }
  });
});
