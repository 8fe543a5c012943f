// Hard constraints for a referral (a child or a sibling group) and a vacancy: the simulation's
// rules (`ineligibility`: available in time, free places, sibling capacity, age range, type
// allowed for the needs, needs met) for every child, then the referral's own: a kind of
// placement marked unsuitable, risks the carer cannot manage, who the child can live alongside,
// and keeping the same school. The first reason found is returned, in that order.
import { AGE_BANDS, AGE_BAND_LOWER_YEARS, PLACEMENT_TYPES, type PlacementType } from '../../domain/vocabulary.js';
import { distanceMiles } from '../../domain/geography.js';
import type { CareAlongside } from '../../domain/referral.js';
import type { MatchContext } from './context.js';
import { ineligibility } from '../rules/eligibility.js';
import type { Referral, ReferredChild, TypeGroup, Vacancy } from './referral.js';
import type { IneligibilityCode, MatchRequest, MatchRules } from '../rules/types.js';

export type ReferralIneligibilityCode = IneligibilityCode | 'typeUnsuitable' | 'risk' | 'careAlongside' | 'school';

/** Every reason a vacancy can be unsuitable, in the order they are checked. */
export const REFERRAL_INELIGIBILITY_CODES: readonly ReferralIneligibilityCode[] = [
  'notYetAvailable', 'noPlaces', 'siblingCapacity', 'ageRange', 'typeNotAllowed', 'need', 'typeUnsuitable', 'risk', 'careAlongside', 'school',
];

export interface Unsuitability {
  readonly code: ReferralIneligibilityCode;
  /** Index in `referral.children` of the child it concerns. */
  readonly child: number;
}

const GROUP_OF_TYPE: Readonly<Partial<Record<PlacementType, TypeGroup>>> = {
  inHouseFoster: 'fosterCare', ifa: 'fosterCare',
  residentialInHouse: 'residentialCare', residentialPrivate: 'residentialCare',
  supported: 'supportedAccommodation',
};
const GROUP_INDEX: Readonly<Record<TypeGroup, number>> = { fosterCare: 0, residentialCare: 1, supportedAccommodation: 2 };

const GROUP_BY_TYPE: readonly (number | undefined)[] = PLACEMENT_TYPES.map((p) => {
  const g = GROUP_OF_TYPE[p];
  return g === undefined ? undefined : GROUP_INDEX[g];
});

/** Which kind of placement a referral rates (foster / residential / supported) a placement type is; parent-and-child places are none of them. */
export const typeGroupIndex = (type: number): number | undefined => GROUP_BY_TYPE[type];

/** Age band index of an age in whole years (18 and over: the last band). */
export const bandOfAge = (ageYears: number): number => {
  let b = 0;
  while (b + 1 < AGE_BANDS.length && ageYears >= AGE_BAND_LOWER_YEARS[AGE_BANDS[b + 1]!]) b++;
  return b;
};

export const rulesFor = (ctx: MatchContext, child: ReferredChild): MatchRules => ctx.rulesByBand[bandOfAge(child.ageYears)]!;

/** Whether a child who wants `rule` can live alongside a child aged `otherAge` (not a sibling placed with them). */
export const canLiveAlongside = (rule: CareAlongside, ageYears: number, otherAge: number): boolean => {
  switch (rule) {
    case 'withOthers': return true;
    case 'solo': return false;
    case 'onlyOlder': return otherAge > ageYears;
    case 'onlyYounger': return otherAge < ageYears;
  }
};

/** Whether two referrals may be placed in the same home: each child's `careAlongside` allows each child of the other. */
export const canShareHome = (a: Referral, b: Referral): boolean =>
  a.children.every((x) => b.children.every((y) => canLiveAlongside(x.careAlongside, x.ageYears, y.ageYears) && canLiveAlongside(y.careAlongside, y.ageYears, x.ageYears)));

/** Whether some child of the referral limits who they live with. */
export const isRestricted = (r: Referral): boolean => r.children.some((c) => c.careAlongside !== 'withOthers');

export const requestFor = (r: Referral, child: ReferredChild): MatchRequest => ({
  ageYears: child.ageYears, need: child.primaryNeed, needsMask: child.needsMask, size: r.children.length, day: r.neededDay,
});

/** Miles from the school of a child who must keep it, or undefined when the rule does not apply. */
export const milesToSchool = (child: ReferredChild, v: Vacancy): number | undefined =>
  child.sameSchool && child.school !== undefined ? distanceMiles(child.school, v.place) : undefined;

/** A referral's per-child rules and requests, worked out once and reused for every vacancy. */
export interface PreparedReferral {
  readonly referral: Referral;
  readonly kids: readonly {
    readonly child: ReferredChild;
    readonly rules: MatchRules;
    readonly request: MatchRequest;
  }[];
  /** Bit g set when some child marks type group g unsuitable. */
  readonly unsuitableGroups: number;
  readonly risksMask: number;
  readonly restricted: boolean;
  readonly school: boolean;
}

export const prepareReferral = (ctx: MatchContext, r: Referral): PreparedReferral => ({
  referral: r,
  kids: r.children.map((child) => ({ child, rules: rulesFor(ctx, child), request: requestFor(r, child) })),
  unsuitableGroups: r.children.reduce((m, c) => c.suitability.reduce((mm, s, g) => (s === 'unsuitable' ? mm | (1 << g) : mm), m), 0),
  risksMask: r.children.reduce((m, c) => m | c.risksMask, 0),
  restricted: isRestricted(r),
  school: r.children.some((c) => c.sameSchool && c.school !== undefined),
});

/** `referralIneligibility` for a prepared referral (the fast path used when ranking). */
export const preparedIneligibility = (ctx: MatchContext, p: PreparedReferral, v: Vacancy): Unsuitability | undefined => {
  const kids = p.kids;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    const code = ineligibility(k.rules, k.request, v);
    if (code !== undefined) return { code, child: i };
  }
  const group = typeGroupIndex(v.type);
  if (group !== undefined && (p.unsuitableGroups & (1 << group)) !== 0) {
    return { code: 'typeUnsuitable', child: kids.findIndex((k) => k.child.suitability[group] === 'unsuitable') };
  }
  if ((p.risksMask & ~v.risksMask) !== 0) return { code: 'risk', child: kids.findIndex((k) => (k.child.risksMask & ~v.risksMask) !== 0) };
  if (p.restricted && v.currentChildren.length > 0) {
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!.child;
      if (v.currentChildren.some((age) => !canLiveAlongside(c.careAlongside, c.ageYears, age))) return { code: 'careAlongside', child: i };
    }
  }
  if (p.school) {
    for (let i = 0; i < kids.length; i++) {
      const miles = milesToSchool(kids[i]!.child, v);
      if (miles !== undefined && miles > ctx.schoolMiles) return { code: 'school', child: i };
    }
  }
  return undefined;
};

/**
 * The first reason `v` cannot take the referral, or undefined when it can. Checked for every
 * child, in the order of REFERRAL_INELIGIBILITY_CODES.
 */
export const referralIneligibility = (ctx: MatchContext, r: Referral, v: Vacancy): Unsuitability | undefined =>
  preparedIneligibility(ctx, prepareReferral(ctx, r), v);
