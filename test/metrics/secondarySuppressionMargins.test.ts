// Secondary suppression with each kind of published margin (row totals, column totals, the grand
// total alone or with either), ragged lists, and the order in which the next count is chosen:
// cells before totals, the smallest first, ties in reading order, and only counts that share an
// equation with the exposed one. Worked by hand from the rule in src/metrics/disclosure.ts.
// (Issue 13, item 3: kills the mutants of the equation set-up and the choice of the next count.)
import { describe, expect, it } from 'vitest';
import { SUPPRESSED as c, suppressTable } from '../../src/metrics/disclosure.js';
import { metricIndex, metricKey } from '../../src/domain/metricCatalog.js';

describe('which count is hidden next', () => {
  it('of two equal counts, the first in reading order', () => {
    expect(suppressTable({ cells: [[3, 10, 10]], rowTotals: true })).toEqual({ cells: [[c, c, 10]], rowTotals: [23], primary: 1, secondary: 1 });
  });

  it('only a count sharing an equation with the exposed one, not a smaller one elsewhere', () => {
    // row 1 protects itself (two small cells); row 0 exposes its 3, and only its 40 may hide it
    expect(suppressTable({ cells: [[3, 40], [2, 2, 6]], rowTotals: true })).toEqual({
      cells: [[c, c], [c, c, 6]], rowTotals: [43, 10], primary: 3, secondary: 1,
    });
  });

  it('a cell before a smaller column total', () => {
    // the 3 is exposed by row 0 (3 + 50 = 53); column 0's total (5) is smaller than the 50, but cells go first
    const t = suppressTable({ cells: [[3, 50], [2, 60]], rowTotals: true, columnTotals: true });
    expect(t).toEqual({ cells: [[c, c], [c, c]], rowTotals: [c, 62], columnTotals: [c, 110], primary: 2, secondary: 4 });
  });

  it('a cell before a smaller row total', () => {
    // the 3 is exposed by column 0 (3 + 60 = 63); row 0's total (5) is smaller than the 60, but cells go first
    const t = suppressTable({ cells: [[3, 2], [60, 70]], rowTotals: true, columnTotals: true });
    expect(t).toEqual({ cells: [[c, c], [c, c]], rowTotals: [c, 130], columnTotals: [c, 72], primary: 2, secondary: 4 });
  });
});

describe('the next count, where the choice changes the published table', () => {
  // Found by comparing the rule with altered copies of it on random tables (issue 13, item 3);
  // each table is one where choosing otherwise publishes something different.
  it('a zero cell before a column total of the same size', () => {
    // the 2 (and its column total) are hidden; the zero beside it goes next, before any total
    expect(suppressTable({ cells: [[0, 6, 2]], rowTotals: true, columnTotals: true, grandTotal: true })).toEqual({
      cells: [[c, c, c]], rowTotals: [8], columnTotals: [c, c, c], grandTotal: 8, primary: 2, secondary: 4,
    });
  });

  it('a column total before a larger row total (both are totals)', () => {
    expect(suppressTable({ cells: [[10, 4]], rowTotals: true, columnTotals: true, grandTotal: true })).toEqual({
      cells: [[c, c]], rowTotals: [14], columnTotals: [c, c], grandTotal: 14, primary: 2, secondary: 2,
    });
  });

  it('a row total enters its row with the opposite sign to the cells', () => {
    expect(suppressTable({ cells: [[0, 3]], rowTotals: true, columnTotals: true, grandTotal: true })).toEqual({
      cells: [[0, c]], rowTotals: [c], columnTotals: [0, c], grandTotal: c, primary: 4, secondary: 0,
    });
  });

  it('equal counts are taken in reading order, not in the order the equations list them', () => {
    // the two totals of 47 (row 1, column 0) tie; the row total comes first in reading order
    expect(suppressTable({ cells: [[4, 54, 0], [43, 0, 4]], rowTotals: true, columnTotals: true })).toEqual({
      cells: [[c, c, c], [c, c, c]], rowTotals: [58, c], columnTotals: [47, 54, c], primary: 3, secondary: 5,
    });
  });

  it('ragged rows: a short row is simply absent from the longer columns\' equations', () => {
    expect(suppressTable({ cells: [[30, 40], [20, 3], [10]], columnTotals: true })).toEqual({
      cells: [[30, c], [20, c], [10]], columnTotals: [60, 43], primary: 1, secondary: 1,
    });
  });
});

describe('margins', () => {
  it('row totals with the grand total: a small row total is exposed by the grand total', () => {
    // 2 + 1 = 3 is hidden; 3 = 53 − 50 through the grand total, so 50 is hidden, then 53, then 20
    expect(suppressTable({ cells: [[2, 1], [20, 30]], rowTotals: true, grandTotal: true })).toEqual({
      cells: [[c, c], [c, 30]], rowTotals: [c, c], grandTotal: c, primary: 3, secondary: 3,
    });
  });

  it('column totals with the grand total: a small column total is exposed by the grand total', () => {
    expect(suppressTable({ cells: [[2, 20], [1, 30]], columnTotals: true, grandTotal: true })).toEqual({
      cells: [[c, c], [c, 30]], columnTotals: [c, c], grandTotal: c, primary: 3, secondary: 3,
    });
  });

  it('the grand total alone: it is the sum of the cells', () => {
    expect(suppressTable({ cells: [[3, 10]], grandTotal: true })).toEqual({ cells: [[c, c]], grandTotal: 13, primary: 1, secondary: 1 });
  });

  it('a hidden grand total equal to a hidden count, with a zero beside it: nothing more is hidden', () => {
    // 3 and the 3 of the margins are all hidden; the zeros stay (a zero identifies no child)
    expect(suppressTable({ cells: [[3, 0]], grandTotal: true })).toEqual({ cells: [[c, 0]], grandTotal: c, primary: 2, secondary: 0 });
    expect(suppressTable({ cells: [[3, 0]], rowTotals: true, grandTotal: true })).toEqual({ cells: [[c, 0]], rowTotals: [c], grandTotal: c, primary: 3, secondary: 0 });
    expect(suppressTable({ cells: [[3, 0]], columnTotals: true, grandTotal: true })).toEqual({ cells: [[c, 0]], columnTotals: [c, 0], grandTotal: c, primary: 3, secondary: 0 });
  });

  it('ragged rows with column totals: a short row has no cell in the longer columns', () => {
    expect(suppressTable({ cells: [[3], [10, 20]], columnTotals: true })).toEqual({ cells: [[c], [c, 20]], columnTotals: [13, 20], primary: 1, secondary: 1 });
  });
});

describe('metric ids', () => {
  it('joins a nested path with dots, and names an unknown id in the error', () => {
    expect(metricKey(metricIndex('costByPlacementType.ifa'))).toBe('costByPlacementType.ifa');
    expect(() => metricIndex('nope.x')).toThrow('internal: unknown metric nope.x');
  });
});
