import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUPPRESSED, formatPublished, suppressCounts, suppressTable, type Published, type PublishedTable,
} from '../../src/metrics/disclosure.js';

/** Counts as child-level tables have them: many zeros and small numbers, some larger ones. */
const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 5, arbitrary: fc.integer({ min: 5, max: 80 }) },
);
const table = (maxRows: number, maxCols: number) =>
  fc.integer({ min: 1, max: maxCols }).chain((cols) => fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: maxRows }));

const published = (t: PublishedTable): Published[] => [
  ...t.cells.flat(), ...(t.rowTotals ?? []), ...(t.columnTotals ?? []), ...(t.grandTotal === undefined ? [] : [t.grandTotal]),
];
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Independent check for a table published with every margin: rows 0..R-1 plus the margin row R,
 * columns 0..C-1 plus the margin column C, each a node whose entries add up; a suppressed entry
 * is an edge. With signed incidence equations, an entry is determined by the published figures
 * exactly when its edge is a bridge of the graph of suppressed edges (it lies on no cycle).
 */
const bridges = (cells: number[][], t: PublishedTable): string[] => {
  const R = cells.length;
  const C = cells[0]!.length;
  const edges: { name: string; a: number; b: number }[] = []; // a: row node, b: column node (offset)
  const col = (c: number): number => R + 1 + c;
  t.cells.forEach((row, r) => row.forEach((p, c) => { if (p === SUPPRESSED) edges.push({ name: `cell ${r},${c}`, a: r, b: col(c) }); }));
  t.rowTotals!.forEach((p, r) => { if (p === SUPPRESSED) edges.push({ name: `row total ${r}`, a: r, b: col(C) }); });
  t.columnTotals!.forEach((p, c) => { if (p === SUPPRESSED) edges.push({ name: `column total ${c}`, a: R, b: col(c) }); });
  if (t.grandTotal === SUPPRESSED) edges.push({ name: 'grand total', a: R, b: col(C) });
  return edges.filter((e, i) => {
    // Is there another path from e.a to e.b without edge i?
    const seen = new Set([e.a]);
    const stack = [e.a];
    while (stack.length > 0) {
      const n = stack.pop()!;
      edges.forEach((f, j) => {
        if (j === i) return;
        const next = f.a === n ? f.b : f.b === n ? f.a : undefined;
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      });
    }
    return !seen.has(e.b);
  }).map((e) => e.name);
};

describe('suppressTable: primary suppression', () => {
  it('hides counts 1–4, shows zeros and counts of 5 or more', () => {
    const t = suppressTable({ cells: [[0, 1, 4, 5, 37]] });
    expect(t.cells).toEqual([[0, SUPPRESSED, SUPPRESSED, 5, 37]]);
    expect([t.primary, t.secondary]).toEqual([2, 0]);
  });

  it('takes the threshold as an option (DfE 2017 tables suppressed 1–5)', () => {
    expect(suppressTable({ cells: [[5, 6]] }, { threshold: 6 }).cells).toEqual([[SUPPRESSED, 6]]);
  });

  it('suppresses a small total too', () => {
    expect(suppressTable({ cells: [[0, 0], [0, 20]], rowTotals: true }).rowTotals).toEqual([0, 20]);
    const t = suppressTable({ cells: [[0, 3], [0, 20]], rowTotals: true, columnTotals: true, grandTotal: true });
    expect(t.rowTotals![0]).toBe(SUPPRESSED);
  });
});

describe('suppressTable: secondary suppression', () => {
  it('a list with its total: the next smallest count is hidden with the small one', () => {
    expect(suppressTable({ cells: [[3, 10, 12]], rowTotals: true }).cells).toEqual([[SUPPRESSED, SUPPRESSED, 12]]);
  });

  it('prefers the smallest cell, zeros included, over a total', () => {
    const t = suppressTable({ cells: [[3, 0, 40]], rowTotals: true });
    expect(t.cells).toEqual([[SUPPRESSED, SUPPRESSED, 40]]);
    expect(t.rowTotals).toEqual([43]);
  });

  it('a 2×2 block of small counts protects itself: nothing more is hidden', () => {
    const t = suppressTable({ cells: [[3, 4, 50], [2, 1, 60], [40, 50, 70]], rowTotals: true, columnTotals: true, grandTotal: true });
    expect(t.cells).toEqual([[SUPPRESSED, SUPPRESSED, 50], [SUPPRESSED, SUPPRESSED, 60], [40, 50, 70]]);
    expect(t.secondary).toBe(0);
  });

  it('two protected blocks joined by one more small count: the joining count would be recoverable, so more is hidden', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are blocks; cell (1,2) = 2 joins them.
    // Each row and column already has two suppressed counts, but (1,2) is on no cycle, so row 1
    // and the block's totals pin it down; the rule must hide more.
    const cells = [[3, 4, 50, 60], [2, 1, 2, 70], [40, 50, 3, 4], [45, 55, 2, 1]];
    const t = suppressTable({ cells, rowTotals: true, columnTotals: true, grandTotal: true });
    expect(t.secondary).toBeGreaterThan(0);
    expect(bridges(cells, t)).toEqual([]);
  });

  it('suppressCounts: a named list with its total', () => {
    expect(suppressCounts({ ifa: 40, secure: 2, other: 7 })).toEqual({ counts: { ifa: 40, secure: SUPPRESSED, other: SUPPRESSED }, total: 49 });
    expect(formatPublished(SUPPRESSED)).toBe('c');
    expect(formatPublished(12)).toBe('12');
  });
});

describe('suppressTable: properties', () => {
  const margins = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean(), grandTotal: fc.boolean() });

  it('no published count is between 1 and 4; every published count is the true one', () => {
    fc.assert(fc.property(table(5, 5), margins, (cells, m) => {
      const t = suppressTable({ cells, ...m });
      for (const p of published(t)) if (p !== SUPPRESSED) expect(p === 0 || p >= 5).toBe(true);
      t.cells.forEach((row, r) => row.forEach((p, c) => { if (p !== SUPPRESSED) expect(p).toBe(cells[r]![c]); }));
      t.rowTotals?.forEach((p, r) => { if (p !== SUPPRESSED) expect(p).toBe(sum(cells[r]!)); });
      t.columnTotals?.forEach((p, c) => { if (p !== SUPPRESSED) expect(p).toBe(sum(cells.map((row) => row[c]!))); });
      if (t.grandTotal !== undefined && t.grandTotal !== SUPPRESSED) expect(t.grandTotal).toBe(sum(cells.flat()));
    }), { numRuns: 300 });
  });

  it('with row, column and grand totals published, no suppressed count can be worked out from them (no suppressed entry is a bridge)', () => {
    fc.assert(fc.property(table(5, 5), (cells) => {
      const t = suppressTable({ cells, rowTotals: true, columnTotals: true, grandTotal: true });
      expect(bridges(cells, t)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('a list with its total never has exactly one suppressed entry (it would be the total minus the rest)', () => {
    fc.assert(fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), (row) => {
      const t = suppressTable({ cells: [row], rowTotals: true });
      const hidden = [...t.cells[0]!, t.rowTotals![0]!].filter((p) => p === SUPPRESSED).length;
      expect(hidden).not.toBe(1);
    }), { numRuns: 300 });
  });

  it('leaves a table with no small counts untouched, and is deterministic', () => {
    fc.assert(fc.property(table(4, 4), margins, (cells, m) => {
      const big = cells.map((row) => row.map((v) => (v > 0 && v < 5 ? v + 5 : v)));
      const t = suppressTable({ cells: big, ...m });
      if (published(t).every((p) => p === 0 || (typeof p === 'number' && p >= 5))) expect(t.primary + t.secondary).toBe(0);
      expect(suppressTable({ cells, ...m })).toEqual(suppressTable({ cells, ...m }));
    }), { numRuns: 200 });
  });
});
