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

type AnyFold = ChildFold<any, any>;
type TallyOf<F> = F extends { readonly start: () => infer T } ? T : never;
type ResultOf<F> = F extends { readonly finish: (tally: never) => infer R } ? R : never;

/**
 * Several folds as one: each child goes to every tally, each result comes back under its name.
 *
 * @example allFolds({ starts: startsFold(w), exits: exitHazardsFold(w, steps, m) }) // finish → { starts, exits }
 */
export const allFolds = <F extends Record<string, AnyFold>>(folds: F): ChildFold<{ [K in keyof F]: TallyOf<F[K]> }, { [K in keyof F]: ResultOf<F[K]> }> => {
  const keys = Object.keys(folds) as (keyof F & string)[];
  return {
    start: () => Object.fromEntries(keys.map((k) => [k, folds[k]!.start()])) as { [K in keyof F]: TallyOf<F[K]> },
    add: (t, c) => {
      for (const k of keys) folds[k]!.add(t[k], c);
    },
    finish: (t) => Object.fromEntries(keys.map((k) => [k, folds[k]!.finish(t[k])])) as { [K in keyof F]: ResultOf<F[K]> },
  };
};
