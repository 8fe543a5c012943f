import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME, sheetNameOf, uniqueSheetNames } from '../../src/report/workbookSheetNames.js';

const legal = (name: string): boolean =>
  name.length >= 1 && name.length <= MAX_SHEET_NAME && !/[*?:\\/[\]]/.test(name) && !/^'|'$/.test(name);

describe('sheet names', () => {
  it('fit Excel\'s rules: forbidden characters replaced, at most 31 characters, no apostrophe at either end', () => {
    expect(sheetNameOf('Edge of care: 10/15 [pilot]?')).toBe('Edge of care- 10-15 -pilot--');
    expect(sheetNameOf("'quoted'")).toBe('quoted');
    expect(sheetNameOf('+10 in-house carers a year for ages 10+')).toBe('+10 in-house carers a year for');
    expect(sheetNameOf('   ', 'Option')).toBe('Option');
    expect(sheetNameOf('=1+2')).toBe('=1+2'); // allowed in a sheet name; stored as a name, not evaluated
    // 30 letters then an emoji (two UTF-16 units): the emoji does not fit and is not cut in half.
    expect(sheetNameOf(`${'a'.repeat(30)}😀`)).toBe('a'.repeat(30));
  });

  it('are unique ignoring case, never a taken name or "History", the suffix still within 31 characters', () => {
    expect(uniqueSheetNames(['Option A', 'option a', 'OPTION A'], ['Summary'])).toEqual(['Option A', 'option a (2)', 'OPTION A (3)']);
    expect(uniqueSheetNames(['Summary', 'History'], ['Summary', 'About'])).toEqual(['Summary (2)', 'History (2)']);
    const long = 'x'.repeat(40);
    expect(uniqueSheetNames([long, long])).toEqual(['x'.repeat(31), `${'x'.repeat(27)} (2)`]);
  });

  it('any list of names gives legal, distinct sheet names, one per name', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 12 }), (names) => {
      const out = uniqueSheetNames(names, ['Summary', 'About']);
      expect(out).toHaveLength(names.length);
      expect(out.every(legal)).toBe(true);
      expect(new Set([...out, 'summary', 'about'].map((n) => n.toLowerCase())).size).toBe(out.length + 2);
    }));
  });
});
