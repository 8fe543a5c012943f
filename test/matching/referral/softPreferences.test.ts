// The soft parts of a pair's score, one preference at a time: language, religion and culture are
// met by any one of the wishes, communication needs each wish, wishes compare ignoring case, a new
// carer is named for a child with complex needs or risks, and the preferred kind of placement. Each
// unmet wish costs the softPreference weight (5 by default), a kind not preferred costs 10.
// (Issue 13, item 3: kills the surviving mutants of src/matching/referral/pairScore.ts.)
import { describe, expect, it } from 'vitest';
import { distanceMiles } from '../../../src/domain/geography.js';
import { scorePair } from '../../../src/matching/referral/pairScore.js';
import { RISKS } from '../../../src/domain/referral.js';
import type { SoftAttributes } from '../../../src/matching/referral/referral.js';
import { child, MATCH_DAY, needsMask, place, referral, T, testContext, vacancy } from '../../fixtures/matchArbitraries.js';

const ctx = testContext();
const none: SoftAttributes = { language: [], religion: [], communication: [], culture: [] };
const wants = (soft: Partial<SoftAttributes>) => referral([child({ id: 'R', soft: { ...none, ...soft } })]);
const offering = (soft: Partial<SoftAttributes>, over = {}) => vacancy({ id: 'V', soft: { ...none, ...soft }, ...over });
const unmet = (r: ReturnType<typeof wants>, v: ReturnType<typeof offering>) => scorePair(ctx, r, v).unmet.map((u) => [u.kind, u.wish]);

describe('soft preferences', () => {
  it('language, religion and culture: any one wish offered is enough, ignoring case', () => {
    const r = wants({ language: ['Polish', 'Arabic'], religion: ['Muslim'], culture: ['Roma', 'Traveller'] });
    expect(unmet(r, offering({ language: ['ARABIC'], religion: ['muslim'], culture: ['traveller'] }))).toEqual([]);
    expect(unmet(r, offering({}))).toEqual([['language', 'Polish or Arabic'], ['religion', 'Muslim'], ['culture', 'Roma or Traveller']]);
    expect(scorePair(ctx, r, offering({})).parts.soft).toBe(-15);
    expect(scorePair(ctx, r, offering({ language: ['Polish'] })).parts.soft).toBe(-10);
  });

  it('communication: every wish must be offered, each unmet one counts', () => {
    const r = wants({ communication: ['Makaton', 'BSL'] });
    expect(unmet(r, offering({ communication: ['makaton'] }))).toEqual([['communication', 'BSL']]);
    expect(unmet(r, offering({ communication: ['BSL', 'Makaton'] }))).toEqual([]);
    expect(scorePair(ctx, r, offering({})).parts.soft).toBe(-10);
  });

  it('an offer that matches no wish is no help, and wishes are not matched by part of a word', () => {
    expect(unmet(wants({ language: ['Polish'] }), offering({ language: ['Pol', 'Polish Sign'] }))).toEqual([['language', 'Polish']]);
  });

  it('a carer approved for less than 2 years is named for a child with complex needs or a risk, not for others', () => {
    const complex = referral([child({ id: 'C', needsMask: needsMask('complex') })]);
    const risky = referral([child({ id: 'K', risksMask: 1 << RISKS.indexOf('missing') })]);
    const plain = referral([child({ id: 'P' })]);
    const all = needsMask('standard', 'complex');
    const newCarer = vacancy({ id: 'N', experienceYears: 1, needsMask: all, risksMask: 1 << RISKS.indexOf('missing') });
    const seasoned = vacancy({ id: 'S', experienceYears: 2, needsMask: all, risksMask: 1 << RISKS.indexOf('missing') });
    const unknown = vacancy({ id: 'U', experienceYears: undefined, needsMask: all, risksMask: 1 << RISKS.indexOf('missing') });
    expect(scorePair(ctx, complex, newCarer).unmet).toEqual([{ child: 'C', kind: 'experience', wish: '2+ years' }]);
    expect(scorePair(ctx, risky, newCarer).unmet).toEqual([{ child: 'K', kind: 'experience', wish: '2+ years' }]);
    expect(scorePair(ctx, plain, newCarer).unmet).toEqual([]);
    expect(scorePair(ctx, complex, seasoned).unmet).toEqual([]);
    expect(scorePair(ctx, complex, unknown).unmet).toEqual([]);
    expect(scorePair(ctx, complex, newCarer).parts.soft).toBe(-5);
  });
});

describe('the preferred kind of placement', () => {
  it('costs the notPreferredType weight when the child prefers another kind, once per child', () => {
    const prefersResi = referral([child({ id: 'R', suitability: ['suitable', 'preferred', 'suitable'] })]);
    const foster = vacancy({ id: 'F' });
    const s = scorePair(ctx, prefersResi, foster);
    expect([s.notPreferredType, s.parts.typePreference]).toEqual([true, -10]);
    const prefersFoster = referral([child({ id: 'R', suitability: ['preferred', 'suitable', 'suitable'] })]);
    const t = scorePair(ctx, prefersFoster, foster);
    expect([t.notPreferredType, t.parts.typePreference]).toEqual([false, 0]);
    const noPreference = scorePair(ctx, referral([child({ id: 'R' })]), foster);
    expect([noPreference.notPreferredType, noPreference.parts.typePreference]).toEqual([false, 0]);
    const two = referral([child({ id: 'A', suitability: ['suitable', 'preferred', 'suitable'] }), child({ id: 'B', row: 1, suitability: ['suitable', 'preferred', 'suitable'] })]);
    expect(scorePair(ctx, two, vacancy({ id: 'F2', free: 2, siblingCapacity: 2 })).parts.typePreference).toBe(-20);
  });
});

describe('the score and its parts', () => {
  it('the score is the sum of every part, a sibling group adds each child\'s parts and shows the farthest child\'s miles', () => {
    const near = place('N', 576, 166);
    const a = child({ id: 'A', home: place('HA', 575, 168), soft: { ...none, language: ['Welsh'] } });
    const b = child({ id: 'B', row: 1, home: place('HB', 560, 150) });
    const group = referral([a, b]);
    const v = vacancy({ id: 'V', place: near, free: 2, siblingCapacity: 2 });
    const s = scorePair(ctx, group, v);
    const sum = s.parts.distance + s.parts.cost + s.parts.hierarchy + s.parts.specialism + s.parts.typePreference + s.parts.soft;
    expect(s.score).toBeCloseTo(sum, 12);
    expect(s.parts.soft).toBe(-5);
    expect(s.parts.distance).toBeCloseTo(-(distanceMiles(a.home, near) + distanceMiles(b.home, near)), 9);
    expect(s.miles).toBe(Math.max(distanceMiles(a.home, near), distanceMiles(b.home, near)));
    const single = scorePair(ctx, referral([a]), vacancy({ id: 'V1', place: near }));
    expect(single.miles).toBe(distanceMiles(a.home, near));
    expect(single.score).toBeLessThan(0);
  });

  it('the disruption risk is the highest of the group\'s children, from the day the vacancy is free', () => {
    const young = child({ id: 'Y', ageYears: 6, dobDay: MATCH_DAY - 6.5 * 365.25 });
    const teen = child({ id: 'T', row: 1, ageYears: 14, dobDay: MATCH_DAY - 14.5 * 365.25 });
    const v = vacancy({ id: 'V', free: 2, siblingCapacity: 2 });
    const both = scorePair(ctx, referral([young, teen]), v).disruptionRisk!;
    const y = scorePair(ctx, referral([young]), v).disruptionRisk!;
    const t = scorePair(ctx, referral([teen]), v).disruptionRisk!;
    expect(both).toBe(Math.max(y, t));
    expect(y).not.toBe(t);
    // a vacancy free only later: the risk is from that day, when the teenager is older
    const later = scorePair(ctx, referral([teen]), { ...v, availableFromDay: MATCH_DAY + 600 }).disruptionRisk!;
    expect(later).not.toBe(t);
    expect(scorePair(ctx, referral([teen]), { ...v, type: T('other') }).disruptionRisk).toBeUndefined();
  });
});
