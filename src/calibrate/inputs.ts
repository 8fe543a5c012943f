// What the scenario builder and the fit work from: targets, the starting population, the area
// and weekly costs. A snapshot gives these through `inputsFromSnapshot`; a future SSDA903
// estimator (issue 6, part 2) builds the same record from child-level data — exact joint counts
// for `initialCounts`, its own targets — and hands it to `fitScenario` unchanged.
import { E } from '../domain/fp.js';
import type { Gazetteer } from '../domain/geography.js';
import type { Snapshot } from '../domain/snapshot.js';
import { epochDayOf, isoDateOfEpochDay } from '../domain/time.js';
import { PLACEMENT_TYPES, type AgeBand, type PlacementType } from '../domain/vocabulary.js';
import { layoutArea, type AreaLayout } from './areaLayout.js';
import { initialPopulation, type PopulationCount } from './initialPopulation.js';
import { NATIONAL_OVER_20_MILES, NATIONAL_WEEKLY_COST } from './nationalDefaults.js';
import { TOLERANCE } from './measures.js';

export interface CalibrationTargets {
  readonly childrenInCare: number;
  /** Children starting to be looked after a year. */
  readonly startsPerYear: number;
  readonly ageShares: Readonly<Record<AgeBand, number>>;
  readonly placementShares: Readonly<Record<PlacementType, number>>;
  /** The share placed over 20 miles, and whether it is the authority's own or the national default. */
  readonly placedOver20Miles: { readonly share: number; readonly national: boolean };
  /** Undefined: not a target (no verified national figure to fall back on). */
  readonly threePlusPlacements: number | undefined;
}

export interface CalibrationInputs {
  readonly name: string;
  /** The date the figures describe. */
  readonly asAt: string;
  /** The scenario starts the day after `asAt`: the children counted at the end of `asAt` are its starting population. */
  readonly startDate: string;
  readonly targets: CalibrationTargets;
  readonly initialCounts: readonly PopulationCount[];
  readonly area: AreaLayout;
  readonly weeklyCosts: Readonly<Record<PlacementType, { readonly pounds: number; readonly source: string }>>;
  /** Where the figures came from, for the scenario's sources (e.g. the snapshot file name). */
  readonly origin: string;
}

/** Invalid input (exit 2) or a snapshot that is valid but cannot be fitted (exit 3). */
export type CalibrationProblem =
  | { readonly kind: 'invalid'; readonly lines: readonly string[] }
  | { readonly kind: 'cannotFit'; readonly lines: readonly string[] };

export const dayAfter = (iso: string): string => isoDateOfEpochDay(epochDayOf(iso) + 1);

/** Snapshot + gazetteer → calibration inputs; home zones the gazetteer does not know are invalid input. */
export const inputsFromSnapshot = (
  snapshot: Snapshot, gazetteer: Gazetteer, file: string,
): E.Either<CalibrationProblem, CalibrationInputs> => {
  const area = layoutArea(snapshot.homeZones, gazetteer, file);
  if (E.isLeft(area)) return E.left({ kind: 'invalid', lines: area.left });
  // The starting population must reproduce the age mix well inside the fit's tolerance.
  const population = initialPopulation(snapshot.childrenInCare, snapshot.ageShares, snapshot.placementShares, TOLERANCE.share / 2);
  if (E.isLeft(population)) return E.left({ kind: 'cannotFit', lines: population.left.map((l, i) => (i === 0 ? `${file}: ${l}` : l)) });
  const weeklyCosts = Object.fromEntries(PLACEMENT_TYPES.map((p) => {
    const own = snapshot.weeklyCosts[p];
    return [p, own === undefined ? NATIONAL_WEEKLY_COST[p] : { pounds: own, source: `${file} (weeklyCosts.${p})` }];
  })) as Record<PlacementType, { pounds: number; source: string }>;
  return E.right({
    name: snapshot.name,
    asAt: snapshot.asAt,
    startDate: dayAfter(snapshot.asAt),
    targets: {
      childrenInCare: snapshot.childrenInCare,
      startsPerYear: snapshot.startsPerYear,
      ageShares: snapshot.ageShares,
      placementShares: snapshot.placementShares,
      placedOver20Miles: snapshot.placedOver20Miles === undefined
        ? { share: NATIONAL_OVER_20_MILES, national: true }
        : { share: snapshot.placedOver20Miles, national: false },
      threePlusPlacements: snapshot.threePlusPlacements,
    },
    initialCounts: population.right,
    area: area.right,
    weeklyCosts,
    origin: file,
  });
};
