// Small helpers for building workbook sheets as data (see xlsx.ts): headings, numbers with a
// format, column widths that fit their text.
import type { CellInput, ColumnSpec } from './xlsx.js';

export const heading = (value: string): CellInput => ({ value, bold: true });

/** A number with its format; null or undefined (a figure not defined) is an empty cell, never 0. */
export const figure = (value: number | null | undefined, format: string): CellInput =>
  value === null || value === undefined ? null : { value, format };

const textLength = (c: CellInput): number => {
  if (c === null) return 0;
  if (typeof c === 'string') return c.length;
  if (typeof c === 'number') return 10;
  return typeof c.value === 'string' ? c.value.length : c.value === null ? 0 : 12;
};

/**
 * A width per column that fits the longest text in the given rows (the table's header and body:
 * pass no title or footnote, or column A grows to hold a sentence), between `min` and `max` characters.
 */
export const fittedColumns = (
  rows: readonly (readonly CellInput[])[], { min = 8, max = 60 }: { min?: number; max?: number } = {},
): ColumnSpec[] => {
  const n = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: n }, (_, c) => {
    const longest = Math.max(0, ...rows.map((r) => textLength(r[c] ?? null)));
    return { width: Math.min(max, Math.max(min, longest + 2)) };
  });
};
