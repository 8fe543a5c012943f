// Heuristic for sibling groups: exact size-1 flow + group insertion with exact re-routing +
// local search over the groups' columns (stage 1 in optimal.ts).
import { FlowSnapshot } from './flowSnapshot.js';
import { UnitFlow } from './minCostFlow.js';
import { betterThan, evaluate, type Csr, type OptimalOptions, type Sol } from './problem.js';

const MAX_CHAIN = 3;

export const solveWithGroups = (csr: Csr, units: readonly number[], groups: readonly number[], seeds: readonly Sol[], opts: OptimalOptions): Sol => {
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
