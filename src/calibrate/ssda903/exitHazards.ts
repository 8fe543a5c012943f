// Exit hazards by age band × time in care, piecewise constant: occurrences / exposure, with
// right-censoring and delayed entry.
//   - Only periods whose start the data show count (time in care must be known); a period that
//     started before `observedFrom` counts from `observedFrom` (delayed entry), not from its start.
//   - Exposure is time in care inside [observedFrom, asAt + 1), cut at age-band boundaries and at
//     the steps of time in care, and stopped at the 18th birthday.
//   - An exit is a period ending inside the window before the 18th birthday. Children still in
//     care at the snapshot, or whose data stop, contribute exposure and no exit (censored).
//     Leaving at 18 is not an exit hazard event: the model ends every stay at 18.
// Rates are Gamma-smoothed towards EXIT_PRIOR. Exit reasons (REC) are counted by age band at exit.
import { exitReasonOf } from '../../domain/ssda903.js';
import { AGE_BANDS, type AgeBand } from '../../domain/vocabulary.js';
import { periodStop } from './childrenAtAsAt.js';
import { EXIT_REASON_PRIOR, exitPrior } from './priors.js';
import { dirichletShares, gammaRate, type RateCell } from './smoothing.js';
import { DAYS_PER_YEAR } from '../../domain/time.js';
import { ageBandAt, eighteenth, splitAtAgeBands } from './splitAtAgeBands.js';
import { foldChildren, type ChildFold } from './fold.js';
import type { ChildHistory } from './types.js';
import type { Window } from './window.js';

export type ExitReasonKey = 'returnHome' | 'specialGuardianship' | 'adoption' | 'other';
const REASONS: readonly ExitReasonKey[] = ['returnHome', 'specialGuardianship', 'adoption', 'other'];

export interface HazardStepEstimate extends RateCell {
  readonly fromYearsInCare: number;
}

export interface ExitsEstimate {
  readonly hazards: Readonly<Record<AgeBand, readonly HazardStepEstimate[]>>;
  /** Exits by age band at exit and reason (counts). */
  readonly reasonCounts: Readonly<Record<AgeBand, Readonly<Record<ExitReasonKey, number>>>>;
  /** Reason weights by age band, Dirichlet-smoothed towards EXIT_REASON_PRIOR (the scenario's `exits.reasons`). */
  readonly reasons: Readonly<Record<AgeBand, Readonly<Partial<Record<ExitReasonKey, number>>>>>;
  /** Periods ending at 18 inside the window (not hazard events). */
  readonly turned18: number;
  /** Periods left out because their start is not in the data. */
  readonly unknownStart: number;
}

/** Index of the step `yearsInCare` falls in (steps start at 0, ascending). */
export const stepIndex = (steps: readonly number[], yearsInCare: number): number => {
  let s = 0;
  while (s + 1 < steps.length && yearsInCare >= steps[s + 1]!) s++;
  return s;
};

/** Split [from, to) at the steps of time in care measured from `start` (days). */
export const splitAtSteps = (from: number, to: number, start: number, steps: readonly number[]): { step: number; from: number; to: number }[] => {
  const out: { step: number; from: number; to: number }[] = [];
  let t = from;
  let s = stepIndex(steps, (from - start) / DAYS_PER_YEAR);
  while (t < to) {
    const next = s + 1 < steps.length ? start + steps[s + 1]! * DAYS_PER_YEAR : Number.POSITIVE_INFINITY;
    const end = Math.min(to, next);
    if (end > t) out.push({ step: s, from: t, to: end });
    t = end;
    s++;
  }
  return out;
};

/** A child leaving on or after the day before their 18th birthday (by either calendar) turned 18. */
export const isTurning18 = (dob: number, exitDay: number): boolean => exitDay >= eighteenth(dob) - 1;

interface ExitTally {
  readonly exposure: number[][];
  readonly events: number[][];
  readonly reasonCounts: Record<AgeBand, Record<ExitReasonKey, number>>;
  turned18: number;
  unknownStart: number;
}

export const exitHazardsFold = (w: Window, steps: readonly number[], m: number): ChildFold<ExitTally, ExitsEstimate> => ({
  start: () => ({
    exposure: AGE_BANDS.map(() => steps.map(() => 0)),
    events: AGE_BANDS.map(() => steps.map(() => 0)),
    reasonCounts: Object.fromEntries(AGE_BANDS.map((b) => [b, Object.fromEntries(REASONS.map((r) => [r, 0]))])) as Record<AgeBand, Record<ExitReasonKey, number>>,
    turned18: 0,
    unknownStart: 0,
  }),
  add: (t, c) => {
    const adult = eighteenth(c.dob);
    for (const p of c.periods) {
      if (!p.startKnown) {
        t.unknownStart++;
        continue;
      }
      const from = Math.max(p.start, w.observedFrom);
      const to = Math.min(periodStop(p), w.end, adult);
      for (const piece of splitAtAgeBands(from, to, c.dob)) {
        const b = AGE_BANDS.indexOf(piece.band);
        for (const s of splitAtSteps(piece.from, piece.to, p.start, steps)) t.exposure[b]![s.step]! += (s.to - s.from) / DAYS_PER_YEAR;
      }
      if (p.end === undefined || p.end < w.observedFrom || p.end > w.asAt) continue;
      if (isTurning18(c.dob, p.end)) {
        t.turned18++;
        continue;
      }
      const at = Math.max(p.start, p.end - 1e-9);
      const band = ageBandAt(c.dob, at);
      t.events[AGE_BANDS.indexOf(band)]![stepIndex(steps, (at - p.start) / DAYS_PER_YEAR)]!++;
      t.reasonCounts[band][p.rec === undefined ? 'other' : exitReasonOf(p.rec)]++;
    }
  },
  finish: ({ exposure, events, reasonCounts, turned18, unknownStart }) => {
    const hazards = Object.fromEntries(AGE_BANDS.map((band, b) => [band, steps.map((fromYearsInCare, s) => ({
      fromYearsInCare, ...gammaRate(events[b]![s]!, exposure[b]![s]!, exitPrior(band, fromYearsInCare), m),
    }))])) as Record<AgeBand, HazardStepEstimate[]>;
    const reasons = Object.fromEntries(AGE_BANDS.map((b) => [b, dirichletShares(reasonCounts[b], EXIT_REASON_PRIOR[b], m)])) as Record<AgeBand, Partial<Record<ExitReasonKey, number>>>;
    return { hazards, reasonCounts, reasons, turned18, unknownStart };
  },
});

export const exitHazards = (children: readonly ChildHistory[], w: Window, steps: readonly number[], m: number): ExitsEstimate =>
  foldChildren(exitHazardsFold(w, steps, m), children);
