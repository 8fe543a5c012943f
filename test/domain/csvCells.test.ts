import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import {
  AgeCell, Choice, ChoiceList, DateCell, Pounds, Postcode, TextList, WholeNumberList, YesNo, type CellCodec,
} from '../../src/domain/csvCells.js';
import { CARER_EXPERIENCE_YEARS, POUNDS_PER_WEEK } from '../../src/domain/bounds.js';
import { NonNegativeNumber } from '../../src/domain/csvCells.js';
import { NeededByCell } from '../../src/domain/referral.js';
import { NEEDS } from '../../src/domain/vocabulary.js';

const ok = <A>(c: CellCodec<A>, s: string): A => {
  const r = c.decode(s);
  if (E.isLeft(r)) throw new Error(`${s}: ${r.left.map((e) => e.message).join('; ')}`);
  return r.right;
};
const why = <A>(c: CellCodec<A>, s: string): string | undefined => {
  const r = c.decode(s);
  return E.isLeft(r) ? r.left[0]?.message ?? '' : undefined;
};

describe('cell codecs', () => {
  it('dates: DD/MM/YYYY (as in the 903) and YYYY-MM-DD, to YYYY-MM-DD; impossible dates say why', () => {
    expect(ok(DateCell, '03/04/2025')).toBe('2025-04-03');
    expect(ok(DateCell, '3/4/2025')).toBe('2025-04-03');
    expect(ok(DateCell, '2025-04-03')).toBe('2025-04-03');
    expect(ok(DateCell, ' 29/02/2024 ')).toBe('2024-02-29');
    expect(why(DateCell, '29/02/2025')).toBe('no such date; DD/MM/YYYY is read day first');
    expect(why(DateCell, '12/31/2024')).toBe('no such date; DD/MM/YYYY is read day first');
    expect(why(DateCell, '03/04/25')).toBe('the year needs four digits');
    expect(why(DateCell, '2025-02-30')).toBe('no such date');
    expect(why(DateCell, 'next week')).toBe('not a date in either form');
    expect(DateCell.name).toBe('date as DD/MM/YYYY or YYYY-MM-DD');
  });

  it('when needed: an urgency in any case or spacing, or a date', () => {
    expect(ok(NeededByCell, 'Today')).toBe('today');
    expect(ok(NeededByCell, 'Under 5 days')).toBe('under5days');
    expect(ok(NeededByCell, 'LATER')).toBe('later');
    expect(ok(NeededByCell, '01/03/2025')).toBe('2025-03-01');
    expect(why(NeededByCell, 'asap')).toBe('not an urgency or a date');
    expect(why(NeededByCell, '31/02/2025')).toBe('no such date; DD/MM/YYYY is read day first');
  });

  it('codes and lists: case, spaces, underscores ignored; unknown codes named', () => {
    expect(ok(Choice(NEEDS), 'Parent and Child')).toBe('parentAndChild');
    expect(ok(ChoiceList(NEEDS), 'UASC; complex;complex')).toEqual(['complex', 'uasc']);
    expect(why(ChoiceList(NEEDS), 'complex; autism; ehcp')).toBe('unknown: "autism", "ehcp"');
    expect(why(Choice(NEEDS), 'fostering')).toBe('not one of these');
    expect(ok(TextList, 'Polish; polish ;Russian')).toEqual(['Polish', 'Russian']);
    expect(ok(WholeNumberList(0, 25), '4; 7')).toEqual([4, 7]);
    expect(why(WholeNumberList(0, 25), '4; seven')).toBe('not whole numbers from 0 to 25: "seven"');
  });

  it('numbers, money and yes/no', () => {
    expect(ok(AgeCell, '17')).toBe(17);
    expect(why(AgeCell, '18')).toBe('out of range 0–17');
    expect(why(AgeCell, '7.5')).toBe('not a whole number');
    const weekly = Pounds(POUNDS_PER_WEEK);
    expect(ok(weekly, '£1,250.50')).toBe(1250.5);
    expect(ok(weekly, '850')).toBe(850);
    expect(why(weekly, '1,25')).toBe('not an amount of money');
    // Beyond plausible bounds: a weekly cost typed as a yearly one, a career longer than a life.
    expect(ok(weekly, '£200,000')).toBe(200_000);
    expect(why(weekly, '£200,001')).toBe(`out of range: ${POUNDS_PER_WEEK.why}`);
    expect(why(weekly, '123456789012345678901234567890')).toBe(`out of range: ${POUNDS_PER_WEEK.why}`);
    expect(weekly.name).toBe('amount in £ from 0 to 200,000, e.g. 850 or £1,250.50');
    const years = NonNegativeNumber(CARER_EXPERIENCE_YEARS);
    expect(ok(years, '6.5')).toBe(6.5);
    expect(why(years, '700')).toBe(`out of range: ${CARER_EXPERIENCE_YEARS.why}`);
    expect(ok(YesNo, 'Y')).toBe(true);
    expect(ok(YesNo, 'no')).toBe(false);
    expect(why(YesNo, 'maybe')).toBe('not yes or no');
  });

  it('postcodes: sectors and districts normalised, full postcodes cut to the sector', () => {
    expect(ok(Postcode, 'me4  4')).toBe('ME4 4');
    expect(ok(Postcode, 'ME4')).toBe('ME4');
    expect(ok(Postcode, 'me4 4ab')).toBe('ME4 4');
    expect(ok(Postcode, 'ME44AB')).toBe('ME4 4');
    expect(ok(Postcode, 'SW1A 1')).toBe('SW1A 1');
    expect(ok(Postcode, 'SW1A1')).toBe('SW1A 1');
    expect(why(Postcode, 'Chatham')).toBe('not a UK postcode sector or district');
  });
});
