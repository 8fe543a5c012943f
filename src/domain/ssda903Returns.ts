// The 903 returns as cleaning and estimation read them: child by child, never all rows at once,
// so a reader can keep the rows compact (src/domain/ssda903Store.ts) and materialise one child's
// episodes at a time. Decoded tables built in memory (tests, small data) are read the same way
// through `returnsOfTables` (src/calibrate/ssda903/returns.ts).
import type { Episode903 } from './ssda903.js';

/** One child's rows: the DOB (undefined: no Header row), the UASC flag, episodes in the order read. */
export interface ChildRows {
  readonly child: string;
  readonly dob: number | undefined;
  readonly uasc: boolean;
  readonly episodes: readonly Episode903[];
}

export interface Returns903 {
  readonly headerRows: number;
  /** Header rows repeating a child already seen (several years' returns). */
  readonly headerRepeats: number;
  /** Children whose DOB differs between returns (the last file's is used). */
  readonly dobConflicts: number;
  /** Every child with at least one episode row, sorted by CHILD. May be called more than once. */
  readonly forEachChild: (visit: (c: ChildRows) => void) => void;
}
