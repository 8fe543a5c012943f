// Reading one 903 row as councils' extracts hold it: what can be read is read, and every fault is
// a finding under its quality rule (src/domain/ssda903Quality.ts) instead of a refusal. A code
// outside the list is kept as the list's "other" (PLACE Z1, REC decided later by cleaning, RNE P,
// LS C2, CIN N8, REASON_PLACE_CHANGE OTHER); an open episode's stray REC and REASON_PLACE_CHANGE are
// dropped; a row without a readable CHILD, DECOM or DOB, or with a DEC that is not a date or
// before DECOM, is not used. Pure; the strict reader (the codecs in ssda903.ts) is untouched.
import {
  CinC, Date903, LsC, parseCell903, PlaceC, PlaceProviderC, ReasonPlaceChangeC, RecC, RneC, Postcode903, Text903,
  type Cell903, type EpisodeRow,
} from './ssda903.js';
import { checkProvider } from './ssda903Checks.js';
import type { QualityRuleId } from './ssda903Quality.js';

export interface RowFinding {
  readonly rule: QualityRuleId;
  readonly column: string;
}

export interface LenientRow<A> {
  /** The row, or undefined when it cannot be used. */
  readonly row?: A;
  /** CHILD when it was readable (so a dropped row still counts its child in). */
  readonly child?: string;
  readonly findings: readonly RowFinding[];
}

/** The Episodes columns in the order the reader passes their texts (ROW_SPECS.Episodes). */
export const LENIENT_EPISODE_COLUMNS = ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'] as const;

const NONE: readonly RowFinding[] = [];
const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';
const read = <A>(codec: Cell903<A>, s: string | undefined): A | undefined => (blank(s) ? undefined : parseCell903(codec, s!.trim()));

/** A required code: blank or unknown → `other`, with a finding. */
const codeOr = <C>(codec: Cell903<C>, s: string | undefined, other: C, rule: QualityRuleId, column: string, out: RowFinding[]): C => {
  const v = read(codec, s);
  if (v !== undefined) return v;
  out.push({ rule, column });
  return other;
};

/**
 * An Episodes row given its cells' texts in LENIENT_EPISODE_COLUMNS order.
 *
 * @example decodeEpisodeLenient(['A1', '01/04/2023', 'S', 'C2', 'N1', 'Q9', …]) // PLACE read as Z1, one 'unknown-place' finding
 */
export const decodeEpisodeLenient = (texts: readonly (string | undefined)[]): LenientRow<EpisodeRow> => {
  const [child, decom, rne, ls, cin, place, provider, dec, rec, reason, homePost, plPost, urn] = texts;
  const CHILD = read(Text903, child);
  if (CHILD === undefined) return { findings: [{ rule: 'unreadable-cell', column: 'CHILD' }] };
  const DECOM = read(Date903, decom);
  if (DECOM === undefined) return { child: CHILD, findings: [{ rule: 'unreadable-cell', column: 'DECOM' }] };
  const DEC = read(Date903, dec);
  if (DEC === undefined && !blank(dec)) return { child: CHILD, findings: [{ rule: 'unreadable-cell', column: 'DEC' }] };
  if (DEC !== undefined && DEC < DECOM) return { child: CHILD, findings: [{ rule: 'ends-before-start', column: 'DEC' }] };
  const findings: RowFinding[] = [];
  const row: Record<string, unknown> = {
    CHILD, DECOM,
    RNE: codeOr(RneC, rne, 'P', 'unknown-rne', 'RNE', findings),
    LS: codeOr(LsC, ls, 'C2', 'unknown-ls', 'LS', findings),
    CIN: codeOr(CinC, cin, 'N8', 'unknown-cin', 'CIN', findings),
    PLACE: codeOr(PlaceC, place, 'Z1', 'unknown-place', 'PLACE', findings),
  };
  if (!blank(provider)) {
    const v = read(PlaceProviderC, provider);
    if (v === undefined) findings.push({ rule: 'unknown-provider', column: 'PLACE_PROVIDER' });
    else row.PLACE_PROVIDER = v;
  }
  // A provider left blank where one is needed, or PR0 with a placement other than P1 (an unknown one is found above).
  if ((blank(provider) || row.PLACE_PROVIDER === 'PR0') && checkProvider(row as unknown as EpisodeRow) !== undefined) findings.push({ rule: 'missing-provider', column: 'PLACE_PROVIDER' });
  if (DEC === undefined) {
    if (!blank(rec) || !blank(reason)) findings.push({ rule: 'open-episode-with-reason', column: blank(rec) ? 'REASON_PLACE_CHANGE' : 'REC' });
  } else {
    row.DEC = DEC;
    // A closed episode with no readable REC: cleaning decides X1 (the next episode starts that day) or E8.
    const r = read(RecC, rec);
    if (r === undefined) findings.push({ rule: 'unknown-rec', column: 'REC' });
    else row.REC = r;
    if (!blank(reason)) {
      const v = read(ReasonPlaceChangeC, reason);
      if (v === undefined) findings.push({ rule: 'unknown-reason-place-change', column: 'REASON_PLACE_CHANGE' });
      row.REASON_PLACE_CHANGE = v ?? 'OTHER';
    }
  }
  const home = read(Postcode903, homePost);
  if (home !== undefined) row.HOME_POST = home;
  const pl = read(Postcode903, plPost);
  if (pl !== undefined) row.PL_POST = pl;
  const u = read(Text903, urn);
  if (u !== undefined) row.URN = u;
  return { row: row as unknown as EpisodeRow, child: CHILD, findings: findings.length === 0 ? NONE : findings };
};

/** A row of a table that gives a date of birth (Header, UASC and the other 903 tables): CHILD and DOB, or why not. */
export const decodeDobLenient = (child: string | undefined, dob: string | undefined): LenientRow<{ readonly CHILD: string; readonly DOB: number }> => {
  const CHILD = read(Text903, child);
  if (CHILD === undefined) return { findings: [{ rule: 'unreadable-cell', column: 'CHILD' }] };
  const DOB = read(Date903, dob);
  if (DOB === undefined) return { child: CHILD, findings: [{ rule: 'unreadable-cell', column: 'DOB' }] };
  return { row: { CHILD, DOB }, child: CHILD, findings: NONE };
};
