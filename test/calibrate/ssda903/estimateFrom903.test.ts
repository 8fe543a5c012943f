// The estimator on the known histories (exact values worked out by hand from the dates in
// test/fixtures/ssda903/knownHistories.ts) and on larger synthetic returns with constant hazards
// (statistical recovery, tolerances from the standard error).
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateFrom903, estimateFromReturns, type Estimates } from '../../../src/calibrate/ssda903/estimateFrom903.js';
import { E } from '../../../src/domain/fp.js';
import type { Gazetteer } from '../../../src/domain/geography.js';
import { EntryRate, Exits, Disruption } from '../../../src/domain/scenario.js';
import type { Returns903 } from '../../../src/domain/ssda903Returns.js';
import { loadGazetteer } from '../../../src/io/geography.js';
import { read903Sources } from '../../../src/io/ssda903Files.js';
import { KNOWN_SOURCES } from '../../fixtures/ssda903/knownHistories.js';
import { DEFAULT_SYNTHETIC, syntheticChildren, syntheticReturns } from '../../fixtures/ssda903/synthetic903.js';
import { day } from '../../fixtures/ssda903/rows.js';
import { expectRight } from '../../fixtures/either.js';

const YEAR = 365.25;
let g: Gazetteer;
let known: Returns903;

const right = <A>(r: E.Either<readonly string[], A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.join('\n'));
  return r.right;
};

beforeAll(async () => {
  g = right(E.mapLeft((m: string) => [m])(loadGazetteer()));
  known = right(await read903Sources(KNOWN_SOURCES)).returns;
});

describe('estimateFrom903 on the known histories (snapshot 31/03/2024, flows from 01/04/2022)', () => {
  let est: Estimates;
  let raw: Estimates;
  beforeAll(() => {
    est = right(estimateFromReturns(known, g));
    raw = right(estimateFromReturns(known, g, { priorEvents: 0 }));
  });

  it('finds the window from the data', () => {
    expect([est.asAt, est.observedFrom]).toEqual(['2024-03-31', '2022-04-01']);
    expect(est.observedYears).toBeCloseTo(731 / YEAR, 6);
  });

  it('counts what each cleaning rule did', () => {
    expect(est.cleaning).toEqual({
      headerRows: 17, headerRepeats: 8, dobConflicts: 0, uascChildren: 1,
      episodeRows: 24, identicalRows: 2, shortBreaks: 2, duplicateStarts: 5, duplicateEnds: 0, truncatedOverlaps: 1, withoutHeader: 0,
      continuationsMerged: 3, temporaryMoves: 1, episodesUsed: 15, children: 8, periods: 8, periodsWithUnknownStart: 1, periodsCensoredEarly: 0, placements: 11,
    });
  });

  it('the population at the snapshot: A, C, G and H, by age band × need × placement type', () => {
    expect(est.population.cells).toEqual([
      { ageBand: '5to9', need: 'standard', placementType: 'inHouseFoster', count: 1 }, // G, back with the same carer after hospital
      { ageBand: '10to15', need: 'standard', placementType: 'ifa', count: 1 }, // A
      { ageBand: '10to15', need: 'standard', placementType: 'residentialInHouse', count: 1 }, // H
      { ageBand: '16plus', need: 'uasc', placementType: 'supported', count: 1 }, // C, K3 since 28/10/2023
    ]);
    expect(est.history.placementsInLast12Months).toEqual({ 1: 0.75, 2: 0.25 }); // H moved in May 2023
    expect(est.history.meanYearsInCare['5to9']).toBeCloseTo((day('2024-04-01') - day('2022-04-15')) / YEAR, 9);
    expect(est.history.threePlusPlacements).toBe(0);
    expect(est.placementMix.atAsAt).toEqual({ inHouseFoster: 0.25, ifa: 0.25, residentialInHouse: 0.25, supported: 0.25 });
  });

  it('starts by age band at entry and need (E started before the data and is not a start)', () => {
    expect(est.entries.starts).toBe(7);
    expect(Object.fromEntries(Object.entries(est.entries.byAgeBand).map(([b, c]) => [b, c.events]))).toEqual({ under1: 0, '1to4': 1, '5to9': 2, '10to15': 2, '16plus': 2 });
    expect(raw.entries.byAgeBand['5to9'].perYear).toBeCloseTo(2 / (731 / YEAR), 9);
    const starts = Object.fromEntries(est.entries.rates.filter((r) => r.starts > 0).map((r) => [`${r.ageBand}/${r.need}`, r.starts]));
    expect(starts).toEqual({ '1to4/disability': 1, '5to9/standard': 2, '10to15/standard': 2, '16plus/standard': 1, '16plus/uasc': 1 });
  });

  it('exit hazards: B home after 395 days (second year in care), I on an SGO in her first; F at 18 and E (start unknown) are not events', () => {
    const h = raw.exits.hazards;
    expect(h['1to4'][0]).toMatchObject({ events: 0, exposureYears: 1 });
    expect(h['1to4'][1]!.events).toBe(1);
    expect(h['1to4'][1]!.exposureYears).toBeCloseTo((395 - YEAR) / YEAR, 9);
    // A and H give a full first year each; I is 10 from 03/03/2023 (dob + 3652.5 days) to 01/09/2023.
    const iFirst = day('2023-09-01') - (day('2013-03-03') + 10 * YEAR);
    expect(h['10to15'][0]!.events).toBe(1);
    expect(h['10to15'][0]!.exposureYears).toBeCloseTo((2 * YEAR + iFirst) / YEAR, 9);
    expect(h['10to15'][0]!.perYear).toBeCloseTo(YEAR / (2 * YEAR + iFirst), 9);
    expect(est.exits.reasonCounts['1to4'].returnHome).toBe(1);
    expect(est.exits.reasonCounts['10to15'].specialGuardianship).toBe(1);
    expect([est.exits.turned18, est.exits.unknownStart]).toEqual([1, 1]);
  });

  it('placement moves: A unplanned (CREQB) and H planned (CARPL) from in-house foster care at 10–15; I\'s corrected start is a move with no reason', () => {
    expect(est.disruption).toMatchObject({ unplanned: 1, planned: 1, otherMoves: 1 });
    expect(est.disruption.base.inHouseFoster?.['10to15']?.events).toBe(1);
    expect(est.disruption.plannedMoves.inHouseFoster?.['10to15']?.events).toBe(1);
    // In-house foster exposure at 10–15: A from May to November 2022, H from July 2022 to May 2023 (I was with an IFA).
    expect(raw.disruption.base.inHouseFoster?.['10to15']?.exposureYears).toBeCloseTo((day('2022-11-01') - day('2022-05-01') + day('2023-05-01') - day('2022-07-01')) / YEAR, 9);
  });

  it('distance by the DfE method, with G\'s blank home postcode "not known"', () => {
    expect(est.distance).toMatchObject({
      children: 4, known: 3, notKnown: { blankPostcode: 1, unknownPostcode: 0 }, unknownPostcodes: [],
      placedOver20Miles: 0, medianMiles: 1.0, laCodes: ['E06000035'],
      locationCategories: { insideUpTo20Miles: 3, insideOver20Miles: 0, outsideUpTo20Miles: 0, outsideOver20Miles: 0, notKnown: 1 },
    });
    expect(est.homeZones).toEqual({ 'ME1 2': 1, 'ME4 4': 1, 'ME7 1': 1 });
  });

  it('gives the scenario\'s own shapes, which its codecs accept', () => {
    for (const r of est.scenario.entries.rates) expectRight(EntryRate.decode(r));
    expectRight(Exits.decode(est.scenario.exits));
    const d = Disruption.decode({ ...est.scenario.disruption, multipliers: { over20Miles: 1, needMismatch: 1, emergency: 1, hub: 1 }, escalationToComplex: 0 });
    expectRight(d);
  });

  it('never leaves a rate at zero when smoothing is on', () => {
    for (const c of Object.values(est.entries.byAgeBand)) expect(c.perYear).toBeGreaterThan(0);
    for (const steps of Object.values(est.exits.hazards)) for (const h of steps) expect(h.perYear).toBeGreaterThan(0);
    for (const t of [est.disruption.base, est.disruption.plannedMoves]) for (const byBand of Object.values(t)) for (const c of Object.values(byBand ?? {})) expect(c!.perYear).toBeGreaterThan(0);
  });

  it('respects --as-at and rejects an empty window or bad options', () => {
    const earlier = right(estimateFromReturns(known, g, { asAt: '2023-03-31' }));
    expect(earlier.population.total).toBe(8); // all eight (D had short breaks only) were in care at 31/03/2023
    expect(E.isLeft(estimateFromReturns(known, g, { asAt: '2021-03-31' }))).toBe(true);
    expect(estimateFromReturns(known, g, { hazardSteps: [1, 2] })).toEqual(E.left(['hazard steps: expected ascending years in care starting at 0, found [1, 2]']));
    expect(estimateFrom903({ header: [], episodes: [], uasc: [] }, g)).toEqual(E.left(['no usable episodes: nothing to estimate from (every episode was dropped by cleaning, or there were none)']));
  });
});

describe('estimateFrom903 recovers constant hazards from synthetic returns', () => {
  // 400 starts a year for three years plus 700 already in care: exit 0.45 a year, moves 0.35 a year
  // (30% CREQB + 10% CHILD unplanned, 40% CARPL planned, 20% OTHER). Rates are pooled over cells,
  // raw (priorEvents 0); each check allows 4 standard errors (SE = √events / exposure, Poisson).
  const o = { ...DEFAULT_SYNTHETIC, seed: 11, startsPerYear: 400, alreadyInCare: 700 };
  let est: Estimates;
  beforeAll(async () => {
    const files = syntheticReturns(syntheticChildren(o), o);
    const returns = right(await read903Sources(Object.entries(files).map(([name, text]) => ({ name, text })))).returns;
    est = right(estimateFromReturns(returns, g, { priorEvents: 0 }));
  });
  const pooled = (cells: readonly { events: number; exposureYears: number }[]) => {
    const events = cells.reduce((s, c) => s + c.events, 0);
    const exposure = cells.reduce((s, c) => s + c.exposureYears, 0);
    return { rate: events / exposure, se: Math.sqrt(events) / exposure, events };
  };

  it('entry rate: starts a year', () => {
    const se = Math.sqrt(est.entries.starts) / est.observedYears;
    expect(Math.abs(est.entries.startsPerYear - o.startsPerYear)).toBeLessThan(4 * se);
  });
  it('exit hazard, censoring and delayed entry handled', () => {
    const p = pooled(Object.values(est.exits.hazards).flat());
    expect(p.events).toBeGreaterThan(500);
    expect(Math.abs(p.rate - o.exitPerYear)).toBeLessThan(4 * p.se);
  });
  it('unplanned and planned move rates', () => {
    const cells = (t: typeof est.disruption.base) => Object.values(t).flatMap((b) => Object.values(b ?? {}).map((c) => c!));
    const unplanned = pooled(cells(est.disruption.base));
    const planned = pooled(cells(est.disruption.plannedMoves));
    expect(Math.abs(unplanned.rate - 0.4 * o.movePerYear)).toBeLessThan(4 * unplanned.se);
    expect(Math.abs(planned.rate - 0.4 * o.movePerYear)).toBeLessThan(4 * planned.se);
  });
});
