// Validation rules for decoded 903 rows that a cell codec cannot express: one small function per
// rule, each returning the problem (naming the column it is about) or undefined. The DfE rule
// numbers are those of the 903 validator (see src/domain/ssda903.ts for the guidance followed).
// Pure: the reader (src/io/ssda903Files.ts) adds the file and line to each message.
import {
  formatDate903, placeCodeInForce, placeNeedsNoProvider, type CellProblem, type EpisodeRow,
} from './ssda903.js';
import { DAYS_PER_YEAR, eighteenthBirthdayOf } from './time.js';
import { CARE_LEAVING_AGE_YEARS } from './vocabulary.js';

/**
 * The last day a child born on `dob` may be looked after: the later of the calendar 18th birthday
 * and the model's (dob + 18 × 365.25 days, rounded up), so data exported by the model, which
 * leaves care on the fractional day, never reads as past 18.
 */
export const lastDayBefore18 = (dob: number): number =>
  Math.max(eighteenthBirthdayOf(dob), Math.ceil(dob + CARE_LEAVING_AGE_YEARS * DAYS_PER_YEAR));

/** The last day of a collection year's return (31 March after its start). */
export const endOfCollectionYear = (collectionYear: number): number => Date.UTC(collectionYear + 1, 2, 31) / 86_400_000;

/**
 * An episode starting on or after the 18th birthday, ending after it, or open past it at the end of
 * the return holding it (`returnEnd`), or undefined.
 */
export const checkUnder18 = (child: string, e: LocatedEpisode, dob: number, returnEnd: number | undefined): SequenceProblem | undefined => {
  const last = lastDayBefore18(dob);
  if (e.DECOM >= last) return { line: e.line, column: 'DECOM', message: `child ${child}: the episode starts ${formatDate903(e.DECOM)}, on or after the 18th birthday (date of birth ${formatDate903(dob)})` };
  if (e.DEC !== undefined ? e.DEC > last : returnEnd !== undefined && returnEnd > last) {
    return { line: e.line, column: 'DEC', message: `child ${child}: the episode ${e.DEC === undefined ? `is still open at ${formatDate903(returnEnd!)}` : `ends ${formatDate903(e.DEC)}`}, after the 18th birthday (date of birth ${formatDate903(dob)}): a child ceases to be looked after at 18` };
  }
  return undefined;
};
/** DfE rule 356: an episode cannot cease before it starts. */
export const checkEndsAfterStart = (e: EpisodeRow): CellProblem | undefined =>
  e.DEC !== undefined && e.DEC < e.DECOM
    ? { column: 'DEC', message: `the episode ends (DEC ${formatDate903(e.DEC)}) before it starts (DECOM ${formatDate903(e.DECOM)}): it runs backwards` }
    : undefined;

/** DfE rules 141/142 (as the guide states them): REC is given exactly when DEC is. */
export const checkReasonWithEnd = (e: EpisodeRow): CellProblem | undefined => {
  if (e.DEC !== undefined && e.REC === undefined) return { column: 'REC', message: 'REC (reason the episode ceased) is required when DEC is given; found a blank cell' };
  if (e.DEC === undefined && e.REC !== undefined) return { column: 'DEC', message: `DEC is blank but REC is ${e.REC}: an open episode has no reason for ceasing` };
  if (e.DEC === undefined && e.REASON_PLACE_CHANGE !== undefined) return { column: 'REASON_PLACE_CHANGE', message: `DEC is blank but REASON_PLACE_CHANGE is ${e.REASON_PLACE_CHANGE}: the reason for a placement change goes on the episode that ends` };
  return undefined;
};

/** DfE rule 178 and 'PR0 goes only with P1': who provides the placement. */
export const checkProvider = (e: EpisodeRow): CellProblem | undefined => {
  if (e.PLACE_PROVIDER === undefined) {
    return placeNeedsNoProvider(e.PLACE) ? undefined : { column: 'PLACE_PROVIDER', message: `PLACE_PROVIDER is required for placement ${e.PLACE} (only T0–T4 and Z1 need none); found a blank cell` };
  }
  if (e.PLACE_PROVIDER === 'PR0' && e.PLACE !== 'P1') return { column: 'PLACE_PROVIDER', message: `PR0 (parents) goes only with PLACE P1; found PLACE ${e.PLACE}` };
  return undefined;
};

/** The versioned PLACE code lists: K3 from 28/10/2023, H5 and P2 until then (DfE rule 217). */
export const checkPlaceInForce = (e: EpisodeRow, collectionYear: number): CellProblem | undefined => {
  const why = placeCodeInForce(e.PLACE, e.DECOM, e.DEC, collectionYear);
  return why === undefined ? undefined : { column: 'PLACE', message: why };
};

/** Every row rule, in column order of the messages they give. */
export const checkEpisodeRow = (e: EpisodeRow, collectionYear: number): CellProblem[] => {
  const out: CellProblem[] = [];
  for (const p of [checkPlaceInForce(e, collectionYear), checkProvider(e), checkEndsAfterStart(e), checkReasonWithEnd(e)]) if (p !== undefined) out.push(p);
  return out;
};

export interface SequenceProblem {
  /** Line of the episode the problem is reported on. */
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

export interface LocatedEpisode {
  readonly DECOM: number;
  readonly DEC: number | undefined;
  readonly line: number;
}

/**
 * DfE rule 501 within one return: sorted by start, no episode may start before the previous
 * one ends (an open previous episode never ends). Episodes repeating a start date are the same
 * episode (a later copy) and are compared by their latest end. `child` names the child.
 */
export const checkNoOverlaps = (child: string, episodes: readonly LocatedEpisode[]): SequenceProblem[] => {
  const byStart = new Map<number, LocatedEpisode>();
  for (const e of episodes) {
    const seen = byStart.get(e.DECOM);
    if (seen === undefined || (e.DEC !== undefined && (seen.DEC === undefined || e.DEC > seen.DEC))) byStart.set(e.DECOM, e);
  }
  const sorted = [...byStart.values()].sort((a, b) => a.DECOM - b.DECOM);
  const out: SequenceProblem[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.DEC === undefined) {
      out.push({ line: cur.line, column: 'DECOM', message: `child ${child}: this episode starts ${formatDate903(cur.DECOM)} while the episode on line ${prev.line} (from ${formatDate903(prev.DECOM)}) is still open (no DEC): episodes overlap` });
    } else if (prev.DEC > cur.DECOM) {
      out.push({ line: cur.line, column: 'DECOM', message: `child ${child}: this episode starts ${formatDate903(cur.DECOM)}, before the episode on line ${prev.line} ends (${formatDate903(prev.DEC)}): episodes overlap` });
    }
  }
  return out;
};

/** An episode cannot start before the child's date of birth (DOB from the Header). */
export const checkStartsAfterBirth = (child: string, e: LocatedEpisode, dob: number): SequenceProblem | undefined =>
  e.DECOM < dob
    ? { line: e.line, column: 'DECOM', message: `child ${child}: the episode starts ${formatDate903(e.DECOM)}, before the date of birth ${formatDate903(dob)} in the Header` }
    : undefined;
