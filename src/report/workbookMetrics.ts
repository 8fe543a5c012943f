// Which sheet each metric goes on, what it is called there and how its numbers are formatted.
// Driven by METRICS: a family names the top-level keys it holds, and any metric no family claims
// lands on "Other measures", so a metric added to the catalog is never left out of the workbook.
import { METRICS, type MetricDef } from '../domain/metricCatalog.js';
import { AGE_BAND_LABELS, NEED_LABELS, PLACEMENT_TYPE_LABELS } from './labels.js';
import { NUMBER_FORMATS } from './xlsx.js';

export interface MetricFamily {
  readonly sheet: string;
  readonly title: string;
  /** Top-level summary.json keys (`MetricDef.path[0]`), in the order shown. */
  readonly roots: readonly string[];
}

export const METRIC_FAMILIES: readonly MetricFamily[] = [
  { sheet: 'Children in care', title: 'Children looked after at 31 March: total, by age band, need and placement type',
    roots: ['childrenInCare', 'childrenInCareByAgeBand', 'childrenInCareByNeed', 'childrenInCareByPlacementType'] },
  { sheet: 'Flows', title: 'Flows in the financial year: starts, ceases, disruptions, moves',
    roots: ['starts', 'ceases', 'disruptions', 'moves', 'childWeeks'] },
  { sheet: 'Distance', title: 'Distance from home: placed over 20 miles, outside the boundary, median miles',
    roots: ['placedOver20Miles', 'outOfArea', 'medianDistanceMiles', 'childWeeksWithin20Miles'] },
  { sheet: 'Stability', title: 'Placement stability: three or more placements in the year, long-term stability',
    roots: ['threePlusPlacements', 'longTermStability'] },
  { sheet: 'Shortfalls', title: 'Sufficiency shortfalls: searches with no suitable vacancy, by age band and need; unregistered child-weeks',
    roots: ['shortfalls', 'shortfallsBySegment', 'unregistered'] },
  { sheet: 'Searches and places', title: 'Sufficiency by age band and need: placement searches in the year; suitable free places and approved places at 31 March (shortfalls: see Shortfalls)',
    roots: ['placementSearchesBySegment', 'suitableVacanciesBySegment', 'placesBySegment'] },
  { sheet: 'Spend', title: 'Spend in the financial year (nominal £): total, by placement type, moves, empty places; cost per child-week',
    roots: ['cost', 'costByPlacementType', 'moveCosts', 'voidCosts', 'costPerChildWeek'] },
  { sheet: 'Lever costs', title: 'Programme (lever) costs in the financial year, and step-downs made (both part of the options tested)',
    roots: ['leverCosts', 'stepDowns'] },
  { sheet: 'Occupancy and voids', title: 'Occupancy of approved places and empty paid places (voids) at 31 March, by carer type',
    roots: ['occupancy', 'voids'] },
];

export const OTHER_FAMILY: MetricFamily = { sheet: 'Other measures', title: 'Other measures', roots: [] };

/** The families with the metrics each holds, in catalog order; "Other measures" only if something is left. */
export const familiesWithMetrics = (metrics: readonly MetricDef[] = METRICS): { family: MetricFamily; metrics: MetricDef[] }[] => {
  const claimed = new Set(METRIC_FAMILIES.flatMap((f) => f.roots));
  const listed = METRIC_FAMILIES.map((family) => ({
    family,
    metrics: family.roots.flatMap((root) => metrics.filter((m) => m.path[0] === root)),
  })).filter((f) => f.metrics.length > 0);
  const rest = metrics.filter((m) => !claimed.has(m.path[0]!));
  return rest.length > 0 ? [...listed, { family: OTHER_FAMILY, metrics: rest }] : listed;
};

/**
 * Whole children for snapshot counts; one decimal for flows and child-weeks, whose means are often
 * below one (0.4 shortfalls a year in a segment would otherwise show as 0).
 */
export const FORMAT_BY_UNIT: Readonly<Record<MetricDef['unit'], string>> = {
  children: NUMBER_FORMATS.whole,
  count: NUMBER_FORMATS.oneDecimal,
  childWeeks: NUMBER_FORMATS.oneDecimal,
  fraction: NUMBER_FORMATS.fraction,
  miles: NUMBER_FORMATS.miles,
  pounds: NUMBER_FORMATS.pounds,
  poundsPerChildWeek: NUMBER_FORMATS.pounds,
};

const ROOT_LABELS: Readonly<Record<string, string>> = {
  childrenInCare: 'Children in care', childrenInCareByAgeBand: 'Children in care', childrenInCareByNeed: 'Children in care',
  childrenInCareByPlacementType: 'Children in care', starts: 'Starts', ceases: 'Ceases', disruptions: 'Disruptions (breakdowns)',
  moves: 'Placement moves', childWeeks: 'Child-weeks in care', placedOver20Miles: 'Placed more than 20 miles from home',
  outOfArea: 'Placed outside the boundary', medianDistanceMiles: 'Median distance from home (miles)',
  childWeeksWithin20Miles: 'Child-weeks placed within 20 miles', threePlusPlacements: 'Three or more placements in the year',
  longTermStability: 'Long-term stability', shortfalls: 'Shortfalls', shortfallsBySegment: 'Shortfalls',
  unregistered: 'Unregistered child-weeks', placementSearchesBySegment: 'Placement searches', suitableVacanciesBySegment: 'Suitable free places',
  placesBySegment: 'Suitable approved places', cost: 'Total spend', costByPlacementType: 'Placement spend', moveCosts: 'Move costs',
  voidCosts: 'Empty places paid for (voids)', costPerChildWeek: 'Placement spend per child-week', leverCosts: 'Lever (programme) costs',
  stepDowns: 'Step-downs from residential', occupancy: 'Occupancy', voids: 'Empty paid places (voids)',
};

// The report's words for age bands, needs and placement types (labels.ts), so the workbook and
// the HTML report name things alike. parentAndChild is both a need and a type, with one label.
const KEY_LABELS: Readonly<Record<string, string>> = { ...NEED_LABELS, ...PLACEMENT_TYPE_LABELS, ...AGE_BAND_LABELS };

/** "Children in care: 10 to 15", "Shortfalls: 10 to 15, Complex"; unknown keys are shown as they are. */
export const metricLabel = (m: MetricDef): string => {
  const [root, ...keys] = m.path;
  const name = ROOT_LABELS[root!] ?? root!;
  return keys.length === 0 ? name : `${name}: ${keys.map((k) => KEY_LABELS[k] ?? k).join(', ')}`;
};

export const metricByKey: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.path.join('.'), m]));
