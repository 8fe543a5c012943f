// Which age band × need segments a place could serve: the sufficiency gap table's supply side.
// The test is the matching's own hard-constraint rule (`isEligible`), asked for a single child
// of each segment, so the table and the matching cannot disagree about what "suitable" means.
import { AGE_BANDS, AGE_BAND_LOWER_YEARS, CARE_LEAVING_AGE_YEARS, NEEDS } from '../domain/vocabulary.js';
import { isEligible } from '../matching/rules/eligibility.js';
import type { MatchRules, VacancyView } from '../matching/rules/types.js';

/** Segment index of an age band and a need: bit `band * NEEDS.length + need` of a mask. */
export const segmentIndex = (band: number, need: number): number => band * NEEDS.length + need;

/**
 * The whole years of age in each band (`under1`: 0; `1to4`: 1–4; …; `16plus`: 16–17): the ages
 * matching sees (`ageYears` is completed years). A place serves a band when it can take a child
 * of at least one of them, i.e. when its approved age range overlaps the band.
 */
export const BAND_AGES_YEARS: readonly (readonly number[])[] = AGE_BANDS.map((b, i) => {
  const next = AGE_BANDS[i + 1];
  const upper = next === undefined ? CARE_LEAVING_AGE_YEARS : AGE_BAND_LOWER_YEARS[next];
  return Array.from({ length: upper - AGE_BAND_LOWER_YEARS[b] }, (_, k) => AGE_BAND_LOWER_YEARS[b] + k);
});

/**
 * Mask of the segments (bit `segmentIndex(band, need)`) for which one place of `v` could take a
 * single child on `day` under the hard constraints: placement type allowed for the need, carer
 * approved for the need, approved age range including some whole year of age in the band,
 * available by `day`. Whether a place is free is left to the caller (the view is asked as if one
 * place were free); distance and score play no part. `rulesByBand[b]` are the rules matching uses
 * for a child of band `b`.
 */
export const suitableSegments = (rulesByBand: readonly MatchRules[], v: VacancyView, day: number): number => {
  const onePlace: VacancyView = v.free >= 1 ? v : { ...v, free: 1 };
  let mask = 0;
  BAND_AGES_YEARS.forEach((ages, band) => {
    const rules = rulesByBand[band]!;
    for (let need = 0; need < NEEDS.length; need++) {
      for (const ageYears of ages) {
        if (isEligible(rules, { ageYears, need, size: 1, day }, onePlace)) {
          mask |= 1 << segmentIndex(band, need);
          break;
        }
      }
    }
  });
  return mask;
};

/**
 * `suitableSegments` remembered by what the hard constraints read of a vacancy asked for one child
 * (type, approved ages, approved needs, sibling capacity), for vacancies already available on the
 * day asked (availability is then settled for every later day). The households of one pool are
 * alike, so a replication works out a handful of masks rather than one per household.
 */
export const cachedSuitableSegments = (rulesByBand: readonly MatchRules[]): ((v: VacancyView, day: number) => number) => {
  const known = new Map<string, number>();
  return (v, day) => {
    if (v.availableFromDay > day) return suitableSegments(rulesByBand, v, day);
    const key = `${v.type}/${v.ageMin}/${v.ageMax}/${v.needsMask}/${v.siblingCapacity}`;
    let mask = known.get(key);
    if (mask === undefined) {
      mask = suitableSegments(rulesByBand, v, day);
      known.set(key, mask);
    }
    return mask;
  };
};
