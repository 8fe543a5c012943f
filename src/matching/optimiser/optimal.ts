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
import { DEFAULT_WORK_BUDGET, flowBranchAndBound } from './branchAndBound.js';
import { greedyCsr } from './greedy.js';
import { solveWithGroups } from './groupHeuristic.js';
import { UnitFlow } from './minCostFlow.js';
import {
  betterThan, buildCsr, evaluate, pruneCsr, toAssignment, translate, type Assignment, type AssignmentProblem, type DetailedAssignment,
  type OptimalOptions,
} from './problem.js';

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
