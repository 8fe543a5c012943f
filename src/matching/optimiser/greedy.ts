// Greedy assignment: rows in a given order (urgency), each to its best allowed column with room.
import { buildCsr, evaluate, toAssignment, type Assignment, type AssignmentProblem, type Csr, type Sol } from './problem.js';

export const greedyCsr = (csr: Csr, order: ArrayLike<number>): Sol => {
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
