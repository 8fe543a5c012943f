import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { decodeScenarioObject } from '../fixtures/decode.js';
import { resolveFixture, tinyScenario, tinyScenarioJson } from '../fixtures/tinyScenario.js';
import { expectRight, rightOf } from '../fixtures/either.js';

const problems = (mutate: (s: Record<string, any>) => void): string[] => {
  const json = tinyScenarioJson() as Record<string, any>;
  mutate(json);
  const r = resolveScenario(decodeScenarioObject(json), new Map([['ME4 4', { easting: 576000, northing: 167000, laCode: 'E06000035' }]]), { file: 's.json' });
  return E.isLeft(r) ? r.left : [];
};

describe('resolveScenario', () => {
  it('resolves a good scenario into households, zones and distances', () => {
    const rs = tinyScenario();
    expect(rs.households).toHaveLength(6 + 8 + 2 + 3);
    expect(rs.households.filter((h) => h.pool === 0 && h.hub)).toHaveLength(3); // hubShare 0.5 of 6
    expect(rs.zones.map((z) => z.code)).toContain('FAR');
    const n = rs.zones.length;
    expect(rs.distance[0 * n + 0]).toBe(0);
    expect(rs.initialChildren).toHaveLength(21);
  });

  it('looks zones up in the gazetteer and marks them inside by local-authority code', () => {
    const json = tinyScenarioJson() as Record<string, any>;
    json.geography.laCodes = ['E06000035'];
    json.geography.homeZones = { 'me4  4': 1 };
    const r = resolveScenario(decodeScenarioObject(json), new Map([['ME4 4', { easting: 576000, northing: 167000, laCode: 'E06000035' }]]), { file: 's.json' });
    expectRight(r);
    expect(rightOf(r).zones.find((z) => z.code === 'ME4 4')?.inside).toBe(true);
  });

  it('reports every cross-field problem at once, naming file and JSON path', () => {
    const lines = problems((s) => {
      s.geography.homeZones = { NOWHERE: 1 };
      s.carers[0].ageRange = [12, 4];
      s.carers[1].id = 'inhouse';
      s.exits.hazards.under1 = [{ fromYearsInCare: 1, perYear: 0.5 }];
      s.routes.byAgeBand.under1 = { connected: 0.7, placedWithParents: 0.6 };
      delete s.matching.fallback.spotType.uasc;
      s.carers[0].places = { '0': 1 };
    });
    expect(lines).toEqual(expect.arrayContaining([
      's.json: $.geography.homeZones.NOWHERE: expected a zone defined in geography.zones or a UK postcode sector/district, found "NOWHERE"',
      's.json: $.carers[0].ageRange: expected [youngest, oldest] with youngest ≤ oldest, found [12, 4]',
      's.json: $.carers[1].id: expected a unique pool id, found "inhouse" again',
      's.json: $.exits.hazards.under1[0].fromYearsInCare: expected 0 for the first step, found 1',
      's.json: $.routes.byAgeBand.under1: expected route shares summing to at most 1, found 1.300',
      's.json: $.matching.fallback.spotType.uasc: expected the carer type a spot purchase buys for uasc needs (fallback steps include "spot"), found nothing',
      's.json: $.carers[0].places["0"]: expected a whole number ≥ 1 as key, found "0"',
    ]));
  });

  it('asks for a weekly cost for every placement type the scenario uses', () => {
    const lines = problems((s) => {
      delete s.costs.weekly.connected;
    });
    expect(lines).toEqual(['s.json: $.costs.weekly.connected: expected a weekly cost for connected (it is used by the scenario), found nothing']);
  });
});

describe('an explicit list of children in care at the start', () => {
  it('places each child as recorded, with its history, instead of counts', async () => {
    const { runReplication } = await import('../../src/sim/replication.js');
    const json = tinyScenarioJson() as Record<string, any>;
    json.initialPopulation.counts = [];
    json.initialPopulation.children = [
      { id: 'A', dateOfBirth: '2010-05-01', need: 'complex', placementType: 'residentialPrivate', homeZone: 'HOME1', entryDate: '2019-02-01', placementStartDate: '2022-06-01', placementsInLast12Months: 3 },
      { id: 'B', dateOfBirth: '2020-01-10', need: 'standard', placementType: 'connected', homeZone: 'HOME2', placementZone: 'NEAR', entryDate: '2022-11-01' },
    ];
    json.entries.rates = [];
    json.exits.hazards = Object.fromEntries(['under1', '1to4', '5to9', '10to15', '16plus'].map((b) => [b, [{ fromYearsInCare: 0, perYear: 0 }]]));
    json.disruption.base = {};
    json.disruption.plannedMoves = {};
    const rs = resolveFixture(json);
    expect(rs.initialChildren.map((c) => [c.id, c.ageBand, c.entryDay, c.placementStartDay])).toEqual([
      ['A', 3, -1430, -214], ['B', 1, -61, undefined],
    ]);
    const r = runReplication(rs, { seed: 1, replication: 0, years: 1, trace: true });
    const seg = r.trace!.segments;
    expect(seg.map((s) => [s.child, s.type, s.from])).toEqual([[0, 4, -214], [1, 0, -61]]);
    expect(rs.zones[seg[1]!.zone]!.code).toBe('NEAR');
    // Long-term stability at 31 March 2023: A is under 16 and in care since 2019 (2.5 years or
    // more) but in its placement only since June 2022 (under 2 years); B has been in care under
    // 2.5 years, so is not counted. 0 of 1.
    const { metricIndex } = await import('../../src/domain/metricCatalog.js');
    expect(r.rows[metricIndex('longTermStability')]).toBe(0);
    expect(r.rows[metricIndex('childrenInCareByPlacementType.residentialPrivate')]).toBe(1);
  });
});

describe('resolveScenario: totals within plausible bounds', () => {
  const resolveTiny = (mutate: (s: Record<string, any>) => void) => {
    const json = tinyScenarioJson() as Record<string, any>;
    mutate(json);
    return resolveScenario(decodeScenarioObject(json), new Map(), { file: 's.json' });
  };

  it('refuses households beyond the total bound without laying them out (3 pools of 40,000, each within its own bound)', () => {
    const started = Date.now();
    const r = resolveTiny((s) => {
      for (const i of [1, 2, 3]) s.carers[i].households = 40_000;
    });
    expect(E.isLeft(r) && r.left).toEqual([
      's.json: $.carers: expected at most 100,000, found 120,012 households in all pools, with those recruited over 3 years (more than every fostering household and children\'s home in England: the model would not fit in memory)',
    ]);
    expect(Date.now() - started).toBeLessThan(2_000); // nothing laid out
  });

  it('counts recruitment over the horizon and entries grown by the trend', () => {
    const r = resolveTiny((s) => {
      s.carers[0].recruitment.householdsPerYear = 9_000;
      s.years = 20;
      s.entries.annualTrend = 0.9;
    });
    expect(E.isLeft(r) && r.left).toEqual([
      's.json: $.carers: expected at most 100,000, found 180,019 households in all pools, with those recruited over 20 years (more than every fostering household and children\'s home in England: the model would not fit in memory)',
      's.json: $.entries: expected at most 100,000, found 6,390,295 entries a year by year 20, with the trend (three times all children starting care in England in a year, about 33,000)',
    ]);
  });

  it('warns above the warning level, and the warning names the file and the path', () => {
    const r = resolveTiny((s) => {
      s.externalDemand[0].arrivalsPerYear = 6_000;
      s.initialPopulation.counts[0].count = 5_500;
    });
    expect(rightOf(r).warnings).toEqual([
      's.json: $.initialPopulation: 5,515 children in care at the start, above 5,000: more than any one authority looks after, the largest about 2,500; fine for a region, and runs take longer',
      's.json: $.externalDemand: 6,000 children placed by other authorities a year, above 5,000: more than any one area receives from other authorities; fine for a region, and runs take longer',
    ]);
    expect(tinyScenario().warnings).toEqual([]);
  });

  it('refuses a count distribution reaching past its bound', () => {
    expect(problems((s) => {
      s.carers[0].places = { '1': 0.5, '500': 0.5 };
      s.entries.siblingGroups.sizes = { '2': 0.5, '40': 0.5 };
    })).toEqual([
      's.json: $.carers[0].places["500"]: expected a whole number from 1 to 100 as key, found "500" (no household or home has that many places; describe a large provider as several households)',
      's.json: $.entries.siblingGroups.sizes["40"]: expected a whole number from 2 to 20 as key, found "40" (larger than any sibling group in care)',
    ]);
  });

  it('refuses more distinct zones than a distance table can hold', () => {
    const lines = problems((s) => {
      s.geography.zones = Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => [`Z${i}`, { easting: 500_000 + i, northing: 150_000 }]));
      s.geography.homeZones = Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => [`Z${i}`, 1]));
      s.carers = s.carers.map((c: Record<string, unknown>) => ({ ...c, zones: { Z0: 1 } }));
      s.matching.fallback.spotZones = { Z1: 1 };
    });
    expect(lines).toEqual([
      's.json: $.geography: expected at most 5,000, found 5,001 distinct zones named in the scenario (the distance table would hold over 25 million entries; use postcode districts rather than sectors for a wide area)',
    ]);
  });
});
