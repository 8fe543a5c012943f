// Hard constraints: a vacancy either can take the child (or sibling group) or it cannot, and
// if it cannot there is one first reason, checked in the order a placements officer would.
import type { IneligibilityCode, MatchRequest, MatchRules, VacancyView } from './types.js';

export interface EligibilityOptions {
  /** Fallback "relaxNeeds": accept a carer not approved for the child's need. */
  readonly ignoreNeed?: boolean;
}

/** Placement types allowed for every need in `needsMask` (bit t = PLACEMENT_TYPES[t]). */
export const allowedTypesFor = (rules: MatchRules, needsMask: number): number => {
  let allowed = -1;
  for (let n = 0, m = needsMask; m !== 0; n++, m >>>= 1) if ((m & 1) !== 0) allowed &= rules.allowedTypesMask[n] ?? 0;
  return needsMask === 0 ? 0 : allowed;
};

export const ineligibility = (
  rules: MatchRules, req: MatchRequest, v: VacancyView, options?: EligibilityOptions,
): IneligibilityCode | undefined => {
  if (v.availableFromDay > req.day) return 'notYetAvailable';
  if (v.free < req.size) return 'noPlaces';
  if (req.size > 1 && v.siblingCapacity < req.size) return 'siblingCapacity';
  if (req.ageYears < v.ageMin || req.ageYears > v.ageMax) return 'ageRange';
  const needs = req.needsMask ?? 1 << req.need;
  const allowed = req.needsMask === undefined ? rules.allowedTypesMask[req.need] ?? 0 : allowedTypesFor(rules, needs);
  if ((allowed & (1 << v.type)) === 0) return 'typeNotAllowed';
  if (options?.ignoreNeed !== true && (v.needsMask & needs) !== needs) return 'need';
  return undefined;
};

export const isEligible = (rules: MatchRules, req: MatchRequest, v: VacancyView, options?: EligibilityOptions): boolean =>
  ineligibility(rules, req, v, options) === undefined;
