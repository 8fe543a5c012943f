// Cleaning rule 10: a child is an unaccompanied asylum-seeking child (need `uasc`) if present in
// the UASC table of any year's return, whatever the later years say.
import type { Uasc903 } from '../../domain/ssda903.js';

/** @example uascChildren([{ CHILD: 'a' }, { CHILD: 'a' }]) // Set { 'a' } */
export const uascChildren = (uasc: readonly Uasc903[]): Set<string> => new Set(uasc.map((u) => u.CHILD));
