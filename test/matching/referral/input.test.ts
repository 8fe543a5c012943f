import { describe, expect, it } from 'vitest';
import { E } from '../../../src/domain/fp.js';
import type { ReferralRow } from '../../../src/domain/referral.js';
import type { VacancyRow } from '../../../src/domain/vacancy.js';
import { loadGazetteer } from '../../../src/io/geography.js';
import { DEFAULT_SETTINGS } from '../../../src/matching/referral/context.js';
import { ageOn, checkMatchRows, neededDayOf, resolveMatchInput, type InputProblem } from '../../../src/matching/referral/input.js';
import { MATCH_DAY } from '../../fixtures/matchArbitraries.js';
import { expectRight, rightOf } from '../../fixtures/either.js';

const gazetteer = (() => {
  const g = loadGazetteer();
  if (E.isLeft(g)) throw new Error(g.left);
  return g.right;
})();
const settings = { ...DEFAULT_SETTINGS, matchDay: MATCH_DAY };
const ref = (over: Partial<ReferralRow>): ReferralRow => ({ id: 'R1', needs: ['standard'], neededBy: 'today', homePostcode: 'ME4 4', age: 10, ...over });
const vac = (over: Partial<VacancyRow>): VacancyRow => ({
  id: 'V1', carerId: 'C1', type: 'inHouseFoster', postcode: 'ME5 8', places: 1, ageMin: 0, ageMax: 17, needsMet: ['standard'], weeklyCost: 500, ...over,
});
const resolve = (refs: ReferralRow[], vacs: VacancyRow[] = [vac({})]) =>
  resolveMatchInput({ rows: refs, lines: refs.map((_, i) => i + 2) }, { rows: vacs, lines: vacs.map((_, i) => i + 2) }, gazetteer, settings);
const problems = (refs: ReferralRow[], vacs?: VacancyRow[]): InputProblem[] => {
  const r = resolve(refs, vacs);
  return E.isLeft(r) ? r.left : [];
};

describe('resolveMatchInput', () => {
  it('groups sibling rows into one referral, needed when its most urgent child is', () => {
    const r = resolve([
      ref({ id: 'A', siblingGroup: 'G', neededBy: 'later', age: 3 }), ref({ id: 'B' }), ref({ id: 'C', siblingGroup: 'G', neededBy: 'under5days', age: 7 }),
    ]);
    expectRight(r);
    if (E.isLeft(r)) return;
    expect(r.right.referrals.map((x) => [x.id, x.children.map((c) => c.id), x.urgency, x.neededDay - MATCH_DAY])).toEqual([
      ['G', ['A', 'C'], 'under5days', 4], ['B', ['B'], 'today', 0],
    ]);
    expect(r.right.vacancies[0]!.place.code).toBe('ME5 8');
  });

  it('reports unknown postcodes, duplicate ids and carers, missing ages and schools, and contradictions, each at its row and column', () => {
    expect(problems(
      [ref({ homePostcode: 'ZZ9 9' }), ref({ id: 'R1', age: undefined }), ref({ id: 'R3', sameSchool: true }), ref({ id: 'R4', dateOfBirth: '2015-01-01', age: 3 }), ref({ id: 'R5', siblingGroup: 'G', careAlongside: 'solo' }), ref({ id: 'R6', siblingGroup: 'G' })],
      [vac({}), vac({ id: 'V1', postcode: 'ME44' }), vac({ id: 'V3', carerId: 'C3', ageMin: 12, ageMax: 4 })],
    ).map((p) => [p.table, p.row, p.column, p.message])).toEqual([
      ['referrals', 0, 'homePostcode', 'unknown postcode "ZZ9 9": not a postcode sector or district in the ONS Postcode Directory'],
      ['referrals', 1, 'id', 'id "R1" is already used on line 2; each child needs an id of their own (siblings share a siblingGroup, not an id)'],
      ['referrals', 1, 'dateOfBirth', 'required: a date of birth or an age (neither is given)'],
      ['referrals', 2, 'schoolPostcode', 'required when sameSchool is yes: the school\'s postcode sector or district'],
      ['referrals', 3, 'age', 'age 3 does not agree with the date of birth 2015-01-01 (10 on 2025-02-03); give one or make them agree'],
      ['referrals', 4, 'careAlongside', 'solo (no other child) contradicts sibling group "G", whose 2 children are placed together'],
      ['vacancies', 1, 'id', 'id "V1" is already used on line 2; each vacancy needs an id of its own'],
      ['vacancies', 1, 'carerId', 'carerId "C1" is already used on line 2; list each household or home once, with all its free places in places'],
      ['vacancies', 1, 'postcode', 'unknown postcode "ME44": not a postcode sector or district in the ONS Postcode Directory; did you mean the sector "ME4 4" (with a space)?'],
      ['vacancies', 2, 'ageMax', 'approved age range upside down: ageMin 12 is above ageMax 4'],
    ]);
    expect(problems([ref({ dateOfBirth: '2006-01-01', age: undefined })])[0]?.message).toBe('the child is 19 on the match date 2025-02-03; referrals are for children under 18');
  });

  it('a date already past is read as today, with a note', () => {
    const r = resolve([ref({ neededBy: '2025-01-20' })]);
    expect([rightOf(r).referrals[0]!.urgency, rightOf(r).notes[0]?.message]).toEqual(['today', '2025-01-20 is before the match date 2025-02-03: treated as needed today']);
  });

  it('ages by the calendar, and urgency of a date', () => {
    expect(ageOn('2011-02-03', MATCH_DAY)).toBe(14);
    expect(ageOn('2011-02-04', MATCH_DAY)).toBe(13);
    expect(ageOn('2008-02-29', MATCH_DAY + 25)).toBe(16);
    expect(neededDayOf('2025-02-06', settings)).toEqual({ urgency: 'under5days', day: MATCH_DAY + 3, past: false });
    expect(neededDayOf('2025-02-08', settings)).toEqual({ urgency: 'later', day: MATCH_DAY + 5, past: false });
    expect(neededDayOf('later', settings)).toEqual({ urgency: 'later', day: MATCH_DAY + 28, past: false });
  });
});

describe('checkMatchRows: the same rules on rows whose cells did not all decode', () => {
  const partial = <A>(rows: Partial<A>[], bad: string[][]) => ({ rows, lines: rows.map((_, i) => i + 2), bad: bad.map((b) => new Set(b)) });
  const check = (refs: Partial<ReferralRow>[], refBad: string[][], vacs: Partial<VacancyRow>[] = [], vacBad: string[][] = []) =>
    checkMatchRows(partial(refs, refBad), partial(vacs, vacBad), gazetteer, settings).map((p) => [p.table, p.row, p.column, p.message]);

  it('runs every check whose cells decoded, beside rows with bad cells', () => {
    expect(check(
      [{ id: 'R1', homePostcode: 'ZZ9 9', age: 10 }, { id: 'R1', neededBy: 'today', age: 3, dateOfBirth: '2015-01-01' }],
      [['needs'], ['homePostcode']],
      [{ id: 'V1', carerId: 'C1', ageMin: 12, ageMax: 4, postcode: 'ME44' }],
      [['weeklyCost']],
    )).toEqual([
      ['referrals', 0, 'homePostcode', 'unknown postcode "ZZ9 9": not a postcode sector or district in the ONS Postcode Directory'],
      ['referrals', 1, 'id', 'id "R1" is already used on line 2; each child needs an id of their own (siblings share a siblingGroup, not an id)'],
      ['referrals', 1, 'age', 'age 3 does not agree with the date of birth 2015-01-01 (10 on 2025-02-03); give one or make them agree'],
      ['vacancies', 0, 'ageMax', 'approved age range upside down: ageMin 12 is above ageMax 4'],
      ['vacancies', 0, 'postcode', 'unknown postcode "ME44": not a postcode sector or district in the ONS Postcode Directory; did you mean the sector "ME4 4" (with a space)?'],
    ]);
  });

  it('skips only the checks that need a bad cell: a bad date of birth is not "neither given", a bad school is not "missing"', () => {
    expect(check([{ id: 'R1', homePostcode: 'ME4 4' }], [['dateOfBirth']])).toEqual([]);
    expect(check([{ id: 'R1', homePostcode: 'ME4 4' }], [['age']])).toEqual([]);
    expect(check([{ id: 'R1', homePostcode: 'ME4 4' }], [[]])).toEqual([
      ['referrals', 0, 'dateOfBirth', 'required: a date of birth or an age (neither is given)'],
    ]);
    expect(check([{ id: 'R1', homePostcode: 'ME4 4', age: 9, sameSchool: true }], [['schoolPostcode']])).toEqual([]);
    expect(check([{ id: 'R1', homePostcode: 'ME4 4', age: 9, sameSchool: true }], [[]])).toEqual([
      ['referrals', 0, 'schoolPostcode', 'required when sameSchool is yes: the school\'s postcode sector or district'],
    ]);
  });

  it('finds on full rows exactly what resolveMatchInput refuses', () => {
    const refs = [ref({ homePostcode: 'ZZ9 9' }), ref({ id: 'R1', age: undefined }), ref({ id: 'R5', siblingGroup: 'G', careAlongside: 'solo' }), ref({ id: 'R6', siblingGroup: 'G' })];
    const vacs = [vac({}), vac({ id: 'V1' })];
    const r = resolve(refs, vacs);
    expect(E.isLeft(r) && r.left).toEqual(checkMatchRows(partial(refs, refs.map(() => [])), partial(vacs, vacs.map(() => [])), gazetteer, settings));
  });
});
