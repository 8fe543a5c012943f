import { describe, expect, it } from 'vitest';
import { epochDayOf, financialYearOf, financialYearsFrom, isoDateOfEpochDay, parseIsoDate } from '../../src/domain/time.js';

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
