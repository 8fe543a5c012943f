import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatNumber, toCsv } from '../../src/io/csv.js';

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

describe('toCsv', () => {
  it('writes a header and rows with \\n line endings', () => {
    expect(toCsv(['year', 'metric', 'mean'], [['2023/24', 'cost', 1234.5], ['2024/25', 'cost', 2000]]))
      .toBe('year,metric,mean\n2023/24,cost,1234.5\n2024/25,cost,2000\n');
  });

  it('quotes commas, quotes, line feeds and carriage returns', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'two\nlines', 'cr\rhere']]))
      .toBe('a,b,c,d\n"x,y","say ""hi""","two\nlines","cr\rhere"\n');
  });

  it('writes undefined as an empty cell', () => {
    expect(toCsv(['a', 'b', 'c'], [[undefined, 1, '']])).toBe('a,b,c\n,1,\n');
  });

  it('writes a header alone when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('throws on NaN in a row', () => {
    expect(() => toCsv(['a'], [[Number.NaN]])).toThrow(/finite/);
  });

  it('round-trips through a CSV parser and gives the same bytes for the same rows (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', ';') });
    const cell = fc.oneof(text, fc.string(), fc.integer(), fc.constant(undefined));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
      const csv = toCsv(['a', 'b', 'c'], rows);
      expect(toCsv(['a', 'b', 'c'], rows)).toBe(csv);
      const parsed = parse(csv, { relax_column_count: false }) as string[][];
      expect(parsed).toEqual([['a', 'b', 'c'], ...rows.map((r) => r.map((v) => (v === undefined ? '' : String(v))))]);
    }));
  });
});
