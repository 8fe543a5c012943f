// Referrals and vacancies as the matching tool sees them, after decoding and resolution
// (input.ts): codes are indices and bit masks, postcodes are grid centroids, dates are epoch days.
// A Vacancy is also a VacancyView, so the simulation's eligibility and score rules apply to it as they are.
import type { CareAlongside, NeededBy, Suitability, Urgency } from '../../domain/referral.js';
import type { VacancyView } from '../rules/types.js';

/** A postcode sector or district with its OS grid centroid (metres). */
export interface Place {
  readonly code: string;
  readonly easting: number;
  readonly northing: number;
}

/** Soft preferences of a child, or what a carer offers, as written (compared ignoring case). */
export interface SoftAttributes {
  readonly language: readonly string[];
  readonly religion: readonly string[];
  readonly communication: readonly string[];
  readonly culture: readonly string[];
}

/** Kinds of placement a referral rates (preferred / suitable / unsuitable). */
export const TYPE_GROUPS = ['fosterCare', 'residentialCare', 'supportedAccommodation'] as const;
export type TypeGroup = (typeof TYPE_GROUPS)[number];

/** One child referred (one row of the referral file). */
export interface ReferredChild {
  readonly id: string;
  /** Row of the referral file (0-based), for messages and the greedy order. */
  readonly row: number;
  /** Date of birth, epoch day; estimated as the middle of the year of age when only the age is known. */
  readonly dobDay: number;
  readonly dobKnown: boolean;
  /** Whole years on the day the placement is needed (the day approved age ranges are checked on). */
  readonly ageYears: number;
  /** Bit i = NEEDS[i]. */
  readonly needsMask: number;
  /** One of the needs (the first in NEEDS order), for rules that take a single need. */
  readonly primaryNeed: number;
  readonly home: Place;
  readonly school: Place | undefined;
  readonly sameSchool: boolean;
  /** Preferred search location: the distance part of the score is measured from here when given. */
  readonly search: Place | undefined;
  /** By TYPE_GROUPS index. */
  readonly suitability: readonly Suitability[];
  /** Bit i = RISKS[i]. */
  readonly risksMask: number;
  readonly careAlongside: CareAlongside;
  readonly soft: SoftAttributes;
}

/** What is matched as one: a child, or a sibling group to be placed together. */
export interface Referral {
  /** The child's id, or the sibling group's. */
  readonly id: string;
  readonly siblingGroup: string | undefined;
  readonly children: readonly ReferredChild[];
  /** As written (for a group, the most urgent member's). */
  readonly neededBy: NeededBy;
  readonly urgency: Urgency;
  /** Last day the placement may start, epoch day: vacancies available later are not suitable. */
  readonly neededDay: number;
  /** Row of the first member in the referral file: the queue order among equally urgent referrals. */
  readonly row: number;
}

export interface Vacancy extends VacancyView {
  readonly id: string;
  readonly carerId: string;
  /** Row of the vacancy file (0-based). */
  readonly row: number;
  readonly place: Place;
  /** Bit i = RISKS[i]. */
  readonly risksMask: number;
  /** Ages in whole years of the children already living there. */
  readonly currentChildren: readonly number[];
  readonly soft: SoftAttributes;
  readonly experienceYears: number | undefined;
  readonly hub: boolean;
}
