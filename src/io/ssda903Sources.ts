// Where 903 tables come from: the files under a folder (CSV, and Excel workbooks as councils save
// them: one sheet per table, or one workbook per year), each turned into tables of records with
// their line (row) numbers. CSVs are streamed with csv-parse (the text is never held whole);
// a workbook is read through the one reading adapter, src/io/xlsxSheets.ts, loaded only when a
// workbook is there (exceljs is slow to load). Also: telling a file saved with another delimiter.
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { E } from '../domain/fp.js';
import { identifyTable, type Table903 } from '../domain/ssda903.js';

/** A file to read: on disk (`path`) or in memory (`text` for a CSV, `bytes` for a workbook); `name` is how messages call it. */
export interface Source903 {
  readonly name: string;
  readonly path?: string;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

/** One record and the line it starts on (1 = the header line; a workbook's row number). */
export interface Record903 {
  readonly cells: readonly string[];
  readonly line: number;
}

/** A table to read: a CSV file or a worksheet. */
export interface TableSource {
  readonly name: string;
  /** Bytes it stands for, for a progress bar. */
  readonly bytes: number;
  readonly records: (onBytes?: (n: number) => void) => AsyncIterable<Record903>;
  /** Its first line as text, for messages about a file that could not be parsed. */
  readonly firstLine: () => string;
}

export const isWorkbook = (name: string): boolean => /\.xlsx$/i.test(name);
const isOldWorkbook = (name: string): boolean => /\.xls$/i.test(name);

/**
 * Every `.csv` and `.xlsx` file under `dir` (any depth, hidden folders and Excel's `~$` lock files
 * skipped), as paths relative to it, in return-year order: by the first year (19xx/20xx) in the
 * path, then by path, so that where two returns disagree the file read last is the latest one.
 */
export const list903Files = (dir: string): E.Either<string[], string[]> => {
  const out: string[] = [];
  const old: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = join(d, entry.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && (entry.name.toLowerCase().endsWith('.csv') || isWorkbook(entry.name))) out.push(rel);
      else if (entry.isFile() && isOldWorkbook(entry.name)) old.push(rel);
    }
  };
  try {
    if (!statSync(dir).isDirectory()) return E.left([`${dir}: not a directory; give the folder holding the 903 files (Header, Episodes, UASC as CSV or .xlsx)`]);
    walk(dir);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    return E.left([`${dir}: ${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' || code === 'EPERM' ? 'cannot read the directory: permission denied' : `cannot read the directory: ${e instanceof Error ? e.message : String(e)}`}`]);
  }
  if (old.length > 0) return E.left(old.map((f) => `${join(dir, f)}: an old-style Excel .xls workbook; save it as .xlsx (Excel Workbook) or as CSV`));
  return E.right(sortByReturnYear(out));
};

const yearIn = (path: string): number => {
  const m = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(path);
  return m === null ? Number.NEGATIVE_INFINITY : Number(m[1]);
};
const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Paths by the first year they name (none first), then by path. */
export const sortByReturnYear = (paths: readonly string[]): string[] =>
  [...paths].sort((a, b) => yearIn(a) - yearIn(b) || byPath(a, b));

const sizeOf = (s: Source903): number => {
  if (s.text !== undefined) return Buffer.byteLength(s.text);
  if (s.bytes !== undefined) return s.bytes.byteLength;
  try {
    return statSync(s.path ?? s.name).size;
  } catch {
    return 0;
  }
};

/** Lines a record spans: one, plus the line breaks inside its quoted cells. */
const linesOf = (record: readonly string[]): number => {
  let n = 1;
  for (const cell of record) if (cell.includes('\n')) n += cell.split('\n').length - 1;
  return n;
};

/** The first line of a CSV source (up to 4 KB). */
const firstLineOf = (s: Source903): string => {
  if (s.text !== undefined) return s.text.split(/\r?\n|\r/)[0] ?? '';
  try {
    const fd = openSync(s.path ?? s.name, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, n).toString('utf8').split(/\r?\n|\r/)[0] ?? '';
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
};

/** A CSV as records. Blank lines are kept by the parser (and skipped by the reader) so every line is counted. */
const csvTable = (s: Source903): TableSource => ({
  name: s.name,
  bytes: sizeOf(s),
  firstLine: () => firstLineOf(s),
  records: (onBytes) => (async function* () {
    const stream = s.text !== undefined ? Readable.from([s.text]) : createReadStream(s.path ?? s.name);
    if (onBytes !== undefined) stream.on('data', (chunk: Buffer | string) => onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length));
    const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
    let line = 1;
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { cells, line };
      line += linesOf(cells);
    }
  })(),
});

/**
 * The tables of the sources: a CSV is one; a workbook one per worksheet, named `book.xlsx (sheet
 * Episodes)`. A workbook that cannot be read is a Left naming it.
 */
export const tablesOf = async (sources: readonly Source903[]): Promise<E.Either<string[], TableSource[]>> => {
  const out: TableSource[] = [];
  const problems: string[] = [];
  for (const s of sources) {
    if (!isWorkbook(s.name)) {
      out.push(csvTable(s));
      continue;
    }
    const { readXlsxBuffer, readXlsxSheets } = await import('./xlsxSheets.js');
    const read = s.bytes !== undefined ? await readXlsxBuffer(s.bytes, s.name) : await readXlsxSheets(s.path ?? s.name, s.name);
    if (E.isLeft(read)) {
      problems.push(read.left);
      continue;
    }
    const total = sizeOf(s);
    const rows = read.right.reduce((n, sheet) => n + sheet.rows.length, 0);
    for (const sheet of read.right) {
      out.push({
        name: `${s.name} (sheet ${sheet.sheet})`,
        bytes: rows === 0 ? 0 : Math.round((total * sheet.rows.length) / rows),
        firstLine: () => (sheet.rows[0] ?? []).join(','),
        records: (onBytes) => (async function* () {
          for (let i = 0; i < sheet.rows.length; i++) yield { cells: sheet.rows[i]!, line: sheet.lines[i]! };
          onBytes?.(rows === 0 ? 0 : Math.round((total * sheet.rows.length) / rows));
        })(),
      });
    }
  }
  return problems.length > 0 ? E.left(problems) : E.right(out);
};

/** Delimiters a spreadsheet may save instead of commas, and how to name them. */
const OTHER_DELIMITERS: readonly (readonly [string, string])[] = [[';', ';-separated'], ['\t', 'tab-separated'], ['|', '|-separated']];

/**
 * For a header line with no comma but another delimiter: the file's kind (`;-separated`), the
 * first columns as found, and the 903 table the columns would make when split by it.
 */
export const otherDelimiter = (headerLine: string): { readonly kind: string; readonly preview: string; readonly table: Table903 | undefined } | undefined => {
  const line = headerLine.replace(/^\uFEFF/, '');
  if (line.includes(',')) return undefined;
  const found = OTHER_DELIMITERS.find(([d]) => line.includes(d));
  if (found === undefined) return undefined;
  const [d, kind] = found;
  const columns = line.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const preview = columns.length > 2 ? `${line.split(d).slice(0, 2).join(d)}${d}…` : line.slice(0, 60);
  return { kind, preview, table: identifyTable(columns)?.table };
};

/** What to say about a file whose header is split by another delimiter: an error if it is a 903 table calibration needs, else undefined. */
export const delimiterProblem = (name: string, headerLine: string): string | undefined => {
  const other = otherDelimiter(headerLine);
  if (other === undefined || other.table === undefined || !['Header', 'Episodes', 'UASC'].includes(other.table)) return undefined;
  return `${name}: looks like a ${other.kind} file (header ${JSON.stringify(other.preview)}), the 903 ${other.table} table; save it as comma-separated CSV`;
};
