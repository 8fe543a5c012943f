// The fixed list of per-financial-year metrics. A replication writes one Float64Array row per
// year in this order; summaries and files are built from the same list, so every output has the
// same keys whatever the scenario. NaN in a row means "not defined this year" (for example a
// fraction with an empty denominator); summaries turn it into null, never into a number.
import { AGE_BANDS, CARER_TYPES, NEEDS, PLACEMENT_TYPES } from './vocabulary.js';

export interface MetricDef {
  /** Path in summary.json: `["childrenInCareByAgeBand", "10to15"]`. */
  readonly path: readonly string[];
  readonly unit: 'children' | 'fraction' | 'miles' | 'count' | 'childWeeks' | 'pounds' | 'poundsPerChildWeek';
  readonly description: string;
}

const scalar = (name: string, unit: MetricDef['unit'], description: string): MetricDef[] => [{ path: [name], unit, description }];
const byKey = (name: string, keys: readonly string[], unit: MetricDef['unit'], description: string): MetricDef[] =>
  keys.map((k) => ({ path: [name, k], unit, description }));
/** Age band × need, in the fixed order AGE_BANDS × NEEDS; every segment metric is a count. */
const bySegment = (name: string, description: string): MetricDef[] =>
  AGE_BANDS.flatMap((b) => NEEDS.map((n): MetricDef => ({ path: [name, b, n], unit: 'count', description })));

export const METRICS: readonly MetricDef[] = [
  ...scalar('childrenInCare', 'children', 'children looked after at 31 March'),
  ...byKey('childrenInCareByAgeBand', AGE_BANDS, 'children', 'children looked after at 31 March by age band'),
  ...byKey('childrenInCareByNeed', NEEDS, 'children', 'children looked after at 31 March by need'),
  ...byKey('childrenInCareByPlacementType', PLACEMENT_TYPES, 'children', 'children looked after at 31 March by placement type'),
  ...scalar('starts', 'count', 'children starting to be looked after in the financial year (simulated days only)'),
  ...scalar('ceases', 'count', 'children ceasing to be looked after in the financial year (simulated days only)'),
  ...scalar('placedOver20Miles', 'fraction', 'fraction of children in care at 31 March placed more than 20 miles from home'),
  ...scalar('outOfArea', 'fraction', "fraction of children in care at 31 March placed outside the authority's boundary"),
  ...scalar('medianDistanceMiles', 'miles', 'median distance from home of children in care at 31 March'),
  ...scalar('shortfalls', 'count', 'placement searches in the year for which no suitable vacancy existed'),
  ...bySegment('shortfallsBySegment', 'shortfalls by age band and need'),
  ...bySegment('placementSearchesBySegment',
    'placement searches in the year by age band and need (age and need on the day of the search): each time a child needs a vacancy from the pool of carers and homes — on entry to care unless '
    + 'placed by a route (connected carers, placed with parents, …), after a breakdown or planned move, when the carer or home leaves; a sibling group placed together counts once per child. '
    + 'Further searches while in an emergency bed or an unregistered arrangement are not counted again. shortfallsBySegment counts the searches that found no suitable vacancy, so it is never larger'),
  ...bySegment('suitableVacanciesBySegment',
    'free places at 31 March that a child of the age band and need could take under the matching\'s hard constraints: placement type allowed for the need, carer approved for the need, '
    + 'approved age range including at least one whole year of age in the band (under1: 0; 1to4: 1–4; 5to9: 5–9; 10to15: 10–15; 16plus: 16–17), available by that date. '
    + 'Every open carer household and home matching searches, in-house or not (emergency-only beds excluded); distance and cost play no part. A place suitable for several segments counts in each'),
  ...bySegment('placesBySegment',
    'approved places at 31 March, free or occupied (by this or another authority\'s children), that a child of the age band and need could take under the same rules as suitableVacanciesBySegment'),
  ...scalar('unregistered', 'childWeeks', 'child-weeks spent in unregistered arrangements in the year'),
  ...scalar('disruptions', 'count', 'unplanned placement endings (breakdowns) in the year'),
  ...scalar('moves', 'count', 'placement changes in the year (breakdowns, planned moves, carers leaving, leaving unregistered)'),
  ...scalar('threePlusPlacements', 'fraction', 'fraction of children in care at 31 March with three or more placements during the year'),
  ...scalar('longTermStability', 'fraction', 'of children under 16 in care 2.5 years or more at 31 March, the fraction in the same placement for 2 years or more'),
  ...scalar('cost', 'pounds', 'total spend in the financial year: placements, moves, empty paid places and lever costs (nominal £)'),
  ...byKey('costByPlacementType', PLACEMENT_TYPES, 'pounds', 'placement spend in the financial year by placement type'),
  ...scalar('moveCosts', 'pounds', 'one-off costs of placement moves in the year'),
  ...scalar('voidCosts', 'pounds', 'cost of empty places paid for whether used or not (block contracts, in-house homes, emergency beds)'),
  ...scalar('leverCosts', 'pounds', 'programme costs: recruitment per approval, carer support, hubs, prevention, capital, step-downs'),
  ...scalar('childWeeksWithin20Miles', 'childWeeks', 'child-weeks in the year placed 20 miles or less from home'),
  ...scalar('stepDowns', 'count', 'children moved from residential to foster care by a step-down programme'),
  ...scalar('childWeeks', 'childWeeks', 'child-weeks in care in the year (simulated days only)'),
  ...scalar('costPerChildWeek', 'poundsPerChildWeek', 'placement spend per child-week in care'),
  ...byKey('occupancy', CARER_TYPES, 'fraction', 'filled places (ours and other authorities\') as a fraction of approved places at 31 March'),
  ...byKey('voids', CARER_TYPES, 'count', 'empty places paid for whether used or not, at 31 March'),
];

export const METRIC_COUNT = METRICS.length;

const indexByKey = new Map(METRICS.map((m, i) => [m.path.join('.'), i]));

/** Index of a metric by its dotted path (`costByPlacementType.ifa`); throws on a typo (a bug). */
export const metricIndex = (key: string): number => {
  const i = indexByKey.get(key);
  if (i === undefined) throw new Error(`internal: unknown metric ${key}`);
  return i;
};

export const metricKey = (i: number): string => METRICS[i]!.path.join('.');
