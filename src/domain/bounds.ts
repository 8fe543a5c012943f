// Plausible bounds for a local authority's figures, in one place. A number above a bound's `max`
// (or below its `min`) cannot be right for any English authority or region: the codec refuses it,
// saying the bound and why. Above `warnAbove` it is unusual for one authority but a large one or a
// region can reach it: it decodes, and the strict check (src/scenario/strictDecode.ts) returns a
// warning for the user. The format reference (src/docs/formatReference.ts) lists every bound.
//
// Reference figures (England, DfE and Ofsted, 2023): about 84,000 children looked after at
// 31 March, 33,000 starting care a year; about 44,000 approved fostering households; the largest
// authorities look after about 2,500 children and have a few hundred fostering households each.
import { t } from './fp.js';
import { GrowthRate, NonNegative, NonNegativeInt, Positive, PositiveInt } from './units.js';

export interface Bound {
  /** Values above this are refused. */
  readonly max: number;
  /** Values below this are refused (for numbers whose codec allows negatives). */
  readonly min?: number;
  /** Why a value beyond the bounds cannot be right: shown with the refusal. */
  readonly why: string;
  /** Values above this decode but earn a warning. */
  readonly warnAbove?: number;
  /** Why a value above `warnAbove` deserves a second look: shown with the warning. */
  readonly warnWhy?: string;
}

/** A codec that also refuses values beyond a bound; `bound` is read by the strict check and the docs. */
export type Bounded<C extends t.Mixed> = t.RefinementType<C, t.TypeOf<C>, t.OutputOf<C>, t.InputOf<C>> & { readonly bound: Bound };

const within = (b: Bound) => (n: unknown): boolean =>
  typeof n !== 'number' || (n <= b.max && (b.min === undefined || n >= b.min));

/**
 * `codec`, refusing values beyond `bound` with its reason. The name stays the inner codec's, so
 * messages and docs describe the type as before and add the bound.
 *
 * @example bounded(NonNegativeInt, HOUSEHOLDS_PER_POOL).decode(55_000) // left: "… (more than every fostering household in England …)"
 */
export const bounded = <C extends t.Mixed>(codec: C, bound: Bound): Bounded<C> => {
  const ok = within(bound);
  const refined = new t.RefinementType<C, t.TypeOf<C>, t.OutputOf<C>, t.InputOf<C>>(
    codec.name,
    (u): u is t.TypeOf<C> => codec.is(u) && ok(u),
    (u, c) => {
      const inner = codec.validate(u, c);
      if (inner._tag === 'Left') return inner;
      return ok(inner.right) ? inner : t.failure(u, c, bound.why);
    },
    codec.encode,
    codec,
    ok,
  );
  return Object.assign(refined, { bound });
};

/** The bound of a codec made by `bounded`, if it is one. */
export const boundOf = (codec: unknown): Bound | undefined => {
  const b = (codec as { bound?: unknown }).bound;
  return typeof b === 'object' && b !== null && typeof (b as Bound).max === 'number' ? (b as Bound) : undefined;
};

/** `50000` → `50,000`; decimals kept as written. */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const [whole, frac] = String(Math.abs(n)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
};

/** How the codecs that `bounded` wraps start their range: `whole number from 1`, `number above 0`. */
const RANGE_START: Readonly<Record<string, readonly [kind: string, start: string]>> = {
  NonNegative: ['number', 'from 0'],
  Positive: ['number', 'above 0'],
  NonNegativeInt: ['whole number', 'from 0'],
  PositiveInt: ['whole number', 'from 1'],
  GrowthRate: ['number', 'above −1'],
  number: ['number', ''],
};

/**
 * The range a bounded codec accepts, in words, from the name of the codec it wraps.
 *
 * @example describeRange('NonNegativeInt', HOUSEHOLDS_PER_POOL) // 'whole number from 0 to 50,000'
 */
export const describeRange = (innerName: string, b: Bound): string => {
  const [kind, start] = RANGE_START[innerName] ?? [innerName, ''];
  if (b.min !== undefined) return `${kind} from ${formatNumber(b.min)} to ${formatNumber(b.max)}`;
  if (start.startsWith('from ')) return `${kind} ${start} to ${formatNumber(b.max)}`;
  return `${kind}${start === '' ? '' : ` ${start},`} at most ${formatNumber(b.max)}`;
};

// ---- Bounds on single figures ---------------------------------------------------------------

const TYPO = 'a typing slip?';

export const HOUSEHOLDS_PER_POOL: Bound = {
  max: 50_000, why: `more than every approved fostering household in England, about 44,000: ${TYPO}`,
  warnAbove: 2_000, warnWhy: 'more than any one authority has; fine for a regional or national market, and runs take longer',
};
export const PLACES_PER_HOUSEHOLD: Bound = {
  max: 100, why: 'no household or home has that many places; describe a large provider as several households',
  warnAbove: 20, warnWhy: 'more places than most children\'s homes have',
};
export const PLACES_IN_BLOCK: Bound = {
  max: 50_000, why: `more places than every fostering household in England, about 44,000, could offer: ${TYPO}`,
  warnAbove: 2_000, warnWhy: 'more places than one authority commissions; fine for a regional framework',
};
export const CHILDREN: Bound = {
  max: 100_000, why: `more than all children looked after in England, about 84,000: ${TYPO}`,
  warnAbove: 3_000, warnWhy: 'more than any one authority looks after, the largest about 2,500; fine for a region',
};
export const CHILDREN_PER_YEAR: Bound = {
  max: 50_000, why: `more than all children starting care in England in a year, about 33,000: ${TYPO}`,
  warnAbove: 2_000, warnWhy: 'more than any one authority sees in a year; fine for a region',
};
export const HOUSEHOLDS_PER_YEAR: Bound = {
  max: 10_000, why: `more than all the fostering households approved in England in a year, about 3,000: ${TYPO}`,
  warnAbove: 300, warnWhy: 'more than any one authority approves in a year; fine for a regional or national market',
};
export const RATE_PER_YEAR: Bound = {
  max: 52, why: 'more than once a week for every child or household: no exit, move or deregistration rate is that high; 0.5 a year means about 39% within a year',
  warnAbove: 12, warnWhy: 'more than once a month for every child or household',
};
export const FACTOR: Bound = {
  max: 100, why: 'a factor above 100 would make the rate it scales implausible',
  warnAbove: 10, warnWhy: 'a factor above 10 changes a rate far more than studies find',
};
export const POUNDS_PER_WEEK: Bound = {
  max: 200_000, why: 'ten times the dearest placements reported, about £20,000 a week; is it a yearly or total figure?',
  warnAbove: 25_000, warnWhy: 'above the dearest placements commonly reported, about £20,000 a week',
};
export const POUNDS: Bound = {
  max: 1_000_000_000, why: `more than any authority spends on children's social care in a year: ${TYPO}`,
};
export const WEIGHT: Bound = {
  max: 1_000_000_000, why: 'weights are relative: use shares or counts, not sums this large',
};
export const SCORE_WEIGHT: Bound = {
  max: 1_000_000, why: 'score weights are relative: above a million points one term outweighs every other',
};
export const FORECAST_YEARS: Bound = {
  max: 50, why: 'the model forecasts at most 50 financial years, as `--years` does',
};
export const YEARS_IN_CARE: Bound = { max: 18, why: 'no child is in care for more than 18 years' };
export const MONTHS_IN_CARE: Bound = { max: 216, why: 'no child is in care for more than 18 years, 216 months' };
export const DAYS_SPAN: Bound = { max: 6_575, why: 'longer than a childhood: 18 years are 6,575 days' };
export const PLACEMENTS_IN_A_YEAR: Bound = {
  max: 365, why: 'more than one placement a day',
  warnAbove: 20, warnWhy: 'more placements in a year than published statistics show for any child',
};
export const HOUSEHOLDS_PER_HUB: Bound = {
  max: 1_000, why: 'a hub supports about 6 to 12 households; one this large is not a hub',
  warnAbove: 50, warnWhy: 'a hub usually has 6 to 12 households',
};
export const SIBLING_GROUP_SIZE: Bound = { max: 20, why: 'larger than any sibling group in care' };
export const CARER_EXPERIENCE_YEARS: Bound = { max: 70, why: 'longer than anyone has been a foster carer' };
/** Years of the dates a scenario or snapshot may hold (not a numeric codec: read by IsoDate). */
export const DATE_YEARS = { min: 1900, max: 2199, why: 'a year from 1900 to 2199' } as const;
export const MILES: Bound = { max: 1_000, why: 'farther than any two places in the United Kingdom' };
export const GROWTH_PER_YEAR: Bound = {
  max: 1, why: 'more than doubling every year, compounding over the forecast',
  warnAbove: 0.2, warnWhy: 'more than a fifth a year, compounding over the forecast',
};
export const EASTING: Bound = { min: 0, max: 700_000, why: 'outside the Ordnance Survey national grid, whose eastings run 0–700,000 m' };
export const NORTHING: Bound = { min: 0, max: 1_300_000, why: 'outside the Ordnance Survey national grid, whose northings run 0–1,300,000 m' };

// ---- Bounded codecs, named by what they hold --------------------------------------------------

export const Households = bounded(NonNegativeInt, HOUSEHOLDS_PER_POOL);
export const HouseholdsPerHub = bounded(PositiveInt, HOUSEHOLDS_PER_HUB);
export const PlacesPerHousehold = bounded(PositiveInt, PLACES_PER_HOUSEHOLD);
export const PlacesInBlock = bounded(PositiveInt, PLACES_IN_BLOCK);
export const Children = bounded(NonNegativeInt, CHILDREN);
export const ChildrenPositive = bounded(PositiveInt, CHILDREN);
/** A share of children (0–1) or a count of children, as a snapshot's mixes take. */
export const ChildrenOrShare = bounded(NonNegative, CHILDREN);
export const ChildrenPerYear = bounded(NonNegative, CHILDREN_PER_YEAR);
export const HouseholdsPerYear = bounded(NonNegative, HOUSEHOLDS_PER_YEAR);
export const RatePerYear = bounded(NonNegative, RATE_PER_YEAR);
export const Factor = bounded(NonNegative, FACTOR);
export const FactorPositive = bounded(Positive, FACTOR);
export const PoundsPerWeek = bounded(NonNegative, POUNDS_PER_WEEK);
export const Pounds = bounded(NonNegative, POUNDS);
export const Weight = bounded(NonNegative, WEIGHT);
export const ScoreWeight = bounded(NonNegative, SCORE_WEIGHT);
export const ForecastYears = bounded(PositiveInt, FORECAST_YEARS);
export const YearsInCare = bounded(NonNegative, YEARS_IN_CARE);
export const MonthsInCare = bounded(NonNegative, MONTHS_IN_CARE);
export const MonthsInCarePositive = bounded(PositiveInt, MONTHS_IN_CARE);
export const Days = bounded(NonNegativeInt, DAYS_SPAN);
export const DaysPositive = bounded(PositiveInt, DAYS_SPAN);
export const DaysPositiveNumber = bounded(Positive, DAYS_SPAN);
export const PlacementsInAYear = bounded(PositiveInt, PLACEMENTS_IN_A_YEAR);
export const MilesPositive = bounded(Positive, MILES);
export const Growth = bounded(GrowthRate, GROWTH_PER_YEAR);
export const Easting = bounded(t.number, EASTING);
export const Northing = bounded(t.number, NORTHING);

// ---- Bounds on a whole scenario (checked when it is resolved) ---------------------------------

/** Reference size for "runs take longer": the Medway baseline's households. */
const MEDWAY_HOUSEHOLDS = 449;

export const TOTAL_HOUSEHOLDS: Bound = {
  max: 100_000, why: 'more than every fostering household and children\'s home in England: the model would not fit in memory',
  warnAbove: 5_000, warnWhy: `more than any one authority has; runs take longer in proportion, the Medway baseline has ${MEDWAY_HOUSEHOLDS}`,
};
export const TOTAL_CHILDREN: Bound = {
  max: 100_000, why: 'more than all children looked after in England, about 84,000',
  warnAbove: 5_000, warnWhy: 'more than any one authority looks after, the largest about 2,500; fine for a region, and runs take longer',
};
export const TOTAL_ENTRIES_PER_YEAR: Bound = {
  max: 100_000, why: 'three times all children starting care in England in a year, about 33,000',
  warnAbove: 5_000, warnWhy: 'more than any one authority sees in a year, the largest about 1,500; fine for a region, and runs take longer',
};
export const TOTAL_EXTERNAL_PER_YEAR: Bound = {
  max: 100_000, why: 'three times all children starting care in England in a year, about 33,000',
  warnAbove: 5_000, warnWhy: 'more than any one area receives from other authorities; fine for a region, and runs take longer',
};
export const ZONES: Bound = {
  max: 5_000, why: 'the distance table would hold over 25 million entries; use postcode districts rather than sectors for a wide area',
  warnAbove: 2_000, warnWhy: 'a distance table this large takes time and memory; districts rather than sectors may do',
};

/** Deepest nesting of arrays and objects accepted in a JSON input file (a scenario nests about 7 levels). */
export const MAX_JSON_DEPTH = 64;
