// The CSV adapter: numbers, money to the penny, formula neutralisation (OWASP) and the BOM for
// CSVs people open in a spreadsheet; plain CSV for programs.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, formatMoney, formatNumber, looksLikeFormula, money, neutraliseFormula, toCsv, toDataCsv } from '../../src/io/csv.js';


describe('formatNumber', () => {
  it('writes integers as they are', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-7)).toBe('-7');
    expect(formatNumber(123456789012)).toBe('123456789012');
  });

  it('rounds other numbers to at most six decimal places and trims trailing zeros', () => {
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(2 / 3)).toBe('0.666667');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(1234.56789012)).toBe('1234.56789');
    expect(formatNumber(100.0000001)).toBe('100');
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(-1e-7)).toBe('0');
  });

  it('throws on NaN and infinities (a bug upstream, not data)', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/finite/);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => formatNumber(Number.NEGATIVE_INFINITY)).toThrow(/finite/);
  });

  it('is deterministic, never uses an exponent for non-integers, and is within 5e-7 of the number (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x) => {
      const s = formatNumber(x);
      expect(formatNumber(x)).toBe(s);
      expect(s).toMatch(/^-?\d+(\.\d{0,5}[1-9])?$/);
      expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(5e-7 + Math.abs(x) * Number.EPSILON * 4);
    }));
  });
});

describe('formatMoney', () => {
  it('writes pounds to the penny with two decimals, no separator and no £', () => {
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(520)).toBe('520.00');
    expect(formatMoney(1234.5)).toBe('1234.50');
    expect(formatMoney(52011.23456)).toBe('52011.23');
    expect(formatMoney(12345678.9999)).toBe('12345679.00');
    expect(formatMoney(-3.2)).toBe('-3.20');
    expect(formatMoney(-1234.5678)).toBe('-1234.57');
  });

  it('rounds halves away from zero on the decimal value, and never writes -0.00', () => {
    expect(formatMoney(1.005)).toBe('1.01'); // stored as 1.00499999999999989…
    expect(formatMoney(-1.005)).toBe('-1.01');
    expect(formatMoney(0.125)).toBe('0.13');
    expect(formatMoney(-0.004)).toBe('0.00');
    expect(formatMoney(-0)).toBe('0.00');
  });

  it('throws on NaN and infinities (a bug upstream, not data)', () => {
    expect(() => formatMoney(Number.NaN)).toThrow(/finite/);
    expect(() => formatMoney(Number.NEGATIVE_INFINITY)).toThrow(/finite/);
  });

  it('is within half a penny of the amount and has exactly two decimals (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e10, max: 1e10 }), (x) => {
      const s = formatMoney(x);
      expect(s).toMatch(/^-?\d+\.\d{2}$/);
      expect(s).not.toBe('-0.00');
      expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(0.005 + Math.abs(x) * Number.EPSILON * 8);
    }));
  });
});

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each([
    ['=', '=1+2', "'=1+2"],
    ['+', '+10 in-house carers a year for ages 10+', "'+10 in-house carers a year for ages 10+"],
    ['-', "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@', '@SUM(1+9)', "'@SUM(1+9)"],
    ['tab', '\t=1+2', "'\t=1+2"],
    ['tab before text', '\tx', "'\tx"],
    ['carriage return', '\r=1+2', "'\r=1+2"],
    ['carriage return before text', '\rx', "'\rx"],
    ['NUL (ASVS 1.2.10)', '\0x', "'\0x"],
    ['a sign after leading spaces', '  =1+2', "'  =1+2"],
    ['a full-width equals sign', '＝1+2', "'＝1+2"],
  ])('prefixes a single quote to text starting with %s', (_, text, expected) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(expected);
    expect(looksLikeFormula(neutraliseFormula(text))).toBe(false);
  });

  it('leaves other text alone, a sign inside the text included', () => {
    for (const text of ['', 'R101', 'Medway 2022 baseline', 'a=b', 'ME7 1', '£520', "'quoted", 'x-y', '10+ years', ' leading space', '2023/24']) {
      expect(looksLikeFormula(text)).toBe(false);
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('is idempotent: a neutralised cell is not neutralised again (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', 'a', '1', "'") }), (text) => {
      const once = neutraliseFormula(text);
      expect(neutraliseFormula(once)).toBe(once);
      expect(looksLikeFormula(once)).toBe(false);
      expect(once === text || once === `'${text}`).toBe(true);
    }));
  });
});

describe('toCsv (for people)', () => {
  it('starts with a UTF-8 BOM and writes a header and rows with \\n line endings', () => {
    expect(toCsv(['year', 'metric', 'mean'], [['2023/24', 'cost', 1234.5], ['2024/25', 'cost', 2000]]))
      .toBe(`${BOM}year,metric,mean\n2023/24,cost,1234.5\n2024/25,cost,2000\n`);
    expect([...Buffer.from(toCsv(['a'], [])).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('neutralises and quotes text cells that a spreadsheet would run as formulas', () => {
    expect(toCsv(['option', 'id', 'carer', 'who', 'tab', 'cr'], [['+10 in-house', '=1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']]))
      .toBe(`${BOM}option,id,carer,who,tab,cr\n"'+10 in-house","'=1+2","'-2+3","'@SUM(A1)","'\tx","'\rx"\n`);
    expect(toCsv(['=bad header'], [])).toBe(`${BOM}"'=bad header"\n`);
  });

  it('keeps numbers numeric: a negative difference is written as a number, not neutralised', () => {
    expect(toCsv(['difference', 'pounds'], [[-3.2, money(-1234.567)]])).toBe(`${BOM}difference,pounds\n-3.2,-1234.57\n`);
    // The same figure given as text is text, and neutralised.
    expect(toCsv(['difference'], [['-3.2']])).toBe(`${BOM}difference\n"'-3.2"\n`);
  });

  it('writes money to the penny, in money columns and as Money cells; null money is empty', () => {
    expect(toCsv(['id', 'weeklyCost', 'miles'], [['V01', 520, 3.14159], ['V02', 480.125, 2]], { moneyColumns: ['weeklyCost'] }))
      .toBe(`${BOM}id,weeklyCost,miles\nV01,520.00,3.14159\nV02,480.13,2\n`);
    expect(toCsv(['a', 'b'], [[money(52011.23456), money(null)]])).toBe(`${BOM}a,b\n52011.23,\n`);
    expect(() => toCsv(['a'], [], { moneyColumns: ['b'] })).toThrow(/money column b/);
  });

  it('quotes commas, quotes, line feeds, carriage returns, semicolons and tabs', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [['x,y', 'say "hi"', 'two\nlines', 'cr\rhere', 'R103;R104', 'a\tb']]))
      .toBe(`${BOM}a,b,c,d,e,f\n"x,y","say ""hi""","two\nlines","cr\rhere","R103;R104","a\tb"\n`);
  });

  it('writes undefined as an empty cell, and a header alone when there are no rows', () => {
    expect(toCsv(['a', 'b', 'c'], [[undefined, 1, '']])).toBe(`${BOM}a,b,c\n,1,\n`);
    expect(toCsv(['a', 'b'], [])).toBe(`${BOM}a,b\n`);
  });

  it('throws on NaN in a row', () => {
    expect(() => toCsv(['a'], [[Number.NaN]])).toThrow(/finite/);
  });

  it('round-trips through a CSV parser as the neutralised text, no text cell read as a formula, same bytes for the same rows (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '£', ',', '"', '\n', '\r', '\t', ' ', ';', '=', '+', '-', '@', "'") });
    const cell = fc.oneof(text, fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
      const csv = toCsv(['a', 'b', 'c'], rows);
      expect(toCsv(['a', 'b', 'c'], rows)).toBe(csv);
      expect(csv.startsWith(BOM)).toBe(true);
      const parsed = parse(csv, { bom: true, relax_column_count: false }) as string[][];
      expect(parsed).toEqual([['a', 'b', 'c'], ...rows.map((r) => r.map((v) => (v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v))))]);
      // Checked against OWASP's list itself, not against the code under test.
      parsed.slice(1).forEach((r, k) => r.forEach((c, i) => {
        if (typeof rows[k]![i] !== 'number') expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }));
    }));
  });
});

describe('toDataCsv (for programs)', () => {
  it('writes the cells as given: no BOM, no neutralisation, numbers by formatNumber', () => {
    expect(toDataCsv(['year', 'metric', 'mean'], [['2023/24', 'cost', 1234.5], ['2024/25', '=x', -2]]))
      .toBe('year,metric,mean\n2023/24,cost,1234.5\n2024/25,=x,-2\n');
  });

  it('quotes commas, quotes, line feeds and carriage returns; undefined is empty', () => {
    expect(toDataCsv(['a', 'b', 'c', 'd', 'e'], [['x,y', 'say "hi"', 'two\nlines', 'cr\rhere', undefined]]))
      .toBe('a,b,c,d,e\n"x,y","say ""hi""","two\nlines","cr\rhere",\n');
  });

  it('writes a header alone when there are no rows', () => {
    expect(toDataCsv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('round-trips through a CSV parser and gives the same bytes for the same rows (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', ';') });
    const cell = fc.oneof(text, fc.string(), fc.integer(), fc.constant(undefined));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
      const csv = toDataCsv(['a', 'b', 'c'], rows);
      expect(toDataCsv(['a', 'b', 'c'], rows)).toBe(csv);
      const parsed = parse(csv, { relax_column_count: false }) as string[][];
      expect(parsed).toEqual([['a', 'b', 'c'], ...rows.map((r) => r.map((v) => (v === undefined ? '' : String(v))))]);
    }));
  });
});
