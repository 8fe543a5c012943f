// The SSDA903 return (children looked after, England): its tables, code lists (versioned by
// collection year), cell and row codecs, and the PLACE × PLACE_PROVIDER → placement type mapping.
//
// Guidance followed: DfE "Children looked after by local authorities in England: guide to the
// SSDA903 collection", collection year 2024 to 2025 (1 April 2024 – 31 March 2025), as encoded in
// the Data to Insight / Social Finance 903 validator (github.com/data-to-insight/csc-validator-be-903,
// `lac_validator/config.py` for the columns; rules of `lac_validator/rules/lac2024_25` and earlier:
// 143 RNE, 144 LS, 146 PLACE, 149 REC, 178 PLACE_PROVIDER, 1009 REASON_PLACE_CHANGE, 103 ETHNIC,
// 217 "P2 not valid from 28 October 2023", 356 DEC before DECOM, 501 overlapping episodes,
// 225 REASON_PLACE_CHANGE recorded on the episode that ends), and shared/domain/ssda903.md.
// Earlier years' returns use the same columns and codes except where `PLACE_CODE_LISTS` says.
import { t } from './fp.js';
import type { ExitReason, PlacementType } from './vocabulary.js';

// ---- Tables ---------------------------------------------------------------------------------

export const HEADER_COLUMNS = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] as const;
export const EPISODES_COLUMNS = [
  'CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE',
  'HOME_POST', 'PL_POST', 'URN',
] as const;
export const UASC_COLUMNS = ['CHILD', 'SEX', 'DOB', 'DUC'] as const;

/** The tables this project reads, and the other 903 tables it recognises (and skips). */
export const TABLES_903 = {
  Header: HEADER_COLUMNS,
  Episodes: EPISODES_COLUMNS,
  UASC: UASC_COLUMNS,
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  OC2: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
} as const satisfies Record<string, readonly string[]>;
export type Table903 = keyof typeof TABLES_903;
export const USED_TABLES: readonly Table903[] = ['Header', 'Episodes', 'UASC'];

/** Columns found only in one table: a file must have one of its table's to be recognised as it. */
const DISTINCTIVE: Readonly<Record<Table903, readonly string[]>> = Object.fromEntries(
  (Object.keys(TABLES_903) as Table903[]).map((t) => [t, TABLES_903[t].filter((c) => !(Object.keys(TABLES_903) as Table903[]).some((o) => o !== t && (TABLES_903[o] as readonly string[]).includes(c)))]),
) as unknown as Record<Table903, readonly string[]>;

/** A header cell as files spell it: BOM, spaces and case ignored. */
export const normaliseColumn = (c: string): string => c.replace(/^\uFEFF/, '').trim().toUpperCase().replace(/[\s-]+/g, '_');

/**
 * Which 903 table a CSV holds, judged by its columns (never its name): the table sharing the
 * largest part of its columns with the file, among those whose distinctive columns (e.g. DECOM
 * for Episodes, DUC for UASC) the file has. `missing` lists that table's columns the file lacks.
 *
 * @example identifyTable(['CHILD', 'DECOM', 'RNE']) // { table: 'Episodes', missing: ['LS', 'CIN', …] }
 */
export const identifyTable = (columns: readonly string[]): { readonly table: Table903; readonly missing: readonly string[] } | undefined => {
  const present = new Set(columns.map(normaliseColumn));
  let best: { table: Table903; score: number } | undefined;
  for (const table of Object.keys(TABLES_903) as Table903[]) {
    const cols = TABLES_903[table] as readonly string[];
    if (!DISTINCTIVE[table].some((c) => present.has(c))) continue;
    const score = cols.filter((c) => present.has(c)).length / cols.length;
    if (best === undefined || score > best.score) best = { table, score };
  }
  if (best === undefined) return undefined;
  return { table: best.table, missing: (TABLES_903[best.table] as readonly string[]).filter((c) => !present.has(c)) };
};

// ---- Code lists -----------------------------------------------------------------------------

export const SEX_CODES = ['1', '2'] as const;
export const RNE_CODES = ['S', 'P', 'L', 'T', 'U', 'B'] as const;
export const LS_CODES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'] as const;
export const CIN_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
export const PLACE_PROVIDER_CODES = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const;
/**
 * REC codes (validator rule 149), plus E43 and E44, the special guardianship codes of returns
 * before E45–E48 replaced them: accepted so older returns (and exports that still write them) read.
 */
export const REC_CODES = [
  'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7',
  'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1', 'E43', 'E44',
] as const;
export const REASON_PLACE_CHANGE_CODES = [
  'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
] as const;
export const ETHNIC_CODES = [
  'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;
export const MOTHER_CODES = ['0', '1'] as const;

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
const PLACE_CODES_2016 = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', ...TEMPORARY,
  'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
] as const;
export const PLACE_CODES = [...PLACE_CODES_2016, 'K3'] as const;

export type Sex = (typeof SEX_CODES)[number];
export type Rne = (typeof RNE_CODES)[number];
export type Ls = (typeof LS_CODES)[number];
export type Cin = (typeof CIN_CODES)[number];
export type PlaceCode = (typeof PLACE_CODES)[number];
export type PlaceProvider = (typeof PLACE_PROVIDER_CODES)[number];
export type Rec = (typeof REC_CODES)[number];
export type ReasonPlaceChange = (typeof REASON_PLACE_CHANGE_CODES)[number];

/** The day the 2023/24 changes took effect: K3 (registered supported accommodation) added, H5 and P2 retired. */
export const SUPPORTED_ACCOMMODATION_CHANGE = '2023-10-28';
const CHANGE_DAY = Date.UTC(2023, 9, 28) / 86_400_000;

/**
 * PLACE code lists by collection year (the year's start: 2023 = 2023/24). A year uses the last
 * list whose `from` is not after it. Within 2023/24, H5 and P2 stop and K3 starts on 28 October
 * 2023 (`placeCodeInForce`). Z1 is split into Z11–Z14 in a later guide than the one followed
 * here: those codes are not accepted yet.
 */
export const PLACE_CODE_LISTS: readonly { readonly from: number; readonly guidance: string; readonly codes: readonly PlaceCode[] }[] = [
  { from: 2016, guidance: '2016/17 to 2022/23', codes: PLACE_CODES_2016 },
  { from: 2023, guidance: '2023/24 onwards (K3 from 28 October 2023; H5 and P2 end then)', codes: PLACE_CODES },
];

/** The collection year (start year: 2024 for 2024/25) containing an epoch day. */
export const collectionYearOf = (epochDay: number): number => {
  const d = new Date(epochDay * 86_400_000);
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
};

export const placeCodesFor = (collectionYear: number): readonly PlaceCode[] => {
  let list = PLACE_CODE_LISTS[0]!;
  for (const l of PLACE_CODE_LISTS) if (l.from <= collectionYear) list = l;
  return list.codes;
};

/**
 * Why an episode's PLACE is not allowed on its dates in a return for `collectionYear`, or
 * undefined. K3 exists from 28 October 2023; in a 2023/24 or later return an H5 or P2 episode
 * must have ended by 28 October 2023 (DfE rule 217 and its H5 counterpart).
 */
export const placeCodeInForce = (place: PlaceCode, decom: number, dec: number | undefined, collectionYear: number): string | undefined => {
  if (place === 'K3' && decom < CHANGE_DAY) return `K3 (registered supported accommodation) exists from 28/10/2023; this episode starts earlier (use H5 or P2 before then)`;
  if ((place === 'H5' || place === 'P2') && collectionYear >= 2023 && (dec === undefined || dec > CHANGE_DAY)) {
    return `${place} is not a valid placement type from 28/10/2023 (2023/24 guidance); an ${place} episode must end by then (use K3 after)`;
  }
  if (!placeCodesFor(collectionYear).includes(place)) return `${place} is not in the ${collectionYear}/${String((collectionYear + 1) % 100).padStart(2, '0')} code list`;
  return undefined;
};

export const isTemporaryPlace = (place: PlaceCode): boolean => (TEMPORARY as readonly string[]).includes(place);
/** Placements that need no provider (DfE rule 178). */
export const placeNeedsNoProvider = (place: PlaceCode): boolean => isTemporaryPlace(place) || place === 'Z1';

/** RNE codes that start a new placement (a new carer); L, T and U continue the current one. */
export const NEW_PLACEMENT_RNE: readonly Rne[] = ['S', 'P', 'B'];
/** Legal statuses of short-break (respite) series, excluded from placement analysis. */
export const SHORT_BREAK_LS: readonly Ls[] = ['V3', 'V4'];
/** Placement endings that are disruptions (unplanned), and the planned one. */
export const UNPLANNED_CHANGE: readonly ReasonPlaceChange[] = ['CREQB', 'CREQO', 'CHILD', 'ALLEG', 'STAND', 'CLOSE', 'APPRR'];
export const PLANNED_CHANGE: readonly ReasonPlaceChange[] = ['CARPL'];

/** How a period of care ended, in the scenario's exit reasons (turning 18 is decided by date, not code). */
export const exitReasonOf = (rec: Rec): 'returnHome' | 'specialGuardianship' | 'adoption' | 'other' => {
  switch (rec) {
    case 'E11': case 'E12': return 'adoption';
    case 'E41': case 'E43': case 'E44': case 'E45': case 'E46': case 'E47': case 'E48': return 'specialGuardianship';
    case 'E4A': case 'E4B': case 'E13': return 'returnHome';
    default: return 'other';
  }
};

// ---- The placement type mapping (DESIGN.md vocabulary) ---------------------------------------

const OWN_PROVISION: readonly (PlaceProvider | undefined)[] = ['PR0', 'PR1', 'PR2', 'PR3', undefined];

/**
 * PLACE × PLACE_PROVIDER → our placement type, or `temporary` for T0–T4 (a temporary move is
 * not a placement change). Foster placements with other carers (U4–U6) and children's homes (K2)
 * split by provider: PR1–PR3 (the authority's own, another authority's, other public) are
 * in-house, PR4–PR5 (private, voluntary) are IFA / private; a missing provider counts as own.
 *
 * @example placementTypeOf('U4', 'PR4') // 'ifa'
 */
export const placementTypeOf = (place: PlaceCode, provider: PlaceProvider | undefined): PlacementType | 'temporary' => {
  switch (place) {
    case 'U1': case 'U2': case 'U3': return 'connected';
    case 'U4': case 'U5': case 'U6': return OWN_PROVISION.includes(provider) ? 'inHouseFoster' : 'ifa';
    case 'K2': return OWN_PROVISION.includes(provider) ? 'residentialInHouse' : 'residentialPrivate';
    case 'K1': return 'secure';
    case 'K3': case 'H5': case 'P2': return 'supported';
    case 'R3': return 'parentAndChild';
    case 'P1': return 'placedWithParents';
    case 'A3': case 'A4': case 'A5': case 'A6': return 'adoption';
    case 'T0': case 'T1': case 'T2': case 'T3': case 'T4': return 'temporary';
    case 'R1': case 'R2': case 'R5': case 'S1': case 'P3': case 'Z1': return 'other';
  }
};

/**
 * The 903 codes a synthetic return writes for a placement type on a day (the inverse of
 * `placementTypeOf`, choosing one code per type): supported accommodation is H5 before 28
 * October 2023 and K3 from then; adoption is A4; `unregistered` has no 903 code and is written as
 * Z1 with no provider (so it reads back as `other`), as many authorities record it.
 */
export const placeCodesOf = (type: PlacementType, epochDay: number): { readonly PLACE: PlaceCode; readonly PLACE_PROVIDER: PlaceProvider | undefined } => {
  switch (type) {
    case 'connected': return { PLACE: 'U3', PLACE_PROVIDER: 'PR1' };
    case 'inHouseFoster': return { PLACE: 'U6', PLACE_PROVIDER: 'PR1' };
    case 'ifa': return { PLACE: 'U6', PLACE_PROVIDER: 'PR4' };
    case 'residentialInHouse': return { PLACE: 'K2', PLACE_PROVIDER: 'PR1' };
    case 'residentialPrivate': return { PLACE: 'K2', PLACE_PROVIDER: 'PR4' };
    case 'supported': return { PLACE: epochDay < CHANGE_DAY ? 'H5' : 'K3', PLACE_PROVIDER: 'PR4' };
    case 'parentAndChild': return { PLACE: 'R3', PLACE_PROVIDER: 'PR4' };
    case 'placedWithParents': return { PLACE: 'P1', PLACE_PROVIDER: 'PR0' };
    case 'adoption': return { PLACE: 'A4', PLACE_PROVIDER: 'PR1' };
    case 'secure': return { PLACE: 'K1', PLACE_PROVIDER: 'PR1' };
    case 'other': case 'unregistered': return { PLACE: 'Z1', PLACE_PROVIDER: undefined };
  }
};

/**
 * The REC a synthetic return writes when a period of care ends (the inverse of `exitReasonOf`,
 * one code per reason): returned home (E4A), special guardianship to relatives (E44, the older
 * code, still read), adopted (E11), independent living at 18 (E5), other (E8). A placement change
 * within care is X1.
 */
export const REC_OF_EXIT: Readonly<Record<ExitReason, Rec>> = {
  returnHome: 'E4A', specialGuardianship: 'E44', adoption: 'E11', turned18: 'E5', other: 'E8',
};

const REASON_PLACE_CHANGE_OF_ENDING: Readonly<Record<string, ReasonPlaceChange>> = {
  breakdown: 'CREQB', planned: 'CARPL', carerLeft: 'CLOSE', found: 'CARPL', stepDown: 'CARPL', PLACE: 'PLACE',
};
/**
 * The REASON_PLACE_CHANGE a synthetic return writes for why the engine ended a placement (a
 * breakdown, a planned move, the carer leaving, a better placement found, a step-down), or PLACE
 * for a change of placement status only (H5 to K3 on 28 October 2023); anything else is OTHER.
 */
export const reasonPlaceChangeOf = (ended: string): ReasonPlaceChange => REASON_PLACE_CHANGE_OF_ENDING[ended] ?? 'OTHER';

// ---- Cell codecs ----------------------------------------------------------------------------

/** A codec from one CSV cell's text (already known to be non-blank) to a value. */
export type Cell903<A> = t.Type<A, string, unknown>;

/** Each cell codec's parser, so a million rows can skip the codec's Either on the happy path. */
const PARSERS = new WeakMap<Cell903<unknown>, (s: string) => unknown>();

const cell = <A>(name: string, parse: (s: string) => A | undefined, encode: (a: A) => string, is: (u: unknown) => u is A, why?: (s: string) => string | undefined): Cell903<A> => {
  const codec = new t.Type<A, string, unknown>(name, is, (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const v = parse(u.trim());
    return v === undefined ? t.failure(u, c, why?.(u.trim())) : t.success(v);
  }, encode);
  PARSERS.set(codec as Cell903<unknown>, parse);
  return codec;
};

const MS_PER_DAY = 86_400_000;
const dateCache = new Map<string, number | null>();

/** Days from Excel's day 0 (30/12/1899, as its 1900 leap-year bug makes it) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * `DD/MM/YYYY` (the 903's form), `YYYY-MM-DD`, either with a midnight time after it (as spreadsheets
 * save dates), or an Excel serial day number of five digits (10000 is 18/05/1927) → days since
 * 1970-01-01, or undefined.
 */
export const parseDate903 = (s: string): number | undefined => {
  const hit = dateCache.get(s);
  if (hit !== undefined) return hit === null ? undefined : hit;
  let y = NaN; let m = NaN; let d = NaN;
  const text = s.replace(/[ T]00:00(:00(\.0+)?)?Z?$/, '');
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) { d = Number(uk[1]); m = Number(uk[2]); y = Number(uk[3]); }
  const iso = uk ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) { y = Number(iso[1]); m = Number(iso[2]); d = Number(iso[3]); }
  const serial = uk || iso ? null : /^(\d{5})(\.0+)?$/.exec(text);
  if (serial) {
    const back = new Date((Number(serial[1]) - EXCEL_EPOCH_OFFSET) * MS_PER_DAY);
    y = back.getUTCFullYear(); m = back.getUTCMonth() + 1; d = back.getUTCDate();
  }
  let out: number | null = null;
  if (Number.isFinite(y) && y >= 1900 && y <= 2100) {
    const ms = Date.UTC(y, m - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d) out = ms / MS_PER_DAY;
  }
  if (dateCache.size < 100_000) dateCache.set(s, out);
  return out === null ? undefined : out;
};

/** An epoch day as the 903 writes it: `DD/MM/YYYY`. */
export const formatDate903 = (epochDay: number): string => {
  const d = new Date(epochDay * MS_PER_DAY);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

const isNumber = (u: unknown): u is number => typeof u === 'number';
const isString = (u: unknown): u is string => typeof u === 'string';

export const Date903: Cell903<number> = cell('date as DD/MM/YYYY', parseDate903, formatDate903, isNumber, (s) =>
  (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s) ? 'no such date; DD/MM/YYYY is read day first' : undefined));

/** A code from `codes`, matched ignoring case and surrounding spaces; decodes to the list's spelling. */
export const codeCell = <C extends string>(name: string, codes: readonly C[]): Cell903<C> => {
  const canonical = new Map<string, C>(codes.map((c) => [c.toUpperCase(), c]));
  return cell(`${name} code (one of ${codes.join(', ')})`, (s) => canonical.get(s.toUpperCase()), (c) => c, (u): u is C => isString(u) && canonical.has(u));
};

/** Free text (an identifier such as CHILD, UPN or URN). */
export const Text903: Cell903<string> = cell('text', (s) => (s === '' ? undefined : s), (s) => s, isString);

/**
 * A partial postcode as the 903 holds it: district and sector digit (`ME4 4`), or a district
 * (`ME4`). Never fails: a value the gazetteer does not know counts as "not known" for distance.
 * Spaces and case are normalised; a full postcode is cut to its sector.
 */
export const Postcode903: Cell903<string> = cell('partial postcode (e.g. ME4 4)', (s) => normalisePostcode(s), (s) => s, isString);

export const normalisePostcode = (raw: string): string => {
  const s = raw.toUpperCase().replace(/\s+/g, ' ').trim();
  const full = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d)[A-Z]{2}$/.exec(s);
  if (full) return `${full[1]} ${full[2]}`;
  return s;
};

// ---- Rows -----------------------------------------------------------------------------------

export const SexC = codeCell('SEX', SEX_CODES);
export const RneC = codeCell('RNE', RNE_CODES);
export const LsC = codeCell('LS', LS_CODES);
export const CinC = codeCell('CIN', CIN_CODES);
export const PlaceC = codeCell('PLACE', PLACE_CODES);
export const PlaceProviderC = codeCell('PLACE_PROVIDER', PLACE_PROVIDER_CODES);
export const RecC = codeCell('REC', REC_CODES);
export const ReasonPlaceChangeC = codeCell('REASON_PLACE_CHANGE', REASON_PLACE_CHANGE_CODES);
export const EthnicC = codeCell('ETHNIC', ETHNIC_CODES);
export const MotherC = codeCell('MOTHER', MOTHER_CODES);

/** A row codec as a list of cells: required ones (non-blank) and optional ones (blank → absent). */
export interface RowSpec903 {
  readonly cells: readonly { readonly column: string; readonly codec: Cell903<unknown>; readonly required: boolean }[];
}

export const HeaderRowC = t.intersection([
  t.type({ CHILD: Text903, SEX: SexC, DOB: Date903 }),
  t.partial({ ETHNIC: EthnicC, UPN: Text903, MOTHER: MotherC, MC_DOB: Date903 }),
], 'HeaderRow');
export type HeaderRow = t.TypeOf<typeof HeaderRowC>;

export const EpisodeRowC = t.intersection([
  t.type({ CHILD: Text903, DECOM: Date903, RNE: RneC, LS: LsC, CIN: CinC, PLACE: PlaceC }),
  t.partial({
    PLACE_PROVIDER: PlaceProviderC, DEC: Date903, REC: RecC, REASON_PLACE_CHANGE: ReasonPlaceChangeC,
    HOME_POST: Postcode903, PL_POST: Postcode903, URN: Text903,
  }),
], 'EpisodeRow');
export type EpisodeRow = t.TypeOf<typeof EpisodeRowC>;

export const UascRowC = t.intersection([
  t.type({ CHILD: Text903 }),
  t.partial({ SEX: SexC, DOB: Date903, DUC: Date903 }),
], 'UascRow');
export type UascRow = t.TypeOf<typeof UascRowC>;

/** Where a row came from: the index of its file in the reader's list, and its line (1 = header). */
export interface RowOrigin {
  readonly src?: number;
  readonly line?: number;
}

export type Header903 = HeaderRow & RowOrigin;
export type Episode903 = EpisodeRow & RowOrigin;
export type Uasc903 = UascRow & RowOrigin;

/** Decoded 903 tables, from files or built in memory. Rows may come from several years' returns. */
export interface Tables903 {
  readonly header: readonly Header903[];
  readonly episodes: readonly Episode903[];
  readonly uasc: readonly Uasc903[];
}

/** The two halves of a row codec, for decoding cell by cell. */
export const rowSpecOf = <P extends t.Props, Q extends t.Props>(codec: t.IntersectionC<[t.TypeC<P>, t.PartialC<Q>]>): RowSpec903 => ({
  cells: [
    ...Object.entries(codec.types[0].props as Record<string, Cell903<unknown>>).map(([column, c]) => ({ column, codec: c, required: true })),
    ...Object.entries(codec.types[1].props as Record<string, Cell903<unknown>>).map(([column, c]) => ({ column, codec: c, required: false })),
  ],
});

export const ROW_SPECS: Readonly<Record<'Header' | 'Episodes' | 'UASC', RowSpec903>> = {
  Header: rowSpecOf(HeaderRowC),
  Episodes: rowSpecOf(EpisodeRowC),
  UASC: rowSpecOf(UascRowC),
};

/** A cell codec's parser on trimmed, non-blank text: the value, or undefined when it does not read. */
export const parseCell903 = <A>(codec: Cell903<A>, text: string): A | undefined => PARSERS.get(codec as Cell903<unknown>)!(text) as A | undefined;

const NO_CONTEXT: t.Context = [];
const NO_PROBLEMS: readonly CellProblem[] = [];

export interface CellProblem {
  readonly column: string;
  readonly message: string;
}

/**
 * Decode one row cell by cell: `get(column)` gives the cell's text or undefined. Blank optional
 * cells are left out; every problem is returned, each naming its column.
 */
export const decodeRow903 = <A>(spec: RowSpec903, get: (column: string) => string | undefined): { readonly row?: A; readonly problems: readonly CellProblem[] } =>
  decodeCells903<A>(spec, spec.cells.map((c) => get(c.column)));

/**
 * The same, given the cells' texts in the order of `spec.cells` (the reader's fast path). Each
 * cell goes through its codec's parser; the codec itself is asked only to explain a failure.
 */
export const decodeCells903 = <A>(spec: RowSpec903, texts: readonly (string | undefined)[]): { readonly row?: A; readonly problems: readonly CellProblem[] } => {
  const row: Record<string, unknown> = {};
  let problems: CellProblem[] | undefined;
  const cells = spec.cells;
  for (let i = 0; i < cells.length; i++) {
    const { column, codec, required } = cells[i]!;
    const text = texts[i]?.trim() ?? '';
    if (text === '') {
      if (required) (problems ??= []).push({ column, message: `${column} is required; found a blank cell` });
      continue;
    }
    const v = PARSERS.get(codec)!(text);
    if (v !== undefined) {
      row[column] = v;
      continue;
    }
    const r = codec.validate(text, NO_CONTEXT);
    const why = r._tag === 'Left' ? r.left[0]?.message : undefined;
    (problems ??= []).push({ column, message: `expected ${codec.name}, found ${JSON.stringify(text)}${why ? `: ${why}` : ''}` });
  }
  return problems === undefined ? { row: row as A, problems: NO_PROBLEMS } : { problems };
};
