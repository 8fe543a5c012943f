// Codecs for one CSV cell: text as a user typed it in a spreadsheet → a domain value. Each codec's
// `name` is its description in words; error messages ("expected <name>, found …") and the README
// format reference both use it, so the two cannot drift apart. Empty cells never reach these
// codecs (the row decoder treats an empty cell as a column left out).
import { t } from './fp.js';
import { formatNumber, type Bound } from './bounds.js';
import { parseIsoDate } from './time.js';

/** Value of a codec that turns a cell's text into `A`. */
export type CellCodec<A> = t.Type<A, string, unknown>;

const cell = <A>(name: string, parse: (s: string) => A | { readonly problem: string }, encode: (a: A) => string, is: (u: unknown) => u is A): CellCodec<A> =>
  new t.Type<A, string, unknown>(name, is, (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const r = parse(u.trim());
    return typeof r === 'object' && r !== null && 'problem' in r ? t.failure(u, c, r.problem) : t.success(r as A);
  }, encode);

const isString = (u: unknown): u is string => typeof u === 'string';
const fail = (problem: string): { readonly problem: string } => ({ problem });

/** A code as users type it: case, spaces, underscores and hyphens ignored (`Under 5 days` = `under5days`). */
export const codeKey = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Any non-empty text. */
export const Text: CellCodec<string> = cell('text', (s) => (s === '' ? fail('empty') : s), (s) => s, isString);

// ---- Dates ----------------------------------------------------------------------------------

/** A calendar date as `YYYY-MM-DD` (the canonical form every date cell decodes to). */
export type IsoDateText = string;

/**
 * A date written as DD/MM/YYYY (as in the SSDA903 return; day and month may be one digit) or
 * YYYY-MM-DD. Decodes to `YYYY-MM-DD`. Month-first dates cannot be told apart from day-first
 * ones when the day is 12 or less; they are read day first, as the 903 does.
 *
 * @example DateCell.decode('03/04/2025') // right('2025-04-03')
 */
export const DateCell: CellCodec<IsoDateText> = cell(
  'date as DD/MM/YYYY or YYYY-MM-DD',
  (s) => {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d+)$/.exec(s);
    if (uk) {
      if (uk[3]!.length !== 4) return fail('the year needs four digits');
      const iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
      return parseIsoDate(iso) === undefined ? fail('no such date; DD/MM/YYYY is read day first') : iso;
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return parseIsoDate(s) === undefined ? fail('no such date') : s;
    return fail('not a date in either form');
  },
  (s) => s,
  isString,
);

// ---- Numbers --------------------------------------------------------------------------------

/** A whole number from `min` to `max`. */
export const WholeNumber = (min: number, max: number, name = `whole number from ${min} to ${max}`): CellCodec<number> =>
  cell(name, (s) => {
    if (!/^[+]?\d+$/.test(s)) return fail('not a whole number');
    const n = Number(s);
    return n < min || n > max ? fail(`out of range ${min}–${max}`) : n;
  }, String, (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max);

/** Age in whole years, 0–17. */
export const AgeCell = WholeNumber(0, 17, 'whole number of years from 0 to 17');

/** A number from 0 to the bound's max, decimals allowed (`2`, `0.5`). */
export const NonNegativeNumber = (bound: Bound): CellCodec<number> => cell(`number from 0 to ${formatNumber(bound.max)}`, (s) => {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return fail('not a number ≥ 0');
  const n = Number(s);
  return n > bound.max ? fail(`out of range: ${bound.why}`) : n;
}, String, (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0 && u <= bound.max);

/** Pounds from 0 to the bound's max: `850`, `850.50`, `£1,250` (a pound sign and thousands commas are allowed). */
export const Pounds = (bound: Bound): CellCodec<number> => cell(`amount in £ from 0 to ${formatNumber(bound.max)}, e.g. 850 or £1,250.50`, (s) => {
  const plain = s.replace(/^£\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(plain)) return fail('not an amount of money');
  const n = Number(plain.replace(/,/g, ''));
  return n > bound.max ? fail(`out of range: ${bound.why}`) : n;
}, String, (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0 && u <= bound.max);

// ---- Yes / no -------------------------------------------------------------------------------

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** `yes` or `no` (also `y`/`n`, `true`/`false`, `1`/`0`; any case). */
export const YesNo: CellCodec<boolean> = cell('yes or no', (s) => {
  const k = s.toLowerCase();
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return fail('not yes or no');
}, (b) => (b ? 'yes' : 'no'), (u): u is boolean => typeof u === 'boolean');

// ---- Codes and lists ------------------------------------------------------------------------

/** The separator between the items of a list in one cell. */
export const LIST_SEPARATOR = ';';

const splitList = (s: string): string[] => s.split(LIST_SEPARATOR).map((x) => x.trim()).filter((x) => x !== '');

/** One code from `values`, matched ignoring case, spaces, underscores and hyphens; decodes to the canonical spelling. */
export const Choice = <K extends string>(values: readonly K[]): CellCodec<K> => {
  const byKey = new Map(values.map((v) => [codeKey(v), v]));
  return cell(`one of ${values.join(', ')}`, (s) => byKey.get(codeKey(s)) ?? fail('not one of these'), (k) => k,
    (u): u is K => typeof u === 'string' && (values as readonly string[]).includes(u));
};

/** Codes from `values` separated by `;` (`complex; uasc`), each at most once; decodes to canonical spellings in `values` order. */
export const ChoiceList = <K extends string>(values: readonly K[]): CellCodec<readonly K[]> => {
  const byKey = new Map(values.map((v) => [codeKey(v), v]));
  return cell<readonly K[]>(`list of ${values.join(', ')}, separated by ${LIST_SEPARATOR}`, (s) => {
    const items = splitList(s);
    if (items.length === 0) return fail('no items');
    const unknown = items.filter((x) => !byKey.has(codeKey(x)));
    if (unknown.length > 0) return fail(`unknown: ${unknown.map((x) => JSON.stringify(x)).join(', ')}`);
    const chosen = new Set(items.map((x) => byKey.get(codeKey(x))!));
    return values.filter((v) => chosen.has(v));
  }, (ks) => ks.join(`${LIST_SEPARATOR} `),
  (u): u is readonly K[] => Array.isArray(u) && u.every((x) => (values as readonly string[]).includes(x)));
};

/** Free-text items separated by `;` (`Polish; Russian`), compared ignoring case; decodes to trimmed items, duplicates removed. */
export const TextList: CellCodec<readonly string[]> = cell<readonly string[]>(`list of text items, separated by ${LIST_SEPARATOR}`, (s) => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of splitList(s)) {
    const k = x.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out.length === 0 ? fail('no items') : out;
}, (xs) => xs.join(`${LIST_SEPARATOR} `), (u): u is readonly string[] => Array.isArray(u) && u.every(isString));

/** Whole numbers from `min` to `max` separated by `;` (`3; 7`). */
export const WholeNumberList = (min: number, max: number): CellCodec<readonly number[]> =>
  cell<readonly number[]>(`list of whole numbers from ${min} to ${max}, separated by ${LIST_SEPARATOR}`, (s) => {
    const items = splitList(s);
    if (items.length === 0) return fail('no items');
    const bad = items.filter((x) => !/^\d+$/.test(x) || Number(x) < min || Number(x) > max);
    if (bad.length > 0) return fail(`not whole numbers from ${min} to ${max}: ${bad.map((x) => JSON.stringify(x)).join(', ')}`);
    return items.map(Number);
  }, (xs) => xs.join(`${LIST_SEPARATOR} `), (u): u is readonly number[] => Array.isArray(u) && u.every((x) => typeof x === 'number'));

// ---- Postcodes ------------------------------------------------------------------------------

const OUTWARD = '[A-Z]{1,2}[0-9][A-Z0-9]?';
const DISTRICT_RE = new RegExp(`^${OUTWARD}$`);
const SECTOR_RE = new RegExp(`^(${OUTWARD}) ?([0-9])$`);
const FULL_RE = new RegExp(`^(${OUTWARD}) ?([0-9])[A-Z]{2}$`);

/**
 * A postcode sector (`ME4 4`, the form SSDA903 HOME_POST and PL_POST take) or district (`ME4`).
 * A full postcode (`ME4 4AB`) is accepted and cut to its sector, so no full postcode is kept.
 * Decodes to the normalised code (`ME4 4`, `ME4`); whether the zone exists is checked against
 * the postcode geography later.
 */
export const Postcode: CellCodec<string> = cell('postcode sector (ME4 4) or district (ME4)', (s) => {
  const u = s.toUpperCase().replace(/\s+/g, ' ');
  const full = FULL_RE.exec(u);
  if (full) return `${full[1]} ${full[2]}`;
  // Without a space `ME44` is read as a district, as the ONS directory spells districts.
  if (DISTRICT_RE.test(u)) return u;
  const sector = SECTOR_RE.exec(u);
  if (sector) return `${sector[1]} ${sector[2]}`;
  return fail('not a UK postcode sector or district');
}, (s) => s, isString);
