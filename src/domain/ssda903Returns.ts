// The 903 returns as cleaning and estimation read them: child by child, never all rows at once,
// so a reader can keep the rows compact (src/domain/ssda903Store.ts) and materialise one child's
// episodes at a time. Decoded tables built in memory (tests, small data) are read the same way
// through `returnsOfTables` (src/calibrate/ssda903/returns.ts).
import type { Episode903 } from './ssda903.js';
import type { QualityFinding } from './ssda903Quality.js';

/** One child's rows: the DOB (undefined: no Header row), the UASC flag, episodes in the order read. */
export interface ChildRows {
  readonly child: string;
  readonly dob: number | undefined;
  readonly uasc: boolean;
  readonly episodes: readonly Episode903[];
  /** A DOB another 903 table gives (UASC, Reviews, Missing, …), read only by the lenient reader. */
  readonly otherDob?: number;
  /** The child's DOB differs between returns (the last file's is `dob`). */
  readonly dobConflict?: boolean;
}

/** What the lenient reader found and where, for cleaning to add its own findings to. */
export interface ReadQuality {
  /** Faults found row by row (cells, codes, codes in force), each under its rule. */
  readonly findings: readonly QualityFinding[];
  /** Each collection year's children: every CHILD read in that year's Episodes files, used or not. */
  readonly childrenByYear: ReadonlyMap<number, ReadonlySet<string>>;
  /** The collection year of each Episodes file (by its index among the sources). */
  readonly yearOfSrc: ReadonlyMap<number, number>;
}

export interface Returns903 {
  readonly headerRows: number;
  /** Header rows repeating a child already seen (several years' returns). */
  readonly headerRepeats: number;
  /** Children whose DOB differs between returns (the last file's is used). */
  readonly dobConflicts: number;
  /** Every child with at least one episode row, sorted by CHILD. May be called more than once. */
  readonly forEachChild: (visit: (c: ChildRows) => void) => void;
  /** Present when the returns were read leniently: cleaning then repairs and reports (src/calibrate/ssda903/quality.ts). */
  readonly quality?: ReadQuality;
}
