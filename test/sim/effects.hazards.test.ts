// Each breakdown multiplier shown by its effect: two scenarios that differ only in one factor,
// run on the same seed. Common random numbers give every child the same placements and the same
// unit-exponential breakdown budget in both, so a placement the factor applies to breaks down at
// exactly the budget spent at the new rate, and every other placement ends on the same day.
//
// The worked authority: every child lives in HOME1. Three in-house foster households of 100
// places each (never full, so no match depends on another child's fate): `near` and `nearHub`
// (in a hub) in NEAR, 10.6 miles from home, and `far` in FAR, 28.9 miles away. All approve
// standard needs only. Breakdowns 0.5 a year in every age band, no planned moves, no exits before
// 18, no time-in-placement steps, no external demand. 60 children aged 10–15 at the start, placed
// at random among the three households; 30 standard and 30 complex entrants a year aged 10–15,
// matched to NEAR (the nearest); complex entrants find no carer approved for their needs and are
// placed through the `relaxNeeds` fallback (a need mismatch).
import { describe, expect, it } from 'vitest';
import { financialYearsFrom } from '../../src/domain/time.js';
import { AGE_BANDS, PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { OVER_20_MILES } from '../../src/domain/geography.js';
import { metricIndex, METRIC_COUNT } from '../../src/domain/metricCatalog.js';
import { breakdownRisk } from '../../src/matching/referral/disruptionRisk.js';
import { matchContext } from '../../src/matching/referral/context.js';
import { runReplication, type ReplicationResult } from '../../src/sim/replication.js';
import type { PlacementSegment } from '../../src/sim/state.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { resolveFixture, tinyScenarioJson } from '../fixtures/tinyScenario.js';

const RATE = 0.5; // breakdowns a year, in-house foster, every age band
const RUNS = 20;

type Multipliers = { over20Miles: number; needMismatch: number; emergency: number; hub: number; emergencyDays?: number };

const effectsJson = (multipliers: Partial<Multipliers> = {}, opts: { emergencyShare?: number; years?: number } = {}): Record<string, unknown> => {
  const json = tinyScenarioJson() as Record<string, any>;
  json.years = opts.years ?? 2;
  json.geography.homeZones = { HOME1: 1 };
  json.initialPopulation = {
    counts: [{ ageBand: '10to15', need: 'standard', placementType: 'inHouseFoster', count: 60 }],
    history: { placementsInLast12Months: { '1': 1 }, meanYearsInCare: { '10to15': 2 } },
  };
  json.entries = {
    rates: [{ ageBand: '10to15', need: 'standard', perYear: 30 }, { ageBand: '10to15', need: 'complex', perYear: 30 }],
    emergencyShare: opts.emergencyShare ?? 0,
  };
  json.routes = { byAgeBand: {} };
  json.exits.hazards = Object.fromEntries(AGE_BANDS.map((b) => [b, [{ fromYearsInCare: 0, perYear: 0 }]]));
  const pool = (id: string, zone: string, hubShare: number): Record<string, unknown> => ({
    id, type: 'inHouseFoster', households: 1, zones: { [zone]: 1 }, places: 100, ageRange: [0, 17], needs: ['standard'], hubShare,
  });
  json.carers = [pool('near', 'NEAR', 0), pool('nearHub', 'NEAR', 1), pool('far', 'FAR', 0)];
  json.externalDemand = [];
  json.disruption = {
    base: { inHouseFoster: Object.fromEntries(AGE_BANDS.map((b) => [b, RATE])) },
    plannedMoves: {},
    multipliers: { over20Miles: 1, needMismatch: 1, emergency: 1, hub: 1, ...multipliers },
    escalationToComplex: 0,
  };
  json.matching.hierarchy = ['inHouseFoster'];
  delete json.matching.hierarchyByAgeBand;
  json.matching.allowedTypes = { standard: ['inHouseFoster'], complex: ['inHouseFoster'] };
  json.matching.fallback.steps = ['relaxNeeds', 'unregistered'];
  return json;
};

const horizonOf = (rs: ResolvedScenario): number => financialYearsFrom(rs.startEpochDay, rs.defaultYears).at(-1)!.endDay + 1;

/** Each child's first placement in the run (the one with the earliest start). */
const firstPlacements = (r: ReplicationResult): Map<number, PlacementSegment> => {
  const out = new Map<number, PlacementSegment>();
  for (const s of r.trace!.segments) {
    const prev = out.get(s.child);
    if (prev === undefined || s.from < prev.from) out.set(s.child, s);
  }
  return out;
};

const run = (rs: ResolvedScenario, replication: number): ReplicationResult => runReplication(rs, { seed: 11, replication, years: rs.defaultYears, trace: true });

/**
 * Checks, child by child, that the option's first placement is the base's, ending on the same day
 * where `applies` is false, and where it is true at the time the base's budget takes under the new
 * rate: `newTime(τ)` days into the placement for a budget the base spent in τ days. The base only
 * shows τ to the day (an ending on day d means τ in [d, d + 1), open at the horizon means τ past
 * it), so the option's day must lie in what `newTime` makes of that interval. Returns the number
 * of placements the factor applied to and how many of them broke down within the horizon in each.
 */
const compareFirstPlacements = (
  base: ResolvedScenario, option: ResolvedScenario, applies: (s: PlacementSegment, r: ReplicationResult) => boolean,
  newTime: (tau: number) => number, runs = RUNS,
): { applied: number; brokeBase: number; brokeOption: number; others: number } => {
  const horizon = horizonOf(base);
  const tally = { applied: 0, brokeBase: 0, brokeOption: 0, others: 0 };
  for (let rep = 0; rep < runs; rep++) {
    const a = run(base, rep);
    const b = run(option, rep);
    const fa = firstPlacements(a);
    const fb = firstPlacements(b);
    expect([...fb.keys()].sort((x, y) => x - y)).toEqual([...fa.keys()].sort((x, y) => x - y));
    for (const [child, sa] of fa) {
      const sb = fb.get(child)!;
      // The same placement in both: same household, zone, start and route.
      expect([sb.household, sb.zone, sb.from, sb.via, sb.type]).toEqual([sa.household, sa.zone, sa.from, sa.via, sa.type]);
      if (!applies(sa, a)) {
        expect([child, sb.to, sb.ended]).toEqual([child, sa.to, sa.ended]);
        tally.others++;
        continue;
      }
      tally.applied++;
      if (sa.ended === 'breakdown') tally.brokeBase++;
      if (sb.ended === 'breakdown') tally.brokeOption++;
      expect(['breakdown', 'open']).toContain(sa.ended);
      expect(['breakdown', 'open']).toContain(sb.ended);
      const s0 = Math.max(sa.from, 0); // the hazard runs from the start date for the starting population
      const durA = sa.to - s0;
      // An ending is scheduled on day max(start + 1, ⌊start + τ⌋).
      const [lo, hi] = sa.ended === 'breakdown' ? [durA === 1 ? 0 : durA, durA + 1] : [horizon - s0, Number.POSITIVE_INFINITY];
      const [newLo, newHi] = [newTime(lo), newTime(hi)];
      if (sb.ended === 'breakdown') {
        const durB = sb.to - s0;
        expect(durB, `child ${child}: base ended day ${sa.to}`).toBeGreaterThanOrEqual(Math.max(1, Math.floor(newLo)));
        expect(durB, `child ${child}: base ended day ${sa.to}`).toBeLessThanOrEqual(Math.max(1, Math.floor(newHi)));
      } else {
        expect(newHi, `child ${child}: open in the option, base ended day ${sa.to}`).toBeGreaterThanOrEqual(horizon - s0);
      }
    }
  }
  return tally;
};

const milesOf = (rs: ResolvedScenario, r: ReplicationResult, s: PlacementSegment): number =>
  rs.distance[r.trace!.children[s.child]!.homeZone * rs.zones.length + s.zone]!;

const totalDisruptions = (rs: ResolvedScenario, runs = RUNS): number => {
  let sum = 0;
  for (let rep = 0; rep < runs; rep++) {
    const rows = runReplication(rs, { seed: 11, replication: rep, years: rs.defaultYears }).rows;
    for (let k = 0; k < rs.defaultYears; k++) sum += rows[k * METRIC_COUNT + metricIndex('disruptions')]!;
  }
  return sum;
};

describe('the worked authority', () => {
  it('has placements of every kind the multipliers tell apart', () => {
    const rs = resolveFixture(effectsJson());
    const r = run(rs, 0);
    const first = [...firstPlacements(r).values()];
    expect(first.some((s) => milesOf(rs, r, s) > OVER_20_MILES)).toBe(true);
    expect(first.some((s) => milesOf(rs, r, s) <= OVER_20_MILES)).toBe(true);
    expect(first.some((s) => s.via === 'relaxNeeds')).toBe(true);
    expect(first.some((s) => s.household >= 0 && rs.households[s.household]!.hub)).toBe(true);
    expect(first.some((s) => s.household >= 0 && !rs.households[s.household]!.hub)).toBe(true);
    expect(r.trace!.violations).toEqual([]);
  });
});

describe('over 20 miles', () => {
  it('× 2 halves the time to breakdown of every placement over 20 miles from home, and of no other', () => {
    const base = resolveFixture(effectsJson());
    const option = resolveFixture(effectsJson({ over20Miles: 2 }));
    const t = compareFirstPlacements(base, option, (s, r) => milesOf(base, r, s) > OVER_20_MILES, (tau) => tau / 2);
    expect(t.applied).toBeGreaterThan(100);
    expect(t.others).toBeGreaterThan(100);
    // Size: over the horizon (456 days from the start) a far placement breaks down with chance
    // 1 − exp(−0.5 × 456/365.25) = 46% at × 1 and 71% at × 2. Every base breakdown is also one in the
    // option (the same budget, spent faster).
    expect(t.brokeOption).toBeGreaterThan(t.brokeBase);
    const se = (p: number): number => Math.sqrt((p * (1 - p)) / t.applied);
    const days = horizonOf(base);
    expect(days).toBe(456);
    const p1 = 1 - Math.exp(-RATE * (days / 365.25));
    const p2 = 1 - Math.exp(-2 * RATE * (days / 365.25));
    // 4 standard errors of a binomial share (the budgets are independent unit exponentials).
    expect(Math.abs(t.brokeBase / t.applied - p1)).toBeLessThan(4 * se(p1));
    expect(Math.abs(t.brokeOption / t.applied - p2)).toBeLessThan(4 * se(p2));
  });

  it('raises the year\'s disruptions', () => {
    expect(totalDisruptions(resolveFixture(effectsJson({ over20Miles: 2 })))).toBeGreaterThan(totalDisruptions(resolveFixture(effectsJson())));
  });
});

describe('need mismatch', () => {
  it('× 3 cuts to a third the time to breakdown of placements made by relaxing needs, and of no other', () => {
    const base = resolveFixture(effectsJson());
    const option = resolveFixture(effectsJson({ needMismatch: 3 }));
    const t = compareFirstPlacements(base, option, (s) => s.via === 'relaxNeeds', (tau) => tau / 3);
    expect(t.applied).toBeGreaterThan(100);
    expect(t.brokeOption).toBeGreaterThan(t.brokeBase);
  });

  it('raises the year\'s disruptions', () => {
    expect(totalDisruptions(resolveFixture(effectsJson({ needMismatch: 3 })))).toBeGreaterThan(totalDisruptions(resolveFixture(effectsJson())));
  });
});

describe('hub support', () => {
  it('× 0.5 doubles the time to breakdown of placements with hub households, and of no other', () => {
    const base = resolveFixture(effectsJson());
    const option = resolveFixture(effectsJson({ hub: 0.5 }));
    const t = compareFirstPlacements(base, option, (s) => s.household >= 0 && base.households[s.household]!.hub, (tau) => tau * 2);
    expect(t.applied).toBeGreaterThan(100);
    expect(t.brokeOption).toBeLessThan(t.brokeBase);
  });

  it('lowers the year\'s disruptions', () => {
    expect(totalDisruptions(resolveFixture(effectsJson({ hub: 0.5 })))).toBeLessThan(totalDisruptions(resolveFixture(effectsJson())));
  });
});

describe('emergency placement', () => {
  // Every entrant is an emergency; the starting population is not (it is already placed).
  const entrant = (s: PlacementSegment, r: ReplicationResult): boolean => !r.trace!.children[s.child]!.initial;
  const noFactor = resolveFixture(effectsJson({}, { emergencyShare: 1 }));

  it('× 4 for the whole placement: a quarter of the time to breakdown for entrants\' first placements, none for others', () => {
    const whole = resolveFixture(effectsJson({ emergency: 4 }, { emergencyShare: 1 }));
    const t = compareFirstPlacements(noFactor, whole, entrant, (tau) => tau / 4);
    expect(t.applied).toBeGreaterThan(100);
    expect(t.brokeOption).toBeGreaterThan(t.brokeBase);
  });

  it('× 4 for the first 28 days: a budget spent within them takes a quarter of the time; after them the rate is the ordinary one', () => {
    // Cumulative hazard at rate r: 4 r t up to day 28, then 4 r × 28 + r (t − 28). The base spends
    // a budget in τ days; the option in τ / 4 if τ < 112, else τ − 84.
    const windowed = resolveFixture(effectsJson({ emergency: 4, emergencyDays: 28 }, { emergencyShare: 1 }));
    const t = compareFirstPlacements(noFactor, windowed, entrant, (tau) => (tau < 112 ? tau / 4 : tau - 84));
    expect(t.applied).toBeGreaterThan(100);
    expect(t.brokeOption).toBeGreaterThan(t.brokeBase);
  });

  it('the first 28 days of a windowed emergency factor are the whole-placement factor\'s, to the day', () => {
    const whole = resolveFixture(effectsJson({ emergency: 4 }, { emergencyShare: 1 }));
    const windowed = resolveFixture(effectsJson({ emergency: 4, emergencyDays: 28 }, { emergencyShare: 1 }));
    let early = 0;
    for (let rep = 0; rep < 5; rep++) {
      const fw = firstPlacements(run(whole, rep));
      const fd = firstPlacements(run(windowed, rep));
      for (const [child, sw] of fw) {
        if (sw.ended !== 'breakdown' || sw.to - sw.from >= 28) continue;
        early++;
        expect([child, fd.get(child)!.to, fd.get(child)!.ended]).toEqual([child, sw.to, 'breakdown']);
      }
    }
    expect(early).toBeGreaterThan(5);
  });

  it('a window longer than the horizon gives the same rows as the whole-placement factor', () => {
    const whole = resolveFixture(effectsJson({ emergency: 4 }, { emergencyShare: 1 }));
    const forever = resolveFixture(effectsJson({ emergency: 4, emergencyDays: 6_575 }, { emergencyShare: 1 }));
    for (let rep = 0; rep < 3; rep++) {
      expect(Array.from(runReplication(forever, { seed: 11, replication: rep, years: 2 }).rows))
        .toEqual(Array.from(runReplication(whole, { seed: 11, replication: rep, years: 2 }).rows));
    }
  });

  it('the simulated 12-month breakdown share of emergency first placements is the match tool\'s predicted risk (4 SE)', () => {
    // Three years, entrants of the first 455 days: each first placement is followed a full year.
    const rs = resolveFixture(effectsJson({ emergency: 4, emergencyDays: 28 }, { emergencyShare: 1, years: 3 }));
    const model = matchContext(rs, rs.startEpochDay).disruption;
    const inHouse = PLACEMENT_TYPES.indexOf('inHouseFoster');
    // A 12-year-old at 10.6 miles, not in a hub: risk = 1 − exp(−0.5 × (365.25 + 3 × 28) / 365.25) = 45.9%.
    const predicted = breakdownRisk(model, inHouse, rs.startEpochDay - 12 * 365.25, rs.startEpochDay, { milesFromHome: 10.6, emergency: true, hub: false });
    expect(predicted).toBeCloseTo(1 - Math.exp(-RATE * (365.25 + 3 * 28) / 365.25), 12);
    let n = 0;
    let broke = 0;
    for (let rep = 0; rep < RUNS; rep++) {
      const r = run(rs, rep);
      for (const s of firstPlacements(r).values()) {
        const child = r.trace!.children[s.child]!;
        // Every entrant's first placement counts: the other factors are 1 here (hub, mismatch; all are within 20 miles).
        if (child.initial || s.from > 455) continue;
        n++;
        // An ending on day ⌊start + τ⌋ within 365 days of the start: τ < 366, the risk horizon of 365.25 days give or take a day.
        if (s.ended === 'breakdown' && s.to - s.from <= 365) broke++;
      }
    }
    expect(n).toBeGreaterThan(1000);
    const se = Math.sqrt((predicted * (1 - predicted)) / n);
    // 4 standard errors plus the day's rounding (at most 0.75 days × 0.5 a year ≈ 0.1 percentage points).
    expect(Math.abs(broke / n - predicted)).toBeLessThan(4 * se + 0.002);
  });
});
