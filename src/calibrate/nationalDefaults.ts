// National figures (shared/domain/national-figures.md) and the assumptions the calibrator uses
// where a snapshot is silent. Each value carries the id of the row it comes from, so the scenario
// it builds can cite it in `sources`; values not backed by a verified national figure say so.
import type { AgeBand, PlacementType } from '../domain/vocabulary.js';

export interface Cited {
  /** What the figure is, in words (goes into the scenario's `sources`). */
  readonly figure: string;
  /** national-figures.md ids, or "assumption: …". */
  readonly source: string;
}

/**
 * Starters by age band, DfE 2024 (year to 31 March 2024): 1–4 15%, 5–9 15%, 10–15 26%, 16+ 29%
 * of 33,050; under 1 is the remainder (15%), as the under-1 row was not verified.
 */
export const NATIONAL_STARTER_MIX: Readonly<Record<AgeBand, number>> = {
  under1: 0.15, '1to4': 0.15, '5to9': 0.15, '10to15': 0.26, '16plus': 0.29,
};
export const STARTER_MIX_SOURCE: Cited = {
  figure: 'national starters by age band 15/15/15/26/29% (under 1 = the remainder), adjusted by the fit where the age mix of children in care needs it',
  source: 'DfE CLA 2024 release: starts_age_1_4_2024, starts_age_5_9_2024, starts_age_10_15_2024, starts_age_16plus_2024 (england_starts_2024 33,050)',
};

/** Placed more than 20 miles from home, England, 31 March 2025 (secondary source): the target when a snapshot has none. */
export const NATIONAL_OVER_20_MILES = 0.22;
export const OVER_20_MILES_SOURCE: Cited = {
  figure: '22% of children in care placed more than 20 miles from home (used as the target when the snapshot gives none)',
  source: 'over20mi_2025 (The Fostering Network on the DfE 2025 release, secondary)',
};

/**
 * Share of places more than 20 miles from home by carer or route type before the fit scales
 * them: foster 15% (7,520 of 49,640 with a known distance, 2015), children's homes 49% (2024);
 * the others are assumptions.
 */
export const BASE_FAR_SHARE: Readonly<Partial<Record<PlacementType, number>>> = {
  inHouseFoster: 0.15, ifa: 0.15, residentialInHouse: 0.49, residentialPrivate: 0.49,
  supported: 0.3, parentAndChild: 0.5, connected: 0.1, adoption: 0.5, secure: 0.9, other: 0.5,
};
export const FAR_SHARE_SOURCE: Cited = {
  figure: 'share of carer places beyond 20 miles starts at foster 15%, children\'s homes 49%, supported 30%, parent and child 50%, connected 10%, adoption and other 50%, secure 90%, then one factor scales them all to fit placedOver20Miles, and a second (the locality scale, fitted so the share holds to years 3–5) scales in-house foster, in-house home and supported places\' again',
  source: 'foster_distance_2015 (7,520 of 49,640 foster children > 20 miles), chomes_over20mi_2024 (49%); the other types are assumptions',
};

/**
 * Weekly cost by placement type, £ per child per week, at the prices of the source's year (not
 * uplifted). Types with no verified national figure are assumptions (as the Medway baseline).
 */
export const NATIONAL_WEEKLY_COST: Readonly<Record<PlacementType, { readonly pounds: number; readonly source: string }>> = {
  connected: { pounds: 120, source: 'nma_2007_base (national minimum allowance 2007-08, £100–£151 by age; £120 about the mean)' },
  inHouseFoster: { pounds: 600, source: 'pq_foster_weekly_2016 (average cost of foster care about £600, c.2015-16)' },
  ifa: { pounds: 820, source: 'cma_interim_ifa_price (average IFA price about £820, data to 2020)' },
  residentialInHouse: { pounds: 3000, source: 'pq_chome_weekly_2016 (LA children\'s home about £3,000 a resident week, c.2015-16)' },
  residentialPrivate: { pounds: 6100, source: 'nao_cost_per_chome_place_2024 (£318,400 a place a year ÷ 52.18 weeks, 2023-24)' },
  supported: { pounds: 1200, source: 'assumption (no verified national figure; as the Medway baseline)' },
  parentAndChild: { pounds: 1500, source: 'assumption (no verified national figure; as the Medway baseline)' },
  placedWithParents: { pounds: 100, source: 'assumption (as the Medway baseline)' },
  adoption: { pounds: 150, source: 'assumption (as the Medway baseline)' },
  secure: { pounds: 7000, source: 'assumption (no verified national figure; as the Medway baseline)' },
  other: { pounds: 2000, source: 'assumption (as the Medway baseline)' },
  unregistered: { pounds: 8000, source: 'assumption (unregistered placement costs not verified; as the Medway baseline)' },
};

/** Foster households leaving a year: 4,820 deregistered of 42,615 (Ofsted 2023-24). */
export const FOSTER_DEREGISTRATION_PER_YEAR = 0.11;
export const FOSTER_TURNOVER_SOURCE: Cited = {
  figure: 'foster households deregister at 11% a year (4,820 of 42,615); recruitment balances it after a 180-day assessment',
  source: 'households_joined_left_2024, fostering_households_2024 (Ofsted 2023-24 via Fostering News)',
};

/** Share of approved foster places vacant nationally (16%): the spare capacity the layout starts from. */
export const VACANT_PLACE_SHARE = 0.16;

/**
 * Breakdowns are about 21% of the 66,070 placement changes a year and care-plan moves 31%
 * (DfE 2024); the shape by type and age band is the Medway baseline's (an assumption), scaled by
 * the fit so the three-or-more-placements share matches.
 */
export const DISRUPTION_SOURCE: Cited = {
  figure: 'breakdown and planned-move hazards by placement type and age band (the Medway baseline\'s shape, from the national split of placement-change reasons), times a factor fitted to threePlusPlacements',
  source: 'placement_changes_2024, change_care_plan_2024, change_carer_behaviour_2024, change_carer_other_2024, change_child_request_2024 (DfE 2024); shape by type and age is an assumption',
};

/** Children placed outside their authority's boundary (41%, 2018): the basis for other authorities' demand on local places. */
export const EXTERNAL_DEMAND_SHARE = 0.3;
export const EXTERNAL_DEMAND_SOURCE: Cited = {
  figure: 'other authorities\' children occupy local IFA, children\'s home and supported places equal to 30% of this authority\'s own children in those types',
  source: 'assumption informed by outside_la_2018 (41% of children placed outside their authority) and hosting_avg_las_2013 (27 other authorities place in an average authority)',
};

/** Unaccompanied asylum-seeking children: 6,540 of 81,770 children in care (8%), nearly all 16+. */
export const UASC_SHARE_OF_16PLUS_STARTS = 0.25;
export const UASC_SOURCE: Cited = {
  figure: '25% of 16+ starts are UASC; 20% of 16+ children in care at the start',
  source: 'assumption from england_uasc_2025 (6,540 of 81,770 children in care were UASC), concentrated in 16+',
};

/** Breakdown hazards by type × band at `disruptionScale` 1 (the Medway baseline's shape). */
export const BREAKDOWN_SHAPE: Readonly<Partial<Record<PlacementType, Partial<Record<AgeBand, number>>>>> = {
  inHouseFoster: { under1: 0.05, '1to4': 0.1, '5to9': 0.15, '10to15': 0.3, '16plus': 0.28 },
  ifa: { under1: 0.05, '1to4': 0.1, '5to9': 0.16, '10to15': 0.32, '16plus': 0.3 },
  connected: { under1: 0.03, '1to4': 0.06, '5to9': 0.08, '10to15': 0.15, '16plus': 0.15 },
  residentialInHouse: { '5to9': 0.35, '10to15': 0.45, '16plus': 0.4 },
  residentialPrivate: { '5to9': 0.4, '10to15': 0.5, '16plus': 0.45 },
  supported: { '16plus': 0.4 },
  placedWithParents: { '1to4': 0.15, '5to9': 0.15, '10to15': 0.2 },
  adoption: { under1: 0.02, '1to4': 0.03 },
  other: { '10to15': 0.5, '16plus': 0.5 },
};
