// The one place fp-ts and io-ts are imported from: the `fp-ts/lib/….js` form is the one
// that loads under Node's ESM loader, in tsx, in vitest and in compiled worker code alike.
export { pipe, flow, identity } from 'fp-ts/lib/function.js';
export * as E from 'fp-ts/lib/Either.js';
export * as A from 'fp-ts/lib/Array.js';
export * as O from 'fp-ts/lib/Option.js';
export * as t from 'io-ts';
