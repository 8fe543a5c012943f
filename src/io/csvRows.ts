// CSV records → rows decoded by an io-ts row codec, with every problem reported at once and each
// message naming the file, the line and the column (as a spreadsheet letter and by name), e.g.
//   referrals.csv, line 5, column C (dateOfBirth): expected date as DD/MM/YYYY or YYYY-MM-DD, found "31/02/2015" (no such date; …)
// Header names are matched ignoring case, spaces, underscores and hyphens, and a few aliases are
// accepted (`DOB`, `HOME_POST`). Unknown columns are ignored with a warning; a required column
// missing, or a column given twice, is an error. A row is either decoded or reported: never dropped.
// `decodeTableRows` also keeps the cells that decode in a row with a bad one, so the checks across
// cells and rows (src/matching/referral/input.ts) can run in the same pass as the cell formats.
import { E, t } from '../domain/fp.js';
import { codeKey } from '../domain/csvCells.js';
import type { ColumnDoc } from '../domain/referral.js';
import { renderFound } from '../scenario/decodeErrors.js';
import { editDistance } from '../domain/similar.js';
import type { CsvTable } from './csvParse.js';

/** A row codec (`t.intersection([t.type(required), t.partial(optional)])`) and the docs of its columns, in file order. */
export interface TableFormat<A> {
  /** What one row is, for messages: `referral`, `vacancy`. */
  readonly rowName: string;
  readonly codec: t.Type<A, unknown, unknown>;
  readonly columns: Readonly<Record<string, ColumnDoc>>;
}

export interface DecodedTable<A> {
  readonly file: string;
  readonly rows: readonly A[];
  /** Line of each row in the file. */
  readonly lines: readonly number[];
  /** Where a row's cell is, for messages: `referrals.csv, line 5, column C (dateOfBirth)`. */
  readonly at: (row: number, column?: string) => string;
  /** Things worth knowing that are not errors (ignored columns). */
  readonly warnings: readonly string[];
}

/**
 * Every record of a table, decoded as far as its cells allow: `rows[r]` holds the cells of record
 * `r` that decoded, `bad[r]` names the columns that did not, and `problems` says why, so checks
 * across cells and rows can still run where their cells are good.
 */
export interface PartlyDecodedTable<A> extends Omit<DecodedTable<A>, 'rows'> {
  readonly rows: readonly Partial<A>[];
  readonly bad: readonly ReadonlySet<string>[];
  /** Cell-format problems (and rows of the wrong width), each with its 0-based row, in file order. */
  readonly problems: readonly { readonly row: number; readonly message: string }[];
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Required and optional column names of a row codec, in declaration order. */
export const codecColumns = (codec: t.Mixed): { readonly required: readonly string[]; readonly optional: readonly string[] } => {
  const parts = (codec as unknown as { types?: readonly { _tag?: string; props?: Record<string, unknown> }[] }).types ?? [codec as unknown as { _tag?: string; props?: Record<string, unknown> }];
  const required: string[] = [];
  const optional: string[] = [];
  for (const p of parts) {
    const keys = Object.keys(p.props ?? {});
    if (p._tag === 'PartialType') optional.push(...keys);
    else required.push(...keys);
  }
  return { required, optional };
};

/** The column in the codec a CSV error is about: the deepest context key naming a column. */
const columnOfError = (error: t.ValidationError, names: ReadonlySet<string>): string | undefined => {
  for (let i = error.context.length - 1; i >= 0; i -= 1) {
    const key = error.context[i]?.key;
    if (key !== undefined && names.has(key)) return key;
  }
  return undefined;
};

const describeCodec = (error: t.ValidationError): string => error.context[error.context.length - 1]?.type.name ?? 'a value';

/** The codec of each column of a row codec (`t.intersection` of `t.type` and `t.partial`). */
const columnCodecs = (codec: t.Mixed): ReadonlyMap<string, t.Mixed> => {
  const parts = (codec as unknown as { types?: readonly { props?: Record<string, t.Mixed> }[] }).types ?? [codec as unknown as { props?: Record<string, t.Mixed> }];
  return new Map(parts.flatMap((p) => Object.entries(p.props ?? {})));
};

/**
 * Decode every record of `table` with `format`. Left: every problem found (header problems stop
 * before the rows are read, since the rows cannot be read without the columns).
 */
export const decodeTable = <A>(table: CsvTable, format: TableFormat<A>): E.Either<string[], DecodedTable<A>> => {
  const decoded = decodeTableRows(table, format);
  if (E.isLeft(decoded)) return decoded;
  const d = decoded.right;
  if (d.problems.length > 0) return E.left(d.problems.map((p) => p.message));
  // No problems: every row decoded whole.
  return E.right({ file: d.file, rows: d.rows as readonly A[], lines: d.lines, at: d.at, warnings: d.warnings });
};

/**
 * Decode every record of `table` with `format`, keeping the cells that decode in a row with a
 * bad one. Left: problems with the header (the rows cannot be read without the columns).
 */
export const decodeTableRows = <A>(table: CsvTable, format: TableFormat<A>): E.Either<string[], PartlyDecodedTable<A>> => {
  const { file } = table;
  const { required, optional } = codecColumns(format.codec);
  const all = [...required, ...optional];
  const names = new Set(all);
  const byKey = new Map<string, string>();
  for (const name of all) {
    byKey.set(codeKey(name), name);
    for (const alias of format.columns[name]?.aliases ?? []) byKey.set(codeKey(alias), name);
  }

  const problems: string[] = [];
  const warnings: string[] = [];
  const columnIndex = new Map<string, number>();
  table.header.forEach((h, i) => {
    const where = `${file}, line 1, column ${columnLetter(i)}`;
    if (h === '') {
      if (table.records.some((r) => (r.cells[i] ?? '') !== '')) warnings.push(`${where}: a column with no name was ignored`);
      return;
    }
    const name = byKey.get(codeKey(h));
    if (name === undefined) {
      const near = all.filter((n) => editDistance(codeKey(n), codeKey(h)) <= 2);
      warnings.push(`${where}: column ${renderFound(h)} is not a ${format.rowName} column and was ignored${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}`);
      return;
    }
    const first = columnIndex.get(name);
    if (first !== undefined) {
      problems.push(`${where}: column ${renderFound(h)} repeats column ${columnLetter(first)} (${renderFound(table.header[first])}); give each column once`);
      return;
    }
    columnIndex.set(name, i);
  });
  const missing = required.filter((n) => !columnIndex.has(n));
  if (missing.length > 0) {
    problems.push(`${file}, line 1: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header must name ${required.join(', ')}; found ${table.header.slice(0, 20).map(renderFound).join(', ')}${table.header.length > 20 ? ', …' : ''})`);
  }
  if (problems.length > 0) return E.left(problems);
  if (table.records.length === 0) return E.left([`${file}: no ${format.rowName} rows, only the header line`]);

  const at = (row: number, column?: string): string => {
    const line = table.records[row]?.line ?? 0;
    const index = column === undefined ? undefined : columnIndex.get(column);
    return `${file}, line ${line}${column === undefined ? '' : index === undefined ? ` (${column})` : `, column ${columnLetter(index)} (${column})`}`;
  };

  const rows: Partial<A>[] = [];
  const bad: ReadonlySet<string>[] = [];
  const rowProblems: { row: number; message: string }[] = [];
  const codecs = columnCodecs(format.codec);
  const width = table.header.length;
  table.records.forEach((record, r) => {
    if (record.cells.length !== width) {
      rowProblems.push({ row: r, message: `${file}, line ${record.line}: ${record.cells.length} values, expected ${width} as in the header (a comma inside a value needs the value in double quotes)` });
      rows.push({});
      bad.push(names);
      return;
    }
    const object: Record<string, string> = {};
    for (const [name, i] of columnIndex) {
      const cell = record.cells[i] ?? '';
      if (cell !== '') object[name] = cell;
    }
    const decoded = format.codec.decode(object);
    if (E.isRight(decoded)) {
      rows.push(decoded.right);
      bad.push(new Set());
      return;
    }
    const seen = new Set<string>();
    const failed = new Set<string>();
    for (const error of decoded.left) {
      const column = columnOfError(error, names);
      if (column !== undefined) failed.add(column);
      const value = column === undefined ? undefined : object[column];
      const expected = describeCodec(error);
      const message = value === undefined
        ? `required value missing (expected ${expected})`
        : `expected ${expected}, found ${renderFound(value)}${error.message ? ` (${error.message})` : ''}`;
      const line = `${at(r, column)}: ${message}`;
      if (!seen.has(line)) {
        seen.add(line);
        rowProblems.push({ row: r, message: line });
      }
    }
    // The cells that decode on their own, for the checks across cells and rows.
    const partial: Record<string, unknown> = {};
    for (const [name, cell] of Object.entries(object)) {
      const codec = codecs.get(name);
      const one = failed.has(name) || codec === undefined ? undefined : codec.decode(cell);
      if (one !== undefined && E.isRight(one)) partial[name] = one.right;
    }
    rows.push(partial as Partial<A>);
    bad.push(failed);
  });
  return E.right({ file, rows, lines: table.records.map((x) => x.line), bad, problems: rowProblems, at, warnings });
};
