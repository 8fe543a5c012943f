// The one adapter over exceljs (STYLE.md habit 11). A workbook is described as plain data
// (sheets of rows of cells) and turned into .xlsx bytes here; nothing else imports exceljs, so the
// library can be swapped without touching the report code. Runs unchanged in Node and a browser.
import type ExcelJS from 'exceljs';
import { stampZipEntries } from './xlsxZipDates.js';

/** Number formats (Excel format codes). `"£"` is quoted: Excel shows unquoted £ in most locales, but the quoted form is the portable one. */
export const NUMBER_FORMATS = {
  pounds: '"£"#,##0',
  fraction: '0.0%',
  whole: '#,##0',
  oneDecimal: '#,##0.0',
  miles: '0.0',
} as const;

export type CellValue = string | number | null;

export interface Cell {
  /** null: an empty cell (a figure that is not defined), never 0. */
  readonly value: CellValue;
  /** Excel number format code, for numbers. */
  readonly format?: string;
  readonly bold?: boolean;
  /** Wrap long text in this cell (whole columns wrap with `ColumnSpec.wrap`). */
  readonly wrap?: boolean;
}

/** A bare value is a cell with no format. */
export type CellInput = CellValue | Cell;

export interface ColumnSpec {
  /** In Excel's character units. */
  readonly width: number;
  readonly wrap?: boolean;
}

export interface SheetSpec {
  /** At most 31 characters, none of * ? : \ / [ ], unique in the workbook (see workbookSheetNames.ts). */
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Rows kept in view when scrolling down (title and header), and columns kept when scrolling right. */
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly rows: readonly (readonly CellInput[])[];
}

export interface WorkbookSpec {
  readonly title: string;
  /** Stamped as the workbook's created and modified dates and on every zip entry, so the same input gives the same bytes. */
  readonly date: Date;
  readonly sheets: readonly SheetSpec[];
}

const asCell = (c: CellInput): Cell => (c !== null && typeof c === 'object' ? c : { value: c });

// XML 1.0 cannot hold these; exceljs writes them as they are and Excel then refuses the file.
// Text from input files could carry them (JSON allows "\u0001"), so they are dropped.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit on the text in one cell. */
const MAX_CELL_TEXT = 32_767;

const cellText = (s: string): string => s.replace(XML_INVALID, '').slice(0, MAX_CELL_TEXT);

const addSheet = (wb: ExcelJS.Workbook, spec: SheetSpec): void => {
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: spec.frozenColumns, ySplit: spec.frozenRows }],
  });
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  spec.rows.forEach((row, r) => {
    row.forEach((input, c) => {
      const { value, format, bold, wrap } = asCell(input);
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new Error(`internal: ${spec.name} row ${r + 1} column ${c + 1}: not a finite number (${value})`);
        cell.value = value;
        if (format !== undefined) cell.numFmt = format;
      } else if (typeof value === 'string') {
        // A primitive string is always stored as text by exceljs (formulas need a { formula } object),
        // so "=1+2" or "<script>" from a scenario file is shown, never evaluated.
        cell.value = cellText(value);
      }
      if (bold) cell.font = { bold: true };
      if (wrap || spec.columns[c]?.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
};

/**
 * Start loading exceljs now (a command that will write a workbook calls it before its forecast, so
 * the load overlaps the worker threads' run instead of following it).
 */
export const preloadXlsx = (): void => {
  import('exceljs').catch(() => undefined); // a failure shows, with its message, when xlsxBytes loads it
};

/** The workbook as .xlsx bytes. exceljs gives a Node Buffer in Node and an ArrayBuffer in a browser; both become a Uint8Array. */
export const xlsxBytes = async (spec: WorkbookSpec): Promise<Uint8Array> => {
  // Loaded when a workbook is written: exceljs takes about half a second to load, which every
  // command paid at start-up (calibrate and backtest write no workbook).
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'placement-sufficiency';
  wb.lastModifiedBy = 'placement-sufficiency';
  wb.title = cellText(spec.title);
  wb.created = spec.date;
  wb.modified = spec.date;
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  // exceljs declares its own `Buffer extends ArrayBuffer`; at run time it is a Node Buffer (a Uint8Array) or an ArrayBuffer.
  const written = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  const bytes = written instanceof Uint8Array
    ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
    : new Uint8Array(written);
  return stampZipEntries(bytes, spec.date);
};
