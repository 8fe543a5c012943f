// The observation window: the snapshot date `asAt` (children in care at the end of that day are
// the population; flows are counted up to and including it) and the first day from which the
// returns show every start and exit (`observedFrom`). A year's return holds every episode open at
// any time in that year (1 April – 31 March), so flows are complete from the 1 April that begins
// the earliest year in which an episode ended.
import type { Episode903 } from '../../domain/ssda903.js';
import { collectionYearOf } from '../../domain/ssda903.js';
import type { Returns903 } from '../../domain/ssda903Returns.js';
import { DAYS_PER_YEAR } from '../../domain/time.js';

export interface Window {
  /** The snapshot day (epoch day). */
  readonly asAt: number;
  /** asAt + 1: time in care is counted up to the end of the snapshot day. */
  readonly end: number;
  /** First day whose starts and exits are all in the data (epoch day). */
  readonly observedFrom: number;
  /** Length of [observedFrom, end) in years of 365.25 days. */
  readonly years: number;
}

const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

export interface DateRange {
  readonly latest: number | undefined;
  readonly earliestEnd: number | undefined;
}

/** The latest date of any kind and the earliest DEC in the episodes (widening `from`, if given). */
export const dateRange = (episodes: readonly Episode903[], from: DateRange = { latest: undefined, earliestEnd: undefined }): DateRange => {
  let { latest, earliestEnd } = from;
  for (const e of episodes) {
    const last = e.DEC ?? e.DECOM;
    if (latest === undefined || last > latest) latest = last;
    if (e.DECOM > latest) latest = e.DECOM;
    if (e.DEC !== undefined && (earliestEnd === undefined || e.DEC < earliestEnd)) earliestEnd = e.DEC;
  }
  return { latest, earliestEnd };
};

/** `dateRange` over every child's episodes. */
export const dateRangeOfReturns = (returns: Returns903): DateRange => {
  let range: DateRange = { latest: undefined, earliestEnd: undefined };
  returns.forEachChild((c) => { range = dateRange(c.episodes, range); });
  return range;
};

/** 31 March ending the collection year that holds `latest`: the last snapshot date the returns cover. */
export const defaultAsAt = (latest: number): number => dayOf(collectionYearOf(latest) + 1, 3, 31);

/** 1 April starting the collection year of the earliest DEC (or of `latest` when no episode has ended). */
export const defaultObservedFrom = (earliestEnd: number | undefined, latest: number): number =>
  dayOf(collectionYearOf(earliestEnd ?? latest), 4, 1);

export const windowOf = (asAt: number, observedFrom: number): Window => ({
  asAt, end: asAt + 1, observedFrom, years: Math.max(0, (asAt + 1 - observedFrom) / DAYS_PER_YEAR),
});
