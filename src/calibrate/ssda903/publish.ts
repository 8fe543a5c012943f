// The estimates as the CLI prints and writes them: every count of children (or of their rows,
// events and placements) from 1 to 4 is suppressed as "c" (src/metrics/disclosure.ts), with
// secondary suppression inside each table that publishes totals; a share or mean resting on a
// suppressed count is suppressed with it; a rate whose event count is suppressed keeps its smoothed
// value (a model parameter) but loses the exposure and raw rate that would give the count back.
// Zeros are shown (though secondary suppression may hide one, as DfE's 'next smallest' rule does). Pure.
import { formatPublished, SUPPRESSED, suppressCounts, suppressTable, type Published } from '../../metrics/disclosure.js';
import { AGE_BANDS, PLACEMENT_TYPES, type AgeBand } from '../../domain/vocabulary.js';
import type { RateTable } from './disruptions.js';
import type { Estimates } from './estimateFrom903.js';
import type { RateCell } from './smoothing.js';
import type { QualityReport } from './qualityReport.js';

export const DISCLOSURE_THRESHOLD = 5;
export const DISCLOSURE_RULE = 'Counts from 1 to 4 are shown as "c", and so are other counts where a published total would reveal them (secondary suppression); shares and means resting on a suppressed count are suppressed too. Smoothed rates are model parameters, not statistics for publication: with fewer than 5 events their exposure and raw rate are left out.';

const one = (n: number): Published => (n > 0 && n < DISCLOSURE_THRESHOLD ? SUPPRESSED : n);
const counts = <K extends string>(c: Readonly<Record<K, number>>): { counts: Record<K, Published>; total: Published } =>
  suppressCounts(c, { threshold: DISCLOSURE_THRESHOLD });
const share = (numerator: Published, value: number | undefined): number | Published | null =>
  value === undefined ? null : numerator === SUPPRESSED ? SUPPRESSED : value;

export interface PublishedRate {
  readonly perYear: number;
  readonly events: Published;
  readonly exposureYears?: number;
  readonly raw?: number | null;
  readonly prior: number;
}

/** A rate cell with its event count as published (`events`, default: primary suppression only). */
export const publishRate = (c: RateCell, events: Published = one(c.events)): PublishedRate =>
  events === SUPPRESSED
    ? { perYear: c.perYear, events: SUPPRESSED, prior: c.prior }
    : { perYear: c.perYear, events: c.events, exposureYears: c.exposureYears, raw: c.raw ?? null, prior: c.prior };

/** Rates by type × age band whose events add up to a published total: suppressed as one table with its grand total. */
const publishRates = (t: RateTable): Record<string, Record<string, PublishedRate>> => {
  const cells = Object.entries(t).flatMap(([p, byBand]) => Object.entries(byBand ?? {}).map(([b, c]) => ({ p, b, c: c! })));
  const published = suppressTable({ cells: [cells.map((x) => x.c.events)], grandTotal: true }, { threshold: DISCLOSURE_THRESHOLD }).cells[0]!;
  const out: Record<string, Record<string, PublishedRate>> = {};
  cells.forEach((x, i) => { (out[x.p] ??= {})[x.b] = publishRate(x.c, published[i]!); });
  return out;
};

/** A two-way table with row, column and grand totals, suppressed as one (secondary suppression across it). */
const table = <R extends string, C extends string>(rows: readonly R[], cols: readonly C[], value: (r: R, c: C) => number) => {
  const t = suppressTable({ cells: rows.map((r) => cols.map((c) => value(r, c))), rowTotals: true, columnTotals: true, grandTotal: true }, { threshold: DISCLOSURE_THRESHOLD });
  return {
    rows, columns: cols,
    cells: Object.fromEntries(rows.map((r, i) => [r, Object.fromEntries(cols.map((c, j) => [c, t.cells[i]![j]!]))])),
    rowTotals: Object.fromEntries(rows.map((r, i) => [r, t.rowTotals![i]!])),
    columnTotals: Object.fromEntries(cols.map((c, j) => [c, t.columnTotals![j]!])),
    total: t.grandTotal!,
  };
};

const TYPES = PLACEMENT_TYPES.filter((p) => p !== 'unregistered');

/**
 * The quality report as published: each rule's rows and children, the children in, used and
 * dropped per collection year (one table: years × used/dropped, row totals the children in) and
 * in total, and the dropped by reason, with counts of 1–4 suppressed.
 */
export const publishQuality = (q: QualityReport) => {
  const years = q.children.byYear.map((y) => String(y.collectionYear));
  const byYear = table(years, ['used', 'dropped'] as const, (y, c) => q.children.byYear.find((x) => String(x.collectionYear) === y)![c]);
  const total = counts({ used: q.children.total.used, dropped: q.children.total.dropped });
  const affected = one(q.children.affected);
  return {
    rules: q.rules.map((r) => ({ ...r, rows: one(r.rows), children: one(r.children) })),
    children: {
      byYear: years.map((y) => ({ collectionYear: Number(y), in: byYear.rowTotals[y]!, used: byYear.cells[y]!.used, dropped: byYear.cells[y]!.dropped })),
      total: { in: total.total, used: total.counts.used, dropped: total.counts.dropped },
      droppedBy: counts(q.children.droppedBy),
      affected,
      affectedShare: share(affected, q.children.affectedShare),
    },
  };
};
export type PublishedQuality = ReturnType<typeof publishQuality>;

/** The published (disclosure-controlled) form of the estimates: plain JSON. */
export const publishEstimates = (e: Estimates) => {
  const pop = e.population;
  const cell = new Map<string, number>();
  for (const c of pop.cells) cell.set(`${c.ageBand}|${c.placementType}`, (cell.get(`${c.ageBand}|${c.placementType}`) ?? 0) + c.count);
  const historyCounts = Object.fromEntries(Object.entries(e.history.placementsInLast12Months).map(([k, s]) => [k, Math.round(s * pop.total)]));
  const historyPublished = counts(historyCounts);
  const threePlus = Math.round((e.history.threePlusPlacements ?? 0) * pop.total);
  const d = e.distance;
  const starts = counts(Object.fromEntries(AGE_BANDS.map((b) => [b, e.entries.byAgeBand[b].events])) as Record<AgeBand, number>);
  const popTable = table(AGE_BANDS, TYPES, (b, p) => cell.get(`${b}|${p}`) ?? 0);
  const knownByType = counts(Object.fromEntries(Object.entries(d.byPlacementType).map(([t, v]) => [t, v!.known])));
  const farByType = counts(Object.fromEntries(Object.entries(d.byPlacementType).map(([t, v]) => [t, v!.over20Miles])));
  const over20 = Math.round((d.placedOver20Miles ?? 0) * d.known);
  return {
    asAt: e.asAt, observedFrom: e.observedFrom, observedYears: e.observedYears, priorEvents: e.priorEvents, hazardSteps: e.hazardSteps,
    disclosure: { threshold: DISCLOSURE_THRESHOLD, rule: DISCLOSURE_RULE },
    warnings: e.warnings,
    cleaning: Object.fromEntries(Object.entries(e.cleaning).map(([k, v]) => [k, one(v)])),
    population: {
      total: one(pop.total),
      byAgeBandAndPlacementType: popTable,
      byNeed: counts(Object.fromEntries(Object.entries(pop.byNeed).filter(([k]) => k !== 'complex'))),
    },
    history: {
      placementsInLast12Months: Object.fromEntries(Object.entries(e.history.placementsInLast12Months).map(([k, s]) => [k, share(historyPublished.counts[k]!, s)])),
      meanYearsInCare: Object.fromEntries(AGE_BANDS.filter((b) => e.history.meanYearsInCare[b] !== undefined).map((b) => [b, share(one(pop.byAgeBand[b]), e.history.meanYearsInCare[b])])),
      threePlusPlacements: share(one(threePlus), e.history.threePlusPlacements),
    },
    entries: {
      starts: starts.total,
      startsPerYear: starts.total === SUPPRESSED ? SUPPRESSED : e.entries.startsPerYear,
      byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, publishRate(e.entries.byAgeBand[b], starts.counts[b])])),
      rates: e.entries.rates.map((r) => ({ ageBand: r.ageBand, need: r.need, perYear: r.perYear, starts: one(r.starts) })),
    },
    exits: {
      hazards: Object.fromEntries(AGE_BANDS.map((b) => [b, e.exits.hazards[b].map((h) => ({ fromYearsInCare: h.fromYearsInCare, ...publishRate(h) }))])),
      reasons: e.exits.reasons,
      turned18: one(e.exits.turned18),
      unknownStart: one(e.exits.unknownStart),
    },
    placementMix: {
      atAsAt: Object.fromEntries(Object.entries(e.placementMix.atAsAt).map(([p, s]) => [p, share((popTable.columnTotals as Record<string, Published>)[p] ?? SUPPRESSED, s)])),
      atEntryCounts: table(AGE_BANDS, TYPES, (b: AgeBand, p) => e.placementMix.atEntryCounts[b][p] ?? 0),
      atEntry: e.placementMix.atEntry,
    },
    disruption: {
      base: publishRates(e.disruption.base), plannedMoves: publishRates(e.disruption.plannedMoves),
      unplanned: one(e.disruption.unplanned), planned: one(e.disruption.planned), otherMoves: one(e.disruption.otherMoves),
    },
    distance: {
      children: one(d.children), known: one(d.known),
      notKnown: { blankPostcode: one(d.notKnown.blankPostcode), unknownPostcode: one(d.notKnown.unknownPostcode) },
      unknownPostcodes: d.unknownPostcodes,
      bins: counts(d.bins),
      locationCategories: counts(d.locationCategories),
      placedOver20Miles: share(one(over20), d.placedOver20Miles),
      medianMiles: d.known >= DISCLOSURE_THRESHOLD ? (d.medianMiles ?? null) : d.known === 0 ? null : SUPPRESSED,
      byPlacementType: Object.fromEntries(Object.keys(d.byPlacementType).map((p) => [p, { known: knownByType.counts[p]!, over20Miles: farByType.counts[p]! }])),
      laCodes: d.laCodes,
    },
    homeZones: counts(e.homeZones),
    ...(e.quality === undefined ? {} : { quality: publishQuality(e.quality) }),
    scenario: {
      entries: e.scenario.entries,
      exits: e.scenario.exits,
      disruption: e.scenario.disruption,
      initialPopulation: {
        counts: e.scenario.initialPopulation.counts.map((c) => ({ ...c, count: one(c.count) })),
        history: {
          placementsInLast12Months: Object.fromEntries(Object.entries(e.scenario.initialPopulation.history.placementsInLast12Months).map(([k, s]) => [k, share(historyPublished.counts[k]!, s)])),
          meanYearsInCare: Object.fromEntries(Object.entries(e.scenario.initialPopulation.history.meanYearsInCare).map(([b, v]) => [b, share(one(pop.byAgeBand[b as AgeBand]), v)])),
        },
      },
    },
  };
};

export type PublishedEstimates = ReturnType<typeof publishEstimates>;

export { formatPublished };
