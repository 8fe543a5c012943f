// Decoded 903 tables (built in memory, or small) read child by child, as cleaning reads the
// reader's compact store: DOBs by rule 9 (datesOfBirth), UASC by rule 10 (uascChildren).
import type { Tables903 } from '../../domain/ssda903.js';
import type { Returns903 } from '../../domain/ssda903Returns.js';
import { datesOfBirth } from './datesOfBirth.js';
import { uascChildren } from './uascChildren.js';

/** Group rows by CHILD, keeping their order within each child. */
export const byChild = <A extends { readonly CHILD: string }>(rows: readonly A[]): Map<string, A[]> => {
  const out = new Map<string, A[]>();
  for (const r of rows) {
    const list = out.get(r.CHILD);
    if (list === undefined) out.set(r.CHILD, [r]);
    else list.push(r);
  }
  return out;
};

/** @example returnsOfTables({ header, episodes, uasc: [] }).forEachChild((c) => …) // children sorted by CHILD */
export const returnsOfTables = (tables: Tables903): Returns903 => {
  const { dob, repeats, conflicts, conflicted } = datesOfBirth(tables.header);
  const uasc = uascChildren(tables.uasc);
  const grouped = byChild(tables.episodes);
  const ids = [...grouped.keys()].sort();
  return {
    headerRows: tables.header.length,
    headerRepeats: repeats,
    dobConflicts: conflicts,
    forEachChild: (visit) => {
      for (const child of ids) visit({ child, dob: dob.get(child), uasc: uasc.has(child), episodes: grouped.get(child)!, ...(conflicted.has(child) ? { dobConflict: true } : {}) });
    },
  };
};
