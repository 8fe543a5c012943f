// Read SSDA903 CSV files: a directory (searched recursively: one folder per year, or all in one)
// or in-memory sources. Each CSV is recognised by its columns, never its name; Header, Episodes and
// UASC files are streamed with csv-parse (async iteration: the text is never held whole) and
// validated cell by cell, then return by return (episodes that overlap) and across tables (a DOB
// for every child). Decoded rows go into a column store (src/domain/ssda903Store.ts: ~37 bytes
// an episode row, no object per row); the checks across rows read it child by child. Every problem is collected, each naming the file, line and column; a Left
// holds them all (the first MAX_MESSAGES, then a count). Other 903 tables are recognised and
// skipped. Never throws on bad input.
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { E } from '../domain/fp.js';
import { columnLetter } from './csvRows.js';
import {
  collectionYearOf, decodeCells903, identifyTable, ROW_SPECS, type Episode903, type Header903, type Table903, type Uasc903,
} from '../domain/ssda903.js';
import { checkEpisodeRow, checkNoOverlaps, checkStartsAfterBirth, type LocatedEpisode } from '../domain/ssda903Checks.js';
import type { Returns903 } from '../domain/ssda903Returns.js';
import { returnsOfStore, Store903 } from '../domain/ssda903Store.js';

/** A CSV to read: a file on disk (`path`) or text in memory (`text`); `name` is how messages call it. */
export interface Source903 {
  readonly name: string;
  readonly path?: string;
  readonly text?: string;
}

export interface FileSummary {
  readonly name: string;
  /** The 903 table recognised from the columns, or undefined (not a 903 table: skipped). */
  readonly table: Table903 | undefined;
  /** Data rows read (not counting the header line). */
  readonly rows: number;
  /** Episodes files: the collection year of the latest date they hold (2023 = 2023/24). */
  readonly collectionYear?: number;
}

export interface Read903 {
  /** The rows, compactly (e.g. `store.episodeAt(0)`, `store.episodeRows`). */
  readonly store: Store903;
  /** The same, as cleaning and estimation read them (`estimateFromReturns`). */
  readonly returns: Returns903;
  readonly files: readonly FileSummary[];
  /** Worth knowing, not errors: skipped files, DOBs that differ between returns. */
  readonly warnings: readonly string[];
}

export const MAX_MESSAGES = 200;

interface Problem {
  readonly src: number;
  readonly line: number;
  readonly message: string;
}


/** Every `.csv` file under `dir` (any depth, hidden folders skipped), as paths relative to it, sorted. */
export const listCsvFiles = (dir: string): E.Either<string[], string[]> => {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.csv')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  try {
    if (!statSync(dir).isDirectory()) return E.left([`${dir}: not a directory; give the folder holding the 903 CSV files (Header, Episodes, UASC)`]);
    walk(dir);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    return E.left([`${dir}: ${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' || code === 'EPERM' ? 'cannot read the directory: permission denied' : `cannot read the directory: ${e instanceof Error ? e.message : String(e)}`}`]);
  }
  return E.right(out);
};

const streamOf = (s: Source903): Readable => (s.text !== undefined ? Readable.from([s.text]) : createReadStream(s.path ?? s.name));

/** Delimiters a spreadsheet may save instead of commas, and how to name them. */
const OTHER_DELIMITERS: readonly (readonly [string, string])[] = [[';', ';-separated'], ['\t', 'tab-separated'], ['|', '|-separated']];

/**
 * For a header line with no comma but another delimiter: the file's kind (`;-separated`), the
 * first columns as found, and the 903 table the columns would make when split by it.
 */
const otherDelimiter = (headerLine: string): { readonly kind: string; readonly preview: string; readonly table: Table903 | undefined } | undefined => {
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
const delimiterProblem = (name: string, headerLine: string): string | undefined => {
  const other = otherDelimiter(headerLine);
  if (other === undefined || other.table === undefined || !['Header', 'Episodes', 'UASC'].includes(other.table)) return undefined;
  return `${name}: looks like a ${other.kind} file (header ${JSON.stringify(other.preview)}), the 903 ${other.table} table; save it as comma-separated CSV`;
};

/** The first line of a source (up to 4 KB), for messages about a file that could not be parsed. */
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

/** Lines a record spans: one, plus the line breaks inside its quoted cells. */
const linesOf = (record: readonly string[]): number => {
  let n = 1;
  for (const cell of record) if (cell.includes('\n')) n += cell.split('\n').length - 1;
  return n;
};

/** Read 903 tables from sources (files or text). Files are read in the order given. */
/** Bytes read so far of the sources' total, for a progress bar on large folders. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

const sizeOf = (s: Source903): number => {
  if (s.text !== undefined) return Buffer.byteLength(s.text);
  try {
    return statSync(s.path ?? s.name).size;
  } catch {
    return 0;
  }
};

export const read903Sources = async (sources: readonly Source903[], progress?: ReadProgress): Promise<E.Either<string[], Read903>> => {
  const totalBytes = progress === undefined ? 0 : sources.reduce((n, s) => n + sizeOf(s), 0);
  let bytesBefore = 0;
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const files: FileSummary[] = [];
  const store = new Store903();
  const columnsOf: Map<string, number>[] = [];
  const at = (src: number, line: number, column?: string): string => {
    const name = sources[src]!.name;
    if (column === undefined) return `${name}, line ${line}`;
    const i = columnsOf[src]?.get(column);
    return `${name}, line ${line}, column ${i === undefined ? '?' : columnLetter(i)} (${column})`;
  };
  const report = (src: number, line: number, column: string | undefined, message: string): void => {
    problems.push({ src, line, message: `${at(src, line, column)}: ${message}` });
  };

  for (let src = 0; src < sources.length; src++) {
    const source = sources[src]!;
    const columns = new Map<string, number>();
    columnsOf[src] = columns;
    let table: Table903 | undefined;
    let rows = 0;
    let latest = Number.NEGATIVE_INFINITY;
    const firstEpisode = store.episodeRows;
    // Lines are counted here rather than with csv-parse's `info` (which builds an object per record):
    // blank lines are kept (and skipped below) so every line is seen.
    const stream = streamOf(source);
    if (progress !== undefined) {
      let read = 0;
      const before = bytesBefore;
      stream.on('data', (chunk: Buffer | string) => {
        read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        progress(before + read, totalBytes);
      });
    }
    bytesBefore += progress === undefined ? 0 : sizeOf(source);
    const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
    let nextLine = 1;
    let indexes: readonly (number | undefined)[] = [];
    const texts: (string | undefined)[] = [];
    const cellsOf = (record: readonly string[]): (string | undefined)[] => {
      for (let i = 0; i < indexes.length; i++) texts[i] = indexes[i] === undefined ? undefined : record[indexes[i]!];
      return texts;
    };
    let first = true;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        const line = nextLine;
        nextLine += linesOf(record);
        if (record.length === 1 && record[0]!.trim() === '') continue;
        if (first) {
          first = false;
          record.forEach((c, i) => { const k = c.replace(/^\uFEFF/, '').trim().toUpperCase(); if (!columns.has(k)) columns.set(k, i); });
          const found = identifyTable(record);
          if (found === undefined) {
            const wrong = record.length === 1 ? delimiterProblem(source.name, record[0]!) : undefined;
            const other = record.length === 1 ? otherDelimiter(record[0]!) : undefined;
            if (wrong !== undefined) problems.push({ src, line, message: wrong });
            else if (other !== undefined) warnings.push(`${source.name}: looks like a ${other.kind} file (header ${JSON.stringify(other.preview)}), and not an SSDA903 table: skipped`);
            else warnings.push(`${source.name}: not an SSDA903 table (columns ${record.slice(0, 8).join(', ')}${record.length > 8 ? ', …' : ''}): skipped`);
            break;
          }
          if (!['Header', 'Episodes', 'UASC'].includes(found.table)) {
            warnings.push(`${source.name}: the 903 ${found.table} table, not needed for calibration: skipped`);
            break;
          }
          table = found.table;
          indexes = ROW_SPECS[table as 'Header'].cells.map((c) => columns.get(c.column));
          if (found.missing.length > 0) {
            report(src, line, undefined, `recognised as the 903 ${table} table, but column${found.missing.length > 1 ? 's' : ''} ${found.missing.join(', ')} ${found.missing.length > 1 ? 'are' : 'is'} missing (the header line must name every column: ${ROW_SPECS[table as 'Header'].cells.map((c) => c.column).join(', ')})`);
            table = undefined;
            break;
          }
          continue;
        }
        if (record.every((c) => c.trim() === '')) continue;
        rows++;
        if (table === 'Episodes') {
          const r = decodeCells903<Episode903>(ROW_SPECS.Episodes, cellsOf(record));
          if (r.row === undefined) {
            for (const p of r.problems) report(src, line, p.column, p.message);
            continue;
          }
          const e = r.row;
          latest = Math.max(latest, e.DEC ?? e.DECOM, e.DECOM);
          store.addEpisode(e, src, line);
        } else if (table === 'Header') {
          const r = decodeCells903<Header903>(ROW_SPECS.Header, cellsOf(record));
          if (r.row === undefined) for (const p of r.problems) report(src, line, p.column, p.message);
          else store.addHeader(r.row.CHILD, r.row.DOB);
        } else if (table === 'UASC') {
          const r = decodeCells903<Uasc903>(ROW_SPECS.UASC, cellsOf(record));
          if (r.row === undefined) for (const p of r.problems) report(src, line, p.column, p.message);
          else store.addUasc(r.row.CHILD);
        }
      }
    } catch (e) {
      const lines = typeof e === 'object' && e !== null && 'lines' in e ? Number((e as { lines: unknown }).lines) : undefined;
      const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
      const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'cannot read the file: permission denied'
        : code.startsWith('CSV_') || code.startsWith('INVALID_') ? `not readable as CSV: ${e instanceof Error ? e.message : String(e)}` : `cannot read: ${e instanceof Error ? e.message : String(e)}`;
      // A header of quoted names split by `;` fails to parse as CSV before it can be recognised.
      const wrong = first ? delimiterProblem(source.name, firstLineOf(source)) : undefined;
      problems.push({ src, line: lines ?? 0, message: wrong ?? `${source.name}${lines !== undefined && Number.isFinite(lines) ? `, line ${lines}` : ''}: ${why}` });
    }
    const collectionYear = table === 'Episodes' && Number.isFinite(latest) ? collectionYearOf(latest) : undefined;
    files.push({ name: source.name, table, rows, ...(collectionYear === undefined ? {} : { collectionYear }) });
    if (collectionYear !== undefined) checkReturn(store, firstEpisode, collectionYear, report);
  }

  const byTable = (t: Table903): number => files.filter((f) => f.table === t).length;
  if (byTable('Episodes') === 0 && problems.length === 0) {
    return E.left([`no SSDA903 Episodes file found among ${sources.length} CSV file${sources.length === 1 ? '' : 's'}${sources.length > 0 ? ` (${sources.map((s) => s.name).slice(0, 10).join(', ')}${sources.length > 10 ? ', …' : ''})` : ''}: expected a CSV whose header line names the columns ${ROW_SPECS.Episodes.cells.map((c) => c.column).join(', ')}`]);
  }
  if (byTable('Header') === 0 && problems.length === 0) {
    return E.left([`no SSDA903 Header file found (a CSV with the columns ${ROW_SPECS.Header.cells.map((c) => c.column).join(', ')}): dates of birth are needed for age bands`]);
  }
  checkAcrossTables(store, report, warnings);
  if (problems.length > 0) {
    const shown = [...problems].sort((a, b) => a.src - b.src || a.line - b.line).slice(0, MAX_MESSAGES).map((p) => p.message);
    if (problems.length > MAX_MESSAGES) shown.push(`… and ${problems.length - MAX_MESSAGES} more problems (${problems.length} in all)`);
    return E.left(shown);
  }
  return E.right({ store, returns: returnsOfStore(store), files, warnings });
};

/** Rules within one return (rows `from` onwards): PLACE codes in force for its year, providers, dates, and no overlapping episodes. */
const checkReturn = (
  store: Store903, from: number, collectionYear: number,
  report: (src: number, line: number, column: string | undefined, message: string) => void,
): void => {
  for (let i = from; i < store.episodeRows; i++) {
    const problems = checkEpisodeRow(store.episodeAt(i), collectionYear);
    for (const p of problems) report(store.srcAt(i), store.lineAt(i), p.column, p.message);
  }
  const src = from < store.episodeRows ? store.srcAt(from) : 0;
  const { offsets, rows } = store.rowsByChild(from, store.episodeRows);
  for (let k = 1; k + 1 < offsets.length; k++) {
    if (offsets[k + 1]! - offsets[k]! < 2) continue;
    const list: LocatedEpisode[] = [];
    for (let r = offsets[k]!; r < offsets[k + 1]!; r++) {
      const i = rows[r]!;
      list.push({ DECOM: store.decomAt(i), DEC: store.decAt(i), line: store.lineAt(i) });
    }
    for (const p of checkNoOverlaps(store.childId(k), list)) report(src, p.line, p.column, p.message);
  }
};

/** Every child with episodes has a date of birth, no episode starts before it; DOB changes are flagged. */
const checkAcrossTables = (
  store: Store903, report: (src: number, line: number, column: string | undefined, message: string) => void, warnings: string[],
): void => {
  if (store.dobConflicts > 0) warnings.push(`${store.dobConflicts} child${store.dobConflicts === 1 ? '' : 'ren'} with a different DOB in different returns (the last file's is used), e.g. ${store.dobConflictExamples.join(', ')}`);
  const missing = new Set<number>();
  for (let i = 0; i < store.episodeRows; i++) {
    const k = store.childIndexAt(i);
    const born = store.dobOf(k);
    if (born === undefined) {
      if (!missing.has(k)) report(store.srcAt(i), store.lineAt(i), 'CHILD', `child ${store.childId(k)} has episodes but no row in any Header file (its date of birth is needed)`);
      missing.add(k);
      continue;
    }
    const p = checkStartsAfterBirth(store.childId(k), { DECOM: store.decomAt(i), DEC: store.decAt(i), line: store.lineAt(i) }, born);
    if (p !== undefined) report(store.srcAt(i), p.line, p.column, p.message);
  }
};

/**
 * Read every 903 CSV under `dir`. Messages name files by their path relative to `dir`. A
 * directory that cannot be read, holds no CSV, or holds no Episodes or Header table is a Left.
 */
export const read903Directory = async (dir: string, progress?: ReadProgress): Promise<E.Either<string[], Read903>> => {
  const listed = listCsvFiles(dir);
  if (E.isLeft(listed)) return listed;
  if (listed.right.length === 0) return E.left([`${dir}: no CSV files found (looked in every folder below it); expected the 903 Header and Episodes tables saved as CSV`]);
  return read903Sources(listed.right.map((name) => ({ name, path: join(dir, name) })), progress);
};

