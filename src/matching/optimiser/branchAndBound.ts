// Branch and bound over the sibling groups' columns, bounded by an exact flow relaxation (stage 2
// in optimal.ts).
import { FlowSnapshot } from './flowSnapshot.js';
import { UnitFlow } from './minCostFlow.js';
import { betterThan, evaluate, type Csr, type Sol } from './problem.js';

/**
 * Relaxation: the undecided groups are treated as needing ONE place (still only in columns with
 * at least `size` places left after the fixed groups), solved exactly by the min-cost flow (minCostFlow.ts). Every
 * completion of the node is feasible for the relaxation, so the relaxation's (count, score) is a
 * valid lexicographic upper bound. If the relaxed solution also fits with the true sizes it is
 * optimal for the node. Otherwise branch on a group g in an over-full column j: "g fixed in j"
 * (first) versus "g never in j". Depth-first with an explicit stack; incumbents also come from a
 * repair of each relaxed solution (groups dropped from over-full columns, then placed greedily).
 */
export interface BnbResult {
  readonly sol: Sol;
  readonly complete: boolean;
  /** The root relaxation: an upper bound on the lexicographic optimum. */
  readonly bound: { readonly count: number; readonly score: number };
}

export const DEFAULT_WORK_BUDGET = 2e7;

export const flowBranchAndBound = (csr: Csr, units: readonly number[], groups: readonly number[], incumbent: Sol, workBudget: number): BnbResult => {
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
