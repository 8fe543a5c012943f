// What matching needs besides the referrals and vacancies: the authority's rules (hierarchy by
// age band, types allowed for each need, score weights), the disruption hazard model, the day of
// the match, and two practice settings. Built from a resolved scenario, so the matching tool and
// the simulation apply the same rules.
import { AGE_BANDS, PLACEMENT_TYPES } from '../../domain/vocabulary.js';
import { days, miles, type Days, type Miles } from '../../domain/units.js';
import type { MatchRules, MatchWeights } from '../rules/types.js';

/**
 * Score weights, in points (higher score is better; 0 is a perfect match). The first four come
 * from the scenario (`matching.weights`); the last two are the tool's own.
 */
export interface ReferralWeights extends MatchWeights {
  /** Points lost when the child has a preferred kind of placement (foster / residential / supported) and this is not one. */
  readonly notPreferredType: number;
  /** Points lost per soft preference not met (language, faith, communication need, culture, an experienced carer). */
  readonly softPreference: number;
}

export const DEFAULT_TOOL_WEIGHTS: Pick<ReferralWeights, 'notPreferredType' | 'softPreference'> = {
  notPreferredType: 10,
  softPreference: 5,
};

/** The breakdown hazard of the simulation: per day by placement type × age band, and its multipliers. */
export interface DisruptionModel {
  /** Per day, [typeIndex * AGE_BANDS.length + bandIndex]. */
  readonly breakdownPerDay: ArrayLike<number>;
  /** `emergencyDays`: the emergency factor applies for these first days of the placement (undefined: all of it). */
  readonly multipliers: {
    readonly over20Miles: number; readonly needMismatch: number; readonly emergency: number; readonly hub: number;
    readonly emergencyDays?: number | undefined;
  };
  /** Time-in-placement steps (days from the start) and their hazard factors; empty: none. */
  readonly placementStepDays: readonly number[];
  readonly placementStepMultipliers: readonly number[];
}

export interface MatchSettings {
  /** Days within which a referral marked `later` is needed (default 28). */
  readonly laterDays: Days;
  /** Farthest a home may be from the school of a child who must keep the same school, miles (default 10). */
  readonly schoolMiles: Miles;
}

export const DEFAULT_SETTINGS: MatchSettings = { laterDays: days(28), schoolMiles: miles(10) };

export interface MatchContext extends MatchSettings {
  /** The day of the match (epoch day): `today` means this day. */
  readonly matchDay: number;
  readonly weights: ReferralWeights;
  /** By age band: the scenario's rules with `weights` (a band may have its own hierarchy). */
  readonly rulesByBand: readonly MatchRules[];
  readonly disruption: DisruptionModel;
}

/** The parts of a resolved scenario (`ResolvedScenario`) that matching reads. */
export interface ScenarioRules {
  /** By age band, then placement type index: position in the hierarchy (Infinity when absent). */
  readonly hierarchyRank: readonly ArrayLike<number>[];
  /** By need: bit t set when placement type t is allowed. */
  readonly allowedTypesMask: readonly number[];
  readonly weights: MatchWeights;
  readonly breakdownPerDay: ArrayLike<number>;
  readonly multipliers: DisruptionModel['multipliers'];
  readonly placementStepDays: readonly number[];
  readonly placementStepMultipliers: readonly number[];
}

/**
 * The matching context for `matchDay` under a scenario's rules, with any weights and settings
 * overridden.
 */
export const matchContext = (
  rules: ScenarioRules,
  matchDay: number,
  overrides: { readonly weights?: Partial<ReferralWeights>; readonly settings?: Partial<MatchSettings> } = {},
): MatchContext => {
  const weights: ReferralWeights = { ...rules.weights, ...DEFAULT_TOOL_WEIGHTS, ...overrides.weights };
  if (rules.hierarchyRank.length !== AGE_BANDS.length) throw new RangeError('matchContext: a hierarchy rank per age band expected');
  if (rules.breakdownPerDay.length !== PLACEMENT_TYPES.length * AGE_BANDS.length) throw new RangeError('matchContext: breakdownPerDay has the wrong length');
  return {
    ...DEFAULT_SETTINGS,
    ...overrides.settings,
    matchDay,
    weights,
    rulesByBand: rules.hierarchyRank.map((hierarchyRank) => ({ allowedTypesMask: rules.allowedTypesMask, hierarchyRank, weights })),
    disruption: {
      breakdownPerDay: rules.breakdownPerDay, multipliers: rules.multipliers,
      placementStepDays: rules.placementStepDays, placementStepMultipliers: rules.placementStepMultipliers,
    },
  };
};
