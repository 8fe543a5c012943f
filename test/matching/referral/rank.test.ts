// Ranking one referral's vacancies: order, score parts, plain-words reasons, and the same rules
// as the simulation's greedy step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestVacancy } from '../../../src/matching/rules/bestVacancy.js';
import { matchContext } from '../../../src/matching/referral/context.js';
import { rankVacancies } from '../../../src/matching/referral/rank.js';
import { requestFor, rulesFor } from '../../../src/matching/referral/suitability.js';
import { SCORE_PARTS } from '../../../src/matching/referral/pairScore.js';
import { RISKS } from '../../../src/domain/referral.js';
import { distanceMiles } from '../../../src/domain/geography.js';
import { processStream } from '../../../src/random/rng.js';
import {
  MATCH_DAY, N, T, child, instanceArb, needsMask, place, referral, scenarioRules, testContext, vacancy,
} from '../../fixtures/matchArbitraries.js';

const ctx = testContext();
const home = place('ME4 4', 576, 168.3);
const fourteen = referral([child({ id: 'R101', ageYears: 14, needsMask: needsMask('complex'), primaryNeed: N('complex'), home })]);

const shuffle = <X>(xs: readonly X[], keys: readonly number[]): X[] =>
  xs.map((x, i) => ({ x, k: (keys[i % keys.length] ?? 0) * 1000 + i })).sort((a, b) => a.k - b.k).map((e) => e.x);

describe('rankVacancies: reasons in plain words', () => {
  const reasonFor = (v: Parameters<typeof vacancy>[0], r = fourteen): string | undefined =>
    rankVacancies(r, [vacancy(v)], ctx, { explain: true }).unsuitable[0]?.reason;

  it('says why, in the words a placements officer uses', () => {
    expect(reasonFor({ id: 'V1', ageMax: 9, needsMask: needsMask('complex') })).toBe('approved for 0–9, child is 14');
    expect(reasonFor({ id: 'V2' })).toBe('cannot meet complex needs');
    expect(reasonFor({ id: 'V3', needsMask: needsMask('complex'), availableFromDay: MATCH_DAY + 26 })).toBe('no vacancy until 2025-03-01');
    const group = referral([3, 5, 9].map((age, k) => child({ id: `S${k + 1}`, ageYears: age })));
    expect(reasonFor({ id: 'V4', free: 2, siblingCapacity: 2 }, group)).toBe('2 places, sibling group of 3');
    expect(reasonFor({ id: 'V5', free: 3, siblingCapacity: 2 }, group)).toBe('takes siblings only in groups of up to 2, sibling group of 3');
    expect(reasonFor({ id: 'V6', free: 0 })).toBe('no free places');
    expect(reasonFor({ id: 'V7', ageMin: 0, ageMax: 9, free: 3, siblingCapacity: 3 }, referral([child({ id: 'A', ageYears: 3 }), child({ id: 'B', ageYears: 12 })])))
      .toBe('approved for 0–9, B is 12');
  });

  it('explains the referral\'s own rules: kind of placement, risks, who the child lives with, school', () => {
    const complexV = { needsMask: needsMask('complex'), type: T('residentialPrivate') };
    const noResi = referral([child({ id: 'R', ageYears: 14, needsMask: needsMask('complex'), primaryNeed: N('complex'), suitability: ['preferred', 'unsuitable', 'suitable'] })]);
    expect(reasonFor({ id: 'V1', ...complexV }, noResi)).toBe('residential care marked unsuitable');
    const risky = referral([child({ id: 'R', ageYears: 14, needsMask: needsMask('complex'), primaryNeed: N('complex'), risksMask: (1 << RISKS.indexOf('missing')) | (1 << RISKS.indexOf('exploitation')) })]);
    expect(reasonFor({ id: 'V2', ...complexV, risksMask: 1 << RISKS.indexOf('missing') }, risky)).toBe('cannot manage exploitation');
    expect(reasonFor({ id: 'V3', ...complexV }, risky)).toBe('cannot manage going missing and exploitation');
    const solo = referral([child({ id: 'R', careAlongside: 'solo' })]);
    expect(reasonFor({ id: 'V4', free: 2, currentChildren: [6] }, solo)).toBe('must live with no other child, 1 child already there');
    const onlyOlder = referral([child({ id: 'R', ageYears: 9, careAlongside: 'onlyOlder' })]);
    expect(reasonFor({ id: 'V5', free: 2, currentChildren: [4, 13] }, onlyOlder)).toBe('can live only with older children, a 4-year-old already there');
    const school = referral([child({ id: 'R', school: place('ME5 8', 576.9, 163.5), sameSchool: true })]);
    expect(reasonFor({ id: 'V6', place: place('TN9 1', 559.3, 146.5) }, school)).toBe('15.2 miles from school ME5 8, must keep the same school (limit 10 miles)');
    expect(reasonFor({ id: 'V7', type: T('residentialPrivate') }, referral([child({ id: 'S' })]))).toBe('private children\'s home is not an allowed placement for standard needs');
  });

  it('lists unsuitable vacancies by id, and only when asked', () => {
    const vs = [vacancy({ id: 'B', ageMax: 3 }), vacancy({ id: 'A', ageMax: 3 })];
    expect(rankVacancies(fourteen, vs, ctx).unsuitable).toEqual([]);
    expect(rankVacancies(fourteen, vs, ctx, { explain: true }).unsuitable.map((u) => u.vacancy.id)).toEqual(['A', 'B']);
  });
});

describe('rankVacancies: order and score', () => {
  const complex = { needsMask: needsMask('complex') };
  const near = vacancy({ id: 'NEAR', ...complex, place: place('near', 577, 168) });
  const far = vacancy({ id: 'FAR', ...complex, place: place('far', 600, 168) });
  const ifa = vacancy({ id: 'IFA', ...complex, type: T('ifa'), place: place('near', 577, 168), weeklyCost: 900 });

  it('best score first, with parts that add up and a one-line reason for each rank', () => {
    const { ranked } = rankVacancies(fourteen, [far, ifa, near], ctx);
    expect(ranked.map((x) => [x.rank, x.vacancy.id])).toEqual([[1, 'NEAR'], [2, 'FAR'], [3, 'IFA']]);
    for (const x of ranked) expect(x.score).toBeCloseTo(SCORE_PARTS.reduce((s, p) => s + x.parts[p], 0), 12);
    expect(ranked[0]!.reason).toBe('best score: in-house foster, 0.6 miles, £500 a week');
    expect(ranked[1]!.reason).toBe('14.3 below #1: 14.3 miles further');
    expect(ranked[2]!.reason).toBe('23.0 below #1: IFA foster is lower in the hierarchy, £400 a week dearer');
    expect(ranked[0]!.parts).toEqual({ distance: -0.6, cost: -10, hierarchy: 0, specialism: 0, typePreference: 0, soft: 0 });
  });

  it('soft preferences and the preferred kind of placement lower the score by their weights, and are named', () => {
    const polish = referral([child({ id: 'R', soft: { language: ['Polish'], religion: [], communication: ['Makaton'], culture: [] }, suitability: ['preferred', 'suitable', 'suitable'] })]);
    const speaks = vacancy({ id: 'PL', soft: { language: ['polish'], religion: [], communication: [], culture: [] } });
    const resi = vacancy({ id: 'SA', type: T('supported'), ageMin: 16 });
    const { ranked } = rankVacancies(polish, [speaks, resi], ctx);
    expect(ranked[0]!.parts.soft).toBe(-5);
    expect(ranked[0]!.unmet.map((u) => [u.kind, u.wish])).toEqual([['communication', 'Makaton']]);
    expect(ranked[0]!.reason).toContain('no Makaton');
    const ctx2 = matchContext(scenarioRules(), MATCH_DAY, { weights: { softPreference: 0 } });
    expect(rankVacancies(polish, [speaks], ctx2).ranked[0]!.parts.soft).toBe(0);
  });

  it('distance is scored from the preferred search location when given, and shown from home', () => {
    const r = referral([child({ id: 'R', home, search: place('far', 600, 168) })]);
    const { ranked } = rankVacancies(r, [near, far].map((v) => ({ ...v, needsMask: needsMask('standard') })), ctx);
    expect(ranked[0]!.vacancy.id).toBe('FAR');
    expect(ranked[0]!.miles).toBe(distanceMiles(home, far.place));
  });

  it('predicts the disruption risk from the hazard model (emergency and distance multipliers; n/a without rates)', () => {
    const x = rankVacancies(fourteen, [near], ctx).ranked[0]!;
    // inHouseFoster, 10to15: 0.3 a year; needed today = emergency × 4; within 20 miles.
    expect(x.disruptionRisk).toBeCloseTo(1 - Math.exp(-0.3 * 4), 3);
    const planned = referral(fourteen.children, { urgency: 'later', neededDay: MATCH_DAY + 28 });
    expect(rankVacancies(planned, [far], ctx).ranked[0]!.disruptionRisk).toBeCloseTo(1 - Math.exp(-0.3), 3);
    const resi = vacancy({ id: 'RH', type: T('residentialInHouse'), ...complex });
    expect(rankVacancies(fourteen, [resi], ctx).ranked[0]!.disruptionRisk).toBeUndefined();
  });
});

describe('rankVacancies: properties', () => {
  it('the ranking does not depend on the order of the vacancy list', () => {
    fc.assert(fc.property(instanceArb(3, 12), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (inst, keys) => {
      for (const r of inst.referrals) {
        const a = rankVacancies(r, inst.vacancies, ctx, { explain: true });
        const b = rankVacancies(r, shuffle(inst.vacancies, keys), ctx, { explain: true });
        expect(b.ranked.map((x) => [x.vacancy.id, x.score, x.reason])).toEqual(a.ranked.map((x) => [x.vacancy.id, x.score, x.reason]));
        expect(b.unsuitable.map((x) => [x.vacancy.id, x.reason])).toEqual(a.unsuitable.map((x) => [x.vacancy.id, x.reason]));
        expect(a.ranked.length + a.unsuitable.length).toBe(inst.vacancies.length); // every vacancy accounted for
      }
    }), { numRuns: 150 });
  });

  it('for a plain referral the first choice is the simulation\'s bestVacancy (same rules, same score)', () => {
    fc.assert(fc.property(instanceArb(4, 10, 3), (inst) => {
      for (const r0 of inst.referrals) {
        // Strip what the simulation does not model: preferences, risks, school, care alongside, search location.
        const r = { ...r0, children: r0.children.map((c) => ({ ...c, suitability: ['suitable', 'suitable', 'suitable'] as const, risksMask: 0, careAlongside: 'withOthers' as const, sameSchool: false, search: undefined, soft: { language: [], religion: [], communication: [], culture: [] } })) };
        const lead = r.children[0]!;
        const vs = inst.vacancies.map((v) => ({ ...v, currentChildren: [], experienceYears: undefined }));
        const plain = r.children.length === 1 && (lead.needsMask & (lead.needsMask - 1)) === 0;
        if (!plain) continue;
        const { ranked } = rankVacancies(r, vs, ctx);
        const best = bestVacancy(rulesFor(ctx, lead), requestFor(r, lead), vs, (z) => distanceMiles(lead.home, vs[z]!.place), processStream(1, 0, 'tie'));
        if (ranked.length === 0) expect(best).toBe(-1);
        else expect(vs[best]!.id === ranked[0]!.vacancy.id || ranked[1]?.score === ranked[0]!.score).toBe(true);
      }
    }), { numRuns: 150 });
  });
});
