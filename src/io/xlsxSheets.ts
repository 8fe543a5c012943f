// The one reader of Excel workbooks (STYLE.md habit 11): an .xlsx file or its bytes become, for
// each worksheet in tab order (hidden ones too; chart sheets have no cells and are left out), its
// non-blank rows as cell texts with their spreadsheet row numbers. Nothing else imports exceljs to
// read, so the library can be swapped. Never throws: a file that is not a readable workbook is a
// Left of one line naming it.
//
// Cell texts: a string as it is; a number as `String(n)` (an Excel date serial such as 45123 in a
// cell not formatted as a date stays '45123': the caller reads serials); a date-formatted cell as
// `YYYY-MM-DD` (exceljs gives it as a Date at UTC midnight, so the UTC parts are the day); TRUE or
// FALSE; rich text as its plain text; a formula as its cached result, converted the same way (none
// saved: ''); a hyperlink as its text; an error value (#N/A, #REF! …) as ''. The cells a merge
// covers, other than its top-left one, are '' (as Excel's own "save as CSV" writes them).
//
// Why `workbook.xlsx.load` and not exceljs's streaming WorkbookReader: the streaming reader (4.4.0)
// drops a worksheet when the file has no shared-strings part, loses sheet names when the workbook
// refers to its sheets by absolute path (`/xl/worksheets/sheet1.xml`), keeps only the last run of
// inline rich text, and gives formula results untyped (TRUE as 1, dates as serials, errors lost).
// On 6,000 episode rows it was only about a quarter faster (~0.26 s against ~0.35 s).
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { E } from '../domain/fp.js';
import { readFailure } from './readJson.js';

export interface SheetRows {
  /** The worksheet's name (its tab). */
  readonly sheet: string;
  /** Every row with a non-blank cell, as cell texts, header row first. A blank cell before the last non-blank one is ''; none follow it. */
  readonly rows: readonly (readonly string[])[];
  /** `lines[i]` is the spreadsheet row number (1-based) of `rows[i]`: blank rows are skipped, not renumbered. */
  readonly lines: readonly number[];
}

/**
 * Worksheet parts that exceljs would otherwise parse and we never use. Data validations above all:
 * exceljs 4.4 expands each validated range into one entry per cell, and council templates put
 * drop-down lists on whole columns (`C2:C1048576`): four such columns took 7 s to load, and past
 * 2^23 cells it slows to seconds per cell (exceljs issues #1283, #1842, #2929).
 */
const IGNORED_PARTS: readonly string[] = ['dataValidations', 'conditionalFormatting', 'extLst'];

/** What Excel shows for a date it cannot display: kept non-blank, so a broken date is never read as a missing one. */
const UNSHOWABLE_DATE = '#######';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the UTC day of `d`. */
const isoDay = (d: Date): string =>
  Number.isNaN(d.getTime()) ? UNSHOWABLE_DATE : `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The text of a cell value as exceljs gives it (see the header comment for each kind). */
const cellText = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDay(v);
  if (!isRecord(v)) return '';
  if (Array.isArray(v.richText)) return v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if ('hyperlink' in v) return cellText(v.text);
  return ''; // { error: '#N/A' } and anything unknown
};

const sheetRows = (ws: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): SheetRows => {
  const rows: string[][] = [];
  const lines: number[] = [];
  ws.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      // exceljs answers for a cell a merge covers with the merge's top-left value; the cell
      // itself holds nothing.
      if (cell.type === mergeType) return;
      const text = cellText(cell.value);
      if (text === '') return;
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
    });
    if (cells.some((c) => c.trim() !== '')) {
      rows.push(cells);
      lines.push(rowNumber);
    }
  });
  return { sheet: ws.name, rows, lines };
};

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** Why bytes that are not a zip file (every .xlsx is one) cannot be a workbook, or undefined if they are a zip. */
const notZip = (bytes: Uint8Array): string | undefined => {
  if (bytes.length === 0) return 'the file is empty';
  if (startsWith(bytes, OLE2)) {
    return 'it is an old-style Excel .xls workbook or a password-protected workbook (both are stored in the older OLE2 format, not as .xlsx); in Excel, save it as .xlsx (Excel Workbook, with no password) or as CSV';
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return undefined; // "PK": a zip (exceljs/JSZip judge the rest)
  // The first 512 bytes as UTF-8, less a BOM and a character the cut may have split.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('utf8').replace(/^\uFEFF/, '').replace(/\uFFFD$/, '');
  const text = !/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(head);
  if (text && /^\s*</.test(head)) return 'it holds XML or HTML text, not a workbook (an Excel 2003 XML spreadsheet or a web page given an .xlsx name?); in Excel, save it as .xlsx or as CSV';
  if (text) return 'it holds plain text, not a workbook (a CSV file given an .xlsx name? then rename it .csv)';
  return 'it is not a zip file, as every .xlsx workbook is';
};

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();

/** exceljs's (and JSZip's) words for a failure, made plain. */
const loadFailure = (e: unknown): string => {
  const message = firstLine(e);
  if (/end of central directory|corrupted zip|end of data reached/i.test(message)) return 'the zip file is damaged or incomplete (was it cut short when copied or downloaded?)';
  return `damaged or not a workbook Excel can save (${message})`;
};

const unreadable = (name: string, why: string): string => `${name}: not readable as an Excel workbook (.xlsx): ${why}`;

/**
 * The worksheets of an .xlsx workbook held in memory (`name` is how messages call it), in tab
 * order, each as its non-blank rows of cell texts with their row numbers.
 */
export const readXlsxBuffer = async (buffer: Buffer | Uint8Array, name: string): Promise<E.Either<string, readonly SheetRows[]>> => {
  try {
    const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const why = notZip(bytes);
    if (why !== undefined) return E.left(unreadable(name, why));
    // Loaded when a workbook is read (most folders hold CSV): exceljs takes about half a second to load.
    const { default: excel } = await import('exceljs');
    const wb = new excel.Workbook();
    // exceljs declares its own `Buffer extends ArrayBuffer`; at run time it takes a Node Buffer.
    await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0], { ignoreNodes: [...IGNORED_PARTS] });
    const sheets = wb.worksheets.map((ws) => sheetRows(ws, excel.ValueType.Merge));
    if (sheets.length === 0) return E.left(unreadable(name, 'it has no worksheets (a zip file, but not an Excel workbook with cells: an .ods or .docx given an .xlsx name?)'));
    return E.right(sheets);
  } catch (e) {
    return E.left(unreadable(name, loadFailure(e)));
  }
};


/** The worksheets of the .xlsx file at `path` (see `readXlsxBuffer`); messages call it `name`, by default the path. */
export const readXlsxSheets = async (path: string, name: string = path): Promise<E.Either<string, readonly SheetRows[]>> => {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return E.left(`${name}: ${readFailure(e)}`);
  }
  return readXlsxBuffer(bytes, name);
};
