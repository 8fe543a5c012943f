import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { parseCsvText, readCsvFile, type CsvTable } from '../../src/io/csvParse.js';

const table = (text: string): CsvTable => {
  const r = parseCsvText('f.csv', text);
  if (E.isLeft(r)) throw new Error(r.left.join('\n'));
  return r.right;
};
const errors = (text: string): string[] => {
  const r = parseCsvText('f.csv', text);
  return E.isLeft(r) ? r.left : [];
};

describe('parseCsvText', () => {
  it('reads a BOM, Windows line endings, quoted commas, quotes and line breaks, and gives each record its first line', () => {
    const t = table('\uFEFFid,note\r\nA,"x, y"\r\nB,"say ""hi"""\r\n\r\nC,"two\r\nlines"\r\nD,z\r\n');
    expect(t.header).toEqual(['id', 'note']);
    expect(t.records.map((r) => [r.line, ...r.cells])).toEqual([[2, 'A', 'x, y'], [3, 'B', 'say "hi"'], [5, 'C', 'two\nlines'], [7, 'D', 'z']]);
  });

  it('trims cells, skips rows whose cells are all empty, keeps rows with too few or too many values for the decoder to report', () => {
    const t = table('id,note\n A , b \n,,\n1\n1,2,3');
    expect(t.records.map((r) => [r.line, ...r.cells])).toEqual([[2, 'A', 'b'], [4, '1'], [5, '1', '2', '3']]);
  });

  it('says when the file is empty, or separated by semicolons or tabs', () => {
    expect(errors('')).toEqual(['f.csv: the file is empty; expected a header line naming the columns, then one line per row']);
    expect(errors('\uFEFF\r\n  \r\n')[0]).toContain('the file is empty');
    expect(errors('id;age;needs\nR1;4;standard\n')).toEqual(['f.csv, line 1: the columns are separated by semicolons (";"), not commas; save it from the spreadsheet as "CSV UTF-8 (comma delimited)"']);
    expect(errors('id\tage\nR1\t4\n')[0]).toContain('separated by tabs');
  });

  it('names the line of a broken quote', () => {
    expect(errors('id,note\nA,"open\n')[0]).toMatch(/^f\.csv, line \d: not readable as CSV: a quoted value is never closed/);
    expect(errors('id,note\nA,b"c\n')[0]).toBe('f.csv, line 2: not readable as CSV: a `"` in the middle of a value: put the whole value in quotes and write the quote twice (`""`)');
  });
});

describe('readCsvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  it('refuses text that is not UTF-8, naming the line, and UTF-16', () => {
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.concat([Buffer.from('id,cost\nA,'), Buffer.from([0xa3]), Buffer.from('500\n')]));
    expect(readCsvFile(latin1)).toEqual(E.left([`${latin1}, line 2: the file is not UTF-8 text (a character such as "£" or "é" saved in another encoding); save it from the spreadsheet as "CSV UTF-8 (comma delimited)"`]));
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\n', 'utf16le')]));
    expect(E.isLeft(readCsvFile(utf16)) && readCsvFile(utf16)).toEqual(E.left([`${utf16}: the file is UTF-16 text ("Unicode text"), not UTF-8; save it from the spreadsheet as "CSV UTF-8 (comma delimited)"`]));
    expect(readCsvFile(join(dir, 'none.csv'))).toEqual(E.left([`${join(dir, 'none.csv')}: file not found`]));
  });
});
