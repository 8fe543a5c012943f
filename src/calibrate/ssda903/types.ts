// What cleaning makes of the 903 episodes: each child's periods of care, each period's
// placements (a placement is one carer; continuations and temporary moves are folded in), and
// each placement's segments (a stretch with one placement type and one pair of postcodes).
// Dates are days since 1970-01-01; an `end` is the day the stretch stopped (the next one starts
// that day), undefined while it is still open at the end of the data.
import type { Cin, PlaceCode, ReasonPlaceChange, Rec } from '../../domain/ssda903.js';
import type { PlacementType } from '../../domain/vocabulary.js';

export interface Segment {
  readonly start: number;
  readonly end: number | undefined;
  readonly type: PlacementType;
  readonly place: PlaceCode;
  readonly homePost: string | undefined;
  readonly plPost: string | undefined;
}

export interface Placement {
  readonly start: number;
  readonly end: number | undefined;
  readonly segments: readonly Segment[];
  /** REASON_PLACE_CHANGE recorded on the placement's last episode (set when it ended by a move). */
  readonly endReason: ReasonPlaceChange | undefined;
}

export interface Period {
  /** DECOM of the period's first episode. */
  readonly start: number;
  /** True when the data show the child entering care here (RNE S, or a return after a recorded exit). */
  readonly startKnown: boolean;
  /** The day the child ceased to be looked after (DEC of the last episode, REC not X1). */
  readonly end: number | undefined;
  readonly rec: Rec | undefined;
  /** Data stop here without saying the child left (X1 with no next episode): censored on this day. */
  readonly censoredAt: number | undefined;
  readonly cinAtStart: Cin;
  readonly placements: readonly Placement[];
}

export interface ChildHistory {
  readonly child: string;
  readonly dob: number;
  readonly uasc: boolean;
  readonly periods: readonly Period[];
}

/** Rows used and dropped by each cleaning rule (counts of 903 rows or of what they became). */
export interface CleaningCounts {
  readonly headerRows: number;
  /** Header rows repeating a child already seen (several years' returns): the last file's DOB is used. */
  readonly headerRepeats: number;
  /** Children whose DOB differs between returns. */
  readonly dobConflicts: number;
  readonly uascChildren: number;
  readonly episodeRows: number;
  /** The same row in several returns: one copy kept. */
  readonly identicalRows: number;
  /** LS V3/V4 short-break episodes: excluded from placement analysis. */
  readonly shortBreaks: number;
  /** A second row with the same CHILD and DECOM: the one with the latest non-blank DEC kept. */
  readonly duplicateStarts: number;
  /** A second row with the same CHILD and DEC: the earliest DECOM kept. */
  readonly duplicateEnds: number;
  /** Episodes running past the next one's start: cut at the next DECOM (REC set to X1). */
  readonly truncatedOverlaps: number;
  /** Episodes of children with no Header row (no date of birth): not used. */
  readonly withoutHeader: number;
  /** Episodes with RNE L, T or U (same carer), or a return from a temporary move, merged into the placement. */
  readonly continuationsMerged: number;
  /** T0–T4 temporary moves folded into the placement around them. */
  readonly temporaryMoves: number;
  /** Episodes left after the rules above, each in exactly one period of care. */
  readonly episodesUsed: number;
  readonly children: number;
  readonly periods: number;
  /** Periods whose start is not in the data (already in care at the first return). */
  readonly periodsWithUnknownStart: number;
  /** Periods that stop without an exit (X1 with no next episode, or a gap before the next). */
  readonly periodsCensoredEarly: number;
  readonly placements: number;
}

export interface Cleaned903 {
  readonly children: readonly ChildHistory[];
  readonly counts: CleaningCounts;
}
