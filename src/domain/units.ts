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

// Units of the resolved model. Each is a plain number at run time; the unit lives in the type
// only, so mixing two (miles where £ a week is wanted, a calendar day where a simulation day is)
// fails to compile and costs nothing when it runs. A value gets its unit where it is made (a
// codec's output resolved, a constructor below); arithmetic gives back a plain `number`, and the
// result is branded again where it is stored.
declare const unit: unique symbol;
/** A number whose unit `U` is known to the compiler only. */
export type Quantity<U extends string> = number & { readonly [unit]: U };

/** A distance in miles (straight line between zone centroids, DfE rounding). */
export type Miles = Quantity<'miles'>;
/** A price or cost in pounds a week (a placement's weekly fee, at start-date prices). */
export type PoundsPerWeek = Quantity<'poundsPerWeek'>;
/** A length of time in days (a stay, a pipeline, a window): a duration, never a date. */
export type Days = Quantity<'days'>;
/** How often something happens, in events a year (divide by `DAYS_PER_YEAR` for a daily rate). */
export type RatePerYear = Quantity<'ratePerYear'>;
/** A point in simulated time: days since the scenario's start date (negative before it). */
export type SimDay = Quantity<'simDay'>;
/** A calendar date as days since 1970-01-01 (UTC); only the edges (inputs, financial years, outputs) use it. */
export type EpochDay = Quantity<'epochDay'>;

/**
 * An `EpochDay`, or a plain number not yet given a unit, but never a value of another unit: the
 * date helpers take this, because the 903 calibration and the matching tool still hold calendar
 * days as plain numbers, while a `SimDay` passed by mistake fails to compile.
 */
export type EpochDayLike = number & { readonly [unit]?: 'epochDay' };

// Constructors: identity at run time (V8 inlines them), a unit for the compiler.
export const miles = (n: number): Miles => n as Miles;
export const poundsPerWeek = (n: number): PoundsPerWeek => n as PoundsPerWeek;
export const days = (n: number): Days => n as Days;
export const ratePerYear = (n: number): RatePerYear => n as RatePerYear;
export const simDay = (n: number): SimDay => n as SimDay;
export const epochDay = (n: number): EpochDay => n as EpochDay;

/** The simulation day of a calendar day, for a scenario starting on `start`. */
export const toSimDay = (d: EpochDay, start: EpochDay): SimDay => (d - start) as SimDay;
/** The calendar day of a simulation day, for a scenario starting on `start`. */
export const toEpochDay = (d: SimDay, start: EpochDay): EpochDay => (start + d) as EpochDay;
