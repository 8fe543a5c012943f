// SSDA903 returns saved as Excel workbooks, as councils hold them: one workbook with a sheet per
// table, or one workbook per year; dates as real date cells, as text, or as serial numbers. Read
// through the same reader, they give the same estimates as the CSV files they were made from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateFromReturns, type EstimateOptions } from '../../src/calibrate/ssda903/estimateFrom903.js';
import { E } from '../../src/domain/fp.js';
import type { Gazetteer } from '../../src/domain/geography.js';
import { loadGazetteer } from '../../src/io/geography.js';
import { read903Directory, read903Sources } from '../../src/io/ssda903Files.js';
import { rightOf } from '../fixtures/either.js';
import { CLEAN_AS_AT, CLEAN_YEARS, cleanReturnSources, dayOfDmy, fileName, yearLabel, type TextSource } from '../fixtures/messy903.js';
import { csvTextToRows, workbookBuffer, type FixtureCell } from '../fixtures/xlsx903.js';

const OPTIONS: EstimateOptions = { asAt: CLEAN_AS_AT, observedFrom: '2022-12-31' };
const clean = cleanReturnSources();
let g: Gazetteer;
let csvEstimates: string;

beforeAll(async () => {
  g = rightOf(loadGazetteer());
  csvEstimates = JSON.stringify(rightOf(estimateFromReturns(rightOf(await read903Sources(clean)).returns, g, OPTIONS)));
});

const DATE_COLUMNS = new Set(['DOB', 'DECOM', 'DEC', 'MC_DOB', 'DUC']);
type DateForm = 'date cells' | 'text' | 'serial numbers';

/** A CSV's rows as sheet rows, with its date columns as `form` says. */
const sheetRows = (text: string, form: DateForm): FixtureCell[][] => {
  const [header, ...rows] = csvTextToRows(text);
  const dated = header!.map((c) => DATE_COLUMNS.has(c));
  return [header!, ...rows.map((r) => r.map((cell, i): FixtureCell => {
    if (!dated[i] || cell === '' || form === 'text') return cell;
    const day = dayOfDmy(cell)!;
    return form === 'date cells' ? new Date(day * 86_400_000) : day + 25_569;
  }))];
};

const TABLES = ['Header', 'Episodes', 'UASC'] as const;
const textOf = (year: number, table: (typeof TABLES)[number]): string => clean.find((s) => s.name === fileName(year, table))!.text;

const estimatesOf = async (sources: readonly { name: string; bytes: Uint8Array }[]): Promise<string> => {
  const read = rightOf(await read903Sources(sources), 'workbooks read strictly');
  return JSON.stringify(rightOf(estimateFromReturns(read.returns, g, OPTIONS)));
};

describe('903 returns as Excel workbooks', () => {
  it.each(['date cells', 'text', 'serial numbers'] as const)('one workbook per year, a sheet per table, dates as %s: the CSVs\' estimates', async (form) => {
    const books = await Promise.all(CLEAN_YEARS.map(async (y) => ({
      name: `${yearLabel(y)}.xlsx`,
      bytes: await workbookBuffer(TABLES.map((t) => ({ name: t, rows: sheetRows(textOf(y, t), form) }))),
    })));
    expect(await estimatesOf(books)).toBe(csvEstimates);
  });

  it('a workbook per table and year in folders, found by read903Directory: the CSVs\' estimates, leniently with an empty report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx903-'));
    for (const s of clean as readonly TextSource[]) {
      const [year, file] = s.name.split('/');
      writeFileSync(join(dir, `${year}-${file!.replace('.csv', '.xlsx')}`), await workbookBuffer([{ name: 'Sheet1', rows: sheetRows(s.text, 'date cells') }]));
    }
    const strict = rightOf(await read903Directory(dir));
    expect(strict.files.map((f) => f.table)).toEqual(CLEAN_YEARS.flatMap(() => ['Episodes', 'Header', 'UASC']));
    expect(JSON.stringify(rightOf(estimateFromReturns(strict.returns, g, OPTIONS)))).toBe(csvEstimates);
    const lenient = rightOf(await read903Directory(dir, { lenient: true }));
    const { quality, ...rest } = rightOf(estimateFromReturns(lenient.returns, g, OPTIONS));
    expect(quality?.rules).toEqual([]);
    expect(JSON.stringify(rest)).toBe(csvEstimates);
  });

  it('messages name the workbook, the sheet, the row and the column', async () => {
    const rows = sheetRows(textOf(2023, 'Episodes'), 'date cells');
    const place = rows[0]!.indexOf('PLACE');
    rows[4]![place] = 'Q9';
    const book = await workbookBuffer([{ name: 'Episodes', rows }, { name: 'Header', rows: sheetRows(textOf(2023, 'Header'), 'text') }]);
    const r = await read903Sources([{ name: '2023-24.xlsx', bytes: book }]);
    expect(E.isLeft(r) && r.left[0]).toMatch(/^2023-24\.xlsx \(sheet Episodes\), line 5, column F \(PLACE\): expected PLACE code/);
  });

  it('an old .xls workbook or a file that is not a workbook: a clear Left naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx903-'));
    writeFileSync(join(dir, 'episodes.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(await read903Directory(dir)).toEqual(E.left([`${join(dir, 'episodes.xls')}: an old-style Excel .xls workbook; save it as .xlsx (Excel Workbook) or as CSV`]));
    const r = await read903Sources([{ name: 'episodes.xlsx', bytes: new TextEncoder().encode('CHILD,DECOM\n') }]);
    expect(E.isLeft(r) && r.left).toEqual([expect.stringMatching(/^episodes\.xlsx: not readable as an Excel workbook/)]);
  });
});
