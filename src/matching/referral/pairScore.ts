// The match score of a referral and a suitable vacancy, in points: higher is better, 0 is a
// perfect match, every part is ≤ 0. For each child (a sibling group adds its children up):
//   distance        − distancePerMile × miles from the preferred search location (else from home)
//   cost            − costPer100 × (£ a week ÷ 100)
//   hierarchy       − hierarchyStep × steps down the authority's hierarchy (for the child's age band)
//   specialism      − spareSpecialism × needs the carer is approved for that the child does not have
//   typePreference  − notPreferredType, when the child has a preferred kind of placement and this is not one
//   soft            − softPreference × soft preferences not met (each language / faith / culture wish,
//                     each communication need, and an experienced carer — 2+ years — for a child
//                     with complex needs or risks, when the carer's experience is known)
// The first four are the simulation's score (`scoreParts`), unchanged.
import { distanceMiles } from '../../domain/geography.js';
import type { Miles } from '../../domain/units.js';
import { NEEDS } from '../../domain/vocabulary.js';
import type { MatchContext } from './context.js';
import { breakdownRisk, hasBreakdownRates } from './disruptionRisk.js';
import { prepareReferral, typeGroupIndex, type PreparedReferral } from './suitability.js';
import type { Referral, ReferredChild, SoftAttributes, Vacancy } from './referral.js';
import { scoreParts } from '../rules/matchScore.js';

export const SCORE_PARTS = ['distance', 'cost', 'hierarchy', 'specialism', 'typePreference', 'soft'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type MatchScoreParts = Readonly<Record<ScorePart, number>>;

/** Years of approval below which a carer counts as new, for children with complex needs or risks. */
export const EXPERIENCED_CARER_YEARS = 2;

export type SoftKind = keyof SoftAttributes | 'experience';

/** A soft preference a vacancy does not meet. */
export interface UnmetPreference {
  readonly child: string;
  readonly kind: SoftKind;
  /** The wish as the referral gives it, or `2+ years` for experience. */
  readonly wish: string;
}

export interface PairScore {
  readonly score: number;
  readonly parts: MatchScoreParts;
  /** Miles from home (DfE method), of the child farthest away in a sibling group. */
  readonly miles: Miles;
  /**
   * Chance of a breakdown within 12 months (the highest of a sibling group's children);
   * undefined when the scenario has no breakdown rate at all for the placement type.
   */
  readonly disruptionRisk: number | undefined;
  readonly unmet: readonly UnmetPreference[];
  readonly notPreferredType: boolean;
}

const COMPLEX = 1 << NEEDS.indexOf('complex');
const NONE: readonly UnmetPreference[] = [];

const offers = (list: readonly string[], wish: string): boolean => {
  for (const x of list) if (x.toLowerCase() === wish.toLowerCase()) return true;
  return false;
};

const anyOffered = (list: readonly string[], wishes: readonly string[]): boolean => wishes.some((w) => offers(list, w));

/** Soft preferences of child `c` that `v` does not meet (none allocated when there are none). */
const unmetFor = (c: ReferredChild, v: Vacancy): readonly UnmetPreference[] => {
  const { language, religion, communication, culture } = c.soft;
  const needsExperience = ((c.needsMask & COMPLEX) !== 0 || c.risksMask !== 0) && v.experienceYears !== undefined && v.experienceYears < EXPERIENCED_CARER_YEARS;
  if (language.length + religion.length + communication.length + culture.length === 0 && !needsExperience) return NONE;
  const out: UnmetPreference[] = [];
  if (language.length > 0 && !anyOffered(v.soft.language, language)) out.push({ child: c.id, kind: 'language', wish: language.join(' or ') });
  if (religion.length > 0 && !anyOffered(v.soft.religion, religion)) out.push({ child: c.id, kind: 'religion', wish: religion.join(' or ') });
  for (const w of communication) if (!offers(v.soft.communication, w)) out.push({ child: c.id, kind: 'communication', wish: w });
  if (culture.length > 0 && !anyOffered(v.soft.culture, culture)) out.push({ child: c.id, kind: 'culture', wish: culture.join(' or ') });
  if (needsExperience) out.push({ child: c.id, kind: 'experience', wish: `${EXPERIENCED_CARER_YEARS}+ years` });
  return out;
};

/** `scorePair` for a prepared referral (the fast path used when ranking). */
export const preparedScore = (ctx: MatchContext, p: PreparedReferral, v: Vacancy): PairScore => {
  const w = ctx.weights;
  const group = typeGroupIndex(v.type);
  let distance = 0;
  let cost = 0;
  let hierarchy = 0;
  let specialism = 0;
  let typePreference = 0;
  let soft = 0;
  let miles = 0 as Miles;
  let risk = 0;
  let notPreferredType = false;
  let unmet = NONE;
  const startDay = Math.max(ctx.matchDay, v.availableFromDay);
  const emergency = p.referral.urgency === 'today';
  for (const { child: c, rules } of p.kids) {
    const fromHome = distanceMiles(c.home, v.place);
    const core = scoreParts(rules, v, c.search === undefined ? fromHome : distanceMiles(c.search, v.place), c.needsMask);
    distance += core.distance;
    cost += core.cost;
    hierarchy += core.hierarchy;
    specialism += core.specialism;
    if (c.suitability.includes('preferred') && (group === undefined || c.suitability[group] !== 'preferred')) {
      notPreferredType = true;
      typePreference -= w.notPreferredType;
    }
    const missing = unmetFor(c, v);
    if (missing.length > 0) {
      unmet = unmet.length === 0 ? missing : [...unmet, ...missing];
      soft -= w.softPreference * missing.length;
    }
    if (fromHome > miles) miles = fromHome;
    const r = breakdownRisk(ctx.disruption, v.type, c.dobDay, startDay, { milesFromHome: fromHome, emergency, hub: v.hub });
    if (r > risk) risk = r;
  }
  // `+ 0` turns a negative zero (from a zero weight) into 0, which prints as "0".
  const parts: MatchScoreParts = {
    distance: distance + 0, cost: cost + 0, hierarchy: hierarchy + 0, specialism: specialism + 0, typePreference: typePreference + 0, soft: soft + 0,
  };
  const score = parts.distance + parts.cost + parts.hierarchy + parts.specialism + parts.typePreference + parts.soft;
  return { score, parts, miles, disruptionRisk: hasBreakdownRates(ctx.disruption, v.type) ? risk : undefined, unmet, notPreferredType };
};

/** Score, parts, distance and predicted disruption risk of placing `r` with `v` (assumed suitable). */
export const scorePair = (ctx: MatchContext, r: Referral, v: Vacancy): PairScore => preparedScore(ctx, prepareReferral(ctx, r), v);
