// Exact min-cost flow for size-1 rows: incremental shortest augmenting paths with potentials
// (the Hungarian / Jonker–Volgenant scheme generalised to column capacities; see optimal.ts).
import type { Csr } from './problem.js';

/**
 * Size-1 rows over columns with capacities `cap` (in places). Nodes: rows 0..R-1, columns
 * R..R+C-1, sink T = R+C. Residual arcs: row→col for allowed, unused pairs (cost −score), col→row
 * for assigned pairs (cost +score), col→T while the column has a free place (cost 0). Reduced
 * costs cost + pi[u] − pi[v] are kept ≥ 0 on every residual arc, so Dijkstra applies.
 */
export class UnitFlow {
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
