// What matching sees of a child and of a vacancy. The simulation's households and the
// placement team's vacancy lists both present themselves this way, so one set of rules serves both.

export interface MatchRequest {
  readonly ageYears: number;
  readonly need: number; // index into NEEDS
  /**
   * Every need of the child, bit i = NEEDS[i], when there is more than one (`need` is then one of
   * them). The vacancy must be approved for every need, and its type allowed for every need.
   * Left out (the simulation): the single `need`.
   */
  readonly needsMask?: number;
  /** Children to place together (1, or a sibling group). */
  readonly size: number;
  /** Day the placement is needed (days since start); vacancies free later are not eligible. */
  readonly day: number;
}

export interface VacancyView {
  readonly type: number; // index into PLACEMENT_TYPES
  readonly zone: number;
  readonly free: number;
  readonly ageMin: number;
  readonly ageMax: number;
  readonly needsMask: number;
  readonly needCount: number;
  readonly siblingCapacity: number;
  readonly weeklyCost: number;
  readonly availableFromDay: number;
}

export interface MatchWeights {
  readonly distancePerMile: number;
  readonly costPer100: number;
  readonly hierarchyStep: number;
  readonly spareSpecialism: number;
}

export interface MatchRules {
  /** By need index: bit t set when placement type t may be used for that need. */
  readonly allowedTypesMask: readonly number[];
  /** By placement type index: position in the authority's hierarchy (Infinity if absent). */
  readonly hierarchyRank: ArrayLike<number>;
  readonly weights: MatchWeights;
}

export type IneligibilityCode =
  | 'notYetAvailable' | 'noPlaces' | 'siblingCapacity' | 'ageRange' | 'need' | 'typeNotAllowed';

