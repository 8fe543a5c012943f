// The fixed list of per-financial-year metrics. A replication writes one Float64Array row per
// year in this order; summaries and files are built from the same list, so every output has the
// same keys whatever the scenario. NaN in a row means "not defined this year" (for example a
// fraction with an empty denominator); summaries turn it into null, never into a number.
import { AGE_BANDS, CARER_TYPES, NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';

export interface MetricDef {
  /** Path in summary.json: `["childrenInCareByAgeBand", "10to15"]`. */
  readonly path: readonly string[];
  readonly unit: 'children' | 'fraction' | 'miles' | 'count' | 'childWeeks' | 'pounds' | 'poundsPerChildWeek';
  readonly description: string;
}

const scalar = (name: string, unit: MetricDef['unit'], description: string): MetricDef[] => [{ path: [name], unit, description }];
const byKey = (name: string, keys: readonly string[], unit: MetricDef['unit'], description: string): MetricDef[] =>
  keys.map((k) => ({ path: [name, k], unit, description }));

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
  ...AGE_BANDS.flatMap((b) => NEEDS.map((n): MetricDef => ({ path: ['shortfallsBySegment', b, n], unit: 'count', description: 'shortfalls by age band and need' }))),
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
