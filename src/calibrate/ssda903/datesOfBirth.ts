// Cleaning rule 9: several years' returns each hold a Header row per child. One date of birth per
// child: the row read last (the latest return, when files are read in year order) wins; children
// whose DOB differs between returns are counted, as a data-quality flag.
import type { Header903 } from '../../domain/ssda903.js';

/** @example datesOfBirth([{ CHILD: 'a', DOB: 1 }, { CHILD: 'a', DOB: 2 }]) // dob a → 2, one repeat, one conflict */
export const datesOfBirth = (header: readonly Header903[]): { dob: Map<string, number>; repeats: number; conflicts: number; conflicted: ReadonlySet<string> } => {
  const dob = new Map<string, number>();
  const conflicted = new Set<string>();
  let repeats = 0;
  for (const h of header) {
    const seen = dob.get(h.CHILD);
    if (seen !== undefined) {
      repeats++;
      if (seen !== h.DOB) conflicted.add(h.CHILD);
    }
    dob.set(h.CHILD, h.DOB);
  }
  return { dob, repeats, conflicts: conflicted.size, conflicted };
};
