// The population at the snapshot: counts by age band × need × placement type (a census, not
// smoothed), its margins, the placement history the scenario's starting population carries, and
// the DfE stability measure (three or more placements in the year).
import { AGE_BANDS, NEEDS, PLACEMENT_TYPES, type AgeBand, type Need, type PlacementType } from '../../domain/vocabulary.js';
import type { ChildAtAsAt } from './childrenAtAsAt.js';

export interface PopulationCell {
  readonly ageBand: AgeBand;
  readonly need: Need;
  readonly placementType: PlacementType;
  readonly count: number;
}

export interface PopulationEstimate {
  readonly total: number;
  /** Non-zero cells, in vocabulary order (age band, then need, then placement type). */
  readonly cells: readonly PopulationCell[];
  readonly byAgeBand: Readonly<Record<AgeBand, number>>;
  readonly byNeed: Readonly<Record<Need, number>>;
  readonly byPlacementType: Readonly<Record<PlacementType, number>>;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const population = (children: readonly ChildAtAsAt[]): PopulationEstimate => {
  const byAgeBand = zeros(AGE_BANDS);
  const byNeed = zeros(NEEDS);
  const byPlacementType = zeros(PLACEMENT_TYPES);
  const cell = new Map<string, number>();
  for (const c of children) {
    byAgeBand[c.ageBand]++;
    byNeed[c.need]++;
    byPlacementType[c.placementType]++;
    const k = `${c.ageBand}|${c.need}|${c.placementType}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  }
  const cells: PopulationCell[] = [];
  for (const ageBand of AGE_BANDS) {
    for (const need of NEEDS) {
      for (const placementType of PLACEMENT_TYPES) {
        const count = cell.get(`${ageBand}|${need}|${placementType}`);
        if (count !== undefined) cells.push({ ageBand, need, placementType, count });
      }
    }
  }
  return { total: children.length, cells, byAgeBand, byNeed, byPlacementType };
};

export interface HistoryEstimate {
  /** Share of children by placements in the last 12 months ("1", "2", "3", "4" = four or more). */
  readonly placementsInLast12Months: Readonly<Record<string, number>>;
  /** Mean years in care by age band (a lower bound where a period's start is before the data). */
  readonly meanYearsInCare: Readonly<Partial<Record<AgeBand, number>>>;
  /** Children whose period started before the data, so whose time in care is a lower bound. */
  readonly yearsInCareLowerBound: number;
  /** Share of children in care at the snapshot with three or more placements in the year (DfE stability measure). */
  readonly threePlusPlacements: number | undefined;
}

export const history = (children: readonly ChildAtAsAt[]): HistoryEstimate => {
  const byCount: Record<string, number> = {};
  const years: Partial<Record<AgeBand, { sum: number; n: number }>> = {};
  let lowerBound = 0;
  let threePlus = 0;
  for (const c of children) {
    const k = String(Math.min(4, Math.max(1, c.placementsInYear)));
    byCount[k] = (byCount[k] ?? 0) + 1;
    const y = (years[c.ageBand] ??= { sum: 0, n: 0 });
    y.sum += c.yearsInCare;
    y.n++;
    if (!c.startKnown) lowerBound++;
    if (c.placementsInYear >= 3) threePlus++;
  }
  const n = children.length;
  return {
    placementsInLast12Months: Object.fromEntries(Object.keys(byCount).sort().map((k) => [k, byCount[k]! / n])),
    meanYearsInCare: Object.fromEntries(AGE_BANDS.filter((b) => years[b] !== undefined).map((b) => [b, years[b]!.sum / years[b]!.n])),
    yearsInCareLowerBound: lowerBound,
    threePlusPlacements: n > 0 ? threePlus / n : undefined,
  };
};
