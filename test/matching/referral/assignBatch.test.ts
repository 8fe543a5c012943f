// The laws of the batch assignment, on generated referrals and vacancies (sibling groups, "who can
// live together" rules, every hard constraint), and worked examples a placements team would know.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, urgencyOrder, type PolicyOutcome } from '../../../src/matching/referral/assignBatch.js';
import type { MatchContext } from '../../../src/matching/referral/context.js';
import { canShareHome, referralIneligibility } from '../../../src/matching/referral/suitability.js';
import { scorePair } from '../../../src/matching/referral/pairScore.js';
import type { Referral, Vacancy } from '../../../src/matching/referral/referral.js';
import {
  MATCH_DAY, child, instanceArb, needsMask, place, referral, testContext, vacancy, type MatchInstance,
} from '../../fixtures/matchArbitraries.js';

const ctx = testContext();
const TOL = 1e-7;

/** Every hard constraint: eligible pairs, capacity, sibling groups in one home, who can live together. */
const expectFeasible = (inst: MatchInstance, o: PolicyOutcome, context: MatchContext = ctx): void => {
  const load = new Map<string, number>();
  const together = new Map<string, Referral[]>();
  o.placements.forEach((p, i) => {
    if (p === undefined) return;
    const r = inst.referrals[i]!;
    expect(p.vacancy).toBe(inst.vacancies[p.index]);
    expect(referralIneligibility(context, r, p.vacancy)).toBeUndefined();
    load.set(p.vacancy.id, (load.get(p.vacancy.id) ?? 0) + r.children.length);
    together.set(p.vacancy.id, [...(together.get(p.vacancy.id) ?? []), r]);
  });
  for (const v of inst.vacancies) expect(load.get(v.id) ?? 0).toBeLessThanOrEqual(v.free);
  for (const rs of together.values()) {
    for (let a = 0; a < rs.length; a++) for (let b = a + 1; b < rs.length; b++) expect(canShareHome(rs[a]!, rs[b]!)).toBe(true);
  }
  expect(o.referralsPlaced).toBe(o.placements.filter((p) => p !== undefined).length);
  expect(o.totalScore).toBeCloseTo(o.placements.reduce((s, p) => s + (p?.score ?? 0), 0), 9);
};

/** Exhaustive search over every feasible assignment: (placed, total score), lexicographically best. */
const bruteForce = (inst: MatchInstance, context: MatchContext = ctx): { placed: number; score: number } => {
  const { referrals, vacancies } = inst;
  const options = referrals.map((r) => vacancies.flatMap((v, j) => (referralIneligibility(context, r, v) === undefined ? [{ j, s: scorePair(context, r, v).score }] : [])));
  const left = vacancies.map((v) => v.free);
  const at: Referral[][] = vacancies.map(() => []);
  let best = { placed: -1, score: Number.NEGATIVE_INFINITY };
  const dfs = (i: number, placed: number, score: number): void => {
    if (i === referrals.length) {
      if (placed > best.placed || (placed === best.placed && score > best.score + TOL)) best = { placed, score };
      return;
    }
    const r = referrals[i]!;
    for (const { j, s } of options[i]!) {
      if (left[j]! < r.children.length || !at[j]!.every((o) => canShareHome(o, r))) continue;
      left[j]! -= r.children.length;
      at[j]!.push(r);
      dfs(i + 1, placed + 1, score + s);
      at[j]!.pop();
      left[j]! += r.children.length;
    }
    dfs(i + 1, placed, score);
  };
  dfs(0, 0, 0);
  return best;
};

const atLeast = (a: PolicyOutcome, b: PolicyOutcome): boolean =>
  a.referralsPlaced > b.referralsPlaced || (a.referralsPlaced === b.referralsPlaced && a.totalScore >= b.totalScore - TOL * (1 + Math.abs(b.totalScore)));

const shuffle = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
  xs.map((x, i) => ({ x, k: keys[i % keys.length]! * 1000 + i })).sort((a, b) => a.k - b.k).map((e) => e.x);

describe('assign: properties on generated referrals and vacancies', () => {
  it('never breaks a hard constraint (either policy)', () => {
    fc.assert(fc.property(instanceArb(9, 10), (inst) => {
      const r = assign(inst.referrals, inst.vacancies, ctx, 'optimal');
      expectFeasible(inst, r.chosen);
      expectFeasible(inst, r.other);
    }), { numRuns: 150 });
  });

  it('optimal ≥ greedy: at least as many referrals placed, and then at least the total score', () => {
    fc.assert(fc.property(instanceArb(10, 12), (inst) => {
      const r = assign(inst.referrals, inst.vacancies, ctx, 'greedy');
      expect(r.chosen.policy).toBe('greedy');
      expect(atLeast(r.other, r.chosen)).toBe(true);
    }), { numRuns: 150 });
  });

  it('optimal equals brute force on instances up to 7 referrals × 7 vacancies, and says it is proven', () => {
    fc.assert(fc.property(instanceArb(7, 7), (inst) => {
      const o = assign(inst.referrals, inst.vacancies, ctx, 'optimal').chosen;
      const bf = bruteForce(inst);
      expect(o.exact).toBe(true);
      expect(o.referralsPlaced).toBe(bf.placed);
      expect(o.totalScore).toBeCloseTo(bf.score, 6);
    }), { numRuns: 120 });
  });

  it('removing a vacancy never improves the optimal assignment', () => {
    fc.assert(fc.property(instanceArb(7, 7), fc.nat(), (inst, k) => {
      const full = assign(inst.referrals, inst.vacancies, ctx, 'optimal').chosen;
      const gone = k % inst.vacancies.length;
      const fewer = assign(inst.referrals, inst.vacancies.filter((_, j) => j !== gone), ctx, 'optimal').chosen;
      expect(full.exact && fewer.exact).toBe(true);
      expect(atLeast(full, fewer)).toBe(true);
    }), { numRuns: 100 });
  });

  it('the optimal assignment does not depend on the order of the vacancy list, nor its value on the order of the referrals', () => {
    fc.assert(fc.property(instanceArb(7, 8), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (inst, keys) => {
      const base = assign(inst.referrals, inst.vacancies, ctx, 'optimal').chosen;
      const vShuffled = assign(inst.referrals, shuffle(inst.vacancies, keys), ctx, 'optimal').chosen;
      expect(vShuffled.placements.map((p) => p?.vacancy.id)).toEqual(base.placements.map((p) => p?.vacancy.id));
      const rShuffled = assign(shuffle(inst.referrals, keys), inst.vacancies, ctx, 'optimal').chosen;
      expect(rShuffled.referralsPlaced).toBe(base.referralsPlaced);
      expect(rShuffled.totalScore).toBeCloseTo(base.totalScore, 6);
    }), { numRuns: 80 });
  });
});

describe('assign: worked examples', () => {
  const home = place('ME8 0', 580.1, 165.1);
  const near3 = vacancy({ id: 'V03', place: place('ME8 9', 580.8, 164.6), free: 3, siblingCapacity: 3, ageMax: 12, weeklyCost: 560 });
  const other = vacancy({ id: 'V05', type: 1, place: place('ME14 5', 577.3, 156.1), free: 2, siblingCapacity: 2, weeklyCost: 950 });
  const single = referral([child({ id: 'R1', row: 0, ageYears: 10, home })]);
  const siblings = referral([3, 5, 9].map((age, k) => child({ id: `S${k + 1}`, row: 1 + k, ageYears: age, home })), { id: 'G1', siblingGroup: 'G1', row: 1 });

  it('greedy by urgency gives the three-place home to the first child and loses the sibling group; optimal keeps the group together', () => {
    const r = assign([single, siblings], [near3, other], ctx, 'optimal');
    expect(r.other.placements.map((p) => p?.vacancy.id)).toEqual(['V03', undefined]);
    expect(r.chosen.placements.map((p) => p?.vacancy.id)).toEqual(['V05', 'V03']);
    expect([r.chosen.childrenPlaced, r.other.childrenPlaced]).toEqual([4, 1]);
    expect(r.chosen.exact).toBe(true);
  });

  it('urgency order: needed today, then under 5 days, then later; ties by list order, then id', () => {
    const rs = [
      referral([child({ id: 'L' })], { urgency: 'later', row: 0 }),
      referral([child({ id: 'T2' })], { urgency: 'today', row: 3 }),
      referral([child({ id: 'U' })], { urgency: 'under5days', row: 1 }),
      referral([child({ id: 'T1' })], { urgency: 'today', row: 2 }),
    ];
    expect(urgencyOrder(rs).map((i) => rs[i]!.id)).toEqual(['T1', 'T2', 'U', 'L']);
  });

  it('a child who must live alone never shares a home, even when the home has room', () => {
    const solo = referral([child({ id: 'R1', careAlongside: 'solo', ageYears: 15, home })]);
    const friend = referral([child({ id: 'R2', ageYears: 12, home, row: 1 })], { row: 1 });
    const two = vacancy({ id: 'V1', place: home, free: 2, siblingCapacity: 2 });
    const far = vacancy({ id: 'V2', place: place('far', 620, 130), free: 1, weeklyCost: 2000 });
    const r = assign([solo, friend], [two, far], ctx, 'optimal');
    const ids = r.chosen.placements.map((p) => p?.vacancy.id);
    expect(ids).toContain('V1');
    expect(new Set(ids).size).toBe(2);
    expect(r.chosen.referralsPlaced).toBe(2);
    expect(r.chosen.exact).toBe(true);
  });

  it('with no vacancies nothing is placed and nothing fails', () => {
    const r = assign([single], [], ctx, 'optimal');
    expect(r.chosen.placements).toEqual([undefined]);
    expect(r.other.referralsPlaced).toBe(0);
  });

  it('scores add up over a sibling group (a group of three costs three weekly fees)', () => {
    const s = scorePair(ctx, siblings, near3);
    expect(s.parts.cost).toBeCloseTo(-3 * 2 * 5.6, 9);
    expect(needsMask('standard')).toBe(1);
    expect(MATCH_DAY).toBe(20_122);
  });
});
