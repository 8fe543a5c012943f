// Hard constraints: a vacancy either can take the child (or sibling group) or it cannot, and
// if it cannot there is one first reason, checked in the order a placements officer would.
import type { IneligibilityCode, MatchRequest, MatchRules, VacancyView } from './types.js';

export interface EligibilityOptions {
  /** Fallback "relaxNeeds": accept a carer not approved for the child's need. */
  readonly ignoreNeed?: boolean;
}

export const ineligibility = (
  rules: MatchRules, req: MatchRequest, v: VacancyView, options?: EligibilityOptions,
): IneligibilityCode | undefined => {
  if (v.availableFromDay > req.day) return 'notYetAvailable';
  if (v.free < req.size) return 'noPlaces';
  if (req.size > 1 && v.siblingCapacity < req.size) return 'siblingCapacity';
  if (req.ageYears < v.ageMin || req.ageYears > v.ageMax) return 'ageRange';
  if (((rules.allowedTypesMask[req.need] ?? 0) & (1 << v.type)) === 0) return 'typeNotAllowed';
  if (options?.ignoreNeed !== true && (v.needsMask & (1 << req.need)) === 0) return 'need';
  return undefined;
};

export const isEligible = (rules: MatchRules, req: MatchRequest, v: VacancyView, options?: EligibilityOptions): boolean =>
  ineligibility(rules, req, v, options) === undefined;
