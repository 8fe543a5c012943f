// The starting population from marginal mixes: a snapshot gives children in care by age band and
// by placement type, not the two together. We rake (iterative proportional fitting) a prior table
// of which ages each placement type takes until both margins hold, round to whole children, then
// split each cell by need with fixed national-style shares. A future SSDA903 estimator has the
// joint counts already and passes its own cells to the builder instead.
import { E } from '../domain/fp.js';
import {
  AGE_BANDS, NEEDS, PLACEMENT_TYPES, type AgeBand, type Need, type PlacementType,
} from '../domain/vocabulary.js';

export interface PopulationCount {
  readonly ageBand: AgeBand;
  readonly need: Need;
  readonly placementType: PlacementType;
  readonly count: number;
}

/**
 * Which ages each placement type takes (relative weights by age band; 0 = never). An assumption
 * from the vocabulary: supported accommodation is for 16–17s, a parent-and-child placement is
 * counted on the baby, children's homes rarely take under-5s, adoption placements are of young
 * children.
 */
export const AGE_AFFINITY: Readonly<Record<PlacementType, readonly [number, number, number, number, number]>> = {
  connected: [1, 1, 1, 1, 1],
  inHouseFoster: [1, 1, 1, 1, 1],
  ifa: [1, 1, 1, 1, 1],
  residentialInHouse: [0, 0, 0.1, 1, 0.6],
  residentialPrivate: [0, 0, 0.1, 1, 0.6],
  supported: [0, 0, 0, 0, 1],
  parentAndChild: [1, 0, 0, 0, 0],
  placedWithParents: [0.3, 1, 1, 1, 0.5],
  adoption: [1, 1, 0.3, 0.02, 0],
  secure: [0, 0, 0, 1, 1],
  other: [0, 0, 0.1, 1, 1],
  unregistered: [0, 0, 0, 1, 1],
};

/** Share of each need within a placement type and age band (an assumption; see the README). */
export const needSharesOf = (p: PlacementType, b: AgeBand): Readonly<Partial<Record<Need, number>>> => {
  switch (p) {
    case 'residentialInHouse': case 'residentialPrivate': case 'secure':
      return { complex: 0.8, disability: 0.2 };
    case 'supported':
      return { standard: 0.55, complex: 0.25, uasc: 0.2 };
    case 'other': case 'unregistered':
      return { complex: 1 };
    case 'parentAndChild':
      return { parentAndChild: 1 };
    case 'inHouseFoster': case 'ifa':
      if (b === 'under1' || b === '1to4') return { standard: 1 };
      if (b === '16plus') return { standard: 0.75, uasc: 0.2, disability: 0.05 };
      return { standard: 0.95, disability: 0.05 };
    default:
      return { standard: 1 };
  }
};

/** Largest-remainder rounding of non-negative reals to whole numbers summing to `total`. */
export const largestRemainder = (values: readonly number[], total: number): number[] => {
  const sum = values.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v / sum) * total);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
};

const RAKING_ROUNDS = 200;

/**
 * Rake the age affinity table to the two margins (counts by age band, counts by placement type).
 * Returns the real-valued table [type][band].
 */
export const rake = (typeTotals: readonly number[], bandTotals: readonly number[]): number[][] => {
  const table = PLACEMENT_TYPES.map((p, ti) => AGE_AFFINITY[p].map((a) => (typeTotals[ti]! > 0 ? a : 0)));
  for (let round = 0; round < RAKING_ROUNDS; round++) {
    table.forEach((row, ti) => {
      const s = row.reduce((a, b) => a + b, 0);
      if (s > 0) row.forEach((v, bi) => { row[bi] = (v * typeTotals[ti]!) / s; });
    });
    AGE_BANDS.forEach((_, bi) => {
      const s = table.reduce((a, row) => a + row[bi]!, 0);
      if (s > 0) table.forEach((row) => { row[bi] = (row[bi]! * bandTotals[bi]!) / s; });
    });
  }
  return table;
};

const AGE_RULES = 'supported accommodation takes 16–17s only, parent-and-child placements are counted on the baby (under 1), children\'s homes, secure units and "other" take children of 5 or more (mostly 10+), adoption placements are of children under 10';

/**
 * The starting population as whole children by age band, need and placement type, with the
 * given totals by type and by band. A Left explains when the two mixes cannot hold together
 * under the age rules of the placement types (for example more children in supported
 * accommodation than aged 16+).
 */
export const initialPopulation = (
  childrenInCare: number,
  ageShares: Readonly<Record<AgeBand, number>>,
  placementShares: Readonly<Record<PlacementType, number>>,
  toleranceShare: number,
): E.Either<string[], PopulationCount[]> => {
  const typeTotals = largestRemainder(PLACEMENT_TYPES.map((p) => placementShares[p]), childrenInCare);
  const bandTotals = largestRemainder(AGE_BANDS.map((b) => ageShares[b]), childrenInCare);
  const table = rake(typeTotals, bandTotals);
  // Whole children: each type's row keeps its total exactly; then single children move between
  // bands within a type (where the type takes that age) until the band totals hold too.
  const whole = table.map((row, ti) => largestRemainder(row, typeTotals[ti]!));
  const bandSum = (bi: number): number => whole.reduce((a, row) => a + row[bi]!, 0);
  for (let guard = 0; guard < childrenInCare; guard++) {
    const over = AGE_BANDS.map((_, bi) => bandSum(bi) - bandTotals[bi]!);
    const from = over.findIndex((x) => x > 0);
    let moved = false;
    for (let to = 0; to < AGE_BANDS.length && from >= 0 && !moved; to++) {
      if (over[to]! >= 0) continue;
      const ti = whole.findIndex((row, t) => row[from]! > 0 && AGE_AFFINITY[PLACEMENT_TYPES[t]!][to]! > 0);
      if (ti >= 0) {
        whole[ti]![from]! -= 1;
        whole[ti]![to]! += 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const achievedBands = AGE_BANDS.map((_, bi) => bandSum(bi));
  const problems = AGE_BANDS.flatMap((b, bi) => {
    const gap = (achievedBands[bi]! - bandTotals[bi]!) / childrenInCare;
    return Math.abs(gap) > toleranceShare
      ? [`${b}: the placement mix leaves ${achievedBands[bi]} children of this age against ${bandTotals[bi]} in the age mix (${(100 * gap).toFixed(1)} points)`]
      : [];
  });
  if (problems.length > 0) {
    return E.left([`the age mix and the placement mix cannot both hold (${AGE_RULES}):`, ...problems.map((p) => `  ${p}`)]);
  }
  const cells: PopulationCount[] = [];
  PLACEMENT_TYPES.forEach((p, ti) => AGE_BANDS.forEach((b, bi) => {
    const n = whole[ti]![bi]!;
    if (n === 0) return;
    const shares = needSharesOf(p, b);
    const needs = NEEDS.filter((need) => (shares[need] ?? 0) > 0);
    const split = largestRemainder(needs.map((need) => shares[need]!), n);
    needs.forEach((need, k) => {
      if (split[k]! > 0) cells.push({ ageBand: b, need, placementType: p, count: split[k]! });
    });
  }));
  return E.right(cells);
};
