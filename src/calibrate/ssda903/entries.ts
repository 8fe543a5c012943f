// Entry rates: children starting to be looked after (periods whose start the data show, starting
// in the observed window) per year, by age band at entry and by need.
//   band rate   = Gamma-smoothed starts per year, towards (the authority's total) × national band mix
//   need shares = Dirichlet-smoothed within the band, towards the national-style need shares
// so every age band has a rate above zero, and a need seen in the data keeps its share.
import { AGE_BANDS, NEEDS, type AgeBand, type Need } from '../../domain/vocabulary.js';
import { needOf } from './childrenAtAsAt.js';
import { NATIONAL_STARTER_MIX, NATIONAL_STARTS_PER_CHILD_IN_CARE, NEED_PRIOR } from './priors.js';
import { dirichletShares, gammaRate, type RateCell } from './smoothing.js';
import { ageBandAt } from './splitAtAgeBands.js';
import { foldChildren, type ChildFold } from './fold.js';
import type { ChildHistory } from './types.js';
import type { Window } from './window.js';

export interface EntryRateRow {
  readonly ageBand: AgeBand;
  readonly need: Need;
  /** Smoothed starts a year (the scenario's `entries.rates[].perYear`). */
  readonly perYear: number;
  readonly starts: number;
}

export interface EntriesEstimate {
  /** Starts in the window. */
  readonly starts: number;
  /** Starts a year, unsmoothed (starts / window years). */
  readonly startsPerYear: number;
  readonly byAgeBand: Readonly<Record<AgeBand, RateCell>>;
  /** By age band × need: rows with a positive rate, in vocabulary order. */
  readonly rates: readonly EntryRateRow[];
}

/** Count starts in [observedFrom, asAt] by age band and need (keys `band|need`). */
export const startsFold = (w: Window): ChildFold<Map<string, number>, Map<string, number>> => ({
  start: () => new Map(),
  add: (out, c) => {
    for (const p of c.periods) {
      if (!p.startKnown || p.start < w.observedFrom || p.start > w.asAt) continue;
      const first = p.placements[0]?.segments[0]?.type ?? 'other';
      const k = `${ageBandAt(c.dob, p.start)}|${needOf(c.uasc, first, p.cinAtStart)}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  },
  finish: (out) => out,
});

export const countStarts = (children: readonly ChildHistory[], w: Window): Map<string, number> => foldChildren(startsFold(w), children);

export const entries = (children: readonly ChildHistory[], w: Window, childrenInCare: number, m: number): EntriesEstimate =>
  entriesOfStarts(countStarts(children, w), w, childrenInCare, m);

/** Entry rates from the starts counted by `startsFold`. */
export const entriesOfStarts = (counted: ReadonlyMap<string, number>, w: Window, childrenInCare: number, m: number): EntriesEstimate => {
  const n = (b: AgeBand, need?: Need): number =>
    need === undefined ? NEEDS.reduce((s, x) => s + (counted.get(`${b}|${x}`) ?? 0), 0) : counted.get(`${b}|${need}`) ?? 0;
  const starts = AGE_BANDS.reduce((s, b) => s + n(b), 0);
  const startsPerYear = w.years > 0 ? starts / w.years : 0;
  // The scale the band mix prior is centred on: the authority's own total, or (none seen) the national ratio to children in care.
  const scale = startsPerYear > 0 ? startsPerYear : NATIONAL_STARTS_PER_CHILD_IN_CARE * Math.max(1, childrenInCare);
  const byAgeBand = Object.fromEntries(AGE_BANDS.map((b) => [b, gammaRate(n(b), w.years, scale * NATIONAL_STARTER_MIX[b], m)])) as Record<AgeBand, RateCell>;
  const rates: EntryRateRow[] = [];
  for (const b of AGE_BANDS) {
    const counts = Object.fromEntries(NEEDS.map((x) => [x, n(b, x)]).filter(([, v]) => (v as number) > 0)) as Partial<Record<Need, number>>;
    const shares = dirichletShares(counts, NEED_PRIOR[b], m);
    for (const need of NEEDS) {
      const s = shares[need];
      if (s !== undefined && s > 0) rates.push({ ageBand: b, need, perYear: byAgeBand[b].perYear * s, starts: n(b, need) });
    }
  }
  return { starts, startsPerYear, byAgeBand, rates };
};
