// Disclosure control for counts derived from child-level data (SSDA903), as published
// statistics do it. Pure.
//
// The rule (`suppressTable`):
//   1. Primary suppression: every published count from 1 to 4 (0 < n < 5, the threshold) is
//      replaced by `c`. This applies to totals as well as cells. Zeros are shown as 0: a true
//      zero identifies no child (DfE: "where any number is shown as zero, the original figure
//      submitted was zero").
//   2. Secondary suppression: the published totals must not let anyone work a suppressed
//      count out. Every total gives an equation (a row's cells add up to its row total, a
//      column's to its column total, the row totals and the column totals each to the grand
//      total). A suppressed count is "recoverable" when some combination of those equations
//      pins it down — one suppressed cell alone in a row, or subtler patterns across rows and
//      columns. While any suppressed count is recoverable, the smallest count sharing an
//      equation with it is suppressed too (DfE: "suppress the next smallest data item"; ties
//      go to the first in reading order, cells before totals). The check is exact linear
//      algebra (Gaussian elimination on the equations restricted to the suppressed counts), so
//      when it ends no suppressed count is determined by the published figures.
//
// DfE's 2017 tables suppressed 1–5 (threshold 6) and wrote `x`; current DfE tables write `c`.
// The threshold is an option; the issue asks for counts below 5.
export const SUPPRESSED = 'c' as const;
export type Published = number | typeof SUPPRESSED;

export const DEFAULT_THRESHOLD = 5;

export interface CountTable {
  /** Counts, rows × columns (rows may have one cell: a list). */
  readonly cells: readonly (readonly number[])[];
  /** Publish each row's total. */
  readonly rowTotals?: boolean;
  /** Publish each column's total. */
  readonly columnTotals?: boolean;
  /** Publish the grand total. */
  readonly grandTotal?: boolean;
}

export interface PublishedTable {
  readonly cells: Published[][];
  readonly rowTotals?: Published[];
  readonly columnTotals?: Published[];
  readonly grandTotal?: Published;
  readonly primary: number;
  readonly secondary: number;
}

export interface DisclosureOptions {
  /** Counts from 1 to threshold − 1 are suppressed (default 5). */
  readonly threshold?: number;
}

/** An entry of the table: a cell, a row total, a column total or the grand total. */
interface Entry {
  readonly value: number;
  /** Cells first, then row totals, column totals, grand total: the order ties are broken in. */
  readonly rank: number;
  readonly isTotal: boolean;
}

/** Every published entry and every equation linking them (coefficients ±1). */
interface System {
  readonly entries: Entry[];
  readonly equations: { entry: number; coefficient: number }[][];
  readonly cellIndex: (r: number, c: number) => number;
  readonly rowTotalIndex: (r: number) => number;
  readonly columnTotalIndex: (c: number) => number;
  readonly grandIndex: number;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const systemOf = (t: CountTable): System => {
  const cols = Math.max(0, ...t.cells.map((r) => r.length));
  const entries: Entry[] = [];
  const cellAt: number[][] = t.cells.map((row) => row.map((v) => {
    entries.push({ value: v, rank: entries.length, isTotal: false });
    return entries.length - 1;
  }));
  const rowTotalAt = t.rowTotals ? t.cells.map((row) => {
    entries.push({ value: sum(row), rank: entries.length, isTotal: true });
    return entries.length - 1;
  }) : [];
  const columnTotalAt = t.columnTotals ? Array.from({ length: cols }, (_, c) => {
    entries.push({ value: sum(t.cells.map((row) => row[c] ?? 0)), rank: entries.length, isTotal: true });
    return entries.length - 1;
  }) : [];
  let grandIndex = -1;
  if (t.grandTotal) {
    entries.push({ value: sum(t.cells.map(sum)), rank: entries.length, isTotal: true });
    grandIndex = entries.length - 1;
  }
  const equations: { entry: number; coefficient: number }[][] = [];
  if (t.rowTotals) {
    t.cells.forEach((row, r) => equations.push([...row.map((_, c) => ({ entry: cellAt[r]![c]!, coefficient: 1 })), { entry: rowTotalAt[r]!, coefficient: -1 }]));
  }
  if (t.columnTotals) {
    for (let c = 0; c < cols; c++) {
      const members = t.cells.flatMap((row, r) => (c < row.length ? [{ entry: cellAt[r]![c]!, coefficient: 1 }] : []));
      equations.push([...members, { entry: columnTotalAt[c]!, coefficient: -1 }]);
    }
  }
  if (grandIndex >= 0) {
    const grand = { entry: grandIndex, coefficient: -1 };
    if (t.rowTotals) equations.push([...rowTotalAt.map((e) => ({ entry: e, coefficient: 1 })), grand]);
    if (t.columnTotals) equations.push([...columnTotalAt.map((e) => ({ entry: e, coefficient: 1 })), grand]);
    if (!t.rowTotals && !t.columnTotals) equations.push([...cellAt.flat().map((e) => ({ entry: e, coefficient: 1 })), grand]);
  }
  return {
    entries, equations,
    cellIndex: (r, c) => cellAt[r]![c]!,
    rowTotalIndex: (r) => rowTotalAt[r]!,
    columnTotalIndex: (c) => columnTotalAt[c]!,
    grandIndex,
  };
};

const EPS = 1e-9;

/**
 * Suppressed entries that the published figures determine: `e_v` lies in the row space of the
 * equations restricted to the suppressed entries. Reduced row echelon form, then each unit
 * vector is reduced against it.
 */
export const recoverable = (equations: readonly { entry: number; coefficient: number }[][], suppressed: readonly number[]): number[] => {
  const column = new Map(suppressed.map((e, i) => [e, i]));
  const n = suppressed.length;
  const rows: number[][] = [];
  for (const eq of equations) {
    const row = new Array<number>(n).fill(0);
    let any = false;
    for (const { entry, coefficient } of eq) {
      const i = column.get(entry);
      if (i !== undefined) {
        row[i]! += coefficient;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  // Reduced row echelon form.
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < EPS) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]![c]!;
    for (let k = 0; k < n; k++) rows[r]![k]! /= pivot;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]!;
      if (Math.abs(f) < EPS) continue;
      for (let k = 0; k < n; k++) rows[i]![k]! -= f * rows[r]![k]!;
    }
    pivots.push(c);
    r++;
  }
  // A vector in the row space has, at each pivot column, the coefficient of that pivot's row; so
  // e_v is in it exactly when v is a pivot column and that row is e_v itself.
  const determined: number[] = [];
  pivots.forEach((c, i) => {
    const row = rows[i]!;
    if (row.every((x, k) => (k === c ? Math.abs(x - 1) < EPS : Math.abs(x) < EPS))) determined.push(suppressed[c]!);
  });
  return determined;
};

/**
 * Suppress small counts (primary) and whatever else would let them be worked out from the
 * published totals (secondary). Unsuppressed counts are published unchanged.
 *
 * @example suppressTable({ cells: [[3, 10, 12]], rowTotals: true }).cells // [['c', 'c', 12]]
 */
export const suppressTable = (t: CountTable, options: DisclosureOptions = {}): PublishedTable => {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const sys = systemOf(t);
  const hidden = sys.entries.map((e) => e.value > 0 && e.value < threshold);
  const primary = hidden.filter(Boolean).length;
  let secondary = 0;
  const inEquationWith = (v: number): Set<number> => {
    const out = new Set<number>();
    for (const eq of sys.equations) if (eq.some((x) => x.entry === v)) for (const x of eq) out.add(x.entry);
    return out;
  };
  const pickSmallest = (candidates: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const c of candidates) {
      if (hidden[c]) continue;
      const e = sys.entries[c]!;
      if (best === undefined) { best = c; continue; }
      const b = sys.entries[best]!;
      if (e.isTotal !== b.isTotal ? !e.isTotal : e.value !== b.value ? e.value < b.value : e.rank < b.rank) best = c;
    }
    return best;
  };
  for (let guard = 0; guard <= sys.entries.length; guard++) {
    const suppressed = sys.entries.map((_, i) => i).filter((i) => hidden[i]);
    const exposed = recoverable(sys.equations, suppressed).sort((a, b) => a - b);
    const first = exposed[0];
    if (first === undefined) break;
    // The smallest published count sharing an equation with it; failing that, anywhere linked.
    let next = pickSmallest(inEquationWith(first));
    if (next === undefined) {
      const linked = new Set<number>();
      for (const s of suppressed) for (const x of inEquationWith(s)) linked.add(x);
      next = pickSmallest(linked);
    }
    if (next === undefined) break; // everything linked is already suppressed: nothing is published to recover from
    hidden[next] = true;
    secondary++;
  }
  const show = (i: number): Published => (hidden[i] ? SUPPRESSED : sys.entries[i]!.value);
  return {
    cells: t.cells.map((row, r) => row.map((_, c) => show(sys.cellIndex(r, c)))),
    ...(t.rowTotals ? { rowTotals: t.cells.map((_, r) => show(sys.rowTotalIndex(r))) } : {}),
    ...(t.columnTotals ? { columnTotals: Array.from({ length: Math.max(0, ...t.cells.map((r) => r.length)) }, (_, c) => show(sys.columnTotalIndex(c))) } : {}),
    ...(t.grandTotal ? { grandTotal: show(sys.grandIndex) } : {}),
    primary,
    secondary,
  };
};

/**
 * A list of counts with its total (for example children in care by placement type), suppressed
 * as a one-row table.
 *
 * @example suppressCounts({ ifa: 40, secure: 2, other: 7 }) // { counts: { ifa: 40, secure: 'c', other: 'c' }, total: 49 }
 */
export const suppressCounts = <K extends string>(
  counts: Readonly<Record<K, number>>, options: DisclosureOptions = {},
): { counts: Record<K, Published>; total: Published } => {
  const keys = Object.keys(counts) as K[];
  const t = suppressTable({ cells: [keys.map((k) => counts[k])], rowTotals: true }, options);
  return {
    counts: Object.fromEntries(keys.map((k, i) => [k, t.cells[0]![i]!])) as Record<K, Published>,
    total: t.rowTotals![0]!,
  };
};

/** A published count as text: the number, or `c`. */
export const formatPublished = (p: Published): string => (p === SUPPRESSED ? SUPPRESSED : String(p));
