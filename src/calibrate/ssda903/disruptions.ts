// Placement moves per child-year by placement type × age band, from REASON_PLACE_CHANGE on the
// episode that ends a placement (DfE rule 225). Unplanned endings (CREQB, CREQO, CHILD, ALLEG,
// STAND, CLOSE, APPRR) are the scenario's breakdowns (`disruption.base`); CARPL (care plan) is a
// planned move (`disruption.plannedMoves`); the others (LAREQ, CUSTOD, OTHER, or none recorded)
// are counted but used for neither. Exposure is time in each placement type in the window, by age
// band, for every period (a period's start need not be known). A placement that ends because the
// child leaves care is not a move. Rates are Gamma-smoothed towards BREAKDOWN_PRIOR / PLANNED_PRIOR.
import { PLANNED_CHANGE, UNPLANNED_CHANGE } from '../../domain/ssda903.js';
import { AGE_BANDS, PLACEMENT_TYPES, type AgeBand, type PlacementType } from '../../domain/vocabulary.js';
import { periodStop, segmentStop } from './childrenAtAsAt.js';
import { breakdownPrior, plannedPrior } from './priors.js';
import { gammaRate, type RateCell } from './smoothing.js';
import { DAYS_PER_YEAR } from '../../domain/time.js';
import { ageBandAt, eighteenth, splitAtAgeBands } from './splitAtAgeBands.js';
import { foldChildren, type ChildFold } from './fold.js';
import type { ChildHistory } from './types.js';
import type { Window } from './window.js';

export type RateTable = Readonly<Partial<Record<PlacementType, Readonly<Partial<Record<AgeBand, RateCell>>>>>>;

export interface DisruptionEstimate {
  /** Unplanned endings per child-year (the scenario's breakdown hazard). */
  readonly base: RateTable;
  /** Planned (CARPL) moves per child-year. */
  readonly plannedMoves: RateTable;
  /** Moves with another or no recorded reason (not used as rates). */
  readonly otherMoves: number;
  readonly unplanned: number;
  readonly planned: number;
}

type Grid = Record<PlacementType, Record<AgeBand, number>>;
const grid = (): Grid => Object.fromEntries(PLACEMENT_TYPES.map((p) => [p, Object.fromEntries(AGE_BANDS.map((b) => [b, 0]))])) as Grid;

interface DisruptionTally {
  readonly exposure: Grid;
  readonly unplanned: Grid;
  readonly planned: Grid;
  otherMoves: number;
  nUnplanned: number;
  nPlanned: number;
}

export const disruptionsFold = (w: Window, m: number): ChildFold<DisruptionTally, DisruptionEstimate> => ({
  start: () => ({ exposure: grid(), unplanned: grid(), planned: grid(), otherMoves: 0, nUnplanned: 0, nPlanned: 0 }),
  add: (t, c) => {
    const adult = eighteenth(c.dob);
    for (const p of c.periods) {
      const stop = Math.min(periodStop(p), w.end, adult);
      p.placements.forEach((pl, i) => {
        for (const s of pl.segments) {
          const from = Math.max(s.start, w.observedFrom);
          const to = Math.min(segmentStop(s), stop);
          for (const piece of splitAtAgeBands(from, to, c.dob)) t.exposure[s.type][piece.band] += (piece.to - piece.from) / DAYS_PER_YEAR;
        }
        const moved = i + 1 < p.placements.length && pl.end !== undefined && pl.end >= w.observedFrom && pl.end <= w.asAt && pl.end < adult;
        if (!moved) return;
        const last = pl.segments[pl.segments.length - 1]!;
        const band = ageBandAt(c.dob, Math.max(pl.start, pl.end! - 1e-9));
        if (pl.endReason !== undefined && UNPLANNED_CHANGE.includes(pl.endReason)) {
          t.unplanned[last.type][band]++;
          t.nUnplanned++;
        } else if (pl.endReason !== undefined && PLANNED_CHANGE.includes(pl.endReason)) {
          t.planned[last.type][band]++;
          t.nPlanned++;
        } else {
          t.otherMoves++;
        }
      });
    }
  },
  finish: ({ exposure, unplanned, planned, otherMoves, nUnplanned, nPlanned }) => {
    const table = (events: Grid, prior: (p: PlacementType, b: AgeBand) => number): RateTable => {
      const out: Partial<Record<PlacementType, Partial<Record<AgeBand, RateCell>>>> = {};
      for (const p of PLACEMENT_TYPES) {
        if (p === 'unregistered') continue;
        for (const b of AGE_BANDS) {
          if (exposure[p][b] <= 0 && events[p][b] === 0) continue;
          (out[p] ??= {})[b] = gammaRate(events[p][b], exposure[p][b], prior(p, b), m);
        }
      }
      return out;
    };
    return {
      base: table(unplanned, breakdownPrior),
      plannedMoves: table(planned, plannedPrior),
      otherMoves, unplanned: nUnplanned, planned: nPlanned,
    };
  },
});

export const disruptions = (children: readonly ChildHistory[], w: Window, m: number): DisruptionEstimate => foldChildren(disruptionsFold(w, m), children);
