// What `match` shows for each referral: its ranking, and of it the best `top` vacancies plus any
// that either policy assigned although ranked lower. Worked on the sibling-group example of
// assignBatch.test.ts with two far vacancies added. (Issue 13, item 3: src/matching/referral/matchReferrals.ts
// had no test in test/matching.)
import { describe, expect, it } from 'vitest';
import { assign } from '../../../src/matching/referral/assignBatch.js';
import { matchReferrals, shownVacancies } from '../../../src/matching/referral/matchReferrals.js';
import { rankVacancies } from '../../../src/matching/referral/rank.js';
import { child, place, referral, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const ctx = testContext();
const home = place('ME8 0', 580.1, 165.1);
const near3 = vacancy({ id: 'V03', place: place('ME8 9', 580.8, 164.6), free: 3, siblingCapacity: 3, ageMax: 12, weeklyCost: 560 });
const other = vacancy({ id: 'V05', type: 1, place: place('ME14 5', 577.3, 156.1), free: 2, siblingCapacity: 2, weeklyCost: 950 });
const far1 = vacancy({ id: 'V07', place: place('TN9 1', 559.3, 146.5), free: 1, weeklyCost: 600 });
const far2 = vacancy({ id: 'V08', place: place('TN1 1', 558.5, 139.5), free: 1, weeklyCost: 600 });
const single = referral([child({ id: 'R1', row: 0, ageYears: 10, home })]);
const siblings = referral([3, 5, 9].map((age, k) => child({ id: `S${k + 1}`, row: 1 + k, ageYears: age, home })), { id: 'G1', siblingGroup: 'G1', row: 1 });
const referrals = [single, siblings];
const vacancies = [far2, near3, far1, other];
const m = matchReferrals(referrals, vacancies, ctx, 'optimal');
const ids = (xs: readonly { readonly vacancy: { readonly id: string } }[]) => xs.map((x) => x.vacancy.id);

describe('matchReferrals', () => {
  it('ranks each referral\'s vacancies and assigns the batch under the policy asked for', () => {
    expect(m.rankings.map((r) => r.referral.id)).toEqual([single.id, 'G1']);
    expect(m.rankings.map((r) => ids(r.ranked))).toEqual(referrals.map((r) => ids(rankVacancies(r, vacancies, ctx).ranked)));
    expect(m.assignment.policy).toBe('optimal');
    expect(m.assignment.chosen.placements.map((p) => p?.vacancy.id)).toEqual(assign(referrals, vacancies, ctx, 'optimal').chosen.placements.map((p) => p?.vacancy.id));
    expect(matchReferrals(referrals, vacancies, ctx, 'greedy').assignment.policy).toBe('greedy');
  });

  it('explains the unsuitable vacancies only when asked', () => {
    expect(m.rankings[1]!.unsuitable).toEqual([]);
    const explained = matchReferrals(referrals, vacancies, ctx, 'optimal', { explain: true });
    expect(explained.rankings[1]!.unsuitable.length).toBeGreaterThan(0);
  });
});

describe('shownVacancies', () => {
  const r1 = m.rankings[0]!.ranked;

  it('shows every ranked vacancy when top is 0 or less', () => {
    expect(r1.length).toBe(4);
    expect(shownVacancies(m, 0, 0)).toEqual(r1);
    expect(shownVacancies(m, 0, -1)).toEqual(r1);
  });

  it('shows the best `top`, and also what either policy assigned, in rank order', () => {
    const chosen = m.assignment.chosen.placements[0]!.rank;
    const greedy = m.assignment.other.placements[0]!.rank;
    const expected = r1.filter((x) => x.rank <= 1 || x.rank === chosen || x.rank === greedy).map((x) => x.rank);
    expect(shownVacancies(m, 0, 1).map((x) => x.rank)).toEqual(expected);
    // the optimal policy gives the child the second choice (V05), keeping V03 for the group
    expect(m.assignment.chosen.placements[0]!.vacancy.id).toBe('V05');
    expect(shownVacancies(m, 0, 1).length).toBeLessThan(r1.length);
    expect(shownVacancies(m, 0, 4)).toEqual(r1);
  });

  it('an unplaced referral shows only its best `top`', () => {
    const lonely = matchReferrals([siblings], [far1], ctx, 'optimal');
    expect(lonely.assignment.chosen.placements[0]).toBeUndefined();
    expect(shownVacancies(lonely, 0, 1)).toEqual([]);
    const some = matchReferrals([single], [far2, far1], ctx, 'optimal');
    expect(shownVacancies(some, 0, 1).map((x) => x.rank)).toEqual([1]);
  });
});
