import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { REFERRAL_COLUMNS } from '../../src/domain/referral.js';
import { VACANCY_COLUMNS } from '../../src/domain/vacancy.js';
import { parseCsvText } from '../../src/io/csvParse.js';
import { codecColumns, columnLetter, decodeTable, decodeTableRows } from '../../src/io/csvRows.js';
import { REFERRAL_FORMAT, VACANCY_FORMAT } from '../../src/io/matchFiles.js';
import { ReferralRow } from '../../src/domain/referral.js';
import { VacancyRow } from '../../src/domain/vacancy.js';
import { expectRight, rightOf } from '../fixtures/either.js';

const decodeReferrals = (text: string) => {
  const t = parseCsvText('referrals.csv', text);
  if (E.isLeft(t)) throw new Error(t.left.join('\n'));
  return decodeTable(t.right, REFERRAL_FORMAT);
};

describe('decodeTable', () => {
  it('decodes every row, matching headers by any case, spacing or alias (DOB, HOME_POST)', () => {
    const r = decodeReferrals('ID,DOB,Needs,Needed By,HOME_POST,Same School,School Postcode\nR1,01/02/2015,standard,today,me4 4,no,\nR2,2012-05-06,complex; uasc,Under 5 days,ME5 8AB,yes,ME5 8\n');
    expectRight(r);
    if (E.isLeft(r)) return;
    expect(r.right.rows).toEqual([
      { id: 'R1', dateOfBirth: '2015-02-01', needs: ['standard'], neededBy: 'today', homePostcode: 'ME4 4', sameSchool: false },
      { id: 'R2', dateOfBirth: '2012-05-06', needs: ['complex', 'uasc'], neededBy: 'under5days', homePostcode: 'ME5 8', sameSchool: true, schoolPostcode: 'ME5 8' },
    ]);
    expect(r.right.lines).toEqual([2, 3]);
    expect(r.right.warnings).toEqual([]);
  });

  it('reports every bad cell at once, with file, line, column letter and name; unknown codes and bad dates say why', () => {
    const r = decodeReferrals('id,dateOfBirth,needs,neededBy,homePostcode\nR1,31/02/2015,standard,today,ME4 4\nR2,01/02/2015,autism,tomorrow,Chatham\nR3,01/02/2015,,today,ME4 4\n');
    expect(r).toEqual(E.left([
      'referrals.csv, line 2, column B (dateOfBirth): expected date as DD/MM/YYYY or YYYY-MM-DD, found "31/02/2015" (no such date; DD/MM/YYYY is read day first)',
      'referrals.csv, line 3, column C (needs): expected list of standard, complex, disability, parentAndChild, uasc, separated by ;, found "autism" (unknown: "autism")',
      'referrals.csv, line 3, column D (neededBy): expected today, under5days, later, or a date as DD/MM/YYYY or YYYY-MM-DD, found "tomorrow" (not an urgency or a date)',
      'referrals.csv, line 3, column E (homePostcode): expected postcode sector (ME4 4) or district (ME4), found "Chatham" (not a UK postcode sector or district)',
      'referrals.csv, line 4, column C (needs): required value missing (expected list of standard, complex, disability, parentAndChild, uasc, separated by ;)',
    ]));
  });

  it('missing and repeated columns are reported on line 1 before any row; unknown columns are ignored with a warning', () => {
    expect(decodeReferrals('id,age,neededBy\nR1,4,today\n')).toEqual(E.left([
      'referrals.csv, line 1: missing required columns needs, homePostcode (the header must name id, needs, neededBy, homePostcode; found "id", "age", "neededBy")',
    ]));
    expect(decodeReferrals('id,needs,neededBy,homePostcode,Needs\nR1,standard,today,ME4 4,complex\n')).toEqual(E.left([
      'referrals.csv, line 1, column E: column "Needs" repeats column B ("needs"); give each column once',
    ]));
    const r = decodeReferrals('id,needs,neededBy,homePostcode,shcoolPostcode,notes\nR1,standard,today,ME4 4,ME5 8,hello\n');
    expect(rightOf(r).warnings).toEqual([
      'referrals.csv, line 1, column E: column "shcoolPostcode" is not a referral column and was ignored (did you mean schoolPostcode?)',
      'referrals.csv, line 1, column F: column "notes" is not a referral column and was ignored',
    ]);
  });

  it('a row with the wrong number of values is reported, never dropped; a header alone is an error', () => {
    expect(decodeReferrals('id,needs,neededBy,homePostcode\nR1,standard,today,ME4 4\nR2,standard,today,ME4 4,extra\n')).toEqual(E.left([
      'referrals.csv, line 3: 5 values, expected 4 as in the header (a comma inside a value needs the value in double quotes)',
    ]));
    expect(decodeReferrals('id,needs,neededBy,homePostcode\n')).toEqual(E.left(['referrals.csv: no referral rows, only the header line']));
  });

  it('column letters go on past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('decodeTableRows: rows as far as their cells decode', () => {
  const partly = (text: string) => {
    const t = parseCsvText('referrals.csv', text);
    if (E.isLeft(t)) throw new Error(t.left.join('\n'));
    const r = decodeTableRows(t.right, REFERRAL_FORMAT);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    return r.right;
  };

  it('keeps the good cells of a row with a bad one and names the bad columns, so later checks can still run', () => {
    const t = partly('id,dateOfBirth,needs,neededBy,homePostcode\nR1,31/02/2015,standard,today,ME4 4\nR2,01/02/2015,autism,today,\nR3,01/02/2015,standard,today,ME4 4\n');
    expect(t.rows).toEqual([
      { id: 'R1', needs: ['standard'], neededBy: 'today', homePostcode: 'ME4 4' },
      { id: 'R2', dateOfBirth: '2015-02-01', neededBy: 'today' },
      { id: 'R3', dateOfBirth: '2015-02-01', needs: ['standard'], neededBy: 'today', homePostcode: 'ME4 4' },
    ]);
    expect(t.bad.map((b) => [...b].sort())).toEqual([['dateOfBirth'], ['homePostcode', 'needs'], []]);
    expect(t.lines).toEqual([2, 3, 4]);
    expect(t.problems.map((p) => [p.row, p.message.split(':')[0]])).toEqual([
      [0, 'referrals.csv, line 2, column B (dateOfBirth)'],
      [1, 'referrals.csv, line 3, column C (needs)'],
      [1, 'referrals.csv, line 3, column E (homePostcode)'],
    ]);
  });

  it('a row of the wrong width keeps no cell: every column is bad', () => {
    const t = partly('id,needs,neededBy,homePostcode\nR1,standard,today\n');
    expect(t.rows).toEqual([{}]);
    expect([...t.bad[0]!].sort()).toEqual(codecColumns(ReferralRow).required.concat(codecColumns(ReferralRow).optional).sort());
    expect(t.problems).toEqual([{ row: 0, message: 'referrals.csv, line 2: 3 values, expected 4 as in the header (a comma inside a value needs the value in double quotes)' }]);
  });

  it('the same problems as decodeTable, which refuses the table when there is any', () => {
    const text = 'id,dateOfBirth,needs,neededBy,homePostcode\nR1,31/02/2015,standard,today,ME4 4\nR2,01/02/2015,autism,tomorrow,Chatham\n';
    expect(decodeReferrals(text)).toEqual(E.left(partly(text).problems.map((p) => p.message)));
  });
});

describe('row formats', () => {
  it('every codec column is documented, in the documented order, and nothing else is', () => {
    for (const [codec, docs] of [[ReferralRow, REFERRAL_COLUMNS], [VacancyRow, VACANCY_COLUMNS]] as const) {
      const { required, optional } = codecColumns(codec);
      expect(new Set(Object.keys(docs))).toEqual(new Set([...required, ...optional]));
    }
    expect(VACANCY_FORMAT.rowName).toBe('vacancy');
  });
});
