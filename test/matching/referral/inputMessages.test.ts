// What a user sees when a referral or vacancy row is refused, noted or resolved: the boundary of
// each rule (accepted on one side, refused with its message at its row and column on the other),
// the hint for a postcode typed without its space, and the defaults a blank cell takes.
import { describe, expect, it } from 'vitest';
import { E } from '../../../src/domain/fp.js';
import type { ReferralRow } from '../../../src/domain/referral.js';
import type { VacancyRow } from '../../../src/domain/vacancy.js';
import { loadGazetteer } from '../../../src/io/geography.js';
import { DEFAULT_SETTINGS } from '../../../src/matching/referral/context.js';
import { checkMatchRows, neededDayOf, resolveMatchInput } from '../../../src/matching/referral/input.js';
import { MATCH_DAY } from '../../fixtures/matchArbitraries.js';
import { rightOf } from '../../fixtures/either.js';

const gazetteer = (() => {
  const g = loadGazetteer();
  if (E.isLeft(g)) throw new Error(g.left);
  return g.right;
})();
const settings = { ...DEFAULT_SETTINGS, matchDay: MATCH_DAY }; // 2025-02-03
const DAYS_PER_YEAR = 365.25;
const ref = (over: Partial<ReferralRow>): ReferralRow => ({ id: 'R1', needs: ['standard'], neededBy: 'today', homePostcode: 'ME4 4', age: 10, ...over });
const vac = (over: Partial<VacancyRow>): VacancyRow => ({
  id: 'V1', carerId: 'C1', type: 'inHouseFoster', postcode: 'ME5 8', places: 1, ageMin: 0, ageMax: 17, needsMet: ['standard'], weeklyCost: 500, ...over,
});
const resolve = (refs: ReferralRow[], vacs: VacancyRow[] = [vac({})]) =>
  resolveMatchInput({ rows: refs, lines: refs.map((_, i) => i + 2) }, { rows: vacs, lines: vacs.map((_, i) => i + 2) }, gazetteer, settings);
/** Problems as [table, row, column, message]; [] when the input is accepted. */
const refused = (refs: ReferralRow[], vacs?: VacancyRow[]): unknown[][] => {
  const r = resolve(refs, vacs);
  return E.isLeft(r) ? r.left.map((p) => [p.table, p.row, p.column, p.message]) : [];
};
const unknown = (code: string, hint = ''): unknown[] =>
  ['vacancies', 0, 'postcode', `unknown postcode "${code}": not a postcode sector or district in the ONS Postcode Directory${hint}`];

describe('a row on each side of a rule', () => {
  it('a child born on the match date is accepted; one born the day after is refused', () => {
    expect(refused([ref({ dateOfBirth: '2025-02-03', age: undefined })])).toEqual([]);
    expect(refused([ref({ dateOfBirth: '2025-02-04', age: undefined })])).toEqual([
      ['referrals', 0, 'dateOfBirth', 'born after the match date 2025-02-03'],
    ]);
  });

  it('a child of 17 the day before their 18th birthday is accepted; on the birthday they are refused', () => {
    expect(refused([ref({ dateOfBirth: '2007-02-04', age: undefined })])).toEqual([]);
    expect(refused([ref({ dateOfBirth: '2007-02-03', age: undefined })])).toEqual([
      ['referrals', 0, 'dateOfBirth', 'the child is 18 on the match date 2025-02-03; referrals are for children under 18'],
    ]);
  });

  it('a date of birth alone, or with the age it gives, is accepted', () => {
    expect(refused([ref({ dateOfBirth: '2015-01-01', age: undefined }), ref({ id: 'R2', dateOfBirth: '2015-01-01', age: 10 })])).toEqual([]);
  });

  it('an approved age range of one year (ageMin = ageMax) is accepted', () => {
    expect(refused([ref({})], [vac({ ageMin: 10, ageMax: 10 })])).toEqual([]);
  });

  it('a sibling group of one is a single referral under the child\'s own id, with a note, and may be solo', () => {
    const r = rightOf(resolve([ref({ id: 'A', siblingGroup: 'G', careAlongside: 'solo' })]));
    expect(r.referrals.map((x) => [x.id, x.siblingGroup, x.children.map((c) => c.id)])).toEqual([['A', undefined, ['A']]]);
    expect(r.notes).toEqual([{ table: 'referrals', row: 0, column: 'siblingGroup', message: 'sibling group "G" has only this child: matched as a single referral' }]);
  });

  it('children without a sibling group are separate referrals, and one of them may be solo', () => {
    const r = rightOf(resolve([ref({ id: 'A', careAlongside: 'solo' }), ref({ id: 'B' })]));
    expect(r.referrals.map((x) => [x.id, x.siblingGroup, x.children.map((c) => c.id)])).toEqual([['A', undefined, ['A']], ['B', undefined, ['B']]]);
    expect(r.notes).toEqual([]);
  });

  it('a sibling group named like another child\'s id is refused at its first row; named like its own member, accepted', () => {
    expect(refused([ref({ id: 'A' }), ref({ id: 'B', siblingGroup: 'A' }), ref({ id: 'C', siblingGroup: 'A' })])).toEqual([
      ['referrals', 1, 'siblingGroup', 'sibling group "A" has the same name as another child\'s id; use a different name for the group'],
    ]);
    expect(refused([ref({ id: 'A', siblingGroup: 'A' }), ref({ id: 'B', siblingGroup: 'A' })])).toEqual([]);
  });

  it('unknown school and search postcodes are named in their own column', () => {
    expect(refused([ref({ schoolPostcode: 'ZZ9 9', searchPostcode: 'ZZ9 8' })])).toEqual([
      ['referrals', 0, 'schoolPostcode', 'unknown postcode "ZZ9 9": not a postcode sector or district in the ONS Postcode Directory'],
      ['referrals', 0, 'searchPostcode', 'unknown postcode "ZZ9 8": not a postcode sector or district in the ONS Postcode Directory'],
    ]);
  });

  it('rows whose id did not decode are not duplicates of each other', () => {
    const partial = <A>(rows: Partial<A>[]) => ({ rows, lines: rows.map((_, i) => i + 2), bad: rows.map(() => new Set(['id'])) });
    expect(checkMatchRows(partial<ReferralRow>([{ homePostcode: 'ME4 4', age: 3 }, { homePostcode: 'ME4 4', age: 4 }]), partial<VacancyRow>([]), gazetteer, settings)).toEqual([]);
  });
});

describe('the hint for a sector typed without its space', () => {
  it('is given for a one-letter area and for a district ending in a letter', () => {
    expect(refused([ref({})], [vac({ postcode: 'B54' })])).toEqual([unknown('B54', '; did you mean the sector "B5 4" (with a space)?')]);
    expect(refused([ref({})], [vac({ postcode: 'SW1A1' })])).toEqual([unknown('SW1A1', '; did you mean the sector "SW1A 1" (with a space)?')]);
  });

  it('is not given when the code has more around it than a sector, or looks like no postcode', () => {
    expect(refused([ref({})], [vac({ postcode: '1ME44' })])).toEqual([unknown('1ME44')]);
    expect(refused([ref({})], [vac({ postcode: 'ME44X' })])).toEqual([unknown('ME44X')]);
    expect(refused([ref({})], [vac({ postcode: 'ZZZZ' })])).toEqual([unknown('ZZZZ')]);
  });
});

describe('when a child is needed', () => {
  it('the match date itself is today, not past; four days on is under five days, five days on is later', () => {
    expect(neededDayOf('2025-02-03', settings)).toEqual({ urgency: 'today', day: MATCH_DAY, past: false });
    expect(neededDayOf('2025-02-07', settings)).toEqual({ urgency: 'under5days', day: MATCH_DAY + 4, past: false });
    expect(neededDayOf('today', settings)).toEqual({ urgency: 'today', day: MATCH_DAY, past: false });
    expect(neededDayOf('under5days', settings)).toEqual({ urgency: 'under5days', day: MATCH_DAY + 4, past: false });
  });

  it('only a date before the match date gets the "treated as today" note, at its row and column', () => {
    const r = rightOf(resolve([ref({ id: 'A', neededBy: 'today' }), ref({ id: 'B', neededBy: 'under5days' }), ref({ id: 'C', neededBy: '2025-02-03' }), ref({ id: 'D', neededBy: '2025-02-02' })]));
    expect(r.notes).toEqual([{ table: 'referrals', row: 3, column: 'neededBy', message: '2025-02-02 is before the match date 2025-02-03: treated as needed today' }]);
  });

  it('a sibling group is needed when its most urgent child is, and among equally urgent children by the earliest day', () => {
    const lead = (a: string, b: string) => {
      const r = rightOf(resolve([ref({ id: 'A', siblingGroup: 'G', neededBy: a }), ref({ id: 'B', siblingGroup: 'G', neededBy: b })]));
      expect(r.referrals.map((x) => [x.id, x.siblingGroup, x.children.map((c) => c.id)])).toEqual([['G', 'G', ['A', 'B']]]);
      expect(r.notes).toEqual([]); // a group of two is no "group of one"
      const x = r.referrals[0]!;
      return [x.neededBy, x.urgency, x.neededDay - MATCH_DAY];
    };
    expect(lead('today', 'later')).toEqual(['today', 'today', 0]);
    expect(lead('2025-03-01', '2025-03-10')).toEqual(['2025-03-01', 'later', 26]);
    expect(lead('2025-03-10', '2025-03-01')).toEqual(['2025-03-01', 'later', 26]);
    // 'later' is the match date + 28 days (2025-03-03): the same day, so the first child's value stays
    expect(lead('later', '2025-03-03')).toEqual(['later', 'later', 28]);
  });
});

describe('what a resolved row holds', () => {
  it('a child\'s age on the day needed: by the calendar from a date of birth, else from the age given', () => {
    const r = rightOf(resolve([
      // needed on the first birthday: 2024-03-01 to 2025-03-01 is 1 calendar year but 365 days, under 365.25
      ref({ id: 'A', dateOfBirth: '2024-03-01', age: undefined, neededBy: '2025-03-01' }),
      ref({ id: 'B', age: 10, neededBy: 'later' }),
    ]));
    const [a, b] = r.referrals.map((x) => x.children[0]!);
    expect([a!.ageYears, a!.dobKnown, a!.dobDay]).toEqual([1, true, MATCH_DAY - 339]);
    expect([b!.ageYears, b!.dobKnown, b!.dobDay]).toEqual([10, false, MATCH_DAY - 10.5 * DAYS_PER_YEAR]);
  });

  it('blank cells take their defaults; given cells are kept', () => {
    const blank = rightOf(resolve([ref({ needs: ['complex', 'uasc'] })], [vac({ places: 3, needsMet: ['standard', 'complex', 'uasc'] })]));
    expect(blank.referrals[0]!.children[0]).toMatchObject({
      needsMask: 0b10010, primaryNeed: 1, school: undefined, sameSchool: false, search: undefined,
      suitability: ['suitable', 'suitable', 'suitable'], risksMask: 0, careAlongside: 'withOthers',
      soft: { language: [], religion: [], communication: [], culture: [] },
    });
    expect(blank.vacancies[0]).toMatchObject({
      needsMask: 0b10011, needCount: 3, siblingCapacity: 3, availableFromDay: MATCH_DAY, risksMask: 0, currentChildren: [], hub: false,
      soft: { language: [], religion: [], communication: [], culture: [] },
    });
    expect(blank.notes).toEqual([]);

    const given = rightOf(resolve(
      [ref({ sameSchool: true, schoolPostcode: 'ME5 8', searchPostcode: 'ME4 4', residentialCare: 'unsuitable', risks: ['exploitation'], careAlongside: 'onlyOlder', language: ['Polish'], religion: ['Muslim'], communication: ['BSL'], culture: ['Roma'] })],
      [vac({ places: 3, siblingCapacity: 2, availableFrom: '2025-02-10', hubMember: true, risksManaged: ['missing', 'selfHarm'], currentChildren: [4, 9], language: ['Polish'] })],
    ));
    expect(given.referrals[0]!.children[0]).toMatchObject({
      school: { code: 'ME5 8' }, sameSchool: true, search: { code: 'ME4 4' }, suitability: ['suitable', 'unsuitable', 'suitable'],
      risksMask: 0b10, careAlongside: 'onlyOlder', soft: { language: ['Polish'], religion: ['Muslim'], communication: ['BSL'], culture: ['Roma'] },
    });
    expect(given.vacancies[0]).toMatchObject({ siblingCapacity: 2, availableFromDay: MATCH_DAY + 7, risksMask: 0b101, currentChildren: [4, 9], hub: true, soft: { language: ['Polish'] } });
  });
});
