// The one adapter to csv-parse: a CSV file as a spreadsheet saves it → a header and records, each
// with the line it starts on. Handles a UTF-8 byte order mark, Windows (CRLF) and old Mac (CR)
// line endings, quoted fields with commas, quotes and line breaks; skips blank lines and rows
// whose every cell is empty (spreadsheets leave those at the end). Says plainly when a file is
// empty, not UTF-8, or separated by semicolons or tabs instead of commas. Never throws.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { E } from '../domain/fp.js';

export interface CsvRecord {
  /** Line of the file the record starts on (1 = the header). */
  readonly line: number;
  /** Cells, trimmed of surrounding spaces. */
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

const SAVE_AS = 'save it from the spreadsheet as "CSV UTF-8 (comma delimited)"';

const DELIMITERS: readonly (readonly [string, string])[] = [[';', 'semicolons (";")'], ['\t', 'tabs'], ['|', 'vertical bars ("|")']];

/** The header line's delimiter in words, when it has no comma but is clearly split by something else. */
const wrongDelimiter = (headerLine: string): string | undefined =>
  headerLine.includes(',') ? undefined : DELIMITERS.find(([d]) => headerLine.includes(d))?.[1];

const CSV_ERRORS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed (a `"` opens a value that runs to the end of the file)',
  INVALID_OPENING_QUOTE: 'a `"` in the middle of a value: put the whole value in quotes and write the quote twice (`""`)',
  CSV_INVALID_CLOSING_QUOTE: 'text straight after a closing `"`: put the whole value in quotes and write any quote inside it twice (`""`)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text straight after a closing `"`',
  CSV_MAX_RECORD_SIZE: 'a record is too long',
};

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
  readonly raw: string;
}

const errorField = (e: unknown, key: string): unknown => (typeof e === 'object' && e !== null && key in e ? (e as Record<string, unknown>)[key] : undefined);

/**
 * CSV text → header and records. `file` names the file in messages. All line endings become `\n`
 * first, so reported lines are the lines a text editor shows.
 */
export const parseCsvText = (file: string, text: string): E.Either<string[], CsvTable> => {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normal.trim() === '') return E.left([`${file}: the file is empty; expected a header line naming the columns, then one line per row`]);
  // Checked before parsing: quoted values full of another delimiter would otherwise fail as bad quotes.
  const lines = normal.split('\n');
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  const other = wrongDelimiter(lines[headerAt]!);
  if (other !== undefined) return E.left([`${file}, line ${headerAt + 1}: the columns are separated by ${other}, not commas; ${SAVE_AS}`]);
  let parsed: ParsedRecord[];
  try {
    parsed = parse(normal, { info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as ParsedRecord[];
  } catch (e) {
    const code = String(errorField(e, 'code') ?? '');
    const line = errorField(e, 'lines');
    const where = typeof line === 'number' ? `, line ${line}` : '';
    return E.left([`${file}${where}: not readable as CSV: ${CSV_ERRORS[code] ?? (e instanceof Error ? e.message : String(e))}`]);
  }
  const records: CsvRecord[] = [];
  for (const p of parsed) {
    // `info.lines` is the line the record ends on; step back over line breaks inside quoted values.
    const body = p.raw.replace(/^\n+/, '').replace(/\n$/, '');
    const inside = body.split('\n').length - 1;
    const cells = p.record.map((c) => c.trim());
    if (records.length > 0 && cells.every((c) => c === '')) continue;
    records.push({ line: p.info.lines - inside, cells });
  }
  const [head, ...rest] = records;
  if (head === undefined) return E.left([`${file}: the file is empty; expected a header line naming the columns`]);
  return E.right({ file, header: head.cells, records: rest });
};

const readFailure = (e: unknown): string => {
  switch (errorField(e, 'code')) {
    case 'ENOENT': return 'file not found';
    case 'EISDIR': return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM': return 'cannot read the file: permission denied';
    default: return `cannot read the file: ${e instanceof Error ? e.message : String(e)}`;
  }
};

/** 1-based line of a byte offset in `bytes` (lines end at `\n`). */
const lineOfByte = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 10) line += 1;
  return line;
};

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
const firstInvalidUtf8 = (b: Uint8Array): number => {
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    const n = x < 0x80 ? 0 : x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k += 1) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
};

/** Read and parse a CSV file; a Left names the file (and line) and says what to do. */
export const readCsvFile = (file: string): E.Either<string[], CsvTable> => {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return E.left([`${file}: ${readFailure(e)}`]);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return E.left([`${file}: the file is UTF-16 text ("Unicode text"), not UTF-8; ${SAVE_AS}`]);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return E.left([`${file}, line ${lineOfByte(bytes, bad)}: the file is not UTF-8 text (a character such as "£" or "é" saved in another encoding); ${SAVE_AS}`]);
  }
  return parseCsvText(file, new TextDecoder('utf-8').decode(bytes));
};
