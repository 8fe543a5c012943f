// Cleaning rule 8 (for exposure): a stretch of time in care is cut where the child crosses an age
// band, so every piece lies in one band and ageing is explicit. Band boundaries are the
// simulation's (src/sim/hazards.ts): date of birth + lower age × 365.25 days, as fractional days.
import { DAYS_PER_YEAR } from '../../domain/time.js';
import { AGE_BANDS, AGE_BAND_LOWER_YEARS, CARE_LEAVING_AGE_YEARS, type AgeBand } from '../../domain/vocabulary.js';

/** Age band at time `t` (days since 1970), for a child born on `dob`. */
export const ageBandAt = (dob: number, t: number): AgeBand => {
  const years = (t - dob) / DAYS_PER_YEAR;
  let band: AgeBand = AGE_BANDS[0];
  for (const b of AGE_BANDS) if (years >= AGE_BAND_LOWER_YEARS[b]) band = b;
  return band;
};

/** Day (fractional) a child born on `dob` enters band `b`. */
export const bandStart = (dob: number, b: AgeBand): number => dob + AGE_BAND_LOWER_YEARS[b] * DAYS_PER_YEAR;

/** The 18th birthday, as the day a child leaves care in the model (fractional, simulation convention). */
export const eighteenth = (dob: number): number => dob + CARE_LEAVING_AGE_YEARS * DAYS_PER_YEAR;

export interface BandPiece {
  readonly band: AgeBand;
  readonly from: number;
  readonly to: number;
}

/**
 * [from, to) split at age-band boundaries (empty when to ≤ from).
 *
 * @example splitAtAgeBands(0, 800, 0) // under1 [0, 365.25), 1to4 [365.25, 800)
 */
export const splitAtAgeBands = (from: number, to: number, dob: number): BandPiece[] => {
  const out: BandPiece[] = [];
  let t = from;
  let i = AGE_BANDS.indexOf(ageBandAt(dob, from));
  while (t < to) {
    const next = i + 1 < AGE_BANDS.length ? bandStart(dob, AGE_BANDS[i + 1]!) : Number.POSITIVE_INFINITY;
    const end = Math.min(to, next);
    if (end > t) out.push({ band: AGE_BANDS[i]!, from: t, to: end });
    t = end;
    i++;
  }
  return out;
};
