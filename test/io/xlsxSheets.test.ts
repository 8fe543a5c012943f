// The .xlsx reader: what each kind of cell reads as, which rows and sheets come back with which
// row numbers, and a one-line Left naming the file for everything that is not a readable workbook.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { readXlsxBuffer, readXlsxSheets, type SheetRows } from '../../src/io/xlsxSheets.js';
import { rightOf } from '../fixtures/either.js';
import { csvTextToRows, workbookBuffer } from '../fixtures/xlsx903.js';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Write a workbook with exceljs itself, for cells the fixture does not make (formulas, rich text, …). */
const bytesOf = async (build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
};

const readOne = async (bytes: Uint8Array): Promise<SheetRows> => {
  const sheets = rightOf(await readXlsxBuffer(bytes, 'book.xlsx'));
  expect(sheets).toHaveLength(1);
  return sheets[0]!;
};

const leftOf = async (read: Promise<E.Either<string, readonly SheetRows[]>>): Promise<string> => {
  const r = await read;
  if (E.isRight(r)) return expect.fail(`expected a Left, found sheets ${r.right.map((s) => s.sheet).join(', ')}`);
  return r.left;
};

/** One line, naming the file first, with no stack trace or exceljs internals. */
const expectOneLine = (message: string, name: string): void => {
  expect(message.startsWith(`${name}: `)).toBe(true);
  expect(message).not.toMatch(/\n|\bat .*:\d+:\d+|node_modules/);
};

describe('readXlsxBuffer: cells', () => {
  it('reads text, whole and decimal numbers, date cells as ISO days, and serial numbers as their digits', async () => {
    const sheet = await readOne(await workbookBuffer([{
      name: 'Episodes',
      rows: [
        ['CHILD', 'DECOM', 'RNE', 'SERIAL', 'MILES'],
        ['C001', utc('2023-05-01'), 'S', 45123, 12.5],
        ['0042', utc('1999-12-31'), ' P ', 0, -3.25],
      ],
    }]));
    expect(sheet.rows).toEqual([
      ['CHILD', 'DECOM', 'RNE', 'SERIAL', 'MILES'],
      ['C001', '2023-05-01', 'S', '45123', '12.5'],
      ['0042', '1999-12-31', ' P ', '0', '-3.25'],
    ]);
    expect(sheet.lines).toEqual([1, 2, 3]);
  });

  it('keeps a blank cell inside a row as \'\', trims blanks after the last cell, and skips blank rows but keeps the true row numbers', async () => {
    const sheet = await readOne(await workbookBuffer([{
      name: 'Header',
      rows: [
        ['CHILD', 'SEX', 'DOB', 'ETHNIC'],
        ['1', null, '01/01/2010', null],
        [],
        [null, null, null],
        ['2', '2', null, 'WBRI'],
        [null, null, 'x'],
      ],
    }]));
    expect(sheet.rows).toEqual([['CHILD', 'SEX', 'DOB', 'ETHNIC'], ['1', '', '01/01/2010'], ['2', '2', '', 'WBRI'], ['', '', 'x']]);
    expect(sheet.lines).toEqual([1, 2, 5, 6]);
  });

  it('skips a row whose cells hold only spaces, as the CSV reader does', async () => {
    const sheet = await readOne(await workbookBuffer([{ name: 'S', rows: [['A'], ['  ', ' '], ['B']] }]));
    expect(sheet.rows).toEqual([['A'], ['B']]);
    expect(sheet.lines).toEqual([1, 3]);
  });

  it('reads a date cell by its UTC day whatever the machine\'s time zone', async () => {
    const bytes = await workbookBuffer([{ name: 'S', rows: [[utc('2024-03-31'), utc('2023-10-29')]] }]);
    const before = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London']) {
        process.env.TZ = tz;
        expect((await readOne(bytes)).rows, tz).toEqual([['2024-03-31', '2023-10-29']]);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('reads date cells of a workbook on the 1904 date system by their day, and a date no calendar can show as ####### (never as blank)', async () => {
    const sheet = await readOne(await bytesOf((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = utc('2023-05-01');
      ws.getCell('B1').value = 1e12;
      for (const a of ['A1', 'B1']) ws.getCell(a).numFmt = 'dd/mm/yyyy';
    }));
    expect(sheet.rows).toEqual([['2023-05-01', '#######']]);
  });

  it('reads a formula as its saved result (numbers, text, dates, TRUE/FALSE; none or an error as \'\')', async () => {
    const sheet = await readOne(await bytesOf((wb) => {
      const ws = wb.addWorksheet('F');
      ws.getRow(1).values = ['num', 'text', 'date', 'bool', 'error', 'none', 'blank', 'empty text', 'last'];
      ws.getCell('A2').value = { formula: '1+1', result: 2 };
      ws.getCell('B2').value = { formula: '"S"&"1"', result: 'S1' };
      ws.getCell('C2').value = { formula: 'DATE(2023,5,1)', result: utc('2023-05-01') };
      ws.getCell('C2').numFmt = 'dd/mm/yyyy';
      ws.getCell('D2').value = { formula: '1=1', result: true };
      ws.getCell('E2').value = { formula: 'NA()', result: { error: '#N/A' } };
      ws.getCell('F2').value = { formula: '3*3' };
      ws.getCell('A3').value = { formula: 'A1&"x"', result: 'numx' };
      ws.getCell('B3').value = { sharedFormula: 'A3', result: 'textx' };
      ws.getCell('H2').value = { formula: '""', result: '' };
      ws.getCell('I2').value = 'end';
    }));
    expect(sheet.rows).toEqual([
      ['num', 'text', 'date', 'bool', 'error', 'none', 'blank', 'empty text', 'last'],
      ['2', 'S1', '2023-05-01', 'TRUE', '', '', '', '', 'end'],
      ['numx', 'textx'],
    ]);
  });

  it('reads rich text as its plain text, a hyperlink as its text, booleans as TRUE/FALSE and error values as \'\'', async () => {
    const sheet = await readOne(await bytesOf((wb) => {
      const ws = wb.addWorksheet('R');
      ws.getCell('A1').value = { richText: [{ text: 'Placed ' }, { text: 'out of area', font: { bold: true } }] };
      ws.getCell('B1').value = { text: 'Ofsted URN', hyperlink: 'https://example.org/urn' };
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = false;
      ws.getCell('E1').value = { error: '#REF!' };
      ws.getCell('F1').value = 'after';
    }));
    expect(sheet.rows).toEqual([['Placed out of area', 'Ofsted URN', 'TRUE', 'FALSE', '', 'after']]);
  });

  it('reads the cells a merge covers as \'\': only its top-left cell holds the value', async () => {
    const sheet = await readOne(await bytesOf((wb) => {
      const ws = wb.addWorksheet('M');
      ws.getCell('A1').value = 'Episodes 2023/24';
      ws.mergeCells('A1:C1');
      ws.getRow(2).values = ['CHILD', 'DECOM', 'RNE'];
    }));
    expect(sheet.rows).toEqual([['Episodes 2023/24'], ['CHILD', 'DECOM', 'RNE']]);
  });

  // Council templates put drop-down lists on whole columns. exceljs 4.4 expands each validated
  // range cell by cell as it loads: these 8 columns (8.4 million cells) took 20 s on the 2-core
  // machine, one more column and it ran for over 5 minutes. The reader skips them and takes
  // milliseconds; the 5 s limit is the check (a margin of over 100 times either way).
  it('reads a sheet with drop-down lists on whole columns without expanding them cell by cell', async () => {
    const sheet = await readOne(await bytesOf((wb) => {
      const ws = wb.addWorksheet('Template');
      ws.getRow(1).values = ['CHILD', 'RNE'];
      ws.getRow(2).values = ['1', 'S'];
      // exceljs's typings leave out the range form its writer supports.
      const validations = (ws as unknown as { dataValidations: { add: (range: string, v: object) => void } }).dataValidations;
      validations.add('A2:H1048576', { type: 'list', allowBlank: true, formulae: ['"S,P,L,T,U,B"'] });
    }));
    expect(sheet.rows).toEqual([['CHILD', 'RNE'], ['1', 'S']]);
  }, 5_000);
});

describe('readXlsxBuffer: sheets', () => {
  it('gives every worksheet in tab order with its name, hidden ones too, and empty ones with no rows', async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet('Header').addRow(['CHILD', 'SEX']);
      const hidden = wb.addWorksheet('Lookups', { state: 'hidden' });
      hidden.addRow(['code', 'meaning']);
      wb.addWorksheet('Notes');
      wb.addWorksheet('Episodes').addRow(['CHILD', 'DECOM']);
    });
    const sheets = rightOf(await readXlsxBuffer(bytes, 'book.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual(['Header', 'Lookups', 'Notes', 'Episodes']);
    expect(sheets.map((s) => s.rows)).toEqual([[['CHILD', 'SEX']], [['code', 'meaning']], [], [['CHILD', 'DECOM']]]);
  });

  it('reads a Uint8Array that is a view into a larger buffer', async () => {
    const bytes = await workbookBuffer([{ name: 'S', rows: [['a', 1]] }]);
    const larger = new Uint8Array(bytes.length + 20);
    larger.set(bytes, 10);
    expect((await readOne(larger.subarray(10, 10 + bytes.length))).rows).toEqual([['a', '1']]);
  });

  it('reads a 6,000-row sheet whole', async () => {
    const rows = [['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'HOME_POST', 'PL_POST', 'URN']];
    const fixture: (string | Date | null)[][] = [...rows];
    for (let i = 0; i < 6000; i++) {
      fixture.push([String(100_000 + i), utc(`2022-${String((i % 12) + 1).padStart(2, '0')}-01`), 'S', 'C2', 'N1', 'U4', 'PR1', i % 3 === 0 ? utc('2023-02-03') : null, i % 3 === 0 ? 'E8' : null, 'ME4 4', 'ME4 4', 'SC123456']);
    }
    const sheet = await readOne(await workbookBuffer([{ name: 'Episodes', rows: fixture }]));
    expect(sheet.rows).toHaveLength(6001);
    expect(sheet.lines[6000]).toBe(6001);
    expect(sheet.rows[1]).toEqual(['100000', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-02-03', 'E8', 'ME4 4', 'ME4 4', 'SC123456']);
    expect(sheet.rows[2]).toEqual(['100001', '2022-02-01', 'S', 'C2', 'N1', 'U4', 'PR1', '', '', 'ME4 4', 'ME4 4', 'SC123456']);
  });
});

describe('readXlsxSheets', () => {
  it('reads a workbook file, calling it by the name given or else by its path', async () => {
    const path = join(dir, 'episodes.xlsx');
    writeFileSync(path, await workbookBuffer([{ name: 'Episodes', rows: [['CHILD'], ['1']] }]));
    expect(rightOf(await readXlsxSheets(path))).toEqual([{ sheet: 'Episodes', rows: [['CHILD'], ['1']], lines: [1, 2] }]);
    expect(await leftOf(readXlsxSheets(join(dir, 'nope.xlsx')))).toBe(`${join(dir, 'nope.xlsx')}: file not found`);
  });

  const bad = (file: string, bytes: Uint8Array | string): string => {
    const path = join(dir, file);
    writeFileSync(path, bytes);
    return path;
  };

  it.each([
    ['a missing file', () => join(dir, 'missing.xlsx'), /^episodes\.xlsx: file not found$/],
    ['a directory', () => { const d = join(dir, 'folder.xlsx'); mkdirSync(d, { recursive: true }); return d; }, /^episodes\.xlsx: is a directory, not a file$/],
    ['an empty file', () => bad('empty.xlsx', ''), /^episodes\.xlsx: not readable as an Excel workbook \(\.xlsx\): the file is empty$/],
    ['random bytes', () => bad('random.xlsx', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), /^episodes\.xlsx: not readable as an Excel workbook \(\.xlsx\): it is not a zip file, as every \.xlsx workbook is$/],
    ['an old .xls or password-protected workbook (OLE2)', () => bad('old.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)])), /^episodes\.xlsx: not readable as an Excel workbook \(\.xlsx\): it is an old-style Excel \.xls workbook or a password-protected workbook .*save it as \.xlsx \(Excel Workbook, with no password\) or as CSV$/],
    ['a CSV file named .xlsx', () => bad('csv.xlsx', '\uFEFFCHILD,SEX,DOB\r\n1,1,01/01/2010\r\n'), /^episodes\.xlsx: not readable as an Excel workbook \(\.xlsx\): it holds plain text, not a workbook \(a CSV file given an \.xlsx name\? then rename it \.csv\)$/],
    ['an HTML page named .xlsx', () => bad('page.xlsx', '<html><body><table><tr><td>1</td></tr></table></body></html>'), /^episodes\.xlsx: not readable as an Excel workbook \(\.xlsx\): it holds XML or HTML text/],
  ])('%s is a one-line Left naming the file', async (_what, make, expected) => {
    const message = await leftOf(readXlsxSheets(make(), 'episodes.xlsx'));
    expectOneLine(message, 'episodes.xlsx');
    expect(message).toMatch(expected);
  });

  it('a workbook cut short in copying is a one-line Left naming the file', async () => {
    const whole = await workbookBuffer([{ name: 'S', rows: [['a']] }]);
    const message = await leftOf(readXlsxSheets(bad('cut.xlsx', whole.subarray(0, whole.length >> 1)), 'episodes.xlsx'));
    expectOneLine(message, 'episodes.xlsx');
    expect(message).toBe('episodes.xlsx: not readable as an Excel workbook (.xlsx): the zip file is damaged or incomplete (was it cut short when copied or downloaded?)');
  });

  it('a zip file that is not a workbook (no worksheets) is a one-line Left naming the file', async () => {
    // An empty zip: just the end-of-central-directory record.
    const emptyZip = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    const message = await leftOf(readXlsxBuffer(emptyZip, 'episodes.xlsx'));
    expectOneLine(message, 'episodes.xlsx');
    expect(message).toMatch(/^episodes\.xlsx: not readable as an Excel workbook \(\.xlsx\): it has no worksheets/);
  });
});

describe('fixtures: csvTextToRows', () => {
  it('splits commas and lines (CRLF or LF), honours quotes, drops a BOM and ignores a final line end', () => {
    expect(csvTextToRows('\uFEFFCHILD,SEX\r\n1,"a, ""b"""\n2,"line\nbreak"\n,\n')).toEqual([['CHILD', 'SEX'], ['1', 'a, "b"'], ['2', 'line\nbreak'], ['', '']]);
    expect(csvTextToRows('a,b')).toEqual([['a', 'b']]);
    expect(csvTextToRows('')).toEqual([]);
  });

  it('turns a CSV fixture into a sheet that reads back as the same cells (blank cells at the end trimmed)', async () => {
    const csv = 'CHILD,DECOM,RNE,DEC\r\n1,01/05/2023,S,\r\n2,02/05/2023,P,31/03/2024\r\n';
    const sheet = await readOne(await workbookBuffer([{ name: 'Episodes', rows: csvTextToRows(csv) }]));
    expect(sheet.rows).toEqual([['CHILD', 'DECOM', 'RNE', 'DEC'], ['1', '01/05/2023', 'S'], ['2', '02/05/2023', 'P', '31/03/2024']]);
  });
});
