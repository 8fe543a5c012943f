// SSDA903 estimates → the calibration inputs the snapshot calibrator builds and fits a scenario
// from (src/calibrate/inputs.ts: `fitScenario(inputs, gazetteer, options)`). The 903 gives what a
// snapshot only approximates: the exact joint counts of the starting population (age band × need
// × placement type), the authority's own starts, distance and stability, and its home postcode
// zones. Weekly costs are not in the 903: the national defaults are used, as for a snapshot without
// costs. Pure.
import { E } from '../../domain/fp.js';
import type { Gazetteer } from '../../domain/geography.js';
import { AGE_BANDS, PLACEMENT_TYPES, type AgeBand, type PlacementType } from '../../domain/vocabulary.js';
import { layoutArea } from '../areaLayout.js';
import { dayAfter, type CalibrationInputs, type CalibrationProblem } from '../inputs.js';
import { NATIONAL_OVER_20_MILES, NATIONAL_WEEKLY_COST } from '../nationalDefaults.js';
import type { Estimates } from './estimateFrom903.js';

/**
 * Calibration inputs from 903 estimates. `name` names the authority (and scenario); `origin` says
 * where the figures came from (e.g. the folder read). With no home postcode known, the area is the
 * generic one, as for a snapshot without `homeZones`.
 *
 * @example calibrationInputsFrom903(estimates, gazetteer, 'Example Council', 'returns/') // Right(inputs) for fitScenario
 */
export const calibrationInputsFrom903 = (
  est: Estimates, g: Gazetteer, name: string, origin: string,
): E.Either<CalibrationProblem, CalibrationInputs> => {
  const total = est.population.total;
  if (total === 0) return E.left({ kind: 'cannotFit', lines: [`${origin}: no child was in care at ${est.asAt}: there is no starting population to calibrate to`] });
  const zones = Object.keys(est.homeZones);
  const area = layoutArea(zones.length > 0 ? zones : undefined, g, origin);
  if (E.isLeft(area)) return E.left({ kind: 'invalid', lines: area.left });
  const ageShares = Object.fromEntries(AGE_BANDS.map((b) => [b, est.population.byAgeBand[b] / total])) as Record<AgeBand, number>;
  const placementShares = Object.fromEntries(PLACEMENT_TYPES.map((p) => [p, est.population.byPlacementType[p] / total])) as Record<PlacementType, number>;
  const over20 = est.distance.placedOver20Miles;
  return E.right({
    name,
    asAt: est.asAt,
    startDate: dayAfter(est.asAt),
    targets: {
      childrenInCare: total,
      startsPerYear: est.entries.startsPerYear,
      ageShares,
      placementShares,
      placedOver20Miles: over20 === undefined ? { share: NATIONAL_OVER_20_MILES, national: true } : { share: over20, national: false },
      threePlusPlacements: est.history.threePlusPlacements,
    },
    initialCounts: est.population.cells,
    area: area.right,
    weeklyCosts: NATIONAL_WEEKLY_COST,
    origin: `${origin} (SSDA903 returns, snapshot ${est.asAt}, flows from ${est.observedFrom})`,
  });
};
