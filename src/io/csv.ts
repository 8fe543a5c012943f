// The one adapter to csv-stringify: a header and rows → CSV text with `\n` line endings and a
// fixed number format, so the same rows always give the same bytes.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | undefined;

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

const cellText = (cell: CsvCell): string => (typeof cell === 'number' ? formatNumber(cell) : cell ?? '');

/**
 * CSV with a header row. Fields are quoted when they contain a comma, a quote, a line feed or a
 * carriage return; an undefined cell is empty. Every line ends with `\n`.
 *
 * @example toCsv(['a', 'b'], [[1, 'x,y']]) // 'a,b\n1,"x,y"\n'
 */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  stringify([header.map(cellText), ...rows.map((row) => row.map(cellText))], {
    record_delimiter: 'unix',
    quoted_match: /\r/,
  });
