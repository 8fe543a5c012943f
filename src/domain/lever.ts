// Levers: the options a sufficiency strategy weighs, each a small record with its own cost
// model. A scenario lists them in `levers`; resolution turns them into carers, rates and costs.
import { t } from './fp.js';
import { AgeBandC, CarerTypeC, NeedC, PlacementTypeC } from './vocabulary.js';
import { AgeYears, Probability } from './units.js';
import {
  Days, DaysPositive, Factor, HouseholdsPerYear, HouseholdsPerHub, MonthsInCarePositive, PlacesInBlock, PlacesPerHousehold, Pounds,
  PoundsPerWeek, RatePerYear,
} from './bounds.js';
import { CountDistribution, IsoDate, ZoneWeights } from './codecParts.js';

const lever = <K extends string, R extends t.Props, O extends t.Props>(name: K, required: R, optional: O) =>
  t.intersection([t.type({ lever: t.literal(name), ...required }), t.partial({ label: t.string, ...optional })], name);

const AgeRange = t.tuple([AgeYears, AgeYears]);
/** A price change: −0.1 is 10% cheaper, 0.08 is 8% dearer. */
const PriceChange = t.brand(t.number, (n): n is t.Branded<number, { readonly PriceChange: symbol }> => Number.isFinite(n) && n > -1 && n <= 10, 'PriceChange');
/** A financial year such as `2024/25`. */
export const FinancialYearLabel = t.brand(
  t.string,
  (s): s is t.Branded<string, { readonly FinancialYearLabel: symbol }> => {
    const m = /^(\d{4})\/(\d{2})$/.exec(s);
    return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
  },
  'FinancialYearLabel',
);

export const RecruitInHouse = lever('recruitInHouse', {
  householdsPerYear: HouseholdsPerYear, places: t.union([PlacesPerHousehold, CountDistribution]), ageRange: AgeRange, needs: t.array(NeedC),
  pipelineDays: Days, costPerApproval: Pounds,
}, {
  weeklyCost: PoundsPerWeek, zones: ZoneWeights, deregistrationPerYear: RatePerYear, from: IsoDate, to: IsoDate, hubShare: Probability,
});

export const Retention = lever('retention', { deregistrationMultiplier: Factor, costPerHouseholdPerYear: Pounds }, {
  pools: t.array(t.string), from: IsoDate,
});

export const BlockContract = lever('blockContract', {
  carerType: CarerTypeC, places: PlacesInBlock, zones: ZoneWeights, weeklyCost: PoundsPerWeek, from: IsoDate, to: IsoDate,
  ageRange: AgeRange, needs: t.array(NeedC),
}, { placesPerHousehold: PlacesPerHousehold });

export const InHouseHome = lever('inHouseHome', {
  places: PlacesPerHousehold, opens: IsoDate, zone: t.string, ageRange: AgeRange, needs: t.array(NeedC),
  runningCostPerYear: Pounds, capitalCost: Pounds,
}, { closes: IsoDate });

export const EmergencyBeds = lever('emergencyBeds', {
  places: PlacesPerHousehold, zone: t.string, maxStayDays: DaysPositive, runningCostPerYear: Pounds,
}, { from: IsoDate, ageRange: AgeRange, placementType: PlacementTypeC });

export const HubSupport = lever('hubSupport', {
  share: Probability, hazardMultiplier: Factor, householdsPerHub: HouseholdsPerHub, costPerHubPerYear: Pounds,
}, { deregistrationMultiplier: Factor, pools: t.array(t.string), from: IsoDate });

export const Prevention = lever('prevention', { reduction: Probability, costPerYear: Pounds }, {
  ageBands: t.array(AgeBandC), needs: t.array(NeedC), from: IsoDate,
});

export const StepDown = lever('stepDown', { afterMonths: MonthsInCarePositive, successProbability: Probability, costPerStepDown: Pounds }, {
  ageBands: t.array(AgeBandC), from: IsoDate,
});

export const Market = lever('market', { from: FinancialYearLabel }, {
  priceChanges: t.partial(Object.fromEntries(Object.keys(PlacementTypeC.keys).map((k) => [k, PriceChange])) as Record<keyof typeof PlacementTypeC.keys, typeof PriceChange>),
  externalDemandMultiplier: Factor,
});

export const Lever = t.union([RecruitInHouse, Retention, BlockContract, InHouseHome, EmergencyBeds, HubSupport, Prevention, StepDown, Market], 'Lever');
export type Lever = t.TypeOf<typeof Lever>;
export const LEVER_NAMES = ['recruitInHouse', 'retention', 'blockContract', 'inHouseHome', 'emergencyBeds', 'hubSupport', 'prevention', 'stepDown', 'market'] as const;
export type LeverName = (typeof LEVER_NAMES)[number];
