// The fit's measures: what the snapshot says (targets) against what a forecast gives at the
// evaluation year end (mean over replications), with the tolerances.
//
// Like with like: stock measures (children in care, age and placement mix, distance, stability)
// are taken at the evaluation 31 March and compared with the snapshot's figures, which the
// scenario must hold steady. Starts are counted over the days the engine simulated in that
// financial year and annualised (× days in the financial year ÷ days simulated) when the year is
// partial. Shares are ratios of means (mean children in a band ÷ mean children in care).
import type { ForecastSummary } from '../sim/forecast.js';
import { epochDayOf, financialYearsFrom } from '../domain/time.js';
import { AGE_BANDS, PLACEMENT_TYPES, type AgeBand, type PlacementType } from '../domain/vocabulary.js';
import type { CalibrationTargets } from './inputs.js';

/** The tolerances: relative for counts, absolute (a fraction, 0.03 = 3 points) for shares. */
export const TOLERANCE = {
  childrenInCare: 0.05,
  starts: 0.05,
  share: 0.03,
  placedOver20Miles: 0.04,
  threePlusPlacements: 0.03,
} as const;

/** A first financial year shorter than this is too short to measure starts; the next year end is used. */
export const MIN_EVALUATION_DAYS = 60;

export interface EvaluationYear {
  /** Index into `summary.years`. */
  readonly index: number;
  /** Days the engine simulates in that financial year. */
  readonly simulatedDays: number;
  /** Days in that financial year (365 or 366). */
  readonly yearDays: number;
  readonly yearEnd: string;
}

/** The year end the fit is judged at: the first 31 March after the start date with at least 60 simulated days. */
export const evaluationYear = (startDate: string): EvaluationYear => {
  const years = financialYearsFrom(epochDayOf(startDate), 2);
  const pick = (i: number): EvaluationYear => {
    const y = years[i]!;
    return {
      index: i,
      simulatedDays: y.endDay + 1 - Math.max(0, y.startDay),
      yearDays: y.endDay - y.startDay + 1,
      yearEnd: y.yearEnd,
    };
  };
  const first = pick(0);
  return first.simulatedDays >= MIN_EVALUATION_DAYS ? first : pick(1);
};

/**
 * Years of the scenario (its third to fifth year ends) whose mean share placed over 20 miles must
 * also hold the snapshot's: the starting children have mostly moved on by then, so this is the
 * share the matching keeps, not the one the scenario starts with. After the evaluation year, which
 * is the first or second year end.
 */
export const LATER_YEARS: readonly number[] = [2, 3, 4];
/** Years a forecast must run to measure `LATER_YEARS`. */
export const LATER_HORIZON_YEARS = 5;

/** Mean share placed over 20 miles at `LATER_YEARS` (mean over replications, then over the years). */
export const laterOver20MilesAt = (summary: ForecastSummary): number =>
  LATER_YEARS.reduce((s, i) => s + meanAt(summary.years[i]!.metrics, ['placedOver20Miles']), 0) / LATER_YEARS.length;

export type MeasureKind = 'count' | 'share';

export interface Measure {
  readonly id: string;
  readonly label: string;
  readonly kind: MeasureKind;
  readonly target: number;
  readonly achieved: number;
  /** Allowed |achieved − target|: children for counts, a fraction for shares. */
  readonly tolerance: number;
  /** True when the target is a national default rather than the authority's own figure. */
  readonly national?: boolean;
  /** False: shown for information, not fitted (no target). */
  readonly fitted: boolean;
  /** Shown as `c`: a small count from child-level data (disclosure control). */
  readonly suppressed?: boolean;
}

export const withinTolerance = (m: Measure, scale = 1): boolean =>
  !m.fitted || Math.abs(m.achieved - m.target) <= m.tolerance * scale;

/** Achieved figures at the evaluation year end. */
export interface Achieved {
  readonly childrenInCare: number;
  readonly startsPerYear: number;
  readonly byAgeBand: Readonly<Record<AgeBand, number>>;
  readonly byPlacementType: Readonly<Record<PlacementType, number>>;
  readonly placedOver20Miles: number;
  readonly threePlusPlacements: number;
  /** Mean ceases in the simulated days of the year (annualised), for the fit's bookkeeping. */
  readonly ceasesPerYear: number;
  /** Mean unplanned placement endings (annualised). */
  readonly disruptionsPerYear: number;
}

const meanAt = (metrics: Record<string, unknown>, path: readonly string[]): number => {
  let node: unknown = metrics;
  for (const k of path) node = (node as Record<string, unknown> | undefined)?.[k];
  const m = (node as { mean?: number | null } | undefined)?.mean;
  return typeof m === 'number' ? m : 0;
};

export const achievedAt = (summary: ForecastSummary, year: EvaluationYear): Achieved => {
  const metrics = summary.years[year.index]!.metrics;
  const annualise = year.yearDays / year.simulatedDays;
  return {
    childrenInCare: meanAt(metrics, ['childrenInCare']),
    startsPerYear: meanAt(metrics, ['starts']) * annualise,
    byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, meanAt(metrics, ['childrenInCareByAgeBand', b])])) as Record<AgeBand, number>,
    byPlacementType: Object.fromEntries(PLACEMENT_TYPES.map((p) => [p, meanAt(metrics, ['childrenInCareByPlacementType', p])])) as Record<PlacementType, number>,
    placedOver20Miles: meanAt(metrics, ['placedOver20Miles']),
    threePlusPlacements: meanAt(metrics, ['threePlusPlacements']),
    ceasesPerYear: meanAt(metrics, ['ceases']) * annualise,
    disruptionsPerYear: meanAt(metrics, ['disruptions']) * annualise,
  };
};

const AGE_LABEL: Readonly<Record<AgeBand, string>> = {
  under1: 'aged under 1', '1to4': 'aged 1–4', '5to9': 'aged 5–9', '10to15': 'aged 10–15', '16plus': 'aged 16–17',
};
export const PLACEMENT_LABEL: Readonly<Record<PlacementType, string>> = {
  connected: 'connected carers', inHouseFoster: 'in-house foster', ifa: 'IFA foster', residentialInHouse: 'residential (in-house)',
  residentialPrivate: 'residential (private)', supported: 'supported accommodation', parentAndChild: 'parent and child',
  placedWithParents: 'placed with parents', adoption: 'placed for adoption', secure: 'secure', other: 'other', unregistered: 'unregistered',
};

/**
 * Target against achieved for every measure the issue names, in table order; with
 * `laterOver20Miles` (the mean at `LATER_YEARS`), also that the far share holds.
 */
export const measuresOf = (t: CalibrationTargets, a: Achieved, laterOver20Miles?: number): Measure[] => {
  const cic = a.childrenInCare > 0 ? a.childrenInCare : Number.NaN;
  return [
    { id: 'childrenInCare', label: 'Children in care', kind: 'count', target: t.childrenInCare, achieved: a.childrenInCare, tolerance: TOLERANCE.childrenInCare * t.childrenInCare, fitted: true },
    { id: 'startsPerYear', label: 'Starts a year', kind: 'count', target: t.startsPerYear, achieved: a.startsPerYear, tolerance: TOLERANCE.starts * t.startsPerYear, fitted: true },
    ...AGE_BANDS.map((b): Measure => ({
      id: `ageBand.${b}`, label: `  ${AGE_LABEL[b]}`, kind: 'share', target: t.ageShares[b], achieved: a.byAgeBand[b] / cic, tolerance: TOLERANCE.share, fitted: true,
    })),
    ...PLACEMENT_TYPES.map((p): Measure => ({
      id: `placement.${p}`, label: `  ${PLACEMENT_LABEL[p]}`, kind: 'share', target: t.placementShares[p], achieved: a.byPlacementType[p] / cic, tolerance: TOLERANCE.share, fitted: true,
    })),
    {
      id: 'placedOver20Miles', label: 'Placed more than 20 miles', kind: 'share', target: t.placedOver20Miles.share, achieved: a.placedOver20Miles,
      tolerance: TOLERANCE.placedOver20Miles, national: t.placedOver20Miles.national, fitted: true,
    },
    ...(laterOver20Miles === undefined ? [] : [laterOver20MilesMeasure(t, laterOver20Miles)]),
    {
      id: 'threePlusPlacements', label: 'Three or more placements', kind: 'share', target: t.threePlusPlacements ?? Number.NaN, achieved: a.threePlusPlacements,
      tolerance: TOLERANCE.threePlusPlacements, fitted: t.threePlusPlacements !== undefined,
    },
  ];
};

/** The far share at `LATER_YEARS` against the snapshot's (the same target and tolerance as the first year's). */
export const laterOver20MilesMeasure = (t: CalibrationTargets, achieved: number): Measure => ({
  id: 'placedOver20MilesLater', label: `  mean of years ${LATER_YEARS[0]! + 1}–${LATER_YEARS[LATER_YEARS.length - 1]! + 1}`, kind: 'share',
  target: t.placedOver20Miles.share, achieved, tolerance: TOLERANCE.placedOver20Miles, national: t.placedOver20Miles.national, fitted: true,
});

/** `measures` with the later far share after the first year's. */
export const withLaterOver20Miles = (measures: readonly Measure[], t: CalibrationTargets, achieved: number): Measure[] =>
  measures.flatMap((m) => (m.id === 'placedOver20Miles' ? [m, laterOver20MilesMeasure(t, achieved)] : [m]));
