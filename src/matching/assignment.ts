/**
 * Joint assignment of referrals (rows: a child, or a sibling group placed together) to vacancies
 * (columns: a household or home with a number of free places). Pure, deterministic, no domain
 * dependencies.
 *
 * OBJECTIVE (lexicographic, exactly as implemented everywhere in this file):
 *   1. maximise the number of assigned rows (a shortfall is worse than any placement, whatever
 *      its score — a child placed matters more than a better score);
 *   2. among assignments with that many rows, maximise the total score.
 * No big-M constant is used: the solvers compare (count, score) pairs, so the order is exact for
 * any finite scores (sums are floating point; see "Precision" below).
 *
 * CONSTRAINTS: a row may only go to a column where `score(row, col)` is defined (and, when
 * `candidates` is given, that is listed for the row); a row of size k goes wholly into ONE column
 * (siblings together); the sizes of the rows in a column never exceed its capacity. Any row may be
 * left unassigned.
 *
 * PREPROCESSING (exact): each row keeps only the shortest prefix of its columns, by descending
 * score, that the other rows cannot all block (see `pruneCsr`); the optimum is unchanged.
 *
 * METHODS (`optimalAssignmentDetailed` reports which one produced the answer):
 *   - 'min-cost-flow' — EXACT. When every row that has an allowed, large-enough column has size 1
 *     the problem is a capacitated bipartite matching. It is solved by successive shortest
 *     augmenting paths (the Hungarian / Jonker–Volgenant scheme generalised to column capacities):
 *     rows are inserted one at a time; each insertion runs Dijkstra with node potentials (binary
 *     heap, sparse adjacency in typed arrays) from the new row over the residual graph, and
 *     augments to the nearest column with a free place. When no free place is reachable, the
 *     search instead considers swapping the new row for an already-assigned row reached by an
 *     alternating path (same count, better score) or leaving it out. Every intermediate assignment
 *     is optimal for the rows inserted so far in the lexicographic order above (this is the
 *     classical Hungarian invariant on the equivalent problem with a private "unassigned" column
 *     of cost (0,0) per row and real edges of cost (−1, −score)). Polynomial: O(rows · E log V)
 *     in the worst case, usually far less because the searches stop early.
 *   - With sibling groups (size > 1) the problem is a generalised assignment problem (NP-hard),
 *     solved in two stages:
 *     1. HEURISTIC (always run, never worse than greedy — see below): (a) the size-1 rows are
 *        solved exactly by the flow above with full capacities; (b) the groups are inserted one by
 *        one (two orders tried: largest first, and row index), each into the column best for the
 *        WHOLE assignment given the decisions so far — a column with room costs nothing, a full
 *        column is made room in by evicting size-1 rows along exact shortest re-routing paths, so
 *        the size-1 rows stay optimal for the capacity the groups leave them; the greedy
 *        solutions of (d) are also used as starts, keeping their groups' columns and re-solving
 *        their size-1 rows exactly; the best start is kept; (c) local search
 *        (at most `improvementPasses` passes, default 2, within `heuristicWorkBudget`): a group is taken out and re-inserted
 *        with the size-1 rows re-solved exactly, or takes a better column held by other groups,
 *        which are re-inserted elsewhere (ejection chains up to 3 groups deep); a move is kept only
 *        if the objective strictly improves; (d) the result is compared with `greedyAssignment`
 *        in row-index order, largest-group-first, smallest-first and any `baselineOrders` the
 *        caller passes (e.g. urgency), and the best is kept — so the answer is NEVER WORSE
 *        (lexicographically) THAN GREEDY IN THOSE ORDERS.
 *     2. 'branch-and-bound' — EXACT when it finishes. Depth-first branch and bound over the
 *        groups' columns, seeded with the heuristic's answer. Bound: the same exact flow with each
 *        undecided group needing only ONE place (still only in columns with room for its size) —
 *        a relaxation, so a valid lexicographic upper bound; when the relaxed solution also fits
 *        with the true sizes the node is solved. Branching: a group in an over-full column is
 *        fixed there, or banned from it. The search has a deterministic work budget
 *        (`exactWorkBudget`, default 2e7, a few tenths of a second). If it finishes, method 'branch-and-bound',
 *        exact = true. If not, the best solution found (heuristic or better) is returned with
 *        method 'heuristic', exact = false, and `upperBound` (the root relaxation) bounds how far
 *        from optimal it can be. Small instances (tests: ≤ 6 rows × 5 columns, and typically tens
 *        of rows) finish; 500 × 5,000 with ~90 groups does not, and there the heuristic is within
 *        about 0.15% of the bound on the benchmark instance.
 *     Budgets are counted in search work (heap pops and arcs scanned), never in clock time, so
 *     results do not depend on machine speed. Past `heuristicWorkBudget` (default 4e7) group
 *     insertions try at most one full column and further starts and local moves are skipped.
 *
 * DETERMINISM: no randomness, no clock. Ties: greedy takes the lowest column index; heaps break
 * equal distances by lowest node index (rows before columns, lower column first); among equally
 * good alternatives the solvers keep the current assignment and prefer lower indices. Equal inputs
 * give equal outputs.
 *
 * PRECISION: scores are summed in floating point. Decisions that depend on a strict improvement
 * (swapping a row out, accepting a local move) require a gain larger than 1e-11 × (1 + max |score|),
 * so differences below that are treated as ties. `totalScore` is always recomputed as the sum of
 * the chosen pairs' scores in row order.
 *
 * Scores must be finite numbers; `undefined` means "not allowed". Sizes must be integers ≥ 1,
 * capacities integers ≥ 0. Pairs whose column capacity is below the row's size are never allowed
 * (and `score` is not called for them).
 */

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
  /** Which method produced the answer (see the file comment). */
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

interface Csr {
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

const buildCsr = (p: AssignmentProblem): Csr => {
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
const pruneCsr = (csr: Csr): Csr => {
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
const translate = (from: Csr, to: Csr, sol: Sol): Sol => {
  const edgeOf = new Int32Array(from.R).fill(-1);
  for (let r = 0; r < from.R; r++) {
    const e = sol.edgeOf[r]!;
    if (e >= 0) edgeOf[r] = edgeOfPair(to, r, from.col[e]!);
  }
  return evaluate(to, edgeOf);
};

interface Sol {
  readonly edgeOf: Int32Array; // edge index per row, -1 when unassigned
  readonly count: number;
  readonly score: number;
}

const evaluate = (csr: Csr, edgeOf: Int32Array): Sol => {
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
const betterThan = (ac: number, as: number, bc: number, bs: number, tol = 0): boolean => ac > bc || (ac === bc && as > bs + tol);

const toAssignment = (csr: Csr, sol: Sol): Assignment => {
  const colOfRow: (number | undefined)[] = new Array<number | undefined>(csr.R);
  for (let r = 0; r < csr.R; r++) {
    const e = sol.edgeOf[r]!;
    colOfRow[r] = e >= 0 ? csr.col[e]! : undefined;
  }
  return { colOfRow, totalScore: sol.score, assignedCount: sol.count };
};

// ---------------------------------------------------------------------------------------------
// Greedy.

const greedyCsr = (csr: Csr, order: ArrayLike<number>): Sol => {
  const remaining = Int32Array.from(csr.cap);
  const edgeOf = new Int32Array(csr.R).fill(-1);
  for (let t = 0; t < order.length; t++) {
    const r = order[t]!;
    if (!Number.isInteger(r) || r < 0 || r >= csr.R) throw new RangeError(`order contains ${r}, not a row index`);
    if (edgeOf[r]! >= 0) continue;
    const k = csr.size[r]!;
    let best = -1;
    let bs = Number.NEGATIVE_INFINITY;
    for (let e = csr.start[r]!; e < csr.start[r + 1]!; e++) {
      const s = csr.score[e]!;
      if (s > bs && remaining[csr.col[e]!]! >= k) {
        bs = s;
        best = e;
      }
    }
    if (best >= 0) {
      edgeOf[r] = best;
      remaining[csr.col[best]!]! -= k;
    }
  }
  return evaluate(csr, edgeOf);
};

/** Rows in the given order (urgency); each takes its best allowed column with enough remaining capacity (ties: lowest column index). Rows not in `order` stay unassigned. */
export const greedyAssignment = (p: AssignmentProblem, order: readonly number[]): Assignment => {
  const csr = buildCsr(p);
  return toAssignment(csr, greedyCsr(csr, order));
};

// ---------------------------------------------------------------------------------------------
// Exact min-cost flow for size-1 rows (incremental shortest augmenting paths with potentials).

/**
 * Size-1 rows over columns with capacities `cap` (in places). Nodes: rows 0..R-1, columns
 * R..R+C-1, sink T = R+C. Residual arcs: row→col for allowed, unused pairs (cost −score), col→row
 * for assigned pairs (cost +score), col→T while the column has a free place (cost 0). Reduced
 * costs cost + pi[u] − pi[v] are kept ≥ 0 on every residual arc, so Dijkstra applies.
 */
class UnitFlow {
  readonly R: number;
  readonly C: number;
  readonly T: number;
  readonly colOf: Int32Array;
  readonly edgeOf: Int32Array;
  readonly used: Int32Array;
  readonly cap: Int32Array;
  readonly pi: Float64Array;
  readonly head: Int32Array;
  readonly nxt: Int32Array;
  readonly prv: Int32Array;
  count = 0;
  scoreRun = 0;
  /** Edges (row→col) that may not be used (branch and bound), or null. */
  ban: Uint8Array | null = null;
  /** Work done by the searches (heap pops + arcs scanned), for deterministic budgets. */
  work = 0;
  // Dijkstra workspace.
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly parNode: Int32Array;
  private readonly parEdge: Int32Array;
  private readonly heap: Int32Array;
  private readonly hpos: Int32Array;
  private readonly settled: Int32Array;
  private hsize = 0;
  private nSettled = 0;
  private stamp = 0;

  constructor(private readonly csr: Csr, cap: Int32Array) {
    const R = csr.R;
    const C = csr.C;
    const N = R + C + 1;
    this.R = R;
    this.C = C;
    this.T = R + C;
    this.colOf = new Int32Array(R).fill(-1);
    this.edgeOf = new Int32Array(R).fill(-1);
    this.used = new Int32Array(C);
    this.cap = Int32Array.from(cap);
    this.pi = new Float64Array(N);
    this.head = new Int32Array(C).fill(-1);
    this.nxt = new Int32Array(R).fill(-1);
    this.prv = new Int32Array(R).fill(-1);
    this.dist = new Float64Array(N);
    this.seen = new Int32Array(N);
    this.done = new Int32Array(N);
    this.parNode = new Int32Array(N);
    this.parEdge = new Int32Array(N);
    this.heap = new Int32Array(N);
    this.hpos = new Int32Array(N);
    this.settled = new Int32Array(N);
  }

  /** Resets to the empty assignment with capacities `cap`. */
  reset(cap: Int32Array): void {
    this.work += this.pi.length;
    this.colOf.fill(-1);
    this.edgeOf.fill(-1);
    this.used.fill(0);
    this.cap.set(cap);
    this.pi.fill(0);
    this.head.fill(-1);
    this.nxt.fill(-1);
    this.prv.fill(-1);
    this.count = 0;
    this.scoreRun = 0;
  }

  private addMember(j: number, r: number, e: number): void {
    const h = this.head[j]!;
    this.nxt[r] = h;
    this.prv[r] = -1;
    if (h >= 0) this.prv[h] = r;
    this.head[j] = r;
    this.used[j]!++;
    this.colOf[r] = j;
    this.edgeOf[r] = e;
    this.scoreRun += this.csr.score[e]!;
  }

  private removeMember(r: number): void {
    const j = this.colOf[r]!;
    const p = this.prv[r]!;
    const n = this.nxt[r]!;
    if (p >= 0) this.nxt[p] = n;
    else this.head[j] = n;
    if (n >= 0) this.prv[n] = p;
    this.used[j]!--;
    this.scoreRun -= this.csr.score[this.edgeOf[r]!]!;
    this.colOf[r] = -1;
    this.edgeOf[r] = -1;
  }

  // Indexed binary min-heap on dist, ties by node index.
  private less(a: number, b: number): boolean {
    const da = this.dist[a]!;
    const db = this.dist[b]!;
    return da < db || (da === db && a < b);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const v = heap[i]!;
    while (i > 0) {
      const pi = (i - 1) >> 1;
      const p = heap[pi]!;
      if (!this.less(v, p)) break;
      heap[i] = p;
      this.hpos[p] = i;
      i = pi;
    }
    heap[i] = v;
    this.hpos[v] = i;
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.hsize]!;
    const n = this.hsize;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const rr = l + 1;
        let c = l;
        if (rr < n && this.less(heap[rr]!, heap[l]!)) c = rr;
        const cv = heap[c]!;
        if (!this.less(cv, last)) break;
        heap[i] = cv;
        this.hpos[cv] = i;
        i = c;
      }
      heap[i] = last;
      this.hpos[last] = i;
    }
    return top;
  }

  private relax(v: number, nd: number, pn: number, pe: number): void {
    if (this.seen[v] !== this.stamp) {
      this.seen[v] = this.stamp;
      this.dist[v] = nd;
      this.parNode[v] = pn;
      this.parEdge[v] = pe;
      const i = this.hsize++;
      this.heap[i] = v;
      this.siftUp(i);
    } else if (nd < this.dist[v]!) {
      this.dist[v] = nd;
      this.parNode[v] = pn;
      this.parEdge[v] = pe;
      this.siftUp(this.hpos[v]!);
    }
  }

  /**
   * Dijkstra from `root` (a row being inserted, or an over-full column that must shed a row).
   * Returns the terminal: T (a free place was reached: count is kept or grows), a row to drop
   * (no free place reachable; the alternating path to it is the best exchange), or -1 (root row
   * stays out). Updates the potentials.
   */
  private search(root: number, rootIsRow: boolean): number {
    const { R, T, pi, dist, done, settled, csr } = this;
    const { start, col, score, size } = csr;
    const ban = this.ban;
    const used = this.used;
    const cap = this.cap;
    const edgeOf = this.edgeOf;
    const st = ++this.stamp;
    this.hsize = 0;
    this.nSettled = 0;
    this.seen[root] = st;
    dist[root] = 0;
    this.parNode[root] = -1;
    this.heap[0] = root;
    this.hpos[root] = 0;
    this.hsize = 1;
    let reachedT = false;
    while (this.hsize > 0) {
      const u = this.pop();
      done[u] = st;
      settled[this.nSettled++] = u;
      if (u === T) {
        reachedT = true;
        break;
      }
      const du = dist[u]!;
      const pu = pi[u]!;
      if (u < R) {
        const own = edgeOf[u]!;
        const end = start[u + 1]!;
        const k = size[u]!;
        this.work += end - start[u]! + 1;
        for (let e = start[u]!; e < end; e++) {
          if (e === own) continue;
          const j = col[e]!;
          if (cap[j]! < k || (ban !== null && ban[e] === 1)) continue;
          const v = R + j;
          if (done[v] === st) continue;
          let rc = pu - pi[v]! - score[e]!;
          if (rc < 0) rc = 0;
          const nd = du + rc;
          if (this.seen[v] !== st || nd < dist[v]!) this.relax(v, nd, u, e);
        }
      } else {
        const j = u - R;
        this.work += used[j]! + 1;
        if (used[j]! < cap[j]!) {
          let rc = pu - pi[T]!;
          if (rc < 0) rc = 0;
          this.relax(T, du + rc, u, -1);
        }
        for (let r = this.head[j]!; r >= 0; r = this.nxt[r]!) {
          if (done[r] === st) continue;
          let rc = score[edgeOf[r]!]! + pu - pi[r]!;
          if (rc < 0) rc = 0;
          const nd = du + rc;
          if (this.seen[r] !== st || nd < dist[r]!) this.relax(r, nd, u, -1);
        }
      }
    }
    let terminal = -1;
    if (reachedT) terminal = T;
    else {
      // No free place reachable: best exchange. True cost of the path to row v is
      // dist[v] − pi[root] + pi[v]; a row root may also stay out (cost 0).
      let bestTrue = rootIsRow ? -csr.tol : Number.POSITIVE_INFINITY;
      const proot = pi[root]!;
      for (let k = 0; k < this.nSettled; k++) {
        const v = settled[k]!;
        if (v >= R || v === root) continue;
        const t = dist[v]! - proot + pi[v]!;
        if (t < bestTrue) {
          bestTrue = t;
          terminal = v;
        }
      }
    }
    if (terminal >= 0) {
      const D = dist[terminal]!;
      for (let k = 0; k < this.nSettled; k++) {
        const v = settled[k]!;
        const dv = dist[v]!;
        if (dv < D) pi[v] = pi[v]! - (D - dv);
      }
    }
    return terminal;
  }

  private augment(terminal: number, root: number): void {
    const { R, T } = this;
    let v: number;
    if (terminal === T) v = this.parNode[T]!;
    else {
      const j = this.colOf[terminal]!;
      this.removeMember(terminal);
      this.count--;
      v = R + j;
    }
    while (v !== root) {
      const r = this.parNode[v]!;
      const e = this.parEdge[v]!;
      const old = this.colOf[r]!;
      if (old >= 0) this.removeMember(r);
      this.addMember(v - R, r, e);
      if (old < 0) {
        this.count++;
        break;
      }
      v = R + old;
    }
  }

  /** Inserts size-1 row i, keeping the assignment optimal for the rows inserted so far. */
  insertRow(i: number): void {
    const { start, col, score, size } = this.csr;
    const a = start[i]!;
    const b = start[i + 1]!;
    const k = size[i]!;
    const ban = this.ban;
    let m = Number.NEGATIVE_INFINITY;
    for (let e = a; e < b; e++) {
      const j = col[e]!;
      if (this.cap[j]! < k || (ban !== null && ban[e] === 1)) continue;
      const v = score[e]! + this.pi[this.R + j]!;
      if (v > m) m = v;
    }
    if (m === Number.NEGATIVE_INFINITY) return; // nowhere allowed
    this.pi[i] = m; // all reduced costs out of i are >= 0
    const t = this.search(i, true);
    if (t >= 0) this.augment(t, i);
  }

  /** Lowers column j's capacity by k, re-routing (or, failing that, dropping) the fewest/cheapest rows; stays optimal for the new capacities. */
  reduceCap(j: number, k: number): void {
    this.cap[j]! -= k;
    const root = this.R + j;
    while (this.used[j]! > this.cap[j]!) {
      const t = this.search(root, false);
      if (t < 0) throw new Error('assignment: internal error (no row to evict)');
      this.augment(t, root);
    }
  }
}

/** The arrays a flow's state lives in: what a snapshot saves and restores. */
interface FlowArrays {
  readonly colOf: Int32Array;
  readonly edgeOf: Int32Array;
  readonly used: Int32Array;
  readonly cap: Int32Array;
  readonly pi: Float64Array;
  readonly head: Int32Array;
  readonly nxt: Int32Array;
  readonly prv: Int32Array;
}

const copyFlowArrays = (from: FlowArrays, to: FlowArrays): void => {
  to.colOf.set(from.colOf);
  to.edgeOf.set(from.edgeOf);
  to.used.set(from.used);
  to.cap.set(from.cap);
  to.pi.set(from.pi);
  to.head.set(from.head);
  to.nxt.set(from.nxt);
  to.prv.set(from.prv);
};

class FlowSnapshot implements FlowArrays {
  readonly colOf: Int32Array;
  readonly edgeOf: Int32Array;
  readonly used: Int32Array;
  readonly cap: Int32Array;
  readonly pi: Float64Array;
  readonly head: Int32Array;
  readonly nxt: Int32Array;
  readonly prv: Int32Array;
  private count = 0;
  private scoreRun = 0;
  constructor(f: UnitFlow) {
    this.colOf = new Int32Array(f.colOf.length);
    this.edgeOf = new Int32Array(f.edgeOf.length);
    this.used = new Int32Array(f.used.length);
    this.cap = new Int32Array(f.cap.length);
    this.pi = new Float64Array(f.pi.length);
    this.head = new Int32Array(f.head.length);
    this.nxt = new Int32Array(f.nxt.length);
    this.prv = new Int32Array(f.prv.length);
  }
  save(f: UnitFlow): this {
    f.work += f.pi.length;
    copyFlowArrays(f, this);
    this.count = f.count;
    this.scoreRun = f.scoreRun;
    return this;
  }
  load(f: UnitFlow): void {
    f.work += f.pi.length;
    copyFlowArrays(this, f);
    f.count = this.count;
    f.scoreRun = this.scoreRun;
  }
}

// ---------------------------------------------------------------------------------------------
// Heuristic for sibling groups: exact size-1 flow + group insertion with exact re-routing +
// local search over the groups' columns.

const MAX_CHAIN = 3;

const solveWithGroups = (csr: Csr, units: readonly number[], groups: readonly number[], seeds: readonly Sol[], opts: OptimalOptions): Sol => {
  const { R, C, start, col, score, size, tol } = csr;
  const maxTrials = opts.maxTrialsPerGroup ?? 24;
  const passes = opts.improvementPasses ?? 2;
  const ejectCols = opts.ejectionColumns ?? 6;
  const budget = opts.heuristicWorkBudget ?? 4e7;
  const flow = new UnitFlow(csr, csr.cap);
  for (const u of units) flow.insertRow(u);
  const work0 = flow.work;
  const outOfBudget = (): boolean => flow.work - work0 > budget;
  const base = new FlowSnapshot(flow).save(flow);
  const trial = new FlowSnapshot(flow);
  const groupEdge = new Int32Array(R).fill(-1);
  const gLoad = new Int32Array(C); // places taken by groups; flow.cap = csr.cap − gLoad throughout

  const needList: number[] = [];
  /** Inserts group g at the column best for the whole assignment given everything else (or leaves it out). Returns true if placed. */
  const placeGroup = (g: number): boolean => {
    const k = size[g]!;
    let bestE = -1;
    let bestC = 0;
    let bestS = 0;
    needList.length = 0;
    for (let e = start[g]!; e < start[g + 1]!; e++) {
      const j = col[e]!;
      if (flow.cap[j]! < k) continue; // other groups there leave too little
      const s = score[e]!;
      if (flow.cap[j]! - flow.used[j]! >= k) {
        if (betterThan(1, s, bestC, bestS)) {
          bestC = 1;
          bestS = s;
          bestE = e;
        }
      } else needList.push(e);
    }
    needList.sort((x, y) => score[y]! - score[x]! || x - y);
    let trials = 0;
    const allowed = outOfBudget() ? 1 : maxTrials;
    for (const e of needList) {
      const s = score[e]!;
      if (bestC === 1 && s <= bestS) break; // evicting never helps: the gain is at most (1, s)
      if (trials++ >= allowed) break;
      trial.save(flow);
      const c0 = flow.count;
      const s0 = flow.scoreRun;
      flow.reduceCap(col[e]!, k);
      const dc = 1 + flow.count - c0;
      const ds = s + flow.scoreRun - s0;
      trial.load(flow);
      if (betterThan(dc, ds, bestC, bestS, tol)) {
        bestC = dc;
        bestS = ds;
        bestE = e;
      }
    }
    if (bestE < 0 || !betterThan(bestC, bestS, 0, 0, tol)) return false;
    const j = col[bestE]!;
    flow.reduceCap(j, k);
    gLoad[j]! += k;
    groupEdge[g] = bestE;
    return true;
  };

  const current = (): Sol => {
    const edgeOf = Int32Array.from(flow.edgeOf);
    for (const g of groups) edgeOf[g] = groupEdge[g]!;
    return evaluate(csr, edgeOf);
  };

  // (b) construction in two orders, and from the seeds; keep the best.
  const largestFirst = [...groups].sort((a, b) => size[b]! - size[a]! || a - b);
  let best: Sol | undefined;
  let bestGroupEdge = groupEdge.slice();
  let bestLoad = gLoad.slice();
  const bestFlow = new FlowSnapshot(flow);
  for (const order of [largestFirst, groups]) {
    if (best !== undefined && outOfBudget()) break;
    base.load(flow);
    groupEdge.fill(-1);
    gLoad.fill(0);
    for (const g of order) placeGroup(g);
    const sol = current();
    if (best === undefined || betterThan(sol.count, sol.score, best.count, best.score)) {
      best = sol;
      bestGroupEdge = groupEdge.slice();
      bestLoad = gLoad.slice();
      bestFlow.save(flow);
    }
  }
  // Seeds (the greedy baselines): keep their groups' columns, re-solve the size-1 rows exactly —
  // never worse than the seed itself.
  const capSeed = new Int32Array(C);
  for (const seed of seeds) {
    if (outOfBudget()) break;
    groupEdge.fill(-1);
    gLoad.fill(0);
    for (const g of groups) {
      const e = seed.edgeOf[g]!;
      if (e >= 0) {
        groupEdge[g] = e;
        gLoad[col[e]!]! += size[g]!;
      }
    }
    for (let j = 0; j < C; j++) capSeed[j] = csr.cap[j]! - gLoad[j]!;
    flow.reset(capSeed);
    for (const u of units) flow.insertRow(u);
    const sol = current();
    if (best === undefined || betterThan(sol.count, sol.score, best.count, best.score)) {
      best = sol;
      bestGroupEdge = groupEdge.slice();
      bestLoad = gLoad.slice();
      bestFlow.save(flow);
    }
  }
  if (best === undefined) throw new Error('assignment: internal error (no construction)');
  groupEdge.set(bestGroupEdge);
  gLoad.set(bestLoad);
  bestFlow.load(flow);

  // (c) local search. A move takes group g out of its column (if any), ejects the groups `ejected`
  // from the column of edge e, puts g there (or, with e < 0, re-inserts g wherever best),
  // re-solves the size-1 rows exactly (incrementally when no column gains room, else from
  // scratch), then re-inserts the ejected groups. A move is kept only if strictly better.
  const capLeft = new Int32Array(C);
  const byScoreCache = new Map<number, number[]>();
  const byScore = (g: number): number[] => {
    let es = byScoreCache.get(g);
    if (es === undefined) {
      es = [];
      for (let e = start[g]!; e < start[g + 1]!; e++) es.push(e);
      es.sort((x, y) => score[y]! - score[x]! || x - y);
      byScoreCache.set(g, es);
    }
    return es;
  };
  /** Groups to eject from column j so that g fits there (lowest-scoring first), or undefined. */
  const blockers = (g: number, j: number, locked: ReadonlySet<number>): number[] | undefined => {
    const k = size[g]!;
    let free = csr.cap[j]! - gLoad[j]!;
    const there = groups.filter((h) => h !== g && !locked.has(h) && groupEdge[h]! >= 0 && col[groupEdge[h]!]! === j);
    there.sort((a, b) => score[groupEdge[a]!]! - score[groupEdge[b]!]! || a - b);
    const out: number[] = [];
    for (const h of there) {
      if (free >= k) break;
      out.push(h);
      free += size[h]!;
    }
    return free >= k ? out : undefined;
  };
  const applyMove = (g: number, e: number, ejected: readonly number[], depth: number, locked: Set<number>): boolean => {
    const touched: number[] = [];
    const e0 = groupEdge[g]!;
    if (e0 >= 0) {
      gLoad[col[e0]!]! -= size[g]!;
      touched.push(col[e0]!);
      groupEdge[g] = -1;
    }
    for (const h of ejected) {
      gLoad[col[groupEdge[h]!]!]! -= size[h]!;
      touched.push(col[groupEdge[h]!]!);
      groupEdge[h] = -1;
    }
    if (e >= 0) {
      gLoad[col[e]!]! += size[g]!;
      touched.push(col[e]!);
      groupEdge[g] = e;
    }
    let grows = false;
    for (const j of touched) if (csr.cap[j]! - gLoad[j]! > flow.cap[j]!) grows = true;
    if (grows) {
      if (outOfBudget()) return false;
      for (let j = 0; j < C; j++) capLeft[j] = csr.cap[j]! - gLoad[j]!;
      flow.reset(capLeft);
      for (const u of units) flow.insertRow(u);
    } else {
      for (const j of touched) {
        const d = flow.cap[j]! - (csr.cap[j]! - gLoad[j]!);
        if (d > 0) flow.reduceCap(j, d);
      }
    }
    if (e < 0) placeGroup(g);
    for (const h of ejected) {
      if (placeGroup(h) || depth >= MAX_CHAIN) continue;
      // Ejection chain: h takes the best column it can free from (not yet moved) groups.
      for (const eh of byScore(h)) {
        const j = col[eh]!;
        if (csr.cap[j]! < size[h]!) continue;
        const out = blockers(h, j, locked);
        if (out === undefined || out.length === 0) continue;
        for (const x of out) locked.add(x);
        if (!applyMove(h, eh, out, depth + 1, locked)) return false;
        break;
      }
    }
    return true;
  };

  const keepFlow = new FlowSnapshot(flow);
  const keepEdge = new Int32Array(R);
  const keepLoad = new Int32Array(C);
  let cur = current();
  /** Tries a move; keeps it if strictly better, else restores. Returns true if kept. */
  const tryMove = (g: number, e: number, ejected: readonly number[]): boolean => {
    keepFlow.save(flow);
    keepEdge.set(groupEdge);
    keepLoad.set(gLoad);
    if (applyMove(g, e, ejected, 1, new Set([g, ...ejected]))) {
      const sol = current();
      if (betterThan(sol.count, sol.score, cur.count, cur.score, tol)) {
        cur = sol;
        return true;
      }
    }
    keepFlow.load(flow);
    groupEdge.set(keepEdge);
    gLoad.set(keepLoad);
    return false;
  };

  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (const g of groups) {
      if (outOfBudget()) break;
      const k = size[g]!;
      const e0 = groupEdge[g]!;
      if (e0 < 0 && placeGroup(g)) {
        cur = current();
        improved = true;
        continue;
      }
      // Relocation: out, size-1 rows re-solved, back in at the best column.
      if (e0 >= 0 && tryMove(g, -1, [])) improved = true;
      // Ejection: take a better column held by other groups, which then go elsewhere (or out).
      let tries = 0;
      for (const e of byScore(g)) {
        if (tries >= ejectCols) break;
        const ge = groupEdge[g]!;
        if (ge >= 0 && score[e]! <= score[ge]!) break;
        const j = col[e]!;
        if (ge === e || csr.cap[j]! < k || csr.cap[j]! - gLoad[j]! >= k) continue; // not blocked by groups
        const ejected = blockers(g, j, new Set());
        if (ejected === undefined) continue;
        tries++;
        if (tryMove(g, e, ejected)) improved = true;
      }
    }
    if (!improved) break;
  }
  return betterThan(cur.count, cur.score, best.count, best.score) ? cur : best;
};

// ---------------------------------------------------------------------------------------------
// Branch and bound over the sibling groups' columns, bounded by an exact flow relaxation.

/**
 * Relaxation: the undecided groups are treated as needing ONE place (still only in columns with
 * at least `size` places left after the fixed groups), solved exactly by the flow above. Every
 * completion of the node is feasible for the relaxation, so the relaxation's (count, score) is a
 * valid lexicographic upper bound. If the relaxed solution also fits with the true sizes it is
 * optimal for the node. Otherwise branch on a group g in an over-full column j: "g fixed in j"
 * (first) versus "g never in j". Depth-first with an explicit stack; incumbents also come from a
 * repair of each relaxed solution (groups dropped from over-full columns, then placed greedily).
 */
interface BnbResult {
  readonly sol: Sol;
  readonly complete: boolean;
  /** The root relaxation: an upper bound on the lexicographic optimum. */
  readonly bound: { readonly count: number; readonly score: number };
}

const DEFAULT_WORK_BUDGET = 2e7;

const flowBranchAndBound = (csr: Csr, units: readonly number[], groups: readonly number[], incumbent: Sol, workBudget: number): BnbResult => {
  const { R, C, col, score, size, tol } = csr;
  const flow = new UnitFlow(csr, csr.cap);
  const ban = new Uint8Array(col.length);
  flow.ban = ban;
  const rowsAll = [...units, ...groups].sort((a, b) => a - b);
  const fixedEdge = new Int32Array(R).fill(-1);
  const gLoad = new Int32Array(C);
  const capLeft = new Int32Array(C);
  const trueLoad = new Int32Array(C);
  let best = incumbent;
  let bound: { count: number; score: number } | undefined;
  let aborted = false;

  const compose = (): Int32Array => {
    const edgeOf = Int32Array.from(flow.edgeOf);
    for (const g of groups) if (fixedEdge[g]! >= 0) edgeOf[g] = fixedEdge[g]!;
    return edgeOf;
  };
  const offer = (edgeOf: Int32Array): void => {
    const sol = evaluate(csr, edgeOf);
    if (betterThan(sol.count, sol.score, best.count, best.score)) best = sol;
  };
  /** Incumbent from a relaxed solution: drop groups from over-full columns, then place them greedily. */
  const repair = (edgeOf: Int32Array): void => {
    const load = trueLoad.slice();
    const dropped: number[] = [];
    const inCol = groups.filter((g) => fixedEdge[g]! < 0 && edgeOf[g]! >= 0).sort((a, b) => score[edgeOf[a]!]! / size[a]! - score[edgeOf[b]!]! / size[b]! || a - b);
    for (const g of inCol) {
      const j = col[edgeOf[g]!]!;
      if (load[j]! > csr.cap[j]!) {
        load[j]! -= size[g]!;
        edgeOf[g] = -1;
        dropped.push(g);
      }
    }
    dropped.sort((a, b) => size[b]! - size[a]! || a - b);
    for (const g of dropped) {
      let be = -1;
      for (let e = csr.start[g]!; e < csr.start[g + 1]!; e++) {
        if (ban[e] === 1 || csr.cap[col[e]!]! - load[col[e]!]! < size[g]!) continue;
        if (be < 0 || score[e]! > score[be]!) be = e;
      }
      if (be >= 0) {
        edgeOf[g] = be;
        load[col[be]!]! += size[g]!;
      }
    }
    offer(edgeOf);
  };

  /** Solves the node's relaxation; returns the branching edge (a group's edge), or -1 when the node is closed. */
  const evaluateNode = (): number => {
    if (flow.work > workBudget) {
      aborted = true;
      return -1;
    }
    for (let j = 0; j < C; j++) capLeft[j] = csr.cap[j]! - gLoad[j]!;
    flow.reset(capLeft);
    for (const r of rowsAll) if (fixedEdge[r]! < 0) flow.insertRow(r);
    const edgeOf = compose();
    let bc = 0;
    let bs = 0;
    for (let r = 0; r < R; r++) {
      const e = edgeOf[r]!;
      if (e >= 0) {
        bc++;
        bs += score[e]!;
      }
    }
    if (bound === undefined) bound = { count: bc, score: bs };
    if (!betterThan(bc, bs, best.count, best.score, tol)) return -1;
    trueLoad.set(gLoad);
    for (let r = 0; r < R; r++) if (fixedEdge[r]! < 0 && edgeOf[r]! >= 0) trueLoad[col[edgeOf[r]!]!]! += size[r]!;
    let branchEdge = -1;
    for (let j = 0; j < C && branchEdge < 0; j++) {
      if (trueLoad[j]! <= csr.cap[j]!) continue;
      // Over-full: branch on its best-scoring group (ties: lowest row).
      for (let r = flow.head[j]!; r >= 0; r = flow.nxt[r]!) {
        if (size[r]! === 1) continue;
        const e = edgeOf[r]!;
        if (branchEdge < 0 || score[e]! > score[branchEdge]! || (score[e]! === score[branchEdge]! && r < csr.row[branchEdge]!)) branchEdge = e;
      }
    }
    if (branchEdge < 0) {
      offer(edgeOf); // fits with the true sizes: optimal for this node
      return -1;
    }
    repair(edgeOf);
    if (!betterThan(bc, bs, best.count, best.score, tol)) return -1;
    return branchEdge;
  };

  interface Frame { readonly e: number; phase: 0 | 1 | 2 }
  const stack: Frame[] = [];
  const first = evaluateNode();
  if (first >= 0) stack.push({ e: first, phase: 0 });
  while (stack.length > 0 && !aborted) {
    const f = stack[stack.length - 1]!;
    const e = f.e;
    const g = csr.row[e]!;
    const j = col[e]!;
    let next = -1;
    if (f.phase === 0) {
      fixedEdge[g] = e;
      gLoad[j]! += size[g]!;
      f.phase = 1;
      next = evaluateNode();
    } else if (f.phase === 1) {
      fixedEdge[g] = -1;
      gLoad[j]! -= size[g]!;
      ban[e] = 1;
      f.phase = 2;
      next = evaluateNode();
    } else {
      ban[e] = 0;
      stack.pop();
    }
    if (next >= 0) stack.push({ e: next, phase: 0 });
  }
  return { sol: best, complete: !aborted, bound: bound ?? { count: best.count, score: best.score } };
};

// ---------------------------------------------------------------------------------------------
// Public solvers.

/** Optimal (or, for large instances with sibling groups, heuristic) joint assignment, with the method used. */
export const optimalAssignmentDetailed = (p: AssignmentProblem, opts: OptimalOptions = {}): DetailedAssignment => {
  const full = buildCsr(p);
  const csr = pruneCsr(full);
  const { R, start, size } = csr;
  const units: number[] = [];
  const groups: number[] = [];
  for (let r = 0; r < R; r++) {
    if (start[r + 1]! === start[r]!) continue; // nowhere allowed: never assigned
    (size[r]! === 1 ? units : groups).push(r);
  }
  if (groups.length === 0) {
    const flow = new UnitFlow(csr, csr.cap);
    for (const u of units) flow.insertRow(u);
    const a = toAssignment(csr, evaluate(csr, Int32Array.from(flow.edgeOf)));
    return { ...a, method: 'min-cost-flow', exact: true, upperBound: { assignedCount: a.assignedCount, totalScore: a.totalScore } };
  }
  const identity = Array.from({ length: R }, (_, i) => i);
  const baselines: (readonly number[])[] = [
    identity,
    [...identity].sort((a, b) => size[b]! - size[a]! || a - b),
    [...identity].sort((a, b) => size[a]! - size[b]! || a - b),
    ...(opts.baselineOrders ?? []),
  ];
  // Greedy on the unpruned edges (exactly greedyAssignment), then expressed on the pruned ones.
  const greedy = baselines.map((order) => greedyCsr(full, order));
  const seeds = greedy.map((g) => (csr === full ? g : translate(full, csr, g)));
  let best = solveWithGroups(csr, units, groups, seeds, opts);
  for (const g of seeds) if (betterThan(g.count, g.score, best.count, best.score)) best = g;
  const bb = flowBranchAndBound(csr, units, groups, best, opts.exactWorkBudget ?? DEFAULT_WORK_BUDGET);
  let answer = toAssignment(csr, bb.sol);
  // (d) never worse than greedy in the baseline orders (a greedy pick outside the pruned edges can
  // only tie the pruned optimum, but keep the guarantee literal).
  for (const g of greedy) if (betterThan(g.count, g.score, answer.assignedCount, answer.totalScore)) answer = toAssignment(full, g);
  if (bb.complete) return { ...answer, method: 'branch-and-bound', exact: true, upperBound: { assignedCount: answer.assignedCount, totalScore: answer.totalScore } };
  return { ...answer, method: 'heuristic', exact: false, upperBound: { assignedCount: bb.bound.count, totalScore: bb.bound.score } };
};

/**
 * Best joint assignment under the lexicographic objective (most rows placed, then highest total
 * score). Exact when all placeable rows have size 1, or when the instance is small; otherwise a
 * heuristic never worse than greedy in row-index, size orders and `opts.baselineOrders`. See the
 * file comment.
 */
export const optimalAssignment = (p: AssignmentProblem, opts?: OptimalOptions): Assignment => {
  const { colOfRow, totalScore, assignedCount } = optimalAssignmentDetailed(p, opts);
  return { colOfRow, totalScore, assignedCount };
};

/** Exhaustive search, for tests on small instances only (throws when the search space exceeds 5e7 leaves). Ties: first found, trying columns in ascending order before "unassigned". */
export const bruteForceAssignment = (p: AssignmentProblem): Assignment => {
  const csr = buildCsr(p);
  const { R, start, col, score, size } = csr;
  let leaves = 1;
  for (let r = 0; r < R; r++) {
    leaves *= start[r + 1]! - start[r]! + 1;
    if (leaves > 5e7) throw new RangeError('bruteForceAssignment: instance too large');
  }
  const remaining = Int32Array.from(csr.cap);
  const choice = new Int32Array(R).fill(-1);
  let bestC = -1;
  let bestS = Number.NEGATIVE_INFINITY;
  let bestEdge = choice.slice();
  const dfs = (r: number, count: number, sc: number): void => {
    if (r === R) {
      if (betterThan(count, sc, bestC, bestS)) {
        bestC = count;
        bestS = sc;
        bestEdge = choice.slice();
      }
      return;
    }
    const k = size[r]!;
    for (let e = start[r]!; e < start[r + 1]!; e++) {
      const j = col[e]!;
      if (remaining[j]! < k) continue;
      remaining[j]! -= k;
      choice[r] = e;
      dfs(r + 1, count + 1, sc + score[e]!);
      remaining[j]! += k;
    }
    choice[r] = -1;
    dfs(r + 1, count, sc);
  };
  dfs(0, 0, 0);
  return toAssignment(csr, evaluate(csr, bestEdge));
};
