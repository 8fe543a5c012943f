// Words and number formats shared by the report's charts and tables (and the explorer): one
// place for how a placement type, an age band or a sum of money reads to a council member.
// Formatting is done here, not by the runtime's locale, so the same summary gives the same bytes
// in Node and in any browser.
import type { AgeBand, Need, PlacementType } from '../domain/vocabulary.js';
import type { Stats } from '../metrics/summary.js';

export const PLACEMENT_TYPE_LABELS: Readonly<Record<PlacementType, string>> = {
  connected: 'Connected carers', inHouseFoster: 'In-house foster', ifa: 'IFA foster',
  residentialInHouse: 'Residential (in-house)', residentialPrivate: 'Residential (private)', supported: 'Supported accommodation',
  parentAndChild: 'Parent and child', placedWithParents: 'Placed with parents', adoption: 'Placed for adoption',
  secure: 'Secure', other: 'Other', unregistered: 'Unregistered',
};

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  under1: 'Under 1', '1to4': '1 to 4', '5to9': '5 to 9', '10to15': '10 to 15', '16plus': '16 and 17',
};

export const NEED_LABELS: Readonly<Record<Need, string>> = {
  standard: 'Standard', complex: 'Complex', disability: 'Disability', parentAndChild: 'Parent and child', uasc: 'UASC',
};

/** How a metric's values are shown: the unit decides the format of axes, tooltips and tables. */
export type Unit = 'count' | 'fraction' | 'pounds';

/** `12345.6` → `12,346`: thousands separators without the runtime's locale data. */
export const whole = (x: number): string => {
  const r = Math.round(x);
  const s = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `−${s}` : s;
};

/** Counts: whole numbers from 10 up, one decimal below (medians of small counts are often halves). */
export const count = (x: number): string => (Math.abs(x) >= 10 || Number.isInteger(x) ? whole(x) : x.toFixed(1));

export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Pounds: `£12.3m` from a million up, `£45,600` below. */
export const pounds = (x: number): string => {
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  return a >= 1e6 ? `${sign}£${(a / 1e6).toFixed(a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2)}m` : `${sign}£${whole(a)}`;
};

export const formatOf = (unit: Unit): ((x: number) => string) => (unit === 'fraction' ? percent : unit === 'pounds' ? pounds : count);

/** A difference: `+3.2%` is shown as `+3.2 points` for fractions; the sign is always written. */
export const signed = (x: number, unit: Unit): string => {
  const body = unit === 'fraction' ? `${Math.abs(x * 100).toFixed(1)} pts` : formatOf(unit)(Math.abs(x)).replace('−', '');
  const shownAsZero = !/[1-9]/.test(body);
  return shownAsZero ? body : x > 0 ? `+${body}` : `−${body}`;
};

/** Median with the 5th–95th percentile range: `470 (440–500)`; `n/a` when not defined. */
export const medianRange = (s: Stats | undefined, unit: Unit): string => {
  if (s === undefined || s.p50 === null || s.p5 === null || s.p95 === null) return 'n/a';
  const f = formatOf(unit);
  return `${f(s.p50)} (${f(s.p5)}–${f(s.p95)})`;
};

/**
 * The statistics at a path in a year's metrics, or undefined when the summary has no such metric
 * (an older engine, or a metric not yet added): reports show what is there and say what is not.
 */
export const statsAt = (metrics: Readonly<Record<string, unknown>>, path: readonly string[]): Stats | undefined => {
  let node: unknown = metrics;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node !== 'object' || node === null || !('p50' in node)) return undefined;
  return node as Stats;
};

/** `2022/23*` for a partial first year, as the terminal table marks it. */
export const yearLabel = (y: { readonly financialYear: string; readonly partial: boolean }): string =>
  `${y.financialYear}${y.partial ? '*' : ''}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-03-31` → `31 March 2025`; anything else is returned as it is. */
export const longDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m === null ? undefined : MONTHS[Number(m[2]) - 1];
  return m === null || month === undefined ? iso : `${Number(m[3])} ${month} ${m[1]}`;
};

/** `initialPopulation` → `Initial population`. */
export const words = (key: string): string => {
  const w = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/\b(uasc|ifa|la|dfe|ons)\b/g, (a) => a.toUpperCase());
  return w.charAt(0).toUpperCase() + w.slice(1);
};
