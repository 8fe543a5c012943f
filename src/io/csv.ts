// The one adapter to csv-stringify. Two kinds of CSV:
// - `toCsv`, for people, opened in a spreadsheet: UTF-8 with a byte order mark (so Excel on Windows
//   shows "£", not "Â£"), money to the penny, and text that a spreadsheet would run as a formula
//   neutralised as OWASP recommends;
// - `toDataCsv`, for programs (the synthetic SSDA903 return): the cells exactly as given, no BOM.
// Both: `\n` line endings and a fixed number format, so the same rows always give the same bytes.
import { stringify } from 'csv-stringify/sync';

/** A money cell: pounds, written to the penny. Make one with `money`. */
export interface Money {
  readonly pounds: number;
}

export type CsvCell = string | number | Money | undefined;

export interface CsvOptions {
  /** Header names of columns whose numbers are money (written to the penny, like `Money` cells). */
  readonly moneyColumns?: readonly string[];
}

/** The UTF-8 byte order mark every CSV for people starts with. */
export const BOM = '\uFEFF';

const MAX_DECIMALS = 6;

/**
 * A number as CSV text: integers as they are (`42`, `-7`), other numbers rounded to at most six
 * decimal places with trailing zeros removed (`0.1`, `2.333333`, `1e-7` → `0`). Deterministic.
 * NaN and ±Infinity are bugs upstream, not data: they throw.
 *
 * @example formatNumber(1 / 3) // '0.333333'
 */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) throw new Error(`formatNumber: expected a finite number, got ${String(n)}`);
  if (Number.isInteger(n)) return Object.is(n, -0) ? '0' : String(n);
  const fixed = n.toFixed(MAX_DECIMALS).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
};

/**
 * Pounds as CSV text to the penny, always with two decimals: `1234.5` → `1234.50`, `-0.004` →
 * `0.00`. Halves round away from zero on the decimal value (`1.005` → `1.01`, although 1.005 is
 * stored a hair below). No thousands separator and no `£`, so every spreadsheet reads a number.
 *
 * @example formatMoney(52011.23456) // '52011.23'
 */
export const formatMoney = (pounds: number): string => {
  if (!Number.isFinite(pounds)) throw new Error(`formatMoney: expected a finite number, got ${String(pounds)}`);
  // 15 significant digits undo the binary error of × 100 (100.49999999999999 → 100.5) before rounding.
  const pence = Math.round(Number((Math.abs(pounds) * 100).toPrecision(15)));
  if (pence === 0) return '0.00';
  return `${pounds < 0 ? '-' : ''}${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
};

/** A money cell; null or undefined (a statistic not defined this year) is an empty cell. */
export const money = (pounds: number | null | undefined): CsvCell => (pounds === null || pounds === undefined ? undefined : { pounds });

// What makes a spreadsheet read text as a formula (OWASP "CSV Injection"; ASVS 1.2.10): a first
// character `=`, `+`, `-`, `@`, tab, carriage return or NUL. Also caught, to be safe with readers
// that trim cells (this project's own, LibreOffice's "trim spaces"): those signs after leading
// white space, and their full-width forms (＝ ＋ － ＠), which Excel in East Asian locales accepts.
const SIGNS = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const TRIGGER = `[${SIGNS}\\t\\r\\0]|\\s+[${SIGNS}]`;
const FORMULA = new RegExp(`^(?:${TRIGGER})`, 'u');
const NEUTRALISED = new RegExp(`^'(?:${TRIGGER})`, 'u');

/** True when a spreadsheet would read this text as a formula. */
export const looksLikeFormula = (text: string): boolean => FORMULA.test(text);

/**
 * Text a spreadsheet would run as a formula, made inert as OWASP recommends: prefixed with a single
 * quote (`toCsv` also quotes the cell). Other text is unchanged. For text cells only: numbers are
 * written by `toCsv` as numbers, so a difference of -3.2 stays a number.
 *
 * @example neutraliseFormula('=1+2') // "'=1+2"
 * @example neutraliseFormula('+10 in-house carers') // "'+10 in-house carers"
 */
export const neutraliseFormula = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

const isMoney = (cell: CsvCell): cell is Money => typeof cell === 'object';

const dataCellText = (cell: CsvCell): string =>
  typeof cell === 'number' ? formatNumber(cell) : isMoney(cell) ? formatMoney(cell.pounds) : cell ?? '';

/**
 * CSV for people. A header row, then the rows; every line ends with `\n` and the text starts with a
 * UTF-8 BOM. Numbers are numbers (`formatNumber`, or `formatMoney` in `moneyColumns` and for
 * `Money` cells); text that would run as a formula is neutralised (`neutraliseFormula`) and quoted.
 * Fields are also quoted when they contain a comma, a quote, a line break, a semicolon or a tab (so
 * a spreadsheet that splits on `;` or tabs keeps the cell whole); an undefined cell is empty.
 *
 * @example toCsv(['id', 'weeklyCost'], [['=1+2', 520]], { moneyColumns: ['weeklyCost'] }) // '\uFEFFid,weeklyCost\n"\'=1+2",520.00\n'
 */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string => {
  const moneyAt = new Set((options.moneyColumns ?? []).map((name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`toCsv: money column ${name} is not in the header`);
    return i;
  }));
  const cellText = (cell: CsvCell, i: number): string =>
    typeof cell === 'number' ? (moneyAt.has(i) ? formatMoney(cell) : formatNumber(cell))
      : isMoney(cell) ? formatMoney(cell.pounds) : neutraliseFormula(cell ?? '');
  return stringify([header.map(neutraliseFormula), ...rows.map((row) => row.map(cellText))], {
    bom: true,
    record_delimiter: 'unix',
    quoted_match: [/\r/, /[;\t]/, NEUTRALISED],
  });
};

/**
 * CSV for programs: cells exactly as given (numbers by `formatNumber`), no BOM, no formula
 * neutralisation. Fields are quoted when they contain a comma, a quote, a line feed or a carriage
 * return; an undefined cell is empty. Every line ends with `\n`.
 *
 * @example toDataCsv(['a', 'b'], [[1, 'x,y']]) // 'a,b\n1,"x,y"\n'
 */
export const toDataCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  stringify([header.map(dataCellText), ...rows.map((row) => row.map(dataCellText))], {
    record_delimiter: 'unix',
    quoted_match: /\r/,
  });
