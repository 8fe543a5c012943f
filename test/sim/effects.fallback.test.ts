// Each fallback step (`matching.fallback.steps`) shown by where it sends a child with no suitable
// vacancy, on scenarios that differ only in the fallback settings, run on the same seed.
//
// The worked case (start 1 January 2023 = day 0; no entries, no exits before 18, no breakdowns,
// no planned moves, no external demand): four 12-year-olds live in one in-house household that
// closes on 1 June 2023 (day 151), so all four search that day.
// - A and C have standard needs; B and D complex needs.
// - `ifa`: one IFA household in NEAR, 4 places, ages 0–17, standard needs only.
// - `resi`: one private children's home in FAR, 2 places, ages 8–17, complex needs, opening on
//   1 September 2023 (day 243).
// Complex needs may go to IFA, private residential or supported accommodation (the tiny fixture's
// rules), so on day 151 A and C take IFA places and B and D find no suitable vacancy.
import { describe, expect, it } from 'vitest';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { runReplication } from '../../src/sim/replication.js';
import type { PlacementSegment } from '../../src/sim/state.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { resolveFixture, stillTinyScenarioJson } from '../fixtures/tinyScenario.js';

const CLOSES = 151;
const RESI_OPENS = 243;
const T = (name: (typeof PLACEMENT_TYPES)[number]): number => PLACEMENT_TYPES.indexOf(name);

type Fallback = { steps?: string[]; spotAvailability?: number; retryDays?: number; spotCostMultiplier?: number };

const workedCase = (fallback: Fallback, children?: Record<string, unknown>[]): Record<string, unknown> => {
  const json = stillTinyScenarioJson(2);
  const child = (id: string, need: string): Record<string, unknown> => ({
    id, dateOfBirth: '2010-06-01', need, placementType: 'inHouseFoster', homeZone: 'HOME1', entryDate: '2022-06-01',
  });
  const kids = children ?? [child('A', 'standard'), child('B', 'complex'), child('C', 'standard'), child('D', 'complex')];
  json.initialPopulation.children = kids;
  json.carers = [
    { id: 'closing', type: 'inHouseFoster', households: 1, zones: { HOME1: 1 }, places: kids.length, ageRange: [0, 17], needs: ['standard', 'complex'], closes: '2023-06-01' },
    { id: 'ifa', type: 'ifa', households: 1, zones: { NEAR: 1 }, places: 4, ageRange: [0, 17], needs: ['standard'] },
    { id: 'resi', type: 'residentialPrivate', households: 1, zones: { FAR: 1 }, places: 2, ageRange: [8, 17], needs: ['complex'], opens: '2023-09-01' },
  ];
  json.matching.fallback = { ...json.matching.fallback, ...fallback };
  return json;
};

/** Each child's placements in order, from the trace. */
const histories = (rs: ResolvedScenario, seed = 3, replication = 0): Map<string, PlacementSegment[]> => {
  const r = runReplication(rs, { seed, replication, years: 2, trace: true });
  expect(r.trace!.violations).toEqual([]);
  const out = new Map<string, PlacementSegment[]>();
  for (const s of [...r.trace!.segments].sort((a, b) => a.from - b.from)) {
    const id = rs.initialChildren[s.child]!.id;
    out.set(id, [...(out.get(id) ?? []), s]);
  }
  return out;
};

/** Where each child went on the closing day: [via, placement type, household pool id or '—', zone]. */
const wentTo = (rs: ResolvedScenario, h: Map<string, PlacementSegment[]>, id: string): [string, string, string, string] => {
  const s = h.get(id)!.find((x) => x.from === CLOSES)!;
  return [s.via, PLACEMENT_TYPES[s.type]!, s.household >= 0 ? rs.pools[rs.households[s.household]!.pool]!.id : '—', rs.zones[s.zone]!.code];
};

describe('fallback steps on the worked case', () => {
  it('the children needing a move all search on day 151; the standard-needs children are matched to the IFA carer whatever the fallback', () => {
    for (const steps of [['unregistered'], ['relaxNeeds', 'unregistered'], ['spot', 'unregistered']]) {
      const rs = resolveFixture(workedCase({ steps, spotAvailability: 1 }));
      const h = histories(rs);
      for (const id of ['A', 'B', 'C', 'D']) expect(h.get(id)![0]!.ended).toBe('carerLeft');
      expect(wentTo(rs, h, 'A')).toEqual(['match', 'ifa', 'ifa', 'NEAR']);
      expect(wentTo(rs, h, 'C')).toEqual(['match', 'ifa', 'ifa', 'NEAR']);
    }
  });

  it('`unregistered` alone: the complex-needs children go unregistered, and search again every `retryDays` until the home opens', () => {
    const rs = resolveFixture(workedCase({ steps: ['unregistered'], retryDays: 7 }));
    const h = histories(rs);
    for (const id of ['B', 'D']) {
      expect(wentTo(rs, h, id)).toEqual(['unregistered', 'unregistered', '—', 'FAR']);
      // Searches on days 151 + 7k; the first on or after 243 is day 249.
      const [, unreg, found] = h.get(id)!;
      expect([unreg!.to, unreg!.ended]).toEqual([249, 'found']);
      expect([found!.from, found!.via, PLACEMENT_TYPES[found!.type]]).toEqual([249, 'match', 'residentialPrivate']);
    }
    // Every 30 days instead: 151 + 30 × 4 = 271.
    const slow = histories(resolveFixture(workedCase({ steps: ['unregistered'], retryDays: 30 })));
    expect(slow.get('B')![1]!.to).toBe(271);
    expect(slow.get('B')![1]!.to - RESI_OPENS).toBeLessThan(30);
  });

  it('`relaxNeeds` first: the complex-needs children take the IFA places their carer is not approved for', () => {
    const rs = resolveFixture(workedCase({ steps: ['relaxNeeds', 'unregistered'] }));
    const h = histories(rs);
    for (const id of ['B', 'D']) {
      expect(wentTo(rs, h, id)).toEqual(['relaxNeeds', 'ifa', 'ifa', 'NEAR']);
      expect(h.get(id)![1]!.ended).toBe('open'); // settled: no search goes on from a relaxed match
    }
  });

  it('`relaxNeeds` finds nothing when no household has a free place the child is old enough for: the next step', () => {
    const json = workedCase({ steps: ['relaxNeeds', 'unregistered'] }) as Record<string, any>;
    json.carers[1].ageRange = [0, 10];
    const rs = resolveFixture(json);
    const h = histories(rs);
    for (const id of ['A', 'B', 'C', 'D']) expect(wentTo(rs, h, id)[0]).toBe('unregistered');
  });

  it('`spot` first: a spot purchase of the need\'s spot type, in the spot zones, at the spot price', () => {
    const rs = resolveFixture(workedCase({ steps: ['spot', 'unregistered'], spotAvailability: 1, spotCostMultiplier: 1.25 }));
    const h = histories(rs);
    for (const id of ['B', 'D']) {
      // spotType.complex = residentialPrivate, spotZones = FAR.
      expect(wentTo(rs, h, id)).toEqual(['spot', 'residentialPrivate', '—', 'FAR']);
      const s = h.get(id)!.find((x) => x.from === CLOSES)!;
      // £5,000 a week × 1.25, plus the £200 uplift for complex needs.
      expect(s.weekly).toBe(5000 * 1.25 + 200);
      expect(s.ended).toBe('open'); // a spot purchase is a placement: no search goes on
    }
    const dearer = histories(resolveFixture(workedCase({ steps: ['spot', 'unregistered'], spotAvailability: 1, spotCostMultiplier: 2 })));
    expect(dearer.get('B')!.find((x) => x.from === CLOSES)!.weekly).toBe(5000 * 2 + 200);
  });

  it('`spot` with no spot available (spotAvailability 0): the next step', () => {
    const rs = resolveFixture(workedCase({ steps: ['spot', 'unregistered'], spotAvailability: 0 }));
    const h = histories(rs);
    for (const id of ['B', 'D']) expect(wentTo(rs, h, id)[0]).toBe('unregistered');
  });

  it('steps are tried in order: the first that succeeds places the child', () => {
    const spotFirst = resolveFixture(workedCase({ steps: ['spot', 'relaxNeeds', 'unregistered'], spotAvailability: 1 }));
    const relaxFirst = resolveFixture(workedCase({ steps: ['relaxNeeds', 'spot', 'unregistered'], spotAvailability: 1 }));
    expect(wentTo(spotFirst, histories(spotFirst), 'B')[0]).toBe('spot');
    expect(wentTo(relaxFirst, histories(relaxFirst), 'B')[0]).toBe('relaxNeeds');
    // `unregistered` ends the list: steps after it are never tried.
    const unregisteredFirst = resolveFixture(workedCase({ steps: ['unregistered', 'relaxNeeds', 'spot'], spotAvailability: 1 }));
    expect(wentTo(unregisteredFirst, histories(unregisteredFirst), 'B')[0]).toBe('unregistered');
    // No steps at all: unregistered, which always succeeds.
    const none = resolveFixture(workedCase({ steps: [] }));
    expect(wentTo(none, histories(none), 'B')[0]).toBe('unregistered');
  });
});

describe('spot availability', () => {
  // 60 complex-needs 12-year-olds in the closing household: none can be matched on day 151.
  const many = Array.from({ length: 60 }, (_, i) => ({
    id: `K${i}`, dateOfBirth: '2010-06-01', need: 'complex', placementType: 'inHouseFoster', homeZone: 'HOME1', entryDate: '2022-06-01',
  }));
  const spotShare = (p: number, runs: number): { spot: Set<string>; n: number } => {
    const rs = resolveFixture(workedCase({ steps: ['spot', 'unregistered'], spotAvailability: p }, many));
    const spot = new Set<string>();
    let n = 0;
    for (let rep = 0; rep < runs; rep++) {
      const h = histories(rs, 3, rep);
      for (const [id, segs] of h) {
        const s = segs.find((x) => x.from === CLOSES)!;
        n++;
        expect(['spot', 'unregistered']).toContain(s.via);
        if (s.via === 'spot') spot.add(`${rep}/${id}`);
      }
    }
    return { spot, n };
  };

  it('a child who finds a spot at 30% availability finds one at 60% too (the same draw), and the shares are 30% and 60% (4 SE)', () => {
    const runs = 10;
    const low = spotShare(0.3, runs);
    const high = spotShare(0.6, runs);
    expect(low.n).toBe(600);
    for (const k of low.spot) expect(high.spot.has(k)).toBe(true);
    // Each child's draw is its own stream's uniform: a binomial share.
    for (const [got, p] of [[low.spot.size / low.n, 0.3], [high.spot.size / high.n, 0.6]] as const) {
      expect(Math.abs(got - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / low.n));
    }
  });
});
