// The DESIGN.md vocabulary: the only spellings of age bands, needs and placement types.
import { t } from './fp.js';

const keyUnion = <K extends string>(keys: readonly K[], name: string): t.KeyofC<Record<K, null>> =>
  t.keyof(Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>, name);

export const AGE_BANDS = ['under1', '1to4', '5to9', '10to15', '16plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AgeBandC = keyUnion(AGE_BANDS, 'AgeBand');
/** Lower age (years) of each band; a child leaves care on the 18th birthday. */
export const AGE_BAND_LOWER_YEARS: Readonly<Record<AgeBand, number>> = {
  under1: 0, '1to4': 1, '5to9': 5, '10to15': 10, '16plus': 16,
};
export const CARE_LEAVING_AGE_YEARS = 18;

export const NEEDS = ['standard', 'complex', 'disability', 'parentAndChild', 'uasc'] as const;
export type Need = (typeof NEEDS)[number];
export const NeedC = keyUnion(NEEDS, 'Need');

export const PLACEMENT_TYPES = [
  'connected', 'inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported',
  'parentAndChild', 'placedWithParents', 'adoption', 'secure', 'other', 'unregistered',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export const PlacementTypeC = keyUnion(PLACEMENT_TYPES, 'PlacementType');

/** Types provided by carer households or beds that the authority matches children to. */
export const CARER_TYPES = [
  'inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild',
] as const;
export type CarerType = (typeof CARER_TYPES)[number];
export const CarerTypeC = keyUnion(CARER_TYPES, 'CarerType');

/**
 * Types arranged around one child rather than drawn from a pool of vacancies: family and
 * friends are assessed for the child, a child goes home to parents, an adoptive family is
 * found for the child. They have no capacity limit in the model.
 */
export const ROUTE_TYPES = ['connected', 'placedWithParents', 'adoption', 'secure', 'other'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];
export const RouteTypeC = keyUnion(ROUTE_TYPES, 'RouteType');

export const FOSTER_TYPES: readonly PlacementType[] = ['inHouseFoster', 'ifa'];
export const RESIDENTIAL_TYPES: readonly PlacementType[] = ['residentialInHouse', 'residentialPrivate'];

export const EXIT_REASONS = ['returnHome', 'specialGuardianship', 'adoption', 'other', 'turned18'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const ageBandOfAgeDays = (ageDays: number): AgeBand => {
  const years = ageDays / 365.25;
  if (years < 1) return 'under1';
  if (years < 5) return '1to4';
  if (years < 10) return '5to9';
  if (years < 16) return '10to15';
  return '16plus';
};

export const isCarerType = (p: PlacementType): p is CarerType =>
  (CARER_TYPES as readonly string[]).includes(p);
