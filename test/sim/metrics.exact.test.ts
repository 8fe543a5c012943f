// Every metric of the catalogue on worked cases small enough to follow on paper: a few children,
// a few carers, fixed dates. Who is placed where on which day is forced (one household per
// choice, hazards 0 except the one under test, leaving care on the 18th birthday), so each figure
// is written as a literal with the arithmetic beside it.
//
// DfE definitions followed (Children looked after in England, SSDA903 guidance):
// - children looked after at 31 March, by age on 31 March, need and placement;
// - starts / ceases: children who started / ceased to be looked after during the year to 31 March;
// - distance: straight line between home and placement postcode centroids, "over 20 miles" is
//   strictly more than 20.0 miles; location inside / outside the authority's boundary;
// - placement stability (short term): children looked after at 31 March with three or more
//   placements during the year (1 April – 31 March), the one held on 1 April included;
// - placement stability (long term): of children under 16 at 31 March looked after continuously
//   for at least 2.5 years, the fraction living in the same placement for at least 2 years (the
//   model measures years as 365.25 days).
// The worked cases start on 1 April 2023 (day 0); see test/fixtures/workedScenario.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { METRICS, METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { runReplication, type ReplicationResult, type ReplicationTrace } from '../../src/sim/replication.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';
import { blankScenarioJson, childInCare, dayOf, oneHousehold } from '../fixtures/workedScenario.js';

const run = (json: Record<string, unknown>, years: number): ReplicationResult =>
  runReplication(resolveFixture(json), { seed: 1, replication: 0, years, trace: true });

/** Reader for year `k`'s row. */
const yearOf = (r: ReplicationResult, k: number) => (key: string): number => r.rows[k * METRIC_COUNT + metricIndex(key)]!;

/** Every key of a family (`childrenInCareByPlacementType`) with its value in year `k`, zeros included. */
const family = (r: ReplicationResult, k: number, name: string): Record<string, number> => {
  const out: Record<string, number> = {};
  METRICS.forEach((m, i) => {
    if (m.path[0] === name && m.path.length > 1) out[m.path.slice(1).join('.')] = r.rows[k * METRIC_COUNT + i]!;
  });
  return out;
};
/** The non-zero keys of a family in year `k`. */
const nonZero = (r: ReplicationResult, k: number, name: string): Record<string, number> =>
  Object.fromEntries(Object.entries(family(r, k, name)).filter(([, v]) => v !== 0));

/** The placements that began after the start, as [child, day, via, type, how it ended]. */
const story = (r: ReplicationResult): unknown[] => r.trace!.segments
  .filter((s) => s.from > 0).sort((a, b) => a.from - b.from || a.child - b.child)
  .map((s) => [s.child, s.from, s.via, PLACEMENT_TYPES[s.type], s.ended]);

describe('the worked calendar', () => {
  it('counts days from 1 April 2023 as the cases below do', () => {
    expect([dayOf('2023-04-01'), dayOf('2023-07-01'), dayOf('2023-09-01'), dayOf('2023-09-30'), dayOf('2024-02-10'), dayOf('2024-03-31'), dayOf('2025-03-31')])
      .toEqual([0, 91, 153, 182, 315, 365, 730]);
  });
});

/**
 * Case 1, the census: two years, nobody moves; one child leaves care at 18.
 *
 * Carers (one household each):
 * - fosterTown: in-house foster, TOWN (10.0 miles), 2 places, ages 0–17, standard;
 * - ifaEdge: IFA, EDGE (20.0 miles, outside), 1 place, standard;
 * - homeFar: private children's home, FAR (30.0 miles, outside), 2 places, ages 8–17, complex,
 *   paid for whether used or not (a block contract): its empty place is a void;
 * - supportedBorder: supported accommodation, BORDER (25.0 miles, inside), 1 place, ages 16–17,
 *   standard, with £3,652.50 a year of support paid per household (£10 a day), a lever cost.
 *
 * Children, all living at HOME:
 * - A, born 10 Jun 2015, standard, fosterTown since 1 Sep 2020, in care since 1 Jan 2019;
 * - G, born 8 Aug 2012, standard, fosterTown since entering care on 1 Mar 2023;
 * - B, born 20 May 2011, standard, ifaEdge since 1 Jul 2022, in care since 1 Jan 2020;
 * - C, born 15 Nov 2009, complex, homeFar since entering care on 1 Jan 2022;
 * - D, born 10 Feb 2006, standard, supportedBorder since 1 Sep 2022: leaves care on her 18th
 *   birthday, 10 Feb 2024 (day 315);
 * - E, born 20 Jan 2008, unaccompanied (uasc), unregistered at FAR since 1 Feb 2023, in care since
 *   1 Jun 2021: no carer is approved for uasc, so the search every 28 days never succeeds;
 * - F, born 1 Mar 2021, standard, placed with parents at HOME (0 miles) since 1 Dec 2022.
 *
 * £ a week: in-house 400, IFA 900, home 5,000 (+500 for complex needs: 5,500 for C), supported
 * 1,200, placed with parents 100, unregistered 7,000 (no need uplift: E's +300 does not apply).
 * Prices rise 10% on 1 April 2024. 2023/24 has 366 days (to 31 Mar 2024, day 365); 2024/25 has 365.
 */
const censusCase = (): Record<string, unknown> => {
  const s = blankScenarioJson();
  s.years = 2;
  s.costs.annualInflation = 0.1;
  s.costs.needUplift = { complex: 500, uasc: 300 };
  s.matching.allowedTypes = { standard: ['inHouseFoster', 'ifa', 'supported'], complex: ['residentialPrivate'], uasc: ['supported'] };
  s.carers = [
    oneHousehold('fosterTown', 'inHouseFoster', 'TOWN', 2, [0, 17], ['standard']),
    oneHousehold('ifaEdge', 'ifa', 'EDGE', 1, [0, 17], ['standard']),
    oneHousehold('homeFar', 'residentialPrivate', 'FAR', 2, [8, 17], ['complex'], { paidWhenEmpty: true }),
    oneHousehold('supportedBorder', 'supported', 'BORDER', 1, [16, 17], ['standard'], { costPerHouseholdPerYear: 3652.5 }),
  ];
  s.initialPopulation.children = [
    childInCare('A', '2015-06-10', 'standard', 'inHouseFoster', '2019-01-01', '2020-09-01'),
    childInCare('G', '2012-08-08', 'standard', 'inHouseFoster', '2023-03-01', '2023-03-01'),
    childInCare('B', '2011-05-20', 'standard', 'ifa', '2020-01-01', '2022-07-01'),
    childInCare('C', '2009-11-15', 'complex', 'residentialPrivate', '2022-01-01', '2022-01-01'),
    childInCare('D', '2006-02-10', 'standard', 'supported', '2022-09-01', '2022-09-01'),
    childInCare('E', '2008-01-20', 'uasc', 'unregistered', '2021-06-01', '2023-02-01', { placementZone: 'FAR' }),
    childInCare('F', '2021-03-01', 'standard', 'placedWithParents', '2022-12-01', '2022-12-01'),
  ];
  return s;
};

describe('case 1, the census: who is looked after at 31 March, where, and what the year cost', () => {
  // Run before each test, not once as the file is collected: mutation runs (npm run mutation) switch a
  // mutant on in a beforeEach hook, so a result computed at collection would never see it.
  let r: ReplicationResult;
  let y0: ReturnType<typeof yearOf>;
  let y1: ReturnType<typeof yearOf>;
  beforeEach(() => {
    r = run(censusCase(), 2);
    y0 = yearOf(r, 0);
    y1 = yearOf(r, 1);
  });

  it('nobody moves, and D leaves care on her 18th birthday', () => {
    expect(story(r)).toEqual([]);
    expect(r.trace!.children.map((c) => c.exitDay)).toEqual([Infinity, Infinity, Infinity, Infinity, 315, Infinity, Infinity]);
  });

  it('children looked after at 31 March (DfE: by age on 31 March, need and placement)', () => {
    // 31 Mar 2024: A, G, B, C, E, F (D left on 10 Feb). Ages: F 3; A 8; G 11, B 12, C 14; E 16.
    expect(y0('childrenInCare')).toBe(6);
    expect(family(r, 0, 'childrenInCareByAgeBand')).toEqual({ under1: 0, '1to4': 1, '5to9': 1, '10to15': 3, '16plus': 1 });
    expect(family(r, 0, 'childrenInCareByNeed')).toEqual({ standard: 4, complex: 1, disability: 0, parentAndChild: 0, uasc: 1 });
    expect(nonZero(r, 0, 'childrenInCareByPlacementType')).toEqual({ inHouseFoster: 2, ifa: 1, residentialPrivate: 1, placedWithParents: 1, unregistered: 1 });
    // 31 Mar 2025: the same six, a year older: F 4; A 9; G 12, B 13, C 15; E 17 — the same bands.
    expect(y1('childrenInCare')).toBe(6);
    expect(family(r, 1, 'childrenInCareByAgeBand')).toEqual({ under1: 0, '1to4': 1, '5to9': 1, '10to15': 3, '16plus': 1 });
    expect(nonZero(r, 1, 'childrenInCareByPlacementType')).toEqual({ inHouseFoster: 2, ifa: 1, residentialPrivate: 1, placedWithParents: 1, unregistered: 1 });
  });

  it('starts and ceases in the year (DfE: started / ceased to be looked after in the year to 31 March)', () => {
    expect([y0('starts'), y0('ceases')]).toEqual([0, 1]); // D, 10 Feb 2024
    expect([y1('starts'), y1('ceases')]).toEqual([0, 0]);
  });

  it('distance from home at 31 March (DfE: over 20 miles means more than 20.0; inside / outside the boundary)', () => {
    // Miles: F 0, A 10, G 10, B 20 (EDGE: not over 20), C 30, E 30 (FAR). D (25 miles) has left.
    expect(y0('placedOver20Miles')).toBeCloseTo(2 / 6, 12); // C, E
    expect(y0('outOfArea')).toBeCloseTo(3 / 6, 12); // B (EDGE), C and E (FAR) are outside
    expect(y0('medianDistanceMiles')).toBe(15); // 0, 10, 10 | 20, 30, 30: (10 + 20) / 2
    expect([y1('placedOver20Miles'), y1('outOfArea'), y1('medianDistanceMiles')]).toEqual([y0('placedOver20Miles'), y0('outOfArea'), 15]);
  });

  it('three or more placements (DfE): nobody moves, so nobody has more than the one held on 1 April', () => {
    expect([y0('threePlusPlacements'), y1('threePlusPlacements')]).toEqual([0, 0]);
  });

  it('long-term stability (DfE: under 16, in care 2.5 years or more, same placement 2 years or more)', () => {
    // 31 Mar 2024. E is 16: not counted. In care 2.5 years (913.125 days) or more: A (since
    // Jan 2019) and B (since Jan 2020); not C (820 days, since 1 Jan 2022), G or F.
    // Same placement 2 years (730.5 days) or more: A (since Sep 2020, 1,307 days); not B, in her
    // placement since 1 Jul 2022: 639 days, 1.75 years. 1 of 2.
    expect(y0('longTermStability')).toBe(0.5);
    // 31 Mar 2025. E is 17. In care 2.5 years: A, B, C (1,185 days); not G (761) or F (851).
    // Same placement 2 years: A; B (1,004 days); C (1,185). 3 of 3.
    expect(y1('longTermStability')).toBe(1);
  });

  it('placement spend by type, 2023/24: £ a week × days / 7', () => {
    expect(nonZero(r, 0, 'costByPlacementType')).toEqual({
      inHouseFoster: expect.closeTo((2 * 400 * 366) / 7, 6), // A and G
      ifa: expect.closeTo((900 * 366) / 7, 6), // B
      residentialPrivate: expect.closeTo((5500 * 366) / 7, 6), // C: 5,000 + 500 for complex needs
      supported: expect.closeTo(1200 * 45, 6), // D: days 0–314, 315 days = 45 weeks
      unregistered: expect.closeTo(7000 * (366 / 7), 6), // E: no need uplift on an unregistered arrangement
      placedWithParents: expect.closeTo((100 * 366) / 7, 6), // F
    });
  });

  it('voids, lever costs, total cost and cost per child-week, 2023/24', () => {
    const placement = ((800 + 900 + 5500 + 7000 + 100) * 366) / 7 + 1200 * 45; // £801,685.71
    expect(y0('voidCosts')).toBeCloseTo((5000 * 366) / 7, 6); // homeFar's empty place, at the home's £5,000 (no uplift: nobody is in it)
    expect(y0('leverCosts')).toBeCloseTo(10 * 366, 6); // supportedBorder's support, £10 a day
    expect(y0('moveCosts')).toBe(0);
    expect(y0('cost')).toBeCloseTo(placement + (5000 * 366) / 7 + 3660, 6); // £1,066,774.29
    // Child-weeks: six children all year and D for 315 days: (6 × 366 + 315) / 7 = 358.71.
    expect(y0('childWeeks')).toBeCloseTo((6 * 366 + 315) / 7, 9);
    expect(y0('costPerChildWeek')).toBeCloseTo(placement / ((6 * 366 + 315) / 7), 9); // £2,234.89: placements only
    // 20 miles or less: A, G (10), B (20.0) and F (0), all year; not C, E (30) or D (25).
    expect(y0('childWeeksWithin20Miles')).toBeCloseTo((4 * 366) / 7, 9);
    expect(y0('unregistered')).toBeCloseTo(366 / 7, 9); // E
  });

  it('2024/25: 365 days at prices 10% higher', () => {
    const f = 1.1;
    expect(y1('costByPlacementType.residentialPrivate')).toBeCloseTo((5500 * 365 * f) / 7, 6);
    expect(y1('costByPlacementType.supported')).toBe(0);
    expect(y1('voidCosts')).toBeCloseTo((5000 * 365 * f) / 7, 6);
    expect(y1('leverCosts')).toBeCloseTo(10 * 365 * f, 6);
    expect(y1('cost')).toBeCloseTo(((14300 + 5000) * 365 * f) / 7 + 10 * 365 * f, 6);
    expect(y1('childWeeks')).toBeCloseTo((6 * 365) / 7, 9);
    expect(y1('costPerChildWeek')).toBeCloseTo((14300 * f) / 6, 9); // £2,621.67: child-weeks are not inflated
    expect(y1('childWeeksWithin20Miles')).toBeCloseTo((4 * 365) / 7, 9);
    expect(y1('unregistered')).toBeCloseTo(365 / 7, 9);
  });

  it('occupancy and voids at 31 March, by carer type', () => {
    // In-house 2 of 2 filled; IFA 1 of 1; homes 1 of 2 (one paid-for place empty: a void);
    // supported 0 of 1 (D has left); no in-house homes or parent-and-child places: not defined.
    const occupancy = { inHouseFoster: 1, ifa: 1, residentialInHouse: Number.NaN, residentialPrivate: 0.5, supported: 0, parentAndChild: Number.NaN };
    expect(family(r, 0, 'occupancy')).toEqual(occupancy);
    expect(family(r, 1, 'occupancy')).toEqual(occupancy);
    expect(nonZero(r, 0, 'voids')).toEqual({ residentialPrivate: 1 });
    expect(nonZero(r, 1, 'voids')).toEqual({ residentialPrivate: 1 });
  });

  it('nothing else happened: no searches, shortfalls, breakdowns, moves or step-downs', () => {
    for (const k of [0, 1]) {
      const y = yearOf(r, k);
      expect([y('shortfalls'), y('disruptions'), y('moves'), y('stepDowns')]).toEqual([0, 0, 0, 0]);
      expect(nonZero(r, k, 'placementSearchesBySegment')).toEqual({});
      expect(nonZero(r, k, 'shortfallsBySegment')).toEqual({});
    }
  });
});

/**
 * Case 2, a carer leaves: one year. The household `leaving` (in-house foster, TOWN, 2 places,
 * standard) closes on 1 July 2023 (day 91).
 *
 * Other carers: `ifa` (IFA at EDGE, 20.0 miles, 1 place, ages 0–11, standard) and `home` (private
 * children's home at FAR, 30.0 miles, 1 place, ages 8–17, complex). Standard needs may go to
 * in-house or IFA carers, complex needs to a home. An IFA placement of a 10–15-year-old breaks down
 * at 52 a year × 0 for its first 3 months (91 days) and × 100 after: on its 91st day (the
 * chance of a later day is e^−14.2, under one in a million; the seed is fixed). A breakdown makes a
 * standard-needs child of 10 or more complex (escalation 1). No vacancy: unregistered (£7,000 a
 * week, at FAR), searching again every 28 days. A move costs £1,000.
 *
 * Children, all living at HOME:
 * - P, born 20 May 2011 (12 on 1 Jul), standard, in `leaving` since 2021, in care since 2020;
 * - Q, born 2 Feb 2013 (10 on 1 Jul), standard, in `leaving` since entering care on 1 Jun 2022;
 * - R, born 1 Jan 2016, standard, with connected carers at TOWN since 1 Jun 2021, in care since
 *   1 Jun 2019.
 *
 * Day 91: `leaving` closes; P and Q each search once. Q (10) takes the IFA place. P (12) is too old
 * for it and not complex: a shortfall, unregistered from day 91 to the end.
 * Day 182 (30 Sep): Q's IFA placement breaks down on its 91st day; Q becomes complex and searches
 * again: the home takes her.
 */
const carerLeavesCase = (): Record<string, unknown> => {
  const s = blankScenarioJson();
  s.matching.allowedTypes = { standard: ['inHouseFoster', 'ifa'], complex: ['residentialPrivate'] };
  s.disruption.base = { ifa: { '10to15': 52 } };
  s.disruption.byMonthsInPlacement = [{ fromMonths: 0, multiplier: 0 }, { fromMonths: 3, multiplier: 100 }];
  s.disruption.escalationToComplex = 1;
  s.carers = [
    oneHousehold('leaving', 'inHouseFoster', 'TOWN', 2, [0, 17], ['standard'], { closes: '2023-07-01' }),
    oneHousehold('ifa', 'ifa', 'EDGE', 1, [0, 11], ['standard']),
    oneHousehold('home', 'residentialPrivate', 'FAR', 1, [8, 17], ['complex']),
  ];
  s.initialPopulation.children = [
    childInCare('P', '2011-05-20', 'standard', 'inHouseFoster', '2020-01-01', '2021-01-01'),
    childInCare('Q', '2013-02-02', 'standard', 'inHouseFoster', '2022-06-01', '2022-06-01'),
    childInCare('R', '2016-01-01', 'standard', 'connected', '2019-06-01', '2021-06-01', { placementZone: 'TOWN' }),
  ];
  return s;
};

describe('case 2, a carer leaves: searches, a shortfall, a breakdown, moves', () => {
  // Before each test, as in case 1.
  let r: ReplicationResult;
  let y: ReturnType<typeof yearOf>;
  beforeEach(() => {
    r = run(carerLeavesCase(), 1);
    y = yearOf(r, 0);
  });

  it('follows the story', () => {
    expect(story(r)).toEqual([
      [0, 91, 'unregistered', 'unregistered', 'open'], // P: no suitable vacancy
      [1, 91, 'match', 'ifa', 'breakdown'], // Q
      [1, 182, 'match', 'residentialPrivate', 'open'], // Q, complex after the breakdown
    ]);
  });

  it('shortfalls: searches that found no suitable vacancy that day (P on 1 July)', () => {
    expect(y('shortfalls')).toBe(1);
    expect(nonZero(r, 0, 'shortfallsBySegment')).toEqual({ '10to15.standard': 1 });
    // Searches: P and Q on day 91 (standard), Q on day 182 (complex). P's looks every 28 days
    // from unregistered are the same search going on, not new ones.
    expect(nonZero(r, 0, 'placementSearchesBySegment')).toEqual({ '10to15.standard': 2, '10to15.complex': 1 });
  });

  it('disruptions (breakdowns) and moves, with their cost', () => {
    expect(y('disruptions')).toBe(1); // Q, day 182; the carer leaving is not a breakdown
    expect(y('moves')).toBe(3); // P and Q on day 91, Q on day 182
    expect(y('moveCosts')).toBe(3000);
    expect(y('stepDowns')).toBe(0);
  });

  it('three or more placements during the year (DfE), counting the one held on 1 April', () => {
    // P: `leaving`, then unregistered: 2. Q: `leaving`, IFA, the home: 3. R: 1. One of three.
    expect(y('threePlusPlacements')).toBeCloseTo(1 / 3, 12);
  });

  it('the census at 31 March 2024', () => {
    expect(y('childrenInCare')).toBe(3);
    expect(nonZero(r, 0, 'childrenInCareByPlacementType')).toEqual({ connected: 1, residentialPrivate: 1, unregistered: 1 });
    expect(nonZero(r, 0, 'childrenInCareByNeed')).toEqual({ standard: 2, complex: 1 }); // Q is complex now
    expect(nonZero(r, 0, 'childrenInCareByAgeBand')).toEqual({ '5to9': 1, '10to15': 2 }); // R 8; P 12, Q 11
    // P and Q at FAR (30 miles, outside), R at TOWN (10, inside).
    expect(y('placedOver20Miles')).toBeCloseTo(2 / 3, 12);
    expect(y('outOfArea')).toBeCloseTo(2 / 3, 12);
    expect(y('medianDistanceMiles')).toBe(30); // 10 | 30 | 30
    // Long-term stability: P (in care since 2020) has been in her placement since 1 July; Q has been
    // in care under 2.5 years; R in care since 2019, with her carers since 1 Jun 2021 (1,034 days). 1 of 2.
    expect(y('longTermStability')).toBe(0.5);
  });

  it('child-weeks, unregistered weeks, 20 miles or less, and spend', () => {
    expect(y('childWeeks')).toBeCloseTo((3 * 366) / 7, 9);
    expect(y('unregistered')).toBeCloseTo(275 / 7, 9); // P, days 91–365
    // 20 miles or less: P 91 days (TOWN); Q 91 (TOWN) + 91 (EDGE, exactly 20.0 miles); R 366 (TOWN).
    expect(y('childWeeksWithin20Miles')).toBeCloseTo((91 + 182 + 366) / 7, 9);
    expect(nonZero(r, 0, 'costByPlacementType')).toEqual({
      inHouseFoster: expect.closeTo(2 * 400 * 13, 6), // P and Q, 91 days = 13 weeks
      ifa: expect.closeTo(900 * 13, 6), // Q, days 91–181
      residentialPrivate: expect.closeTo((5000 * 184) / 7, 6), // Q, days 182–365 (no uplift in this case)
      unregistered: expect.closeTo(7000 * (275 / 7), 6), // P
      connected: expect.closeTo((300 * 366) / 7, 6), // R
    });
    const placement = 10400 + 11700 + (5000 * 184) / 7 + 275000 + (300 * 366) / 7;
    expect(y('cost')).toBeCloseTo(placement + 3000, 6);
    expect([y('voidCosts'), y('leverCosts')]).toEqual([0, 0]);
    expect(y('costPerChildWeek')).toBeCloseTo(placement / ((3 * 366) / 7), 9);
  });

  it('occupancy at 31 March: the in-house household has gone, the IFA place is empty, the home is full', () => {
    expect(family(r, 0, 'occupancy')).toEqual({
      inHouseFoster: Number.NaN, ifa: 0, residentialInHouse: Number.NaN, residentialPrivate: 1, supported: Number.NaN, parentAndChild: Number.NaN,
    });
    expect(nonZero(r, 0, 'voids')).toEqual({});
  });
});

/**
 * Case 3, what changes the breakdown rate, and a step-down: one year. IFA placements of
 * 10–15-year-olds break down as in case 2 (on their 91st day), times the scenario's multipliers:
 * more than 20 miles from home × 0, in a hub household × 0.
 *
 * Carers: `near` (IFA at EDGE, 20.0 miles, ages 0–11, standard), `far` (IFA at FAR, 30.0 miles,
 * ages 12–17, standard), `home` (private children's home at FAR, ages 8–17, complex) and `hub`
 * (IFA at TOWN, 10 miles, complex, £1,100 a week, in a hub; it opens on 1 Sep 2023, day 153).
 * Complex needs may go to IFA or a home (IFA first). A step-down lever reviews every child 3
 * months (91 days) into a residential placement and moves her, always (probability 1), to a
 * suitable foster place if one is free, at £2,500 a step-down.
 *
 * Children (HOME): S, born 5 May 2012, standard, placed at `near` on 1 Apr 2023; T, born 9 Sep
 * 2010, standard, placed at `far` on 1 Apr 2023; both in care since 1 Oct 2022.
 *
 * Day 91: S's placement (exactly 20 miles: not "over 20", × 1) breaks down; she becomes complex and
 * goes to the home (the hub household has not opened). T's (30 miles, × 0) never does.
 * Day 182: the step-down review moves S to the hub household, where (× 0) it never breaks down.
 */
const multipliersCase = (): Record<string, unknown> => {
  const s = blankScenarioJson();
  s.matching.allowedTypes = { standard: ['ifa'], complex: ['ifa', 'residentialPrivate'] };
  s.costs.needUplift = { complex: 500 };
  s.disruption.base = { ifa: { '10to15': 52 } };
  s.disruption.byMonthsInPlacement = [{ fromMonths: 0, multiplier: 0 }, { fromMonths: 3, multiplier: 100 }];
  s.disruption.multipliers = { over20Miles: 0, needMismatch: 1, emergency: 1, hub: 0 };
  s.disruption.escalationToComplex = 1;
  s.carers = [
    oneHousehold('near', 'ifa', 'EDGE', 1, [0, 11], ['standard']),
    oneHousehold('far', 'ifa', 'FAR', 1, [12, 17], ['standard']),
    oneHousehold('home', 'residentialPrivate', 'FAR', 1, [8, 17], ['complex']),
    oneHousehold('hub', 'ifa', 'TOWN', 1, [0, 17], ['complex'], { hubShare: 1, opens: '2023-09-01', weeklyCost: 1100 }),
  ];
  s.levers = [{ lever: 'stepDown', afterMonths: 3, successProbability: 1, costPerStepDown: 2500 }];
  s.initialPopulation.children = [
    childInCare('S', '2012-05-05', 'standard', 'ifa', '2022-10-01', '2023-04-01'),
    childInCare('T', '2010-09-09', 'standard', 'ifa', '2022-10-01', '2023-04-01'),
  ];
  return s;
};

describe('case 3, breakdown multipliers (over 20 miles, hub) and a step-down', () => {
  // Before each test, as in case 1.
  let r: ReplicationResult;
  let y: ReturnType<typeof yearOf>;
  beforeEach(() => {
    r = run(multipliersCase(), 1);
    y = yearOf(r, 0);
  });

  it('follows the story: only the placement at exactly 20 miles breaks down; the step-down holds', () => {
    expect(story(r)).toEqual([
      [0, 91, 'match', 'residentialPrivate', 'stepDown'],
      [0, 182, 'match', 'ifa', 'open'],
    ]);
    const ends = r.trace!.segments.filter((s) => s.from <= 0).map((s) => [s.child, s.ended]);
    expect(ends).toEqual(expect.arrayContaining([[0, 'breakdown'], [1, 'open']]));
  });

  it('disruptions, moves, step-downs and their costs', () => {
    expect(y('disruptions')).toBe(1); // S on day 91; T never (over 20 miles × 0); S at the hub never (× 0)
    expect(y('moves')).toBe(2); // S: day 91 (breakdown), day 182 (step-down)
    expect(y('stepDowns')).toBe(1);
    expect(y('moveCosts')).toBe(2000);
    expect(y('leverCosts')).toBe(2500); // the step-down
    expect(y('shortfalls')).toBe(0);
    expect(nonZero(r, 0, 'placementSearchesBySegment')).toEqual({ '10to15.complex': 1 }); // a step-down is not a search
  });

  it('three or more placements during the year (DfE): S has had three, T one', () => {
    expect(y('threePlusPlacements')).toBe(0.5);
  });

  it('the census at 31 March 2024, and long-term stability not defined (nobody in care 2.5 years)', () => {
    expect(nonZero(r, 0, 'childrenInCareByPlacementType')).toEqual({ ifa: 2 });
    expect(nonZero(r, 0, 'childrenInCareByNeed')).toEqual({ standard: 1, complex: 1 });
    expect(y('placedOver20Miles')).toBe(0.5); // T at FAR; S at TOWN
    expect(y('outOfArea')).toBe(0.5);
    expect(y('medianDistanceMiles')).toBe(20); // (10 + 30) / 2
    expect(y('longTermStability')).toBeNaN();
  });

  it('spend: S at £900, then £5,500 (complex), then £1,600 (£1,100 + 500); T at £900 all year', () => {
    expect(nonZero(r, 0, 'costByPlacementType')).toEqual({
      ifa: expect.closeTo(900 * 13 + (1600 * 184) / 7 + (900 * 366) / 7, 6),
      residentialPrivate: expect.closeTo(5500 * 13, 6), // days 91–181
    });
    expect(y('cost')).toBeCloseTo(900 * 13 + (1600 * 184) / 7 + (900 * 366) / 7 + 5500 * 13 + 2000 + 2500, 6);
    expect(y('childWeeksWithin20Miles')).toBeCloseTo((91 + 184) / 7, 9); // S at EDGE (20.0), then at TOWN
    expect(family(r, 0, 'occupancy')).toEqual({
      inHouseFoster: Number.NaN, ifa: 2 / 3, residentialInHouse: Number.NaN, residentialPrivate: 0, supported: Number.NaN, parentAndChild: Number.NaN,
    });
  });
});

/**
 * Case 4, emergency beds: which bed a child with no suitable vacancy takes, the daily search from
 * it, and the end of the stay.
 *
 * Carers, in this order (households 0–3 laid out on 1 April; `bed12` gets household 4 when it opens):
 * - bed12: an emergency bed (in-house children's home) at HOME, 1 place, for 12-year-olds only, a
 *   stay of at most 10 days; it opens on 1 Jul 2023 (day 91), the day `leaving` closes, before the
 *   children search (listed first, so its opening is queued first);
 * - leaving: in-house foster at TOWN, 2 places, standard, closes on 1 Jul 2023;
 * - ifaComplex: IFA at EDGE, 2 places, ages 0–17, complex needs only (so a standard-needs child
 *   takes it only by relaxing the need);
 * - bedYoung (ages 0–11) and bedOld (13–17): emergency beds at HOME that P and Q are too old and too
 *   young for.
 * Fallback steps: relax the need, then unregistered.
 *
 * Children (HOME, standard, with `leaving`): Q (child 0) and P (child 1), both 12 on 1 Jul 2023.
 * They search in the order the starting population was placed, a shuffle drawn from the seed: P first.
 * Day 91: P finds no suitable vacancy (a shortfall) and takes bed12, the one bed for her age that
 * is open that day. Q finds no suitable vacancy either; bed12 is full, so the fallback: she takes
 * an ifaComplex place by relaxing the need.
 * Days 92–100: P searches every day from the bed and finds nothing (ifaComplex is for complex needs).
 * Day 101: her 10-day stay is over: the bed's placement ends (planned) and the fallback places
 * her in the other ifaComplex place.
 */
const emergencyBedCase = (): Record<string, unknown> => {
  const s = blankScenarioJson();
  s.costs.weekly.residentialInHouse = 3000;
  s.matching.allowedTypes = { standard: ['inHouseFoster', 'ifa'], complex: ['ifa'] };
  s.matching.fallback.steps = ['relaxNeeds', 'unregistered'];
  const bed = (id: string, ages: [number, number], more: Record<string, unknown> = {}) =>
    oneHousehold(id, 'residentialInHouse', 'HOME', 1, ages, ['standard', 'complex'], { emergencyOnly: { maxStayDays: 10 }, paidWhenEmpty: true, ...more });
  s.carers = [
    bed('bed12', [12, 12], { opens: '2023-07-01' }),
    oneHousehold('leaving', 'inHouseFoster', 'TOWN', 2, [0, 17], ['standard'], { closes: '2023-07-01' }),
    oneHousehold('ifaComplex', 'ifa', 'EDGE', 2, [0, 17], ['complex']),
    bed('bedYoung', [0, 11]),
    bed('bedOld', [13, 17]),
  ];
  s.initialPopulation.children = [
    childInCare('Q', '2011-03-01', 'standard', 'inHouseFoster', '2022-06-01', '2022-06-01'),
    childInCare('P', '2011-01-15', 'standard', 'inHouseFoster', '2022-06-01', '2022-06-01'),
  ];
  return s;
};

describe('case 4, emergency beds: the bed for the child\'s age that is open, a search every day, the end of the stay', () => {
  // Before each test, as in case 1.
  let r: ReplicationResult;
  let y: ReturnType<typeof yearOf>;
  beforeEach(() => {
    r = run(emergencyBedCase(), 1);
    y = yearOf(r, 0);
  });

  it('follows the story', () => {
    expect(r.trace!.violations).toEqual([]);
    expect(story(r)).toEqual([
      [0, 91, 'relaxNeeds', 'ifa', 'open'], // Q: bed12 is full
      [1, 91, 'emergencyBed', 'residentialInHouse', 'planned'], // P: bed12, until her stay is over
      [1, 101, 'relaxNeeds', 'ifa', 'open'], // P: day 91 + 10
    ]);
    const households = r.trace!.segments.filter((x) => x.from > 0).sort((a, b) => a.from - b.from || a.child - b.child).map((x) => x.household);
    expect(households).toEqual([1, 4, 1]); // ifaComplex; bed12 (opened on day 91); ifaComplex
  });

  it('counts both searches on day 91 as shortfalls, and three moves; the end of the stay is neither a search nor a breakdown', () => {
    expect(y('shortfalls')).toBe(2);
    expect(nonZero(r, 0, 'placementSearchesBySegment')).toEqual({ '10to15.standard': 2 });
    expect(y('moves')).toBe(3);
    expect(y('disruptions')).toBe(0);
    expect(y('unregistered')).toBe(0);
  });

  it('costs the beds as paid whether used or not: P\'s 10 days as her placement, every empty bed-day as a void', () => {
    expect(nonZero(r, 0, 'costByPlacementType')).toMatchObject({ residentialInHouse: expect.closeTo((3000 * 10) / 7, 6) });
    // bed12 is open from day 91 to 31 March 2024 (day 365), 275 days: empty for 265 after P's 10;
    // bedYoung and bedOld are empty all 366 days.
    expect(y('voidCosts')).toBeCloseTo((3000 * (265 + 366 + 366)) / 7, 6);
    expect(nonZero(r, 0, 'voids')).toEqual({ residentialInHouse: 3 });
  });
});

/**
 * The stability measures at their edges (DfE definitions as in the header).
 *
 * Three or more placements, counted as in the SSDA903: a placement counts for a year when it was
 * open on some day of it, so one ceasing on 1 April (its episode's DEC) counts for the year that
 * begins then, as a child ceasing care on 1 April is a leaver of that year (the engine laws count
 * the same way: metrics.laws.property.test.ts).
 * - Z (born 1 Jun 2013, in care since 1 Jan 2022) lives with `a`, which closes on 1 April 2024, the
 *   first day of 2024/25 (day 366): she moves to `b` that day, and when `b` closes on 1 Sep 2024 to
 *   `c`. Her placements during 2024/25: `a`, `b` and `c`, three.
 * - Y (born 1 Jan 2020) came into care on the start date, 1 April 2023, with `y1`; she moves to `y2`
 *   on 1 Oct 2023 and to `y3` on 31 March 2024 (day 365): three placements in 2023/24, the last
 *   begun on the census day.
 * - X (born 1 Jan 2017) came into care on the start date with `x1` and moves to `x2` on 1 Oct 2023:
 *   two placements in 2023/24 (the one she entered care in counted once).
 * Each household takes one age range only, so the starting placements are forced; a household
 * opening on the day another closes is listed first, so it opens before the children search.
 *
 * Long-term stability, under 16 at 31 March: W turns 16 on 31 March 2024 (born 31 Mar 2008) and so
 * is not counted; V turns 16 a day later (born 1 Apr 2008) and is. Both have been in care since
 * 2020; V has lived with `v` since 2021, W with `w` only since 1 Mar 2023.
 */
const stabilityEdgesCase = (): Record<string, unknown> => {
  const s = blankScenarioJson();
  s.years = 2;
  s.matching.allowedTypes = { standard: ['ifa'] };
  const ifa = (id: string, zone: 'TOWN' | 'EDGE' | 'FAR', ages: [number, number], more: Record<string, unknown> = {}) =>
    oneHousehold(id, 'ifa', zone, 1, ages, ['standard'], more);
  s.carers = [
    ifa('c', 'FAR', [8, 11], { opens: '2024-09-01' }),
    ifa('b', 'EDGE', [8, 11], { opens: '2024-04-01', closes: '2024-09-01' }),
    ifa('a', 'TOWN', [8, 11], { closes: '2024-04-01' }),
    ifa('v', 'TOWN', [12, 17]),
    ifa('w', 'TOWN', [12, 17]),
    ifa('y3', 'FAR', [0, 4], { opens: '2024-03-31' }),
    ifa('y2', 'EDGE', [0, 4], { opens: '2023-10-01', closes: '2024-03-31' }),
    ifa('y1', 'TOWN', [0, 4], { closes: '2023-10-01' }),
    ifa('x2', 'EDGE', [5, 7], { opens: '2023-10-01' }),
    ifa('x1', 'TOWN', [5, 7], { closes: '2023-10-01' }),
  ];
  s.initialPopulation.children = [
    childInCare('Z', '2013-06-01', 'standard', 'ifa', '2022-01-01', '2022-01-01', { placementZone: 'TOWN' }),
    childInCare('V', '2008-04-01', 'standard', 'ifa', '2020-01-01', '2021-01-01', { placementZone: 'TOWN' }),
    childInCare('W', '2008-03-31', 'standard', 'ifa', '2020-01-01', '2023-03-01', { placementZone: 'TOWN' }),
    childInCare('Y', '2020-01-01', 'standard', 'ifa', '2023-04-01', '2023-04-01', { placementZone: 'TOWN' }),
    childInCare('X', '2017-01-01', 'standard', 'ifa', '2023-04-01', '2023-04-01', { placementZone: 'TOWN' }),
  ];
  return s;
};

describe('the stability measures at their edges', () => {
  // Before each test, as in case 1.
  let r: ReplicationResult;
  beforeEach(() => {
    r = run(stabilityEdgesCase(), 2);
  });

  it('follows the story', () => {
    expect(r.trace!.violations).toEqual([]);
    expect(story(r)).toEqual([
      [3, dayOf('2023-10-01'), 'match', 'ifa', 'carerLeft'], // Y to y2
      [4, dayOf('2023-10-01'), 'match', 'ifa', 'open'], // X to x2
      [3, dayOf('2024-03-31'), 'match', 'ifa', 'open'], // Y to y3
      [0, dayOf('2024-04-01'), 'match', 'ifa', 'carerLeft'], // Z to b
      [0, dayOf('2024-09-01'), 'match', 'ifa', 'open'], // Z to c
    ]);
  });

  it('three or more placements in 2023/24: Y (y1, y2, y3, the last begun on 31 March), not X (x1, x2): 1 of 5', () => {
    expect(yearOf(r, 0)('threePlusPlacements')).toBeCloseTo(1 / 5, 12);
  });

  it('three or more placements in 2024/25: Z, with `a` (ceased on 1 April), `b` and `c`: 1 of 5', () => {
    expect(yearOf(r, 1)('threePlusPlacements')).toBeCloseTo(1 / 5, 12);
  });

  it('long-term stability at 31 March 2024: V counts (15), W does not (16 that day): 1 of 1', () => {
    // Were W counted, she would be in the denominator only (with `w` for 13 months): 1 of 2.
    expect(yearOf(r, 0)('longTermStability')).toBe(1);
  });
});

/**
 * A market lever's price changes apply from 1 April of its year, to every placement type it names
 * (connected care is the first type in the vocabulary; IFA another). K (born 2015) lives with
 * connected carers at TOWN, L (born 2014) with `ifa`; nobody moves. From 2024/25 connected care
 * costs 20% more and IFA 10% less.
 */
describe('a market lever\'s price changes, from the year it names', () => {
  const marketCase = (): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.years = 2;
    s.carers = [oneHousehold('ifa', 'ifa', 'EDGE', 1, [0, 17], ['standard'])];
    s.levers = [{ lever: 'market', from: '2024/25', priceChanges: { connected: 0.2, ifa: -0.1 } }];
    s.initialPopulation.children = [
      childInCare('K', '2015-05-05', 'standard', 'connected', '2022-01-01', '2022-01-01', { placementZone: 'TOWN' }),
      childInCare('L', '2014-05-05', 'standard', 'ifa', '2022-01-01', '2022-01-01'),
    ];
    return s;
  };

  it('2023/24 at the scenario\'s prices (366 days); 2024/25 at the changed ones (365 days)', () => {
    const r = run(marketCase(), 2);
    expect(nonZero(r, 0, 'costByPlacementType')).toEqual({ connected: expect.closeTo((300 * 366) / 7, 6), ifa: expect.closeTo((900 * 366) / 7, 6) });
    expect(nonZero(r, 1, 'costByPlacementType')).toEqual({ connected: expect.closeTo((300 * 1.2 * 365) / 7, 6), ifa: expect.closeTo((900 * 0.9 * 365) / 7, 6) });
  });
});

/**
 * Leaving care at 18: DfE counts the child as looked after until her 18th birthday, when she
 * ceases. The engine once put the birthday at floor(date of birth + 18 × 365.25 days), the day
 * before the birthday when the 18 years hold five leap days (about half of all children). A child
 * born on 1 April 2006 turns 18 on 1 April 2024: she is looked after at 31 March 2024 and ceases in
 * 2024/25.
 */
describe('leaving care at 18 (DfE: on the 18th birthday)', () => {
  const bornOnFirstApril = (): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.years = 2;
    s.carers = [oneHousehold('supported', 'supported', 'TOWN', 1, [16, 17], ['standard'])];
    s.initialPopulation.children = [childInCare('H', '2006-04-01', 'standard', 'supported', '2022-04-01', '2022-04-01')];
    return s;
  };

  it('leaves on the 18th birthday when the 18 years hold four leap days (born 10 Feb 2006: 10 Feb 2024, day 315)', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('supported', 'supported', 'TOWN', 1, [16, 17], ['standard'])];
    s.initialPopulation.children = [childInCare('D', '2006-02-10', 'standard', 'supported', '2022-09-01', '2022-09-01')];
    expect(run(s, 1).trace!.children[0]!.exitDay).toBe(dayOf('2024-02-10'));
  });

  it('a child turning 18 on 1 April 2024 is looked after at 31 March 2024 and ceases in 2024/25', () => {
    const r = run(bornOnFirstApril(), 2);
    const [y0, y1] = [yearOf(r, 0), yearOf(r, 1)];
    // Before the fix: exit day 365 (31 Mar 2024), childrenInCare 0 at 31 Mar 2024, ceases [1, 0].
    expect(r.trace!.children[0]!.exitDay).toBe(dayOf('2024-04-01'));
    expect(y0('childrenInCare')).toBe(1);
    expect([y0('ceases'), y1('ceases')]).toEqual([0, 1]);
  });
});

/**
 * After a breakdown or a planned move the engine frees the child's place, then searches. The
 * household the placement just ended with is not a candidate: going back to the same carer the
 * same day is no change of placement for DfE, yet would count a move, a move cost and a placement
 * (three or more placements, long-term stability's clock restarted). Before the fix, on the Medway
 * baseline (seed 3, 3 replications of 3 years), 490 of 945 breakdowns and 276 of 470 planned
 * moves ended back with the same household.
 *
 * The case: S (born 5 May 2012, standard) is placed with `town` (IFA, TOWN, 10 miles) on 1 April
 * 2023; it breaks down on day 91 as in case 2. `far` (IFA, FAR, 30 miles, 1 place) opened on
 * 1 May 2023 and is free: the only other carer who could take her.
 */
describe('after a breakdown, a new placement (DfE: a change of carer)', () => {
  const sameCarerCase = (): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.matching.allowedTypes = { standard: ['ifa'] };
    s.disruption.base = { ifa: { '10to15': 52 } };
    s.disruption.byMonthsInPlacement = [{ fromMonths: 0, multiplier: 0 }, { fromMonths: 3, multiplier: 100 }];
    s.carers = [
      oneHousehold('town', 'ifa', 'TOWN', 1, [0, 17], ['standard']),
      oneHousehold('far', 'ifa', 'FAR', 1, [0, 17], ['standard'], { opens: '2023-05-01' }),
    ];
    s.initialPopulation.children = [childInCare('S', '2012-05-05', 'standard', 'ifa', '2022-10-01', '2023-04-01')];
    return s;
  };
  const placements = (): ReplicationTrace['segments'] =>
    run(sameCarerCase(), 1).trace!.segments.filter((s) => s.child === 0).sort((a, b) => a.from - b.from);

  it('the placement with `town` (household 0) breaks down on day 91, when `far` (household 1) is open and free', () => {
    const [first, second] = placements();
    expect([first!.household, first!.from, first!.to, first!.ended]).toEqual([0, 0, 91, 'breakdown']);
    expect(second!.from).toBe(91);
  });

  it('the child is not placed back with the carer whose placement just broke down', () => {
    const [first, second] = placements();
    // `town` (household 0) is nearer, and free again once she has left: she goes to `far`.
    expect([first!.household, second!.household, second!.isMove]).toEqual([0, 1, true]);
  });
});

/**
 * A carer who leaves on a young person's 18th birthday. DfE: care ends on the 18th birthday, so
 * there is no placement that day. The case: Y (born 10 June 2006, standard) lives with `town`
 * (IFA), which closes on 10 June 2024; `far` (opened 1 May 2023) is free. Before the fix she was placed with `far`
 * for a day that ends as it begins (an episode starting on the 18th birthday, which the 903
 * reader refuses).
 */
describe('a carer leaving on the day care ends', () => {
  const s = blankScenarioJson();
  s.matching.allowedTypes = { standard: ['ifa'] };
  s.carers = [
    oneHousehold('town', 'ifa', 'TOWN', 1, [0, 17], ['standard'], { closes: '2024-06-10' }),
    oneHousehold('far', 'ifa', 'FAR', 1, [0, 17], ['standard'], { opens: '2023-05-01' }),
  ];
  s.initialPopulation.children = [childInCare('Y', '2006-06-10', 'standard', 'ifa', '2022-10-01', '2022-10-01')];

  it('ends the placement with care (exit), with no new placement that day, and counts one cease', () => {
    const r = run(s, 2);
    const segs = r.trace!.segments.filter((x) => x.child === 0).sort((a, b) => a.from - b.from);
    expect(segs.map((x) => [x.household, x.to, x.ended])).toEqual([[0, dayOf('2024-06-10'), 'exit']]);
    expect(r.trace!.children[0]!.exitDay).toBe(dayOf('2024-06-10'));
    expect([yearOf(r, 1)('ceases'), yearOf(r, 1)('moves')]).toEqual([1, 0]);
  });
});
