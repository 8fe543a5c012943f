// The generic joint solver with "who can live together" conflicts, against exhaustive search on
// instances dense in conflicts (where a dive or a repair alone does not find the optimum).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyJoint, optimalJoint, type JointProblem } from '../../../src/matching/optimiser/conflictSearch.js';

interface Inst {
  readonly size: readonly number[];
  readonly cap: readonly number[];
  readonly matrix: readonly (readonly (number | undefined)[])[];
  readonly restricted: readonly boolean[];
  readonly share: readonly (readonly boolean[])[];
}

const instArb = (maxRows: number, maxCols: number): fc.Arbitrary<Inst> =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([R, C]) => fc.record({
    size: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: R, maxLength: R }),
    cap: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: C, maxLength: C }),
    matrix: fc.array(fc.array(fc.option(fc.integer({ min: -40, max: 0 }), { freq: 4, nil: undefined }), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
    restricted: fc.array(fc.boolean(), { minLength: R, maxLength: R }),
    share: fc.array(fc.array(fc.boolean(), { minLength: R, maxLength: R }), { minLength: R, maxLength: R }),
  }));

const problemOf = (x: Inst): JointProblem => ({
  rows: x.size.length, cols: x.cap.length, rowSize: x.size, colCapacity: x.cap,
  score: (r, c) => x.matrix[r]![c], restricted: x.restricted,
  // Symmetric: a pair may share when both matrix entries allow it.
  canShare: (a, b) => x.share[a]![b]! && x.share[b]![a]!,
});

const sharable = (x: Inst, a: number, b: number): boolean => !(x.restricted[a] || x.restricted[b]) || (x.share[a]![b]! && x.share[b]![a]!);

const brute = (x: Inst): { count: number; score: number } => {
  const R = x.size.length;
  const left = [...x.cap];
  const at: number[][] = x.cap.map(() => []);
  let best = { count: -1, score: Number.NEGATIVE_INFINITY };
  const dfs = (r: number, count: number, score: number): void => {
    if (r === R) {
      if (count > best.count || (count === best.count && score > best.score)) best = { count, score };
      return;
    }
    x.matrix[r]!.forEach((s, c) => {
      if (s === undefined || left[c]! < x.size[r]! || !at[c]!.every((o) => sharable(x, r, o))) return;
      left[c]! -= x.size[r]!;
      at[c]!.push(r);
      dfs(r + 1, count + 1, score + s);
      at[c]!.pop();
      left[c]! += x.size[r]!;
    });
    dfs(r + 1, count, score);
  };
  dfs(0, 0, 0);
  return best;
};

const feasible = (x: Inst, colOfRow: readonly (number | undefined)[]): boolean => {
  const load = x.cap.map(() => 0);
  for (let r = 0; r < colOfRow.length; r++) {
    const c = colOfRow[r];
    if (c === undefined) continue;
    if (x.matrix[r]![c] === undefined) return false;
    load[c]! += x.size[r]!;
    for (let o = 0; o < r; o++) if (colOfRow[o] === c && !sharable(x, r, o)) return false;
  }
  return load.every((l, c) => l <= x.cap[c]!);
};

describe('optimalJoint', () => {
  it('equals exhaustive search when it says the answer is proven, is always feasible and never worse than greedy', () => {
    let proven = 0;
    let runs = 0;
    fc.assert(fc.property(instArb(7, 4), (x) => {
      const p = problemOf(x);
      const order = x.size.map((_, i) => i);
      const opt = optimalJoint(p, { urgencyOrder: order });
      const g = greedyJoint(p, order);
      const bf = brute(x);
      runs++;
      expect(feasible(x, opt.colOfRow)).toBe(true);
      expect(feasible(x, g.colOfRow)).toBe(true);
      expect(opt.assignedCount > g.assignedCount || (opt.assignedCount === g.assignedCount && opt.totalScore >= g.totalScore - 1e-9)).toBe(true);
      if (opt.exact) {
        proven++;
        expect(opt.assignedCount).toBe(bf.count);
        expect(opt.totalScore).toBeCloseTo(bf.score, 9);
      }
    }), { numRuns: 400 });
    // Small instances finish within the default budget almost always.
    expect(proven / runs).toBeGreaterThan(0.95);
  });

  it('a dense conflict case: every row wants the one big column, and only some pairs can share it', () => {
    const x: Inst = {
      size: [1, 1, 1, 1], cap: [3, 1],
      matrix: [[0, -10], [0, -10], [0, -10], [0, undefined]],
      restricted: [true, true, false, false],
      share: [[true, false, true, false], [false, true, true, true], [true, true, true, true], [false, true, true, true]],
    };
    const opt = optimalJoint(problemOf(x), { urgencyOrder: [0, 1, 2, 3] });
    expect(opt.exact).toBe(true);
    expect([opt.assignedCount, opt.totalScore]).toEqual([brute(x).count, brute(x).score]);
  });
});
