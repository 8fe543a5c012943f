// The aggregate snapshot format (issue 6, part 1): published-style figures for one authority at
// one date, from which `sufficiency calibrate` builds a full scenario. The io-ts codec checks
// types, ranges and plausible bounds (src/domain/bounds.ts); `snapshotOf` adds the rules a codec
// cannot express (mixes that are fractions summing to 1 or whole-number counts).
// `decodeSnapshot` (src/calibrate/decodeSnapshot.ts) runs them all, with unknown keys refused by
// the strict check, and reports every problem at once, each naming the file and the JSON path.
import { E, t } from './fp.js';
import { IsoDate } from './scenario.js';
import { Probability } from './units.js';
import { ChildrenOrShare, ChildrenPerYear, ChildrenPositive, PoundsPerWeek } from './bounds.js';
import { AGE_BANDS, AgeBandC, PLACEMENT_TYPES, PlacementTypeC, type AgeBand, type PlacementType } from './vocabulary.js';

const partialRecord = <K extends t.KeyofC<Record<string, null>>, V extends t.Mixed>(k: K, v: V, name: string) =>
  t.partial(Object.fromEntries(Object.keys(k.keys).map((key) => [key, v])) as { [P in keyof K['keys']]: V }, name);

/** A share of children (0–1) or a count of children (a whole number ≥ 0), by key. */
const MixValue = ChildrenOrShare;

export const AgeBandMix = partialRecord(AgeBandC, MixValue, 'AgeBandMix');
export const PlacementMix = partialRecord(PlacementTypeC, MixValue, 'PlacementMix');
export const WeeklyCosts = partialRecord(PlacementTypeC, PoundsPerWeek, 'SnapshotWeeklyCosts');

const NonEmptyString = t.refinement(t.string, (s) => s.trim() !== '', 'NonEmptyString');

/** The snapshot file, as written. */
export const SnapshotFile = t.intersection([
  t.type({
    /** Name of the authority (and the scenario built from it). */
    name: NonEmptyString,
    /** Date the figures describe (usually 31 March); the scenario starts the next day. */
    asAt: IsoDate,
    /** Children looked after on `asAt`. */
    childrenInCare: ChildrenPositive,
    /** Children starting to be looked after in a year. */
    startsPerYear: ChildrenPerYear,
    /** Children in care by age band: fractions summing to 1, or counts. */
    ageBands: AgeBandMix,
    /** Children in care by placement type: fractions summing to 1, or counts. */
    placements: PlacementMix,
  }),
  t.partial({
    /** Postcode sectors (`ME4 4`) or districts (`ME4`) the authority's children come from. */
    homeZones: t.array(NonEmptyString),
    /** Fraction of children in care placed more than 20 miles from home (0–1). */
    placedOver20Miles: Probability,
    /** Fraction of children in care with three or more placements in the year (0–1). */
    threePlusPlacements: Probability,
    /** £ per child per week by placement type (others come from national figures). */
    weeklyCosts: WeeklyCosts,
  }),
], 'Snapshot');
export type SnapshotFile = t.TypeOf<typeof SnapshotFile>;

/** A decoded, checked snapshot; mixes are fractions over every age band and placement type. */
export interface Snapshot {
  readonly name: string;
  readonly asAt: string;
  readonly homeZones: readonly string[] | undefined;
  readonly childrenInCare: number;
  readonly startsPerYear: number;
  readonly ageShares: Readonly<Record<AgeBand, number>>;
  readonly placementShares: Readonly<Record<PlacementType, number>>;
  readonly placedOver20Miles: number | undefined;
  readonly threePlusPlacements: number | undefined;
  readonly weeklyCosts: Readonly<Partial<Record<PlacementType, number>>>;
  /** How each mix was given, for messages and notes. */
  readonly mixForm: { readonly ageBands: MixForm; readonly placements: MixForm };
  /** Figures unusual for one authority (`file: $.path: …` lines): the snapshot is used, and the user should be told. */
  readonly warnings: readonly string[];
}

export type MixForm = 'fractions' | 'counts';

/** Fractions must sum to 1 within this. */
export const FRACTION_SUM_TOLERANCE = 0.01;
/** Counts must sum to `childrenInCare` within this fraction (published tables are sometimes rounded). */
export const COUNT_SUM_TOLERANCE = 0.02;

const keyPath = (base: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A mix as fractions over every key. Values all ≤ 1 are fractions and must sum to 1 (± 0.01);
 * otherwise they are counts: whole numbers summing to `total` (± 2%).
 */
export const mixShares = <K extends string>(
  keys: readonly K[], mix: Partial<Record<K, number>>, total: number, path: string, file: string,
): E.Either<string[], { shares: Record<K, number>; form: MixForm }> => {
  const values = keys.map((k) => mix[k] ?? 0);
  const sum = values.reduce((a, b) => a + b, 0);
  const zeroShares = (): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (!(sum > 0)) return E.left([`${file}: ${path}: expected at least one positive share or count, found all zero`]);
  if (values.every((v) => v <= 1)) {
    if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
      return E.left([`${file}: ${path}: expected fractions summing to 1 (± ${FRACTION_SUM_TOLERANCE}) or whole-number counts, found fractions summing to ${round(sum, 4)}`]);
    }
    const shares = zeroShares();
    keys.forEach((k, i) => { shares[k] = values[i]! / sum; });
    return E.right({ shares, form: 'fractions' });
  }
  const problems = keys
    .filter((k) => mix[k] !== undefined && !Number.isInteger(mix[k]))
    .map((k) => `${file}: ${keyPath(path, k)}: expected a whole number (the mix is given as counts because a value is above 1), found ${mix[k]}`);
  if (problems.length > 0) return E.left(problems);
  if (Math.abs(sum - total) > COUNT_SUM_TOLERANCE * total) {
    return E.left([`${file}: ${path}: expected counts summing to childrenInCare (${total}) within ${COUNT_SUM_TOLERANCE * 100}%, found ${sum}`]);
  }
  const shares = zeroShares();
  keys.forEach((k, i) => { shares[k] = values[i]! / sum; });
  return E.right({ shares, form: 'counts' });
};

/** The rules the codec cannot express: mixes as fractions or counts, at least one home zone. */
export const snapshotOf = (s: SnapshotFile, file: string): E.Either<string[], Snapshot> => {
  const ages = mixShares(AGE_BANDS, s.ageBands, s.childrenInCare, '$.ageBands', file);
  const places = mixShares(PLACEMENT_TYPES, s.placements, s.childrenInCare, '$.placements', file);
  const problems = [
    ...(E.isLeft(ages) ? ages.left : []),
    ...(E.isLeft(places) ? places.left : []),
    ...(s.homeZones !== undefined && s.homeZones.length === 0 ? [`${file}: $.homeZones: expected at least one postcode sector or district, found none`] : []),
  ];
  if (problems.length > 0 || E.isLeft(ages) || E.isLeft(places)) return E.left(problems);
  return E.right({
    name: s.name.trim(),
    asAt: s.asAt,
    homeZones: s.homeZones,
    childrenInCare: s.childrenInCare,
    startsPerYear: s.startsPerYear,
    ageShares: ages.right.shares,
    placementShares: places.right.shares,
    placedOver20Miles: s.placedOver20Miles,
    threePlusPlacements: s.threePlusPlacements,
    weeklyCosts: s.weeklyCosts ?? {},
    mixForm: { ageBands: ages.right.form, placements: places.right.form },
    warnings: [],
  });
};
