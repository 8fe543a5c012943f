import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyAssignment } from '../../../src/matching/optimiser/greedy.js';
import { optimalAssignment, optimalAssignmentDetailed } from '../../../src/matching/optimiser/optimal.js';
import { compareAssignments, type Assignment, type AssignmentProblem } from '../../../src/matching/optimiser/problem.js';
import { bruteForceAssignment } from '../../fixtures/bruteForceAssignment.js';

// ---------------------------------------------------------------------------------------------
// Generated instances: a dense score matrix with holes (undefined = hard constraint), optionally
// exposed through sparse candidate lists (unsorted, with a duplicate) instead of a full scan.

interface Instance {
  readonly rowSize: readonly number[];
  readonly colCapacity: readonly number[];
  readonly matrix: readonly (readonly (number | undefined)[])[];
  readonly useCandidates: boolean;
}

const scoreArb = fc.oneof(
  fc.integer({ min: -20, max: 60 }).map((x) => x / 4),
  fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
);

const instanceArb = (maxRows: number, maxCols: number, maxSize: number, maxCap = 3): fc.Arbitrary<Instance> =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([R, C]) =>
    fc.record({
      rowSize: fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: R, maxLength: R }),
      colCapacity: fc.array(fc.integer({ min: 0, max: maxCap }), { minLength: C, maxLength: C }),
      matrix: fc.array(fc.array(fc.option(scoreArb, { freq: 3, nil: undefined }), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
      useCandidates: fc.boolean(),
    }),
  );

const toProblem = (inst: Instance): AssignmentProblem => {
  const R = inst.rowSize.length;
  const C = inst.colCapacity.length;
  const score = (r: number, c: number): number | undefined => inst.matrix[r]![c];
  if (!inst.useCandidates) return { rows: R, cols: C, rowSize: inst.rowSize, colCapacity: inst.colCapacity, score };
  const candidates = inst.matrix.map((row) => {
    const allowed = row.flatMap((s, c) => (s === undefined ? [] : [c])).reverse();
    return allowed.length > 0 ? [...allowed, allowed[0]!] : allowed;
  });
  return { rows: R, cols: C, rowSize: inst.rowSize, colCapacity: inst.colCapacity, score, candidates };
};

const withoutColumn = (inst: Instance, c: number): Instance => ({
  ...inst,
  colCapacity: inst.colCapacity.filter((_, j) => j !== c),
  matrix: inst.matrix.map((row) => row.filter((_, j) => j !== c)),
});

const permuteRows = (inst: Instance, perm: readonly number[]): Instance => ({
  ...inst,
  rowSize: perm.map((r) => inst.rowSize[r]!),
  matrix: perm.map((r) => inst.matrix[r]!),
});

const rowsOf = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Hard constraints hold and the reported totals match the chosen pairs. */
const expectValid = (p: AssignmentProblem, a: Assignment): void => {
  expect(a.colOfRow).toHaveLength(p.rows);
  const load = new Array<number>(p.cols).fill(0);
  let count = 0;
  let total = 0;
  a.colOfRow.forEach((c, r) => {
    if (c === undefined) return;
    expect(Number.isInteger(c) && c >= 0 && c < p.cols).toBe(true);
    const s = p.score(r, c);
    expect(s).toBeDefined(); // never a disallowed pair
    if (p.candidates !== undefined) expect(p.candidates[r]).toContain(c);
    load[c]! += p.rowSize[r]!; // the whole sibling group goes into this one column
    count++;
    total += s!;
  });
  load.forEach((l, c) => expect(l).toBeLessThanOrEqual(p.colCapacity[c]!));
  expect(a.assignedCount).toBe(count);
  expect(a.totalScore).toBeCloseTo(total, 9);
};

const TOL = 1e-9;
const expectSameObjective = (a: Assignment, b: Assignment): void => {
  expect(a.assignedCount).toBe(b.assignedCount);
  expect(Math.abs(a.totalScore - b.totalScore)).toBeLessThanOrEqual(TOL * (1 + Math.abs(b.totalScore)));
};
/** a ≥ b in the lexicographic objective (more placed, then higher score), with a float tolerance. */
const expectAtLeast = (a: Assignment, b: Assignment): void => {
  if (a.assignedCount !== b.assignedCount) expect(a.assignedCount).toBeGreaterThan(b.assignedCount);
  else expect(a.totalScore).toBeGreaterThanOrEqual(b.totalScore - TOL * (1 + Math.abs(b.totalScore)));
};

/** Independent reference for size-1 rows: successive shortest paths with Bellman–Ford on the plain network (source → rows → columns → sink). */
const referenceUnitOptimum = (p: AssignmentProblem): { count: number; score: number } => {
  const R = p.rows;
  const C = p.cols;
  const S = R + C;
  const T = S + 1;
  const to: number[] = [];
  const capA: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: T + 1 }, () => []);
  const arc = (u: number, v: number, c: number, w: number): void => {
    adj[u]!.push(to.length);
    to.push(v);
    capA.push(c);
    cost.push(w);
    adj[v]!.push(to.length);
    to.push(u);
    capA.push(0);
    cost.push(-w);
  };
  for (let r = 0; r < R; r++) arc(S, r, 1, 0);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
    const s = p.score(r, c);
    if (s !== undefined && p.colCapacity[c]! >= 1) arc(r, R + c, 1, -s);
  }
  for (let c = 0; c < C; c++) arc(R + c, T, p.colCapacity[c]!, 0);
  let count = 0;
  let total = 0;
  for (;;) {
    const dist = new Array<number>(T + 1).fill(Infinity);
    const via = new Array<number>(T + 1).fill(-1);
    dist[S] = 0;
    for (let round = 0; round <= T; round++) {
      let changed = false;
      for (let u = 0; u <= T; u++) {
        if (dist[u] === Infinity) continue;
        for (const a of adj[u]!) {
          if (capA[a]! > 0 && dist[u]! + cost[a]! < dist[to[a]!]! - 1e-12) {
            dist[to[a]!] = dist[u]! + cost[a]!;
            via[to[a]!] = a;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[T] === Infinity) break;
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) {
      capA[via[v]!]!--;
      capA[via[v]! ^ 1]!++;
    }
    count++;
    total -= dist[T]!;
  }
  return { count, score: total };
};

const FC = { seed: 20240601, numRuns: 200 } as const;

describe('optimalAssignment: properties on generated instances', () => {
  it('never uses a disallowed pair, never exceeds a capacity, keeps siblings in one column (optimal, greedy, brute force)', () => {
    fc.assert(
      fc.property(instanceArb(6, 5, 3), (inst) => {
        const p = toProblem(inst);
        expectValid(p, optimalAssignment(p));
        expectValid(p, optimalAssignment(p, { exactWorkBudget: 0 })); // heuristic path too
        expectValid(p, greedyAssignment(p, rowsOf(p.rows)));
        expectValid(p, bruteForceAssignment(p));
      }),
      FC,
    );
  });

  it('all sizes 1: equals brute force (count, and score to 1e-9) up to 7 × 7, by exact min-cost flow', () => {
    fc.assert(
      fc.property(instanceArb(7, 7, 1), (inst) => {
        const p = toProblem(inst);
        const o = optimalAssignmentDetailed(p);
        expect(o.method).toBe('min-cost-flow');
        expect(o.exact).toBe(true);
        expectSameObjective(o, bruteForceAssignment(p));
      }),
      { ...FC, numRuns: 150 },
    );
  });

  it('all sizes 1: equals an independent Bellman–Ford min-cost max-flow on larger instances (30 × 20, capacities up to 4)', () => {
    fc.assert(
      fc.property(instanceArb(30, 20, 1, 4), (inst) => {
        const p = toProblem(inst);
        const o = optimalAssignment(p);
        expectValid(p, o);
        const ref = referenceUnitOptimum(p);
        expect(o.assignedCount).toBe(ref.count);
        expect(Math.abs(o.totalScore - ref.score)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(ref.score)));
      }),
      { ...FC, numRuns: 60 },
    );
  });

  it('sizes up to 3 (≤ 6 rows × 5 columns): exact — equals brute force in count and score', () => {
    fc.assert(
      fc.property(instanceArb(6, 5, 3), (inst) => {
        const p = toProblem(inst);
        const o = optimalAssignmentDetailed(p);
        expect(o.exact).toBe(true); // min-cost flow, or the branch and bound finished
        expectSameObjective(o, bruteForceAssignment(p));
        expectAtLeast({ ...o, assignedCount: o.upperBound.assignedCount, totalScore: o.upperBound.totalScore }, o);
      }),
      FC,
    );
  });

  it('the heuristic alone (no branch and bound) is feasible, never better than brute force, never worse than greedy in its baseline orders', () => {
    fc.assert(
      fc.property(
        instanceArb(6, 5, 3).chain((inst) => fc.tuple(fc.constant(inst), fc.shuffledSubarray(rowsOf(inst.rowSize.length), { minLength: inst.rowSize.length, maxLength: inst.rowSize.length }))),
        ([inst, order]) => {
          const p = toProblem(inst);
          const h = optimalAssignmentDetailed(p, { exactWorkBudget: 0, baselineOrders: [order] });
          expectValid(p, h);
          expectAtLeast(bruteForceAssignment(p), h);
          expectAtLeast(h, greedyAssignment(p, order));
          expectAtLeast(h, greedyAssignment(p, rowsOf(p.rows)));
        },
      ),
      FC,
    );
  });

  it('optimal ≥ greedy (lexicographically) in any urgency order', () => {
    fc.assert(
      fc.property(
        instanceArb(7, 6, 3).chain((inst) => fc.tuple(fc.constant(inst), fc.shuffledSubarray(rowsOf(inst.rowSize.length), { minLength: inst.rowSize.length, maxLength: inst.rowSize.length }))),
        ([inst, order]) => {
          const p = toProblem(inst);
          const o = optimalAssignmentDetailed(p);
          expect(o.exact).toBe(true);
          expectAtLeast(o, greedyAssignment(p, order));
        },
      ),
      FC,
    );
  });

  it('removing a column never improves the optimal objective', () => {
    fc.assert(
      fc.property(
        instanceArb(6, 5, 3).chain((inst) => fc.tuple(fc.constant(inst), fc.integer({ min: 0, max: inst.colCapacity.length - 1 }))),
        ([inst, c]) => {
          const full = optimalAssignmentDetailed(toProblem(inst));
          const less = optimalAssignmentDetailed(toProblem(withoutColumn(inst, c)));
          expect(full.exact && less.exact).toBe(true);
          expectAtLeast(full, less);
        },
      ),
      FC,
    );
  });

  it('permuting the rows does not change the optimal objective', () => {
    fc.assert(
      fc.property(
        instanceArb(7, 6, 3).chain((inst) => fc.tuple(fc.constant(inst), fc.shuffledSubarray(rowsOf(inst.rowSize.length), { minLength: inst.rowSize.length, maxLength: inst.rowSize.length }))),
        ([inst, perm]) => {
          const a = optimalAssignmentDetailed(toProblem(inst));
          const b = optimalAssignmentDetailed(toProblem(permuteRows(inst, perm)));
          expect(a.exact && b.exact).toBe(true);
          expectSameObjective(a, b);
        },
      ),
      FC,
    );
  });

  it('sparse candidate lists and a full scan give the same answer; the solver is deterministic', () => {
    fc.assert(
      fc.property(instanceArb(8, 8, 2), (inst) => {
        const dense = optimalAssignment(toProblem({ ...inst, useCandidates: false }));
        const sparse = optimalAssignment(toProblem({ ...inst, useCandidates: true }));
        expect(sparse.colOfRow).toEqual(dense.colOfRow);
        expect(optimalAssignment(toProblem(inst))).toEqual(optimalAssignment(toProblem(inst)));
      }),
      FC,
    );
  });

  it('larger instances with sibling groups: feasible, ≥ greedy in the given urgency order, ≤ the reported upper bound', () => {
    fc.assert(
      fc.property(
        instanceArb(60, 25, 3, 4).chain((inst) => fc.tuple(fc.constant(inst), fc.shuffledSubarray(rowsOf(inst.rowSize.length), { minLength: inst.rowSize.length, maxLength: inst.rowSize.length }))),
        ([inst, order]) => {
          const p = toProblem(inst);
          const o = optimalAssignmentDetailed(p, { baselineOrders: [order], exactWorkBudget: 2e5 });
          expectValid(p, o);
          expectAtLeast(o, greedyAssignment(p, order));
          expectAtLeast({ ...o, assignedCount: o.upperBound.assignedCount, totalScore: o.upperBound.totalScore }, o);
        },
      ),
      { ...FC, numRuns: 40 },
    );
  });
});

describe('optimalAssignment: worked examples (hand-checked)', () => {
  const fromMatrix = (rowSize: number[], colCapacity: number[], m: (number | undefined)[][]): AssignmentProblem => ({
    rows: rowSize.length,
    cols: colCapacity.length,
    rowSize,
    colCapacity,
    score: (r, c) => m[r]![c],
  });

  it('two children, two single carers: greedy takes the best carer first and loses 6 points', () => {
    // Child 0: A = 10, B = 8. Child 1: A = 9, B = 1. Greedy (0 then 1): 0→A, 1→B = 11.
    // Optimal: 0→B, 1→A = 8 + 9 = 17.
    const p = fromMatrix([1, 1], [1, 1], [
      [10, 8],
      [9, 1],
    ]);
    const g = greedyAssignment(p, [0, 1]);
    expect(g).toEqual({ colOfRow: [0, 1], totalScore: 11, assignedCount: 2 });
    const o = optimalAssignmentDetailed(p);
    expect(o.colOfRow).toEqual([1, 0]);
    expect(o.totalScore).toBe(17);
    expect(o.assignedCount).toBe(2);
    expect(o.method).toBe('min-cost-flow');
  });

  it('a shortfall is worse than any placement: places both children even at a lower total score', () => {
    // Child 0: A = 10, B = −50. Child 1: A = 1 only. Greedy (0 then 1): 0→A, 1 unplaced = (1, 10).
    // Optimal: 0→B, 1→A = (2, −49) — more children placed beats a higher score.
    const p = fromMatrix([1, 1], [1, 1], [
      [10, -50],
      [1, undefined],
    ]);
    expect(greedyAssignment(p, [0, 1])).toEqual({ colOfRow: [0, undefined], totalScore: 10, assignedCount: 1 });
    expect(optimalAssignment(p)).toEqual({ colOfRow: [1, 0], totalScore: -49, assignedCount: 2 });
    expect(compareAssignments(optimalAssignment(p), greedyAssignment(p, [0, 1]))).toBeGreaterThan(0);
  });

  it('siblings stay together: greedy by urgency fills the two-place home with singles and loses the group', () => {
    // Row 0: a sibling pair (size 2), only home A (2 places) = 10. Row 1: single, A = 6, B = 5.
    // Row 2: single, A = 4 only. Home B has 1 place.
    // Greedy in urgency order 1, 2, 0: 1→A (6), 2→A (4), A full, the pair has nowhere = (2, 10).
    // Optimal: pair→A (10), 1→B (5), 2 unplaced = (2, 15). All three cannot be placed: the pair
    // and child 2 both need A, and A has 2 places.
    const p = fromMatrix([2, 1, 1], [2, 1], [
      [10, undefined],
      [6, 5],
      [4, undefined],
    ]);
    expect(greedyAssignment(p, [1, 2, 0])).toEqual({ colOfRow: [undefined, 0, 0], totalScore: 10, assignedCount: 2 });
    const o = optimalAssignmentDetailed(p, { baselineOrders: [[1, 2, 0]] });
    expect(o.colOfRow).toEqual([0, 1, undefined]);
    expect(o.totalScore).toBe(15);
    expect(o.assignedCount).toBe(2);
    expect(o.exact).toBe(true);
    expect(bruteForceAssignment(p).totalScore).toBe(15);
  });

  it('a column may take several rows as long as the sizes fit', () => {
    // Home A has 3 places: a pair (size 2) and a single both fit; a trio would not fit with them.
    const p = fromMatrix([2, 1, 3], [3], [[5], [4], [6]]);
    const o = optimalAssignment(p);
    expect(o).toEqual({ colOfRow: [0, 0, undefined], totalScore: 9, assignedCount: 2 });
    expectValid(p, o);
  });

  it('rejects malformed input', () => {
    const base = fromMatrix([1], [1], [[1]]);
    expect(() => optimalAssignment({ ...base, score: () => Number.NaN })).toThrow(RangeError);
    expect(() => optimalAssignment({ ...base, rowSize: [0] })).toThrow(RangeError);
    expect(() => optimalAssignment({ ...base, colCapacity: [1.5] })).toThrow(RangeError);
    expect(() => optimalAssignment({ ...base, candidates: [[1]] })).toThrow(RangeError);
    expect(() => greedyAssignment(base, [3])).toThrow(RangeError);
  });

  it('handles empty problems', () => {
    expect(optimalAssignment({ rows: 0, cols: 0, rowSize: [], colCapacity: [], score: () => 1 })).toEqual({ colOfRow: [], totalScore: 0, assignedCount: 0 });
    expect(optimalAssignment({ rows: 2, cols: 0, rowSize: [1, 2], colCapacity: [], score: () => 1 })).toEqual({ colOfRow: [undefined, undefined], totalScore: 0, assignedCount: 0 });
  });
});
