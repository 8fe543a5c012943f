/**
 * Joint assignment with "who can live together" rules: the assignment problem of optimal.ts
 * (rows of size 1 or a sibling group, columns with capacities, lexicographic objective: most rows
 * placed, then the highest total score) plus pairwise conflicts — two rows that may not share a
 * column (a child who must live alone; a child who may live only with older, or only younger,
 * children). Generic and pure, like optimal.ts.
 *
 * GREEDY (`greedyJoint`): rows in the given order, each to its best-scoring column that still has
 * room and holds no row it conflicts with (ties: the lowest column).
 *
 * OPTIMAL (`optimalJoint`): `optimalAssignmentDetailed` on the problem without conflicts gives an
 * upper bound; if its answer has no conflict it is the answer. Otherwise:
 *   1. repair — in each column keep the rows that can live together (best score first) and
 *      re-insert the others greedily: a feasible answer;
 *   2. fix and re-solve — pin every restricted row where the repair put it (or leave it out),
 *      ban every row a pinned row cannot live with from that column, and solve once more: the
 *      answer has no conflict by construction, and is optimal for that placement of the
 *      restricted rows;
 *   3. when the root was solved exactly, branch and bound over the conflicts: a conflict "rows a
 *      and b share column j" is resolved by two branches, "a not in j" or "b not in j" (every
 *      feasible assignment lies in one of them), each solved again, pruned by the solver's upper
 *      bound. It runs while the work (candidate pairs × solves) stays within `conflictWork`
 *      (default 2e6: the whole search for the batches a team handles in a day) and within
 *      `maxSolves` solves.
 * The greedy answer in urgency order is the first incumbent, so the result is never worse than
 * greedy. `exact` is true when every solve was exact and the search finished (then the answer is
 * optimal).
 *
 * LARGE INSTANCES (over 100,000 candidate pairs, with sibling groups or restricted rows, where no
 * exact answer is within reach): the solver works on each row's best 50 columns (by score) and
 * skips its own branch and bound (`exactWorkBudget` 0); on the benchmark this loses nothing
 * against all candidates and is four times faster. Greedy still uses every column. `upperBound`
 * is then the exact optimum of the relaxation on every column (each row needing one place, no
 * conflicts), so the reported gap to it is a true bound.
 */
import { optimalAssignmentDetailed } from './optimal.js';
import type { Assignment, AssignmentMethod, AssignmentProblem, OptimalOptions } from './problem.js';

export interface JointProblem extends AssignmentProblem {
  /** Rows that limit who they share a column with; conflicts only involve these. Left out: none. */
  readonly restricted?: readonly boolean[];
  /** Whether rows a and b may share a column (only asked when one of them is restricted). */
  readonly canShare?: (a: number, b: number) => boolean;
}

export interface JointOptions {
  /** Row order of the greedy baseline (e.g. urgency); the answer is never worse than greedy in it. */
  readonly urgencyOrder: readonly number[];
  /** Assignment solves allowed in the conflict branch and bound (default 40). */
  readonly maxSolves?: number;
  /** Work allowed in the conflict branch and bound, in candidate pairs × solves (default 2e6). */
  readonly conflictWork?: number;
  /** Options of each assignment solve. */
  readonly solver?: OptimalOptions;
}

export interface JointResult extends Assignment {
  readonly method: AssignmentMethod | 'greedy' | 'conflict-search';
  readonly exact: boolean;
  /** An upper bound on the optimum (the answer itself when exact). */
  readonly upperBound: Pick<Assignment, 'assignedCount' | 'totalScore'>;
  /** Assignment solves used. */
  readonly solves: number;
}

const TOL = 1e-9;
const better = (a: Pick<Assignment, 'assignedCount' | 'totalScore'>, b: Pick<Assignment, 'assignedCount' | 'totalScore'>): boolean =>
  a.assignedCount !== b.assignedCount ? a.assignedCount > b.assignedCount : a.totalScore > b.totalScore + TOL * (1 + Math.abs(b.totalScore));

const allowedColumns = (p: AssignmentProblem, r: number): readonly number[] =>
  p.candidates?.[r] ?? Array.from({ length: p.cols }, (_, j) => j);

const sharable = (p: JointProblem, a: number, b: number): boolean =>
  !(p.restricted?.[a] === true || p.restricted?.[b] === true) || (p.canShare?.(a, b) ?? true);

/** Total and count of an assignment given column by row. */
const evaluate = (p: AssignmentProblem, colOfRow: readonly (number | undefined)[]): Assignment => {
  let totalScore = 0;
  let assignedCount = 0;
  colOfRow.forEach((c, r) => {
    if (c === undefined) return;
    totalScore += p.score(r, c)!;
    assignedCount++;
  });
  return { colOfRow, totalScore, assignedCount };
};

/** Greedy insertion of `rows` (in that order) into a partial assignment, in place. */
const insertGreedily = (p: JointProblem, colOfRow: (number | undefined)[], rows: readonly number[]): void => {
  const load = new Array<number>(p.cols).fill(0);
  const members: number[][] = Array.from({ length: p.cols }, () => []);
  colOfRow.forEach((c, r) => {
    if (c === undefined) return;
    load[c]! += p.rowSize[r]!;
    members[c]!.push(r);
  });
  for (const r of rows) {
    if (colOfRow[r] !== undefined) continue;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const j of allowedColumns(p, r)) {
      if (load[j]! + p.rowSize[r]! > p.colCapacity[j]!) continue;
      const s = p.score(r, j);
      if (s === undefined) continue;
      if (!members[j]!.every((o) => sharable(p, r, o))) continue;
      if (s > bestScore || (s === bestScore && j < best)) {
        best = j;
        bestScore = s;
      }
    }
    if (best >= 0) {
      colOfRow[r] = best;
      load[best]! += p.rowSize[r]!;
      members[best]!.push(r);
    }
  }
};

/** Greedy in `order`: each row to its best column with room and no conflict (ties: lowest column). */
export const greedyJoint = (p: JointProblem, order: readonly number[]): Assignment => {
  const colOfRow = new Array<number | undefined>(p.rows).fill(undefined);
  insertGreedily(p, colOfRow, order);
  return evaluate(p, colOfRow);
};

/** The first conflict (lowest column, then lowest rows): [a, b, column], or undefined. */
const firstConflict = (p: JointProblem, a: Assignment): readonly [number, number, number] | undefined => {
  const byCol = new Map<number, number[]>();
  a.colOfRow.forEach((c, r) => {
    if (c === undefined) return;
    const list = byCol.get(c);
    if (list === undefined) byCol.set(c, [r]);
    else list.push(r);
  });
  for (const c of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = byCol.get(c)!;
    for (let i = 0; i < rows.length; i++) {
      for (let k = i + 1; k < rows.length; k++) if (!sharable(p, rows[i]!, rows[k]!)) return [rows[i]!, rows[k]!, c];
    }
  }
  return undefined;
};

/** Make an assignment feasible: in each column keep the rows that fit together (best score first), re-insert the rest greedily. */
const repair = (p: JointProblem, a: Assignment, order: readonly number[]): Assignment => {
  const colOfRow = [...a.colOfRow];
  const dropped: number[] = [];
  const byCol = new Map<number, number[]>();
  colOfRow.forEach((c, r) => {
    if (c !== undefined) byCol.set(c, [...(byCol.get(c) ?? []), r]);
  });
  for (const [c, rows] of byCol) {
    const kept: number[] = [];
    for (const r of [...rows].sort((x, y) => p.score(y, c)! - p.score(x, c)! || x - y)) {
      if (kept.every((o) => sharable(p, r, o))) kept.push(r);
      else {
        colOfRow[r] = undefined;
        dropped.push(r);
      }
    }
  }
  insertGreedily(p, colOfRow, order.filter((r) => dropped.includes(r)));
  return evaluate(p, colOfRow);
};

const withBans = (p: JointProblem, bans: ReadonlySet<number>): AssignmentProblem => {
  if (bans.size === 0) return p;
  const candidates = Array.from({ length: p.rows }, (_, r) => allowedColumns(p, r).filter((j) => !bans.has(r * p.cols + j)));
  return { rows: p.rows, cols: p.cols, rowSize: p.rowSize, colCapacity: p.colCapacity, score: p.score, candidates };
};

/** Pin restricted rows where `a` has them and ban the rows they cannot live with from their columns. */
const pinRestricted = (p: JointProblem, a: Assignment): AssignmentProblem => {
  const pinned = new Map<number, number[]>(); // column → restricted rows pinned there
  a.colOfRow.forEach((c, r) => {
    if (c !== undefined && p.restricted?.[r] === true) pinned.set(c, [...(pinned.get(c) ?? []), r]);
  });
  const candidates = Array.from({ length: p.rows }, (_, r) => {
    if (p.restricted?.[r] === true) return a.colOfRow[r] === undefined ? [] : [a.colOfRow[r]!];
    return allowedColumns(p, r).filter((j) => (pinned.get(j) ?? []).every((o) => sharable(p, r, o)));
  });
  return { rows: p.rows, cols: p.cols, rowSize: p.rowSize, colCapacity: p.colCapacity, score: p.score, candidates };
};

const LARGE_INSTANCE_PAIRS = 100_000;
const LARGE_INSTANCE_CANDIDATES = 50;

/** Each row's best `k` allowed columns (highest score, then lowest column). */
const bestColumns = (p: AssignmentProblem, k: number): number[][] =>
  Array.from({ length: p.rows }, (_, r) => allowedColumns(p, r)
    .flatMap((j) => {
      const s = p.score(r, j);
      return s === undefined ? [] : [{ j, s }];
    })
    .sort((a, b) => b.s - a.s || a.j - b.j).slice(0, k).map((x) => x.j));

/** Best joint assignment under the lexicographic objective, honouring the conflicts. See the file comment. */
export const optimalJoint = (p: JointProblem, opts: JointOptions): JointResult => {
  let pairs = 0;
  for (let r = 0; r < p.rows; r++) pairs += allowedColumns(p, r).length;
  const hard = p.rowSize.some((size) => size > 1) || (p.restricted?.some((x) => x) ?? false);
  const large = pairs > LARGE_INSTANCE_PAIRS && hard;
  const q: JointProblem = large ? { ...p, candidates: bestColumns(p, LARGE_INSTANCE_CANDIDATES) } : p;
  if (large) {
    pairs = 0;
    for (let r = 0; r < q.rows; r++) pairs += allowedColumns(q, r).length;
  }
  const solverOpts: OptimalOptions = {
    ...(large ? { exactWorkBudget: 0 } : {}),
    ...opts.solver,
    baselineOrders: [opts.urgencyOrder, ...(opts.solver?.baselineOrders ?? [])],
  };
  const maxSolves = opts.maxSolves ?? 40;
  const conflictWork = opts.conflictWork ?? 2e6;
  let solves = 0;
  const solve = (problem: AssignmentProblem) => {
    solves++;
    return optimalAssignmentDetailed(problem, solverOpts);
  };
  const greedy = greedyJoint(p, opts.urgencyOrder);
  const root = solve(q);
  // Upper bound: the root relaxation, or on large instances the exact relaxation on every column.
  const upperBound = large
    ? (({ assignedCount, totalScore }) => ({ assignedCount, totalScore }))(optimalAssignmentDetailed({ ...p, rowSize: p.rowSize.map(() => 1) }))
    : root.upperBound;
  const result = (a: Assignment, method: JointResult['method'], exact: boolean): JointResult =>
    ({ ...a, method, exact, upperBound: exact ? { assignedCount: a.assignedCount, totalScore: a.totalScore } : upperBound, solves });
  if (firstConflict(q, root) === undefined) {
    return better(greedy, root) ? result(greedy, 'greedy', false) : result(root, root.method, root.exact && !large);
  }
  let best: Assignment = greedy;
  let bestMethod: JointResult['method'] = 'greedy';
  const offer = (a: Assignment): void => {
    if (better(a, best)) {
      best = a;
      bestMethod = 'conflict-search';
    }
  };
  const repaired = repair(q, root, opts.urgencyOrder);
  offer(repaired);
  const fixed = solve(pinRestricted(q, repaired));
  if (firstConflict(q, fixed) === undefined) offer(fixed);

  // Branch and bound over conflicts (depth first), from the root, within the work budget. Only
  // when the root is exact: otherwise the search could prove nothing and only costs solves.
  let exact = root.exact && !large;
  const affordable = (): boolean => solves + 2 <= maxSolves && (solves + 2) * pairs <= conflictWork;
  const stack: { bans: ReadonlySet<number>; sol: ReturnType<typeof solve> }[] = exact ? [{ bans: new Set(), sol: root }] : [];
  while (stack.length > 0) {
    const { bans, sol } = stack.pop()!;
    const bound = sol.exact ? sol : sol.upperBound;
    if (!better(bound, best)) continue;
    const conflict = firstConflict(q, sol);
    if (conflict === undefined) {
      offer(sol);
      continue;
    }
    offer(repair(q, sol, opts.urgencyOrder));
    if (!affordable()) {
      exact = false;
      break;
    }
    const [a, b, c] = conflict;
    for (const ban of [b * q.cols + c, a * q.cols + c]) {
      const bansHere = new Set([...bans, ban]);
      const s = solve(withBans(q, bansHere));
      if (!s.exact) exact = false;
      stack.push({ bans: bansHere, sol: s });
    }
  }
  return result(best, bestMethod, exact && stack.length === 0);
};
