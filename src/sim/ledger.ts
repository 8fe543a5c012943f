// The ledger: what a replication adds to its metric rows as time passes — placement costs and
// child-weeks accrued child by child, one-off and programme costs of levers — each in the
// financial year its days fall in, at that year's prices.
import { DAYS_PER_YEAR } from '../domain/time.js';
import { OVER_20_MILES } from '../domain/geography.js';
import { AGE_BANDS, NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import { METRIC_COUNT, metricIndex } from '../domain/metricCatalog.js';
import type { PlacementTypeIndex } from '../scenario/resolved.js';
import type { ReplicationState, SimChild } from './state.js';

export const T_UNREGISTERED = PLACEMENT_TYPES.indexOf('unregistered') as PlacementTypeIndex;

const CARER_TYPES = ['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild'] as const;
/** Placement types whose occupancy and voids are measured, in the order of `METRICS.occupancy`. */
export const CARER_TYPE_INDICES = CARER_TYPES.map((c) => PLACEMENT_TYPES.indexOf(c));

/** Row offsets of the metrics a replication writes. */
export const METRICS = {
  cic: metricIndex('childrenInCare'),
  byBand: AGE_BANDS.map((b) => metricIndex(`childrenInCareByAgeBand.${b}`)),
  byNeed: NEEDS.map((n) => metricIndex(`childrenInCareByNeed.${n}`)),
  byType: PLACEMENT_TYPES.map((p) => metricIndex(`childrenInCareByPlacementType.${p}`)),
  starts: metricIndex('starts'),
  ceases: metricIndex('ceases'),
  over20: metricIndex('placedOver20Miles'),
  outOfArea: metricIndex('outOfArea'),
  medianMiles: metricIndex('medianDistanceMiles'),
  shortfalls: metricIndex('shortfalls'),
  shortfallSeg: AGE_BANDS.map((b) => NEEDS.map((n) => metricIndex(`shortfallsBySegment.${b}.${n}`))),
  searchSeg: AGE_BANDS.map((b) => NEEDS.map((n) => metricIndex(`placementSearchesBySegment.${b}.${n}`))),
  // By segment index (band × need), for the year-end loop over a household's segment mask.
  suitableSeg: AGE_BANDS.flatMap((b) => NEEDS.map((n) => metricIndex(`suitableVacanciesBySegment.${b}.${n}`))),
  placesSeg: AGE_BANDS.flatMap((b) => NEEDS.map((n) => metricIndex(`placesBySegment.${b}.${n}`))),
  unregistered: metricIndex('unregistered'),
  disruptions: metricIndex('disruptions'),
  moves: metricIndex('moves'),
  threePlus: metricIndex('threePlusPlacements'),
  stability: metricIndex('longTermStability'),
  cost: metricIndex('cost'),
  costByType: PLACEMENT_TYPES.map((p) => metricIndex(`costByPlacementType.${p}`)),
  moveCosts: metricIndex('moveCosts'),
  voidCosts: metricIndex('voidCosts'),
  leverCosts: metricIndex('leverCosts'),
  within20: metricIndex('childWeeksWithin20Miles'),
  stepDowns: metricIndex('stepDowns'),
  childWeeks: metricIndex('childWeeks'),
  costPerChildWeek: metricIndex('costPerChildWeek'),
  occupancy: CARER_TYPES.map((c) => metricIndex(`occupancy.${c}`)),
  voids: CARER_TYPES.map((c) => metricIndex(`voids.${c}`)),
};
const M = METRICS;

/** Financial year of a day; year 0 starts before day 0 (the start date is inside it). */
export const yearOfDay = (st: ReplicationState, day: number): number => {
  const years = st.years;
  for (let k = 0; k < years.length; k++) if (day <= years[k]!.endDay) return k;
  return years.length;
};

/** Add `value` to a metric of year `year` (nothing outside the horizon). */
export const add = (st: ReplicationState, year: number, metric: number, value: number): void => {
  if (year >= 0 && year < st.yearCount) st.rows[year * METRIC_COUNT + metric] = st.rows[year * METRIC_COUNT + metric]! + value;
};

/** Spread a weekly amount (start-date prices) over days [from, to), year by year, into metrics. */
export const addWeekly = (st: ReplicationState, from: number, to: number, weekly: number, type: number, metrics: readonly number[]): void => {
  const years = st.years;
  let d = Math.max(from, 0);
  while (d < to) {
    const k = yearOfDay(st, d);
    if (k >= years.length) break;
    const end = Math.min(to, years[k]!.endDay + 1);
    const pounds = (weekly * st.inflation[k]! * (type >= 0 ? st.priceFactor[k]![type]! : 1) * (end - d)) / 7;
    for (const m of metrics) add(st, k, m, pounds);
    d = end;
  }
};

/** A lever's one-off cost on a day, at that year's prices. */
export const addOneOff = (st: ReplicationState, day: number, pounds: number): void => {
  const k = yearOfDay(st, Math.max(day, 0));
  add(st, k, M.leverCosts, pounds * (st.inflation[k] ?? 1));
  add(st, k, M.cost, pounds * (st.inflation[k] ?? 1));
};

/** Lever costs that do not depend on what happens: capital on a date, programmes by the year. */
export const addLeverCosts = (st: ReplicationState): void => {
  const { rs, horizon } = st;
  for (const c of rs.effects.oneOffCosts) if (c.day < horizon) addOneOff(st, c.day, c.pounds);
  for (const c of rs.effects.annualCosts) addWeekly(st, c.fromDay, Math.min(c.toDay, horizon), (c.perYear * 7) / DAYS_PER_YEAR, -1, [M.leverCosts, M.cost]);
};

/** A move's cost and count, in the year of the move. */
export const addMove = (st: ReplicationState, day: number): void => {
  const k = yearOfDay(st, day);
  add(st, k, M.moves, 1);
  add(st, k, M.moveCosts, st.rs.moveCost * (st.inflation[k] ?? 1));
  add(st, k, M.cost, st.rs.moveCost * (st.inflation[k] ?? 1));
};

/** Cost and child-weeks of a child's current placement up to (not including) day `until`. */
export const accrueChild = (st: ReplicationState, c: SimChild, until: number): void => {
  if (until > c.costFrom) {
    addWeekly(st, c.costFrom, until, c.weekly, c.type, [M.cost, M.costByType[c.type]!]);
    // Child-weeks are counted with a weekly "amount" of 1 at no inflation or price change.
    const years = st.years;
    let d = c.costFrom;
    while (d < until) {
      const k = yearOfDay(st, d);
      if (k >= years.length) break;
      const end = Math.min(until, years[k]!.endDay + 1);
      const weeks = (end - d) / 7;
      add(st, k, M.childWeeks, weeks);
      if (c.type === T_UNREGISTERED) add(st, k, M.unregistered, weeks);
      if (c.miles <= OVER_20_MILES) add(st, k, M.within20, weeks);
      d = end;
    }
  }
  c.costFrom = Math.max(c.costFrom, until);
};
