// Read SSDA903 returns: a directory (searched recursively: one folder per year, or all in one) of
// CSV files or Excel workbooks, or in-memory sources (src/io/ssda903Sources.ts). Each table is
// recognised by its columns, never its name. Rows go into a column store
// (src/domain/ssda903Store.ts: ~37 bytes an episode row, no object per row) that cleaning reads
// child by child. Two modes:
//   - strict: every fault is a problem naming the file, line and column (cells, codes, the rules
//     of one return such as overlapping episodes, and across tables a DOB for every child); a Left
//     holds them all (the first MAX_MESSAGES, then a count);
//   - lenient (`{ lenient: true }`, what the CLI does unless --strict): what can be read is read
//     (src/domain/ssda903Lenient.ts) and every fault becomes a finding under its data-quality rule
//     (src/domain/ssda903Quality.ts), handed on in `returns.quality` for cleaning to repair and
//     report; DOBs are also read from the other 903 tables, for children with no Header row.
// In both, a folder with no Episodes or Header rows at all is a Left. Never throws on bad input.
import { join } from 'node:path';
import { E } from '../domain/fp.js';
import { columnLetter } from './csvRows.js';
import {
  collectionYearOf, decodeCells903, identifyTable, normaliseColumn, ROW_SPECS, type Episode903, type Header903, type Table903, type Uasc903,
} from '../domain/ssda903.js';
import {
  checkEpisodeRow, checkNoOverlaps, checkPlaceInForce, checkStartsAfterBirth, checkUnder18, endOfCollectionYear, type LocatedEpisode,
} from '../domain/ssda903Checks.js';
import { decodeDobLenient, decodeEpisodeLenient } from '../domain/ssda903Lenient.js';
import type { QualityFinding } from '../domain/ssda903Quality.js';
import type { Returns903 } from '../domain/ssda903Returns.js';
import { returnsOfStore, Store903 } from '../domain/ssda903Store.js';
import { delimiterProblem, list903Files, otherDelimiter, tablesOf, type Source903 } from './ssda903Sources.js';

export type { Source903 } from './ssda903Sources.js';

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
  /** Worth knowing, not errors: skipped files, DOBs that differ between returns, a missing table or year. */
  readonly warnings: readonly string[];
}

export const MAX_MESSAGES = 200;

interface Problem {
  readonly src: number;
  readonly line: number;
  readonly message: string;
}

/** Bytes read so far of the sources' total, for a progress bar on large folders. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

export interface Read903Options {
  /** Clean what can be cleaned and report it (default: strict, every fault refuses the data). */
  readonly lenient?: boolean;
  readonly progress?: ReadProgress;
}

/** The tables that give a child's date of birth besides Header (lenient reading only). */
const OTHER_DOB_TABLES: readonly Table903[] = ['UASC', 'Reviews', 'Missing', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'SWEpisodes'];

/**
 * Read 903 tables from sources (CSV files or text, workbooks), in the order given: where returns
 * disagree (a DOB), the file read last wins, so give them oldest first (`list903Files` does).
 */
export const read903Sources = async (sources: readonly Source903[], options: Read903Options = {}): Promise<E.Either<string[], Read903>> => {
  const { progress, lenient = false } = options;
  const tabled = await tablesOf(sources);
  if (E.isLeft(tabled)) return tabled;
  const tables = tabled.right;
  const totalBytes = progress === undefined ? 0 : tables.reduce((n, s) => n + s.bytes, 0);
  let bytesRead = 0;
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const files: FileSummary[] = [];
  const findings: QualityFinding[] = [];
  const childrenByYear = new Map<number, Set<string>>();
  const yearOfSrc = new Map<number, number>();
  const store = new Store903();
  const columnsOf: Map<string, number>[] = [];
  const at = (src: number, line: number, column?: string): string => {
    const name = tables[src]!.name;
    if (column === undefined) return `${name}, line ${line}`;
    const i = columnsOf[src]?.get(column);
    return `${name}, line ${line}, column ${i === undefined ? '?' : columnLetter(i)} (${column})`;
  };
  const report = (src: number, line: number, column: string | undefined, message: string): void => {
    problems.push({ src, line, message: `${at(src, line, column)}: ${message}` });
  };

  for (let src = 0; src < tables.length; src++) {
    const source = tables[src]!;
    const columns = new Map<string, number>();
    columnsOf[src] = columns;
    let table: Table903 | undefined;
    let rows = 0;
    let latest = Number.NEGATIVE_INFINITY;
    const firstEpisode = store.episodeRows;
    const seen = new Set<string>();
    let indexes: readonly (number | undefined)[] = [];
    const texts: (string | undefined)[] = [];
    const cellsOf = (record: readonly string[]): (string | undefined)[] => {
      for (let i = 0; i < indexes.length; i++) texts[i] = indexes[i] === undefined ? undefined : record[indexes[i]!];
      return texts;
    };
    let childAt: number | undefined;
    let dobAt: number | undefined;
    let first = true;
    const onBytes = progress === undefined ? undefined : (n: number): void => { bytesRead += n; progress(bytesRead, totalBytes); };
    try {
      for await (const { cells: record, line } of source.records(onBytes)) {
        if (record.length === 1 && record[0]!.trim() === '') continue;
        if (first) {
          first = false;
          record.forEach((c, i) => { const k = normaliseColumn(c); if (k !== '' && !columns.has(k)) columns.set(k, i); });
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
            if (!lenient || !OTHER_DOB_TABLES.includes(found.table) || !columns.has('DOB')) {
              warnings.push(`${source.name}: the 903 ${found.table} table, not needed for calibration: skipped`);
              break;
            }
            table = found.table;
            childAt = columns.get('CHILD');
            dobAt = columns.get('DOB');
            continue;
          }
          table = found.table;
          indexes = ROW_SPECS[table as 'Header'].cells.map((c) => columns.get(c.column));
          const needed = lenient ? found.missing.filter((c) => c === 'CHILD' || c === 'DECOM' || (c === 'DOB' && table === 'Header')) : found.missing;
          if (needed.length > 0) {
            report(src, line, undefined, `recognised as the 903 ${table} table, but column${needed.length > 1 ? 's' : ''} ${needed.join(', ')} ${needed.length > 1 ? 'are' : 'is'} missing (the header line must name every column: ${ROW_SPECS[table as 'Header'].cells.map((c) => c.column).join(', ')})`);
            table = undefined;
            break;
          }
          if (found.missing.length > 0) warnings.push(`${source.name}: the 903 ${table} table without column${found.missing.length > 1 ? 's' : ''} ${found.missing.join(', ')}: read as blank in every row`);
          continue;
        }
        if (record.every((c) => c.trim() === '')) continue;
        rows++;
        if (table === 'Episodes') {
          if (lenient) {
            const r = decodeEpisodeLenient(cellsOf(record));
            if (r.child !== undefined) seen.add(r.child);
            for (const f of r.findings) findings.push({ rule: f.rule, src, line, column: f.column, ...(r.child === undefined ? {} : { child: r.child }) });
            if (r.row === undefined) continue;
            latest = Math.max(latest, r.row.DEC ?? r.row.DECOM);
            store.addEpisode(r.row, src, line);
            continue;
          }
          const r = decodeCells903<Episode903>(ROW_SPECS.Episodes, cellsOf(record));
          if (r.row === undefined) {
            for (const p of r.problems) report(src, line, p.column, p.message);
            continue;
          }
          const e = r.row;
          latest = Math.max(latest, e.DEC ?? e.DECOM, e.DECOM);
          store.addEpisode(e, src, line);
        } else if (table === 'Header') {
          if (lenient) {
            const t = cellsOf(record);
            const r = decodeDobLenient(t[0], t[2]); // CHILD, DOB: the first and third cells of the Header and UASC specs
            for (const f of r.findings) findings.push({ rule: f.rule, src, line, column: f.column, ...(r.child === undefined ? {} : { child: r.child }) });
            if (r.row !== undefined) store.addHeader(r.row.CHILD, r.row.DOB);
            continue;
          }
          const r = decodeCells903<Header903>(ROW_SPECS.Header, cellsOf(record));
          if (r.row === undefined) for (const p of r.problems) report(src, line, p.column, p.message);
          else store.addHeader(r.row.CHILD, r.row.DOB);
        } else if (table === 'UASC') {
          if (lenient) {
            const t = cellsOf(record);
            const r = decodeDobLenient(t[0], t[2]); // CHILD, DOB: the first and third cells of the Header and UASC specs
            if (r.child !== undefined) store.addUasc(r.child);
            if (r.row !== undefined) store.addOtherDob(r.row.CHILD, r.row.DOB);
            continue;
          }
          const r = decodeCells903<Uasc903>(ROW_SPECS.UASC, cellsOf(record));
          if (r.row === undefined) for (const p of r.problems) report(src, line, p.column, p.message);
          else store.addUasc(r.row.CHILD);
        } else if (table !== undefined) {
          const r = decodeDobLenient(childAt === undefined ? undefined : record[childAt], dobAt === undefined ? undefined : record[dobAt]);
          if (r.row !== undefined) store.addOtherDob(r.row.CHILD, r.row.DOB);
        }
      }
    } catch (e) {
      const lines = typeof e === 'object' && e !== null && 'lines' in e ? Number((e as { lines: unknown }).lines) : undefined;
      const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
      const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'cannot read the file: permission denied'
        : code.startsWith('CSV_') || code.startsWith('INVALID_') ? `not readable as CSV: ${e instanceof Error ? e.message : String(e)}` : `cannot read: ${e instanceof Error ? e.message : String(e)}`;
      // A header of quoted names split by `;` fails to parse as CSV before it can be recognised.
      const wrong = first ? delimiterProblem(source.name, source.firstLine()) : undefined;
      problems.push({ src, line: lines ?? 0, message: wrong ?? `${source.name}${lines !== undefined && Number.isFinite(lines) ? `, line ${lines}` : ''}: ${why}` });
    }
    const collectionYear = table === 'Episodes' && Number.isFinite(latest) ? collectionYearOf(latest) : undefined;
    const known = table !== undefined && ['Header', 'Episodes', 'UASC'].includes(table) ? table : undefined;
    files.push({ name: source.name, table: known, rows, ...(collectionYear === undefined ? {} : { collectionYear }) });
    if (collectionYear === undefined) continue;
    yearOfSrc.set(src, collectionYear);
    const year = childrenByYear.get(collectionYear) ?? new Set<string>();
    for (const c of seen) year.add(c);
    childrenByYear.set(collectionYear, year);
    if (lenient) findingsOfReturn(store, firstEpisode, collectionYear, findings);
    else checkReturn(store, firstEpisode, collectionYear, report);
  }

  const byTable = (t: Table903): number => files.filter((f) => f.table === t).length;
  if (byTable('Episodes') === 0 && problems.length === 0) {
    return E.left([`no SSDA903 Episodes file found among ${tables.length} file${tables.length === 1 ? '' : 's'}${tables.length > 0 ? ` (${tables.map((s) => s.name).slice(0, 10).join(', ')}${tables.length > 10 ? ', …' : ''})` : ''}: expected a CSV or worksheet whose header line names the columns ${ROW_SPECS.Episodes.cells.map((c) => c.column).join(', ')}`]);
  }
  if (byTable('Header') === 0 && problems.length === 0) {
    return E.left([`no SSDA903 Header file found (a CSV or worksheet with the columns ${ROW_SPECS.Header.cells.map((c) => c.column).join(', ')}): dates of birth are needed for age bands`]);
  }
  if (problems.length === 0 && store.episodeRows === 0) {
    const episodes = files.filter((f) => f.table === 'Episodes');
    return E.left([`no usable episode rows: the Episodes files (${episodes.map((f) => f.name).join(', ')}) hold ${episodes.reduce((n, f) => n + f.rows, 0)} rows, none with a readable CHILD and DECOM`]);
  }
  if (problems.length === 0 && store.headerRows === 0) {
    return E.left([`no usable Header rows: the Header files (${files.filter((f) => f.table === 'Header').map((f) => f.name).join(', ')}) hold no row with a readable CHILD and DOB, and dates of birth are needed for age bands`]);
  }
  warnings.push(...coverageWarnings(files));
  if (!lenient) checkAcrossTables(store, files, report, warnings);
  if (problems.length > 0) {
    const shown = [...problems].sort((a, b) => a.src - b.src || a.line - b.line).slice(0, MAX_MESSAGES).map((p) => p.message);
    if (problems.length > MAX_MESSAGES) shown.push(`… and ${problems.length - MAX_MESSAGES} more problems (${problems.length} in all)`);
    return E.left(shown);
  }
  const quality = lenient ? { findings, childrenByYear, yearOfSrc } : undefined;
  return E.right({ store, returns: returnsOfStore(store, quality), files, warnings });
};

const fy = (y: number): string => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;

/** A missing UASC table, and collection years with no Episodes file between the first and the last. */
const coverageWarnings = (files: readonly FileSummary[]): string[] => {
  const out: string[] = [];
  if (!files.some((f) => f.table === 'UASC')) out.push('no UASC table found: no child is counted as an unaccompanied asylum-seeking child (that need comes only from the UASC table)');
  const years = [...new Set(files.flatMap((f) => (f.collectionYear === undefined ? [] : [f.collectionYear])))].sort((a, b) => a - b);
  const missing: number[] = [];
  for (let y = years[0] ?? 0; y < (years[years.length - 1] ?? 0); y++) if (!years.includes(y)) missing.push(y);
  if (missing.length > 0) out.push(`no Episodes return for ${missing.map(fy).join(', ')} (between ${fy(years[0]!)} and ${fy(years[years.length - 1]!)}): episodes that began and ended within ${missing.length === 1 ? 'that year' : 'those years'} are not in the data, so starts and exits then are undercounted`);
  return out;
};

/** Lenient: the row rule of one return that needs its collection year (codes in force) as findings; the others are the decoder's. */
const findingsOfReturn = (store: Store903, from: number, collectionYear: number, findings: QualityFinding[]): void => {
  for (let i = from; i < store.episodeRows; i++) {
    const e = store.episodeAt(i);
    const at = { src: store.srcAt(i), line: store.lineAt(i), child: e.CHILD };
    if (checkPlaceInForce(e, collectionYear) !== undefined) findings.push({ rule: 'place-not-in-force', column: 'PLACE', ...at });
  }
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

/** Every child with episodes has a date of birth, no episode starts before it or runs past 18; DOB changes are flagged. */
const checkAcrossTables = (
  store: Store903, files: readonly FileSummary[], report: (src: number, line: number, column: string | undefined, message: string) => void, warnings: string[],
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
    const e: LocatedEpisode = { DECOM: store.decomAt(i), DEC: store.decAt(i), line: store.lineAt(i) };
    const year = files[store.srcAt(i)]?.collectionYear;
    const p = checkStartsAfterBirth(store.childId(k), e, born) ?? checkUnder18(store.childId(k), e, born, year === undefined ? undefined : endOfCollectionYear(year));
    if (p !== undefined) report(store.srcAt(i), p.line, p.column, p.message);
  }
};

/**
 * Read every 903 file (CSV, .xlsx) under `dir`, oldest return first (`list903Files`). Messages
 * name files by their path relative to `dir`. A directory that cannot be read, holds no such
 * file, or holds no Episodes or Header table is a Left.
 */
export const read903Directory = async (dir: string, options: Read903Options = {}): Promise<E.Either<string[], Read903>> => {
  const listed = list903Files(dir);
  if (E.isLeft(listed)) return listed;
  if (listed.right.length === 0) return E.left([`${dir}: no CSV or Excel (.xlsx) files found (looked in every folder below it); expected the 903 Header and Episodes tables`]);
  return read903Sources(listed.right.map((name) => ({ name, path: join(dir, name) })), options);
};
