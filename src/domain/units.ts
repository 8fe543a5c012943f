// Branded numbers for quantities that are easy to confuse, with io-ts codecs that reject
// out-of-range values at decode time (never clamp silently).
import { t } from './fp.js';

const refined = <B extends string>(name: B, ok: (n: number) => boolean) =>
  t.brand(t.number, (n): n is t.Branded<number, { readonly [K in B]: symbol }> => Number.isFinite(n) && ok(n), name);

export const Probability = refined('Probability', (n) => n >= 0 && n <= 1);
export type Probability = t.TypeOf<typeof Probability>;
export const NonNegative = refined('NonNegative', (n) => n >= 0);
export type NonNegative = t.TypeOf<typeof NonNegative>;
export const Positive = refined('Positive', (n) => n > 0);
export type Positive = t.TypeOf<typeof Positive>;
export const NonNegativeInt = refined('NonNegativeInt', (n) => Number.isInteger(n) && n >= 0);
export type NonNegativeInt = t.TypeOf<typeof NonNegativeInt>;
export const PositiveInt = refined('PositiveInt', (n) => Number.isInteger(n) && n >= 1);
export type PositiveInt = t.TypeOf<typeof PositiveInt>;
/** A yearly growth rate: −0.5 means halving, 0.03 means +3% a year. */
export const GrowthRate = refined('GrowthRate', (n) => n > -1 && n <= 10);
export type GrowthRate = t.TypeOf<typeof GrowthRate>;
export const AgeYears = refined('AgeYears', (n) => Number.isInteger(n) && n >= 0 && n <= 17);
export type AgeYears = t.TypeOf<typeof AgeYears>;

/** Plain type aliases for values already checked by a codec, used in the resolved model. */
export type Miles = number;
export type PoundsPerWeek = number;
export type Days = number;
export type RatePerYear = number;
