import { describe, expect, it } from 'vitest';
import { eighteenthBirthdayOf, epochDayOf, financialYearOf, financialYearsFrom, isoDateOfEpochDay, parseIsoDate } from '../../src/domain/time.js';

describe('financial years', () => {
  it('runs 1 April – 31 March', () => {
    expect(financialYearOf(epochDayOf('2024-04-01'))).toBe('2024/25');
    expect(financialYearOf(epochDayOf('2025-03-31'))).toBe('2024/25');
    expect(financialYearOf(epochDayOf('2024-03-31'))).toBe('2023/24');
    expect(financialYearOf(epochDayOf('1999-12-31'))).toBe('1999/00');
  });

  it('starts the forecast at the first 31 March on or after the start date', () => {
    const start = epochDayOf('2022-12-31');
    const ys = financialYearsFrom(start, 3);
    expect(ys.map((y) => [y.label, y.yearEnd])).toEqual([['2022/23', '2023-03-31'], ['2023/24', '2024-03-31'], ['2024/25', '2025-03-31']]);
    expect(ys[0]!.startDay).toBe(epochDayOf('2022-04-01') - start); // before the start: a partial year
    expect(ys[0]!.endDay).toBe(90);
    expect(ys[1]!.startDay).toBe(ys[0]!.endDay + 1);
    expect(financialYearsFrom(epochDayOf('2023-03-31'), 1)[0]!.yearEnd).toBe('2023-03-31');
    expect(financialYearsFrom(epochDayOf('2023-04-01'), 1)[0]!.yearEnd).toBe('2024-03-31');
  });

  it('parses only real dates', () => {
    expect(parseIsoDate('2024-02-29')).toBeDefined();
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2023-13-01')).toBeUndefined();
    expect(parseIsoDate('31/03/2023')).toBeUndefined();
    expect(isoDateOfEpochDay(epochDayOf('2023-03-31'))).toBe('2023-03-31');
  });
});

describe('eighteenthBirthdayOf', () => {
  /** The reference: the calendar as `Date` keeps it (29 February rolls to 1 March). */
  const byDate = (dob: number): number => {
    const born = new Date(dob * 86_400_000);
    return Date.UTC(born.getUTCFullYear() + 18, born.getUTCMonth(), born.getUTCDate()) / 86_400_000;
  };

  it('is the same calendar day 18 years on, as Date gives it, for every day from 1890 to 2110', () => {
    const from = epochDayOf('1890-01-01');
    const to = epochDayOf('2110-12-31');
    let differ = 0;
    for (let day = from; day <= to; day++) if (eighteenthBirthdayOf(day) !== byDate(day)) differ++;
    expect(differ).toBe(0);
  });

  it('born 29 February 2008: 1 March 2026; born 29 February 2004: 1 March 2022 (neither a leap year)', () => {
    expect(isoDateOfEpochDay(eighteenthBirthdayOf(epochDayOf('2008-02-29')))).toBe('2026-03-01');
    expect(isoDateOfEpochDay(eighteenthBirthdayOf(epochDayOf('2004-02-29')))).toBe('2022-03-01');
    expect(isoDateOfEpochDay(eighteenthBirthdayOf(epochDayOf('2010-12-31')))).toBe('2028-12-31');
  });
});
