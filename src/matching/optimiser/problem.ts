// The joint assignment problem: referrals (rows: a child, or a sibling group placed together) to
// vacancies (columns: a household or home with a number of free places), the answer, and the
// sparse form (CSR) every solver works on. Generic and pure, no domain dependencies; the
// objective and the methods are described in optimal.ts.

export interface AssignmentProblem {
  readonly rows: number; // referrals
  readonly cols: number; // vacancies
  readonly rowSize: readonly number[]; // places a referral needs (1, or sibling-group size)
  readonly colCapacity: readonly number[]; // free places of each vacancy
  /** Score of placing row i in column j, or undefined if the pair is not allowed (hard constraint). Higher is better. May be called many times; callers pass a cheap function or precomputed sparse lists. */
  readonly score: (row: number, col: number) => number | undefined;
  /** Optional: the allowed columns of each row (sparse candidate lists); when given, only these are considered. */
  readonly candidates?: readonly (readonly number[])[];
}

export interface Assignment {
  readonly colOfRow: readonly (number | undefined)[];
  readonly totalScore: number;
  readonly assignedCount: number;
}

export type AssignmentMethod = 'min-cost-flow' | 'branch-and-bound' | 'heuristic';

export interface DetailedAssignment extends Assignment {
  /** Which method produced the answer (see optimal.ts). */
  readonly method: AssignmentMethod;
  /** True when the answer is proven optimal for the lexicographic objective. */
  readonly exact: boolean;
  /** An upper bound on the optimum: the answer itself when exact, else the root flow relaxation (groups needing one place). */
  readonly upperBound: Pick<Assignment, 'assignedCount' | 'totalScore'>;
}

export interface OptimalOptions {
  /** Extra row orders (e.g. by urgency) whose greedy result the answer must not be worse than. */
  readonly baselineOrders?: readonly (readonly number[])[];
  /** Work budget of the branch and bound (heap pops + arcs scanned by its flow solves; roughly 2–5e7 per second). Default 2e7. 0 evaluates the root relaxation only. */
  readonly exactWorkBudget?: number;
  /** Passes of group local improvement in the heuristic. Default 2. */
  readonly improvementPasses?: number;
  /** Full columns tried per group insertion (columns with room are always all considered). Default 24. */
  readonly maxTrialsPerGroup?: number;
  /** Columns held by other groups that the local search tries to take for each group, per pass. Default 6. */
  readonly ejectionColumns?: number;
  /** Work budget of the heuristic after its first exact solve of the size-1 rows (same unit as `exactWorkBudget`); past it, group insertions try one full column and the remaining starts and local search are skipped. Default 4e7. */
  readonly heuristicWorkBudget?: number;
}

/** Lexicographic comparison: positive when `a` is better (more rows assigned, then higher score). */
export const compareAssignments = (
  a: Pick<Assignment, 'assignedCount' | 'totalScore'>,
  b: Pick<Assignment, 'assignedCount' | 'totalScore'>,
): number => (a.assignedCount !== b.assignedCount ? a.assignedCount - b.assignedCount : a.totalScore - b.totalScore);

// ---------------------------------------------------------------------------------------------
// Sparse representation (CSR): the allowed edges of each row, sorted by column index.

export interface Csr {
  readonly R: number;
  readonly C: number;
  readonly start: Int32Array; // R + 1
  readonly col: Int32Array; // E
  readonly score: Float64Array; // E
  readonly row: Int32Array; // E: the row of each edge
  readonly size: Int32Array; // R
  readonly cap: Int32Array; // C
  readonly tol: number;
}

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

export const buildCsr = (p: AssignmentProblem): Csr => {
  const R = p.rows;
  const C = p.cols;
  if (!isCount(R) || !isCount(C)) throw new RangeError('rows and cols must be non-negative integers');
  if (p.rowSize.length !== R) throw new RangeError(`rowSize has ${p.rowSize.length} entries, expected ${R}`);
  if (p.colCapacity.length !== C) throw new RangeError(`colCapacity has ${p.colCapacity.length} entries, expected ${C}`);
  if (p.candidates !== undefined && p.candidates.length !== R) throw new RangeError(`candidates has ${p.candidates.length} lists, expected ${R}`);
  const size = new Int32Array(R);
  for (let i = 0; i < R; i++) {
    const s = p.rowSize[i]!;
    if (!Number.isInteger(s) || s < 1 || s > 0x3fffffff) throw new RangeError(`rowSize[${i}] must be an integer >= 1, got ${s}`);
    size[i] = s;
  }
  const cap = new Int32Array(C);
  for (let j = 0; j < C; j++) {
    const c = p.colCapacity[j]!;
    if (!isCount(c) || c > 0x3fffffff) throw new RangeError(`colCapacity[${j}] must be an integer >= 0, got ${c}`);
    cap[j] = c;
  }
  const start = new Int32Array(R + 1);
  let colBuf = new Int32Array(Math.max(16, Math.min(R * C, 1 << 16)));
  let scoreBuf = new Float64Array(colBuf.length);
  let E = 0;
  const mark = new Int32Array(C).fill(-1);
  let maxAbs = 0;
  const push = (j: number, s: number): void => {
    if (E === colBuf.length) {
      const nc = new Int32Array(colBuf.length * 2);
      nc.set(colBuf);
      colBuf = nc;
      const ns = new Float64Array(scoreBuf.length * 2);
      ns.set(scoreBuf);
      scoreBuf = ns;
    }
    colBuf[E] = j;
    scoreBuf[E] = s;
    E++;
  };
  for (let i = 0; i < R; i++) {
    start[i] = E;
    const k = size[i]!;
    const list = p.candidates?.[i];
    const n = list === undefined ? C : list.length;
    let sorted = true;
    let last = -1;
    for (let t = 0; t < n; t++) {
      const j = list === undefined ? t : list[t]!;
      if (!Number.isInteger(j) || j < 0 || j >= C) throw new RangeError(`candidates[${i}] contains ${j}, not a column index`);
      if (mark[j] === i) continue; // duplicate
      mark[j] = i;
      if (cap[j]! < k) continue;
      const s = p.score(i, j);
      if (s === undefined) continue;
      if (typeof s !== 'number' || !Number.isFinite(s)) throw new RangeError(`score(${i}, ${j}) must be a finite number or undefined, got ${String(s)}`);
      if (j < last) sorted = false;
      last = j;
      push(j, s);
      const a = Math.abs(s);
      if (a > maxAbs) maxAbs = a;
    }
    if (!sorted) {
      const a = start[i]!;
      const idx = Array.from({ length: E - a }, (_, t) => a + t).sort((x, y) => colBuf[x]! - colBuf[y]!);
      const cs = idx.map((x) => colBuf[x]!);
      const ss = idx.map((x) => scoreBuf[x]!);
      for (let t = 0; t < idx.length; t++) {
        colBuf[a + t] = cs[t]!;
        scoreBuf[a + t] = ss[t]!;
      }
    }
  }
  start[R] = E;
  const row = new Int32Array(E);
  for (let i = 0; i < R; i++) row.fill(i, start[i]!, start[i + 1]!);
  return { R, C, start, col: colBuf.slice(0, E), score: scoreBuf.slice(0, E), row, size, cap, tol: 1e-11 * (1 + maxAbs) };
};

/**
 * Drops edges no optimal solution needs. Other rows occupy at most D = (total size of placeable
 * rows) − size(r) places, and they block a column j for row r only by taking at least
 * cap_j − size(r) + 1 of its places. So in the shortest prefix of r's columns by descending score
 * with Σ (cap_j − size(r) + 1) > D, some column always has room for r; if r sat in a column
 * outside the prefix, moving it there would keep the count and not lower the score. The pruned
 * instance therefore has the same optimum (and its relaxations bound the original's).
 */
export const pruneCsr = (csr: Csr): Csr => {
  const { R, start, col, score, size, cap } = csr;
  const E = col.length;
  let demand = 0;
  for (let r = 0; r < R; r++) if (start[r + 1]! > start[r]!) demand += size[r]!;
  const keep = new Uint8Array(E);
  let kept = 0;
  for (let r = 0; r < R; r++) {
    const a = start[r]!;
    const b = start[r + 1]!;
    const k = size[r]!;
    const need = demand - k;
    let total = 0;
    for (let e = a; e < b; e++) total += cap[col[e]!]! - k + 1;
    if (total <= need) {
      keep.fill(1, a, b);
      kept += b - a;
      continue;
    }
    const idx = Array.from({ length: b - a }, (_, t) => a + t).sort((x, y) => score[y]! - score[x]! || x - y);
    let acc = 0;
    for (const e of idx) {
      keep[e] = 1;
      kept++;
      acc += cap[col[e]!]! - k + 1;
      if (acc > need) break;
    }
  }
  if (kept === E) return csr;
  const nStart = new Int32Array(R + 1);
  const nCol = new Int32Array(kept);
  const nScore = new Float64Array(kept);
  const nRow = new Int32Array(kept);
  let t = 0;
  for (let r = 0; r < R; r++) {
    nStart[r] = t;
    for (let e = start[r]!; e < start[r + 1]!; e++) {
      if (keep[e] === 0) continue;
      nCol[t] = col[e]!;
      nScore[t] = score[e]!;
      nRow[t] = r;
      t++;
    }
  }
  nStart[R] = t;
  return { ...csr, start: nStart, col: nCol, score: nScore, row: nRow };
};

/** Edge index of (r, c) in `csr`, or -1. */
const edgeOfPair = (csr: Csr, r: number, c: number): number => {
  let lo = csr.start[r]!;
  let hi = csr.start[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = csr.col[mid]!;
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
};

/** A solution of `from` re-expressed in `to` (pairs missing from `to` become unassigned). */
export const translate = (from: Csr, to: Csr, sol: Sol): Sol => {
  const edgeOf = new Int32Array(from.R).fill(-1);
  for (let r = 0; r < from.R; r++) {
    const e = sol.edgeOf[r]!;
    if (e >= 0) edgeOf[r] = edgeOfPair(to, r, from.col[e]!);
  }
  return evaluate(to, edgeOf);
};

export interface Sol {
  readonly edgeOf: Int32Array; // edge index per row, -1 when unassigned
  readonly count: number;
  readonly score: number;
}

export const evaluate = (csr: Csr, edgeOf: Int32Array): Sol => {
  let count = 0;
  let score = 0;
  for (let r = 0; r < csr.R; r++) {
    const e = edgeOf[r]!;
    if (e >= 0) {
      count++;
      score += csr.score[e]!;
    }
  }
  return { edgeOf, count, score };
};

/** Strictly better in the lexicographic objective (with a tolerance on the score when `tol` > 0). */
export const betterThan = (ac: number, as: number, bc: number, bs: number, tol = 0): boolean => ac > bc || (ac === bc && as > bs + tol);

export const toAssignment = (csr: Csr, sol: Sol): Assignment => {
  const colOfRow: (number | undefined)[] = new Array<number | undefined>(csr.R);
  for (let r = 0; r < csr.R; r++) {
    const e = sol.edgeOf[r]!;
    colOfRow[r] = e >= 0 ? csr.col[e]! : undefined;
  }
  return { colOfRow, totalScore: sol.score, assignedCount: sol.count };
};
