// Estimates from an authority's own SSDA903 returns: `estimateFromReturns(returns, gazetteer, options)`
// (returns from `read903Directory`/`read903Sources`), or `estimateFrom903(tables, …)` for tables
// built in memory. Pure: returns in, estimates out.
//
// The output, `Estimates` (every date ISO `YYYY-MM-DD`, every rate per year, every share 0–1):
//
//   asAt, observedFrom, observedYears   the snapshot day; flows are counted over [observedFrom, asAt]
//   priorEvents, hazardSteps             the smoothing weight and the time-in-care steps used
//   cleaning       CleaningCounts: rows used and dropped by each cleaning rule (types.ts)
//   population     children in care at the end of asAt: total, cells [{ageBand, need, placementType,
//                  count}] (a census, exact), byAgeBand, byNeed, byPlacementType
//   history        placementsInLast12Months (shares of "1".."4"), meanYearsInCare by age band,
//                  threePlusPlacements (share; DfE stability measure)
//   entries        starts, startsPerYear (raw), byAgeBand: RateCell, rates [{ageBand, need, perYear, starts}]
//   exits          hazards: {ageBand: [{fromYearsInCare, perYear, events, exposureYears, raw, prior}]},
//                  reasonCounts, reasons (smoothed weights), turned18, unknownStart
//   placementMix   atAsAt (shares), atEntryCounts and atEntry (smoothed shares) by age band
//   disruption     base (unplanned endings) and plannedMoves (CARPL): {placementType: {ageBand: RateCell}},
//                  unplanned, planned, otherMoves (counts)
//   distance       known, notKnown {blankPostcode, unknownPostcode}, unknownPostcodes, bins, locationCategories,
//                  placedOver20Miles (share of known), medianMiles, byPlacementType, laCodes
//   homeZones      children in care at asAt by home postcode zone found in the gazetteer
//   scenario       the same estimates in the scenario file's shapes, ready to paste or merge:
//                  entries.rates [{ageBand, need, perYear}], exits {hazards, reasons},
//                  disruption {base, plannedMoves} (numbers), initialPopulation {counts, history}
//   warnings       data-quality notes that are not errors
//   quality        read leniently only: each data-quality rule's rows and children, and the
//                  children in, used and dropped by collection year (qualityReport.ts)
//
// A RateCell is {perYear (smoothed), events, exposureYears, raw (events / exposure, or undefined),
// prior}: see smoothing.ts for the Gamma / Dirichlet smoothing and priors.ts for the priors.
// `complex` need is not in the 903 and never appears here; `unregistered` has no 903 code.
import { E } from '../../domain/fp.js';
import type { Gazetteer } from '../../domain/geography.js';
import type { Tables903 } from '../../domain/ssda903.js';
import { isoDateOfEpochDay, parseIsoDate } from '../../domain/time.js';
import { AGE_BANDS, type AgeBand, type Need, type PlacementType } from '../../domain/vocabulary.js';
import type { Returns903 } from '../../domain/ssda903Returns.js';
import { childrenAtAsAtFold } from './childrenAtAsAt.js';
import { cleanReturns } from './clean903.js';
import { disruptionsFold, type DisruptionEstimate, type RateTable } from './disruptions.js';
import { distance, zoneOf, type DistanceEstimate } from './distance.js';
import { entriesOfStarts, startsFold, type EntriesEstimate } from './entries.js';
import { exitHazardsFold, type ExitReasonKey, type ExitsEstimate } from './exitHazards.js';
import { allFolds, type ChildFold } from './fold.js';
import { entryMixFold, placementMixOf, type PlacementMixEstimate } from './placementMix.js';
import { history, population, type HistoryEstimate, type PopulationCell, type PopulationEstimate } from './population.js';
import { DEFAULT_PRIOR_EVENTS } from './smoothing.js';
import { returnsOfTables } from './returns.js';
import type { CleaningCounts } from './types.js';
import type { QualityReport } from './qualityReport.js';
import { DAYS_PER_YEAR } from '../../domain/time.js';
import { dateRangeOfReturns, defaultAsAt, defaultObservedFrom, windowOf, type Window } from './window.js';

export interface EstimateOptions {
  /** Snapshot date (ISO); default: the 31 March ending the latest collection year in the data. */
  readonly asAt?: string;
  /** First day whose flows are complete (ISO); default: 1 April of the year of the earliest DEC. */
  readonly observedFrom?: string;
  /** Pseudo-events each prior is worth (default 2; 0 = raw rates where there are data). */
  readonly priorEvents?: number;
  /** Steps of time in care (years) for exit hazards; default [0, 1, 2]. */
  readonly hazardSteps?: readonly number[];
  /** ONS codes of the authority (inside / outside the boundary); default: the commonest home LA. */
  readonly laCodes?: readonly string[];
}

export const DEFAULT_HAZARD_STEPS: readonly number[] = [0, 1, 2];

export interface ScenarioParts {
  readonly entries: { readonly rates: readonly { readonly ageBand: AgeBand; readonly need: Need; readonly perYear: number }[] };
  readonly exits: {
    readonly hazards: Readonly<Record<AgeBand, readonly { readonly fromYearsInCare: number; readonly perYear: number }[]>>;
    readonly reasons: Readonly<Record<AgeBand, Readonly<Partial<Record<ExitReasonKey, number>>>>>;
  };
  readonly disruption: {
    readonly base: Readonly<Partial<Record<PlacementType, Readonly<Partial<Record<AgeBand, number>>>>>>;
    readonly plannedMoves: Readonly<Partial<Record<PlacementType, Readonly<Partial<Record<AgeBand, number>>>>>>;
  };
  readonly initialPopulation: {
    readonly counts: readonly PopulationCell[];
    readonly history: { readonly placementsInLast12Months: Readonly<Record<string, number>>; readonly meanYearsInCare: Readonly<Partial<Record<AgeBand, number>>> };
  };
}

export interface Estimates {
  readonly asAt: string;
  readonly observedFrom: string;
  readonly observedYears: number;
  readonly priorEvents: number;
  readonly hazardSteps: readonly number[];
  readonly cleaning: CleaningCounts;
  readonly population: PopulationEstimate;
  readonly history: HistoryEstimate;
  readonly entries: EntriesEstimate;
  readonly exits: ExitsEstimate;
  readonly placementMix: PlacementMixEstimate;
  readonly disruption: DisruptionEstimate;
  readonly distance: DistanceEstimate;
  readonly homeZones: Readonly<Record<string, number>>;
  readonly scenario: ScenarioParts;
  /** Things in the data worth a look that are not errors (e.g. flows that seem to begin after observedFrom). */
  readonly warnings: readonly string[];
  /** The data-quality report, when the returns were read leniently (qualityReport.ts). */
  readonly quality?: QualityReport;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const rates = (t: RateTable): Partial<Record<PlacementType, Partial<Record<AgeBand, number>>>> =>
  Object.fromEntries(Object.entries(t).map(([p, byBand]) => [p, Object.fromEntries(Object.entries(byBand ?? {}).map(([b, c]) => [b, round6(c!.perYear)]))]));

const optionProblems = (o: EstimateOptions): string[] => {
  const out: string[] = [];
  if (o.asAt !== undefined && parseIsoDate(o.asAt) === undefined) out.push(`as-at date: expected YYYY-MM-DD, found ${JSON.stringify(o.asAt)}`);
  if (o.observedFrom !== undefined && parseIsoDate(o.observedFrom) === undefined) out.push(`observed-from date: expected YYYY-MM-DD, found ${JSON.stringify(o.observedFrom)}`);
  if (o.priorEvents !== undefined && !(o.priorEvents >= 0 && Number.isFinite(o.priorEvents))) out.push(`prior weight: expected a number ≥ 0, found ${o.priorEvents}`);
  const s = o.hazardSteps;
  if (s !== undefined && (s.length === 0 || s[0] !== 0 || s.some((x, i) => i > 0 && !(x > s[i - 1]!)))) out.push(`hazard steps: expected ascending years in care starting at 0, found [${s.join(', ')}]`);
  return out;
};

/** The first start of care in the window (undefined: none). */
const firstStartFold = (w: Window): ChildFold<{ first: number }, number | undefined> => ({
  start: () => ({ first: Number.POSITIVE_INFINITY }),
  add: (t, c) => {
    for (const p of c.periods) if (p.startKnown && p.start >= w.observedFrom && p.start <= w.asAt && p.start < t.first) t.first = p.start;
  },
  finish: (t) => (Number.isFinite(t.first) ? t.first : undefined),
});

/**
 * Flows that seem to begin after `observedFrom`: no start for a stretch in which, at the rate seen
 * later, five or more were due (a part-year return, or a synthetic export that begins mid-year).
 */
export const lateStartWarning = (first: number | undefined, w: Window, startsPerYear: number): string[] => {
  if (first === undefined) return [];
  const due = (startsPerYear * (first - w.observedFrom)) / DAYS_PER_YEAR;
  return due >= 5
    ? [`no child starts care between ${isoDateOfEpochDay(w.observedFrom)} and ${isoDateOfEpochDay(first)}, where about ${Math.round(due)} starts were due at the rate seen later: if the data begin later (a part-year return, a synthetic export), give that day as observedFrom (--observed-from)`]
    : [];
};

/**
 * Clean the returns (clean903.ts) and estimate, in one pass over the children after one over the
 * dates (for the default window): each child's history is cleaned, added to every tally, and
 * dropped, so memory holds the rows (compactly, in the reader's store) and the tallies, never
 * every child's history. A Left says why nothing can be estimated (bad options, no usable
 * episodes, an empty window); it never throws on data.
 *
 * @example estimateFromReturns(read.returns, gazetteer, { asAt: '2024-03-31' })
 */
export const estimateFromReturns = (returns: Returns903, g: Gazetteer, o: EstimateOptions = {}): E.Either<string[], Estimates> => {
  const problems = optionProblems(o);
  if (problems.length > 0) return E.left(problems);
  const noEpisodes = E.left(['no usable episodes: nothing to estimate from (every episode was dropped by cleaning, or there were none)']);
  const range = dateRangeOfReturns(returns);
  if (range.latest === undefined) return noEpisodes;
  const asAt = o.asAt !== undefined ? parseIsoDate(o.asAt)! : defaultAsAt(range.latest);
  const observedFrom = o.observedFrom !== undefined ? parseIsoDate(o.observedFrom)! : defaultObservedFrom(range.earliestEnd, range.latest);
  if (observedFrom > asAt) return E.left([`the observed window is empty: it starts ${isoDateOfEpochDay(observedFrom)}, after the snapshot date ${isoDateOfEpochDay(asAt)}`]);
  const w = windowOf(asAt, observedFrom);
  const m = o.priorEvents ?? DEFAULT_PRIOR_EVENTS;
  const steps = o.hazardSteps ?? DEFAULT_HAZARD_STEPS;

  const all = allFolds({
    atAsAt: childrenAtAsAtFold(w), starts: startsFold(w), exits: exitHazardsFold(w, steps, m),
    entryMix: entryMixFold(w), disruption: disruptionsFold(w, m), firstStart: firstStartFold(w),
  });
  const tally = all.start();
  const cleaned = cleanReturns(returns, (c) => all.add(tally, c), (p) => zoneOf(g, p) !== undefined);
  const cleaning = cleaned.counts;
  if (cleaning.children === 0) return noEpisodes;

  const folded = all.finish(tally);
  const atAsAt = folded.atAsAt;
  const pop = population(atAsAt);
  const hist = history(atAsAt);
  const ent = entriesOfStarts(folded.starts, w, pop.total, m);
  const ex = folded.exits;
  const mix = placementMixOf(folded.entryMix, pop.byPlacementType, m);
  const dis = folded.disruption;
  const dist = distance(atAsAt, g, o.laCodes);
  const homeZones: Record<string, number> = {};
  for (const c of atAsAt) {
    const z = c.homePost === undefined ? undefined : zoneOf(g, c.homePost);
    if (z !== undefined) homeZones[z.code] = (homeZones[z.code] ?? 0) + 1;
  }
  const sortedZones = Object.fromEntries(Object.keys(homeZones).sort().map((k) => [k, homeZones[k]!]));
  const warnings = lateStartWarning(folded.firstStart, w, ent.startsPerYear);
  return E.right({
    asAt: isoDateOfEpochDay(asAt),
    observedFrom: isoDateOfEpochDay(observedFrom),
    observedYears: round6(w.years),
    priorEvents: m,
    hazardSteps: [...steps],
    cleaning,
    population: pop,
    history: hist,
    entries: ent,
    exits: ex,
    placementMix: mix,
    disruption: dis,
    distance: dist,
    homeZones: sortedZones,
    warnings,
    ...(cleaned.quality === undefined ? {} : { quality: cleaned.quality }),
    scenario: {
      entries: { rates: ent.rates.map((r) => ({ ageBand: r.ageBand, need: r.need, perYear: round6(r.perYear) })) },
      exits: {
        hazards: Object.fromEntries(AGE_BANDS.map((b) => [b, ex.hazards[b].map((h) => ({ fromYearsInCare: h.fromYearsInCare, perYear: round6(h.perYear) }))])) as Record<AgeBand, { fromYearsInCare: number; perYear: number }[]>,
        reasons: Object.fromEntries(AGE_BANDS.map((b) => [b, Object.fromEntries(Object.entries(ex.reasons[b]).map(([k, v]) => [k, round6(v!)]))])) as Record<AgeBand, Partial<Record<ExitReasonKey, number>>>,
      },
      disruption: { base: rates(dis.base), plannedMoves: rates(dis.plannedMoves) },
      initialPopulation: {
        counts: pop.cells,
        history: {
          placementsInLast12Months: Object.fromEntries(Object.entries(hist.placementsInLast12Months).map(([k, v]) => [k, round6(v)])),
          meanYearsInCare: Object.fromEntries(Object.entries(hist.meanYearsInCare).map(([k, v]) => [k, round6(v!)])),
        },
      },
    },
  });
};

/** Estimate from decoded tables held in memory (see `estimateFromReturns`). */
export const estimateFrom903 = (tables: Tables903, g: Gazetteer, o: EstimateOptions = {}): E.Either<string[], Estimates> =>
  estimateFromReturns(returnsOfTables(tables), g, o);
