// A one-pass summary over children's histories. Estimation runs every summary in the same pass
// while cleaning hands over one child at a time, so no list of every child is ever built.
import type { ChildHistory } from './types.js';

export interface ChildFold<T, R> {
  /** A fresh tally (private to one pass). */
  readonly start: () => T;
  /** Add one child to the tally. */
  readonly add: (tally: T, c: ChildHistory) => void;
  /** What the tally comes to. */
  readonly finish: (tally: T) => R;
}

/** @example foldChildren(startsFold(w), cleaned.children) // the same as one pass with the others */
export const foldChildren = <T, R>(f: ChildFold<T, R>, children: Iterable<ChildHistory>): R => {
  const t = f.start();
  for (const c of children) f.add(t, c);
  return f.finish(t);
};
