// The rates sparse cells are smoothed towards (see smoothing.ts), with where each comes from.
// National figures are national-figures.md ids; where no national figure was verified the prior is
// an assumption and says so (the Medway 2022 baseline, scenarios/medway-2022.json, whose shapes
// come from the national split of placement-change reasons and a stable population). A prior only
// matters where an authority's own data are thin: it is worth DEFAULT_PRIOR_EVENTS pseudo-events.
import { AGE_BANDS, type AgeBand, type Need, type PlacementType } from '../../domain/vocabulary.js';
import { AGE_AFFINITY } from '../initialPopulation.js';
import { BREAKDOWN_SHAPE, NATIONAL_STARTER_MIX, UASC_SHARE_OF_16PLUS_STARTS } from '../nationalDefaults.js';

export { NATIONAL_STARTER_MIX };

/** Starts a year per child in care: 33,050 starts in the year to 31 March 2024 / 83,630 in care at 31 March 2024. */
export const NATIONAL_STARTS_PER_CHILD_IN_CARE = 33_050 / 83_630;

/**
 * Need of children starting to be looked after, by age band: UASC 25% of 16+ starts (assumption
 * from england_uasc_2025, as src/calibrate/nationalDefaults.ts), disability (CIN N2) 2–5% and
 * parent-and-child 10% of under-1 starts (assumptions, as src/calibrate/parameters.ts).
 * `complex` is not recorded in the 903 and is not estimated here.
 */
export const NEED_PRIOR: Readonly<Record<AgeBand, Readonly<Partial<Record<Need, number>>>>> = {
  under1: { standard: 0.9, parentAndChild: 0.1 },
  '1to4': { standard: 0.98, disability: 0.02 },
  '5to9': { standard: 0.95, disability: 0.05 },
  '10to15': { standard: 0.96, disability: 0.04 },
  '16plus': { standard: 1 - UASC_SHARE_OF_16PLUS_STARTS - 0.02, uasc: UASC_SHARE_OF_16PLUS_STARTS, disability: 0.02 },
};

/**
 * Exit hazard per year by age band: [first year in care, later years]. Assumption: the Medway
 * 2022 baseline's (no national duration distribution was verified); for scale, 34,450 children
 * ceased in the year to 31 March 2025 against 81,770 in care (england_ceased_2025,
 * england_cla_2025), 0.42 a year.
 */
export const EXIT_PRIOR: Readonly<Record<AgeBand, readonly [number, number]>> = {
  under1: [0.55, 0.55], '1to4': [0.45, 0.4], '5to9': [0.4, 0.18], '10to15': [0.45, 0.12], '16plus': [0.3, 0.2],
};
export const exitPrior = (band: AgeBand, fromYearsInCare: number): number => EXIT_PRIOR[band][fromYearsInCare < 1 ? 0 : 1];

/** Exit reasons by age band (relative weights): the Medway 2022 baseline's (assumption). */
export const EXIT_REASON_PRIOR: Readonly<Record<AgeBand, Readonly<Partial<Record<'returnHome' | 'specialGuardianship' | 'adoption' | 'other', number>>>>> = {
  under1: { adoption: 0.45, returnHome: 0.35, specialGuardianship: 0.2 },
  '1to4': { adoption: 0.35, returnHome: 0.4, specialGuardianship: 0.25 },
  '5to9': { returnHome: 0.6, specialGuardianship: 0.3, other: 0.1 },
  '10to15': { returnHome: 0.7, specialGuardianship: 0.1, other: 0.2 },
  '16plus': { returnHome: 0.5, other: 0.5 },
};

type Table = Readonly<Partial<Record<PlacementType, Readonly<Partial<Record<AgeBand, number>>>>>>;

/**
 * Unplanned endings (breakdowns) per child-year by placement type × age band: the Medway 2022
 * baseline's (breakdowns about 21% of the 66,070 placement changes a year, DfE 2024:
 * placement_changes_2024, change_carer_behaviour_2024, change_carer_other_2024,
 * change_child_request_2024; the shape by type and age is an assumption).
 */
export const BREAKDOWN_PRIOR: Table = { ...BREAKDOWN_SHAPE, parentAndChild: { under1: 0.3 } };
/** Planned (care-plan, CARPL) moves per child-year: the Medway 2022 baseline's (change_care_plan_2024 for scale: 31% of changes). */
export const PLANNED_PRIOR: Table = {
  inHouseFoster: { under1: 0.35, '1to4': 0.2, '5to9': 0.1, '10to15': 0.1, '16plus': 0.15 },
  ifa: { under1: 0.35, '1to4': 0.2, '5to9': 0.1, '10to15': 0.1, '16plus': 0.15 },
  residentialInHouse: { '10to15': 0.15, '16plus': 0.15 },
  residentialPrivate: { '10to15': 0.15, '16plus': 0.15 },
  parentAndChild: { under1: 1.5 },
  supported: { '16plus': 0.1 },
};
/** Where the tables above have no cell (an unusual type for the age): a small rate, never zero. */
export const DEFAULT_BREAKDOWN_PRIOR = 0.1;
export const DEFAULT_PLANNED_PRIOR = 0.05;

export const breakdownPrior = (p: PlacementType, b: AgeBand): number => BREAKDOWN_PRIOR[p]?.[b] ?? DEFAULT_BREAKDOWN_PRIOR;
export const plannedPrior = (p: PlacementType, b: AgeBand): number => PLANNED_PRIOR[p]?.[b] ?? DEFAULT_PLANNED_PRIOR;

/**
 * Prior mix of first placements in an age band: the authority's own mix over all ages, weighted
 * by which ages each type takes (AGE_AFFINITY, src/calibrate/initialPopulation.ts). National
 * mixes by age were not verified (national-figures.md, "Not verified"), so a thin age band
 * borrows from the authority's other bands rather than from a national table.
 */
export const placementMixPrior = (pooled: Readonly<Partial<Record<PlacementType, number>>>, band: AgeBand): Partial<Record<PlacementType, number>> => {
  const i = AGE_BANDS.indexOf(band);
  const out: Partial<Record<PlacementType, number>> = {};
  let total = 0;
  for (const [p, n] of Object.entries(pooled) as [PlacementType, number][]) {
    const w = n * (AGE_AFFINITY[p][i] ?? 0);
    if (w > 0) {
      out[p] = w;
      total += w;
    }
  }
  if (total > 0) for (const p of Object.keys(out) as PlacementType[]) out[p] = out[p]! / total;
  return out;
};
