// Placement type mix (PLACE × PLACE_PROVIDER → placement type): of the children in care at the
// snapshot (a census: exact shares), and of first placements of children starting care in the
// window by age band (Dirichlet-smoothed towards the authority's all-ages mix, see priors.ts).
import { AGE_BANDS, PLACEMENT_TYPES, type AgeBand, type PlacementType } from '../../domain/vocabulary.js';
import { placementMixPrior } from './priors.js';
import { dirichletShares } from './smoothing.js';
import { ageBandAt } from './splitAtAgeBands.js';
import { foldChildren, type ChildFold } from './fold.js';
import type { ChildHistory } from './types.js';
import type { Window } from './window.js';

export interface PlacementMixEstimate {
  /** Share of children in care at the snapshot by placement type (types with none left out). */
  readonly atAsAt: Readonly<Partial<Record<PlacementType, number>>>;
  /** First placements of starts in the window, counts by age band at entry. */
  readonly atEntryCounts: Readonly<Record<AgeBand, Readonly<Partial<Record<PlacementType, number>>>>>;
  /** The same as smoothed shares by age band. */
  readonly atEntry: Readonly<Record<AgeBand, Readonly<Partial<Record<PlacementType, number>>>>>;
}

interface EntryMixTally {
  readonly atEntryCounts: Record<AgeBand, Partial<Record<PlacementType, number>>>;
  readonly pooled: Partial<Record<PlacementType, number>>;
}

/** First placements of starts in the window, by age band at entry and pooled over ages. */
export const entryMixFold = (w: Window): ChildFold<EntryMixTally, EntryMixTally> => ({
  start: () => ({ atEntryCounts: Object.fromEntries(AGE_BANDS.map((b) => [b, {}])) as Record<AgeBand, Partial<Record<PlacementType, number>>>, pooled: {} }),
  add: ({ atEntryCounts, pooled }, c) => {
    for (const p of c.periods) {
      if (!p.startKnown || p.start < w.observedFrom || p.start > w.asAt) continue;
      const type = p.placements[0]?.segments[0]?.type ?? 'other';
      const band = ageBandAt(c.dob, p.start);
      atEntryCounts[band][type] = (atEntryCounts[band][type] ?? 0) + 1;
      pooled[type] = (pooled[type] ?? 0) + 1;
    }
  },
  finish: (t) => t,
});

/** The mix from the census by type and the first placements counted by `entryMixFold`. */
export const placementMixOf = (
  { atEntryCounts, pooled }: EntryMixTally, byPlacementType: Readonly<Record<PlacementType, number>>, m: number,
): PlacementMixEstimate => {
  const total = PLACEMENT_TYPES.reduce((s, p) => s + byPlacementType[p], 0);
  const atAsAt: Partial<Record<PlacementType, number>> = {};
  for (const p of PLACEMENT_TYPES) if (byPlacementType[p] > 0) atAsAt[p] = byPlacementType[p] / total;
  const atEntry = Object.fromEntries(AGE_BANDS.map((b) => [b, dirichletShares(atEntryCounts[b], placementMixPrior(pooled, b), m)])) as Record<AgeBand, Partial<Record<PlacementType, number>>>;
  return { atAsAt, atEntryCounts, atEntry };
};

export const placementMix = (
  children: readonly ChildHistory[], w: Window, byPlacementType: Readonly<Record<PlacementType, number>>, m: number,
): PlacementMixEstimate => placementMixOf(foldChildren(entryMixFold(w), children), byPlacementType, m);
