// Assignment benchmark: a generated instance of 500 referrals × 5,000 vacancies (sparse
// candidate lists, 5–20% of vacancies allowed per referral, sizes mostly 1 with some sibling
// groups of 2–3), timing optimalAssignment and greedyAssignment on one core.
// Run: `npx tsx benchmarks/assignment.bench.ts` or, compiled, `node dist/benchmarks/assignment.bench.js`.
import { pathToFileURL } from 'node:url';
import { greedyAssignment } from '../src/matching/optimiser/greedy.js';
import { optimalAssignmentDetailed } from '../src/matching/optimiser/optimal.js';
import type { AssignmentProblem } from '../src/matching/optimiser/problem.js';

/** Park–Miller style 32-bit LCG (Numerical Recipes constants); deterministic and dependency-free. */
const lcg = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
};

export interface BenchInstance {
  readonly problem: AssignmentProblem;
  readonly urgency: readonly number[];
  readonly edges: number;
}

/** Deterministic instance: vacancies on a 100×100 grid with 1–4 free places (a few homes 6; with `scarce`, 1–2), referrals with a location and 5–20% of vacancies allowed, and an urgency order. */
export const generateInstance = (rows = 500, cols = 5000, seed = 20240601, scarce = false): BenchInstance => {
  const rnd = lcg(seed);
  const vx = new Float64Array(cols);
  const vy = new Float64Array(cols);
  const vcost = new Float64Array(cols);
  const colCapacity: number[] = [];
  for (let j = 0; j < cols; j++) {
    vx[j] = rnd() * 100;
    vy[j] = rnd() * 100;
    vcost[j] = 400 + rnd() * 4000;
    const u = rnd();
    colCapacity.push(scarce ? (u < 0.7 ? 1 : 2) : u < 0.55 ? 1 : u < 0.8 ? 2 : u < 0.93 ? 3 : u < 0.98 ? 4 : 6);
  }
  const rowSize: number[] = [];
  const candidates: number[][] = [];
  const scores: Float64Array[] = [];
  let edges = 0;
  for (let i = 0; i < rows; i++) {
    const u = rnd();
    rowSize.push(u < 0.85 ? 1 : u < 0.95 ? 2 : 3);
    const x = rnd() * 100;
    const y = rnd() * 100;
    const share = 0.05 + rnd() * 0.15; // 5–20% of vacancies allowed
    const list: number[] = [];
    const sc: number[] = [];
    for (let j = 0; j < cols; j++) {
      if (rnd() >= share) continue;
      const miles = Math.hypot(vx[j]! - x, vy[j]! - y);
      list.push(j);
      sc.push(100 - miles - vcost[j]! / 100 + (rnd() < 0.3 ? 15 : 0));
    }
    candidates.push(list);
    scores.push(Float64Array.from(sc));
    edges += list.length;
  }
  // Sparse score lookup: position of column j in row i's (sorted) candidate list.
  const score = (i: number, j: number): number | undefined => {
    const list = candidates[i]!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]!;
      if (v === j) return scores[i]![mid];
      if (v < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const urgency = Array.from({ length: rows }, (_, i) => i).sort((a, b) => ((a * 7919) % rows) - ((b * 7919) % rows) || a - b);
  return { problem: { rows, cols, rowSize, colCapacity, score, candidates }, urgency, edges };
};

const fmt = (x: number): string => x.toFixed(1);

const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

const compare = (label: string, inst: BenchInstance): string[] => {
  const { problem, urgency, edges } = inst;
  const places = problem.colCapacity.reduce((a, b) => a + b, 0);
  const need = problem.rowSize.reduce((a, b) => a + b, 0);
  const lines = [
    `${label}: ${problem.rows} referrals × ${problem.cols} vacancies, ${edges} allowed pairs (${((100 * edges) / (problem.rows * problem.cols)).toFixed(1)}%), ${problem.rowSize.filter((s) => s > 1).length} sibling groups, ${need} places needed of ${places}`,
  ];
  const [opt, optMs] = timed(() => optimalAssignmentDetailed(problem, { baselineOrders: [urgency] }));
  const [greedy, greedyMs] = timed(() => greedyAssignment(problem, urgency));
  const gap = opt.upperBound.assignedCount === opt.assignedCount ? `${((100 * (opt.upperBound.totalScore - opt.totalScore)) / Math.abs(opt.upperBound.totalScore)).toFixed(3)}% below` : `${opt.upperBound.assignedCount - opt.assignedCount} fewer placed than`;
  lines.push(`  optimal (${opt.method}, ${opt.exact ? 'proven optimal' : `not proven; ${gap} the upper bound ${opt.upperBound.assignedCount}/${opt.upperBound.totalScore.toFixed(2)}`}): ${fmt(optMs)} ms, assigned ${opt.assignedCount}/${problem.rows}, score ${opt.totalScore.toFixed(2)}`);
  lines.push(`  greedy (urgency order): ${fmt(greedyMs)} ms, assigned ${greedy.assignedCount}/${problem.rows}, score ${greedy.totalScore.toFixed(2)}`);
  lines.push(`  optimal vs greedy: time ${(optMs / greedyMs).toFixed(1)}×, score ratio ${(opt.totalScore / greedy.totalScore).toFixed(4)}, assigned ${opt.assignedCount - greedy.assignedCount >= 0 ? '+' : ''}${opt.assignedCount - greedy.assignedCount}`);
  // The same instance with every referral of size 1: the exact min-cost-flow path.
  const unit: AssignmentProblem = { ...problem, rowSize: problem.rowSize.map(() => 1) };
  const [optU, optUMs] = timed(() => optimalAssignmentDetailed(unit));
  const [greedyU, greedyUMs] = timed(() => greedyAssignment(unit, urgency));
  lines.push(`  all sizes 1 — optimal (${optU.method}, exact): ${fmt(optUMs)} ms, assigned ${optU.assignedCount}, score ${optU.totalScore.toFixed(2)}; greedy ${fmt(greedyUMs)} ms, assigned ${greedyU.assignedCount}, score ${greedyU.totalScore.toFixed(2)}; score ratio ${(optU.totalScore / greedyU.totalScore).toFixed(4)}`);
  lines.push(`  under 5 s on one core: ${optMs < 5000 && optUMs < 5000 ? 'yes' : 'NO'}`);
  return lines;
};

export const runAssignmentBench = async (): Promise<string[]> => [
  ...compare('Assignment benchmark', generateInstance()),
  // Scarce places: every vacancy has one or two places and referrals compete (shortfalls).
  ...compare('Assignment benchmark, scarce places', generateInstance(500, 500, 7, true)),
];

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  runAssignmentBench().then(
    (lines) => {
      for (const line of lines) console.log(line);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
