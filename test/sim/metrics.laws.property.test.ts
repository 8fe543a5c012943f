// Every count and fraction of the catalogue recomputed from the trace of a replication, on
// generated scenarios: what the rows say must be what happened to the children in the trace.
// Each law restates the measure from its definition (DfE where there is one), reading the
// placements (segments), the children's entry and exit days and the households, never the
// engine's own counters.
//
// The generated authorities start on 1 April 2023, so the first financial year is whole and no
// simulated year reaches back before the start, and every starting child has had one placement
// in the last 12 months (the trace holds no placement from before the start date: with more, a
// history placement could fall in a year and the law could not see it).
// NEAR is put exactly 20.0 miles from HOME1 (21.5 from HOME2), so the "over 20 miles" boundary is met.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financialYearsFrom, type FinancialYear } from '../../src/domain/time.js';
import { AGE_BANDS, AGE_BAND_LOWER_YEARS, NEEDS, PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { bandIndexAt, eighteenthBirthday } from '../../src/sim/hazards.js';
import type { SimDay } from '../../src/domain/units.js';
import { runReplication, type ReplicationResult, type ReplicationTrace } from '../../src/sim/replication.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { scenarioArbitrary } from '../fixtures/arbitraries.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';

const RUNS = { numRuns: 60, seed: 20261204 };
const DAYS_PER_YEAR = 365.25;
const UNREGISTERED = PLACEMENT_TYPES.indexOf('unregistered');

type Segment = ReplicationTrace['segments'][number];

/** Carers enough to place most children: generated pools alone leave most unregistered, and the laws would see few placements end. */
const WELL_SUPPLIED = [
  { id: 'nearIfa', type: 'ifa', households: 6, zones: { NEAR: 1 }, places: 2, ageRange: [0, 17], needs: ['standard', 'complex'], deregistration: { perYear: 0.2 } },
  { id: 'farHome', type: 'residentialPrivate', households: 2, zones: { FAR: 1 }, places: 3, ageRange: [8, 17], needs: ['complex'], deregistration: { perYear: 0.2 } },
  { id: 'localFoster', type: 'inHouseFoster', households: 4, zones: { HOME2: 1 }, places: 1, ageRange: [0, 17], needs: ['standard'], deregistration: { perYear: 0.2 } },
];

/**
 * The generated scenarios made busier (more entries and breakdowns), half of them well supplied,
 * sometimes with an emergency bed (a failed search waits there, then falls back), a step-down
 * lever, and other breakdown multipliers over 20 miles and for relaxed needs.
 */
const lawScenario = fc.tuple(
  scenarioArbitrary,
  fc.integer({ min: 1, max: 3 }),
  fc.boolean(),
  fc.option(fc.record({ afterMonths: fc.integer({ min: 1, max: 12 }), successProbability: fc.constantFrom(0.5, 1) }), { nil: undefined }),
  fc.constantFrom(0, 1, 1.5),
  fc.constantFrom(0, 1, 2),
  fc.boolean(),
).map(([json, busier, emergency, stepDown, over20Miles, needMismatch, wellSupplied]) => {
  const s = structuredClone(json) as Record<string, any>;
  s.startDate = '2023-04-01';
  s.geography.zones.NEAR = { easting: 575000, northing: 200186, inside: false }; // 32,186 m from HOME1: 20.0 miles
  s.initialPopulation.history.placementsInLast12Months = { '1': 1 };
  s.entries.rates = s.entries.rates.map((r: { perYear: number }) => ({ ...r, perYear: 2 + r.perYear * busier }));
  s.disruption.base = Object.fromEntries(Object.entries(s.disruption.base as Record<string, Record<string, number>>)
    .map(([type, byBand]) => [type, Object.fromEntries(Object.entries(byBand).map(([b, x]) => [b, 0.1 + x * busier]))]));
  s.disruption.multipliers = { ...s.disruption.multipliers, over20Miles, needMismatch };
  if (wellSupplied) s.carers = [...s.carers, ...WELL_SUPPLIED];
  if (emergency) {
    s.carers = [...s.carers, {
      id: 'emergency', type: 'supported', households: 1, zones: { HOME1: 1 }, places: 2, ageRange: [0, 17], needs: ['standard', 'complex'], emergencyOnly: { maxStayDays: 10 },
    }];
  }
  if (stepDown !== undefined) s.levers = [{ lever: 'stepDown', ...stepDown, costPerStepDown: 1000 }];
  return s;
});

/** Breakdown multipliers of 0 over 20 miles and for placements made by relaxing the need, which is tried first. */
const zeroMultipliers = lawScenario.map((json) => {
  const s = structuredClone(json);
  s.disruption.multipliers = { ...s.disruption.multipliers, over20Miles: 0, needMismatch: 0 };
  s.matching.fallback.steps = ['relaxNeeds', ...s.matching.fallback.steps.filter((x: string) => x !== 'relaxNeeds')];
  return s;
});

/** No carer leaving: every household in the trace is open from its first day to the end; half the time, other authorities busy in IFA places. */
const noLeaving = fc.tuple(lawScenario, fc.boolean()).map(([json, busyNeighbours]) => {
  const s = structuredClone(json);
  s.carers = s.carers.map((c: Record<string, unknown>) => ({ ...c, deregistration: { perYear: 0 } }));
  if (busyNeighbours) s.externalDemand = [{ carerType: 'ifa', arrivalsPerYear: 8, meanStayDays: 300 }];
  return s;
});

/** And no other authorities' children: every household's occupants are placements in the trace. */
const closedWorld = noLeaving.map((json) => ({ ...json, externalDemand: [] }));

interface Run {
  readonly rs: ResolvedScenario;
  readonly r: ReplicationResult;
  readonly t: ReplicationTrace;
  readonly years: FinancialYear[];
  readonly horizon: number;
  readonly row: (k: number, key: string) => number;
  /** Each child's placements in time order. */
  readonly byChild: Map<number, Segment[]>;
}

const simulate = (json: Record<string, unknown>): Run => {
  const rs = resolveFixture(json);
  const r = runReplication(rs, { seed: 7, replication: 0, years: rs.defaultYears, trace: true });
  const years = financialYearsFrom(rs.startEpochDay, rs.defaultYears);
  const byChild = new Map<number, Segment[]>();
  for (const s of r.trace!.segments) byChild.set(s.child, [...(byChild.get(s.child) ?? []), s]);
  for (const segs of byChild.values()) segs.sort((a, b) => a.from - b.from || a.to - b.to);
  return {
    rs, r, t: r.trace!, years, horizon: years[years.length - 1]!.endDay + 1,
    row: (k, key) => r.rows[k * METRIC_COUNT + metricIndex(key)]!,
    byChild,
  };
};

/** How often a law met each kind of case, so that a law that held only vacuously fails. */
const tally = (): { add: (what: string, n?: number) => void; seen: Record<string, number> } => {
  const seen: Record<string, number> = {};
  return { add: (what, n = 1) => { seen[what] = (seen[what] ?? 0) + n; }, seen };
};

/**
 * Share of RUNS.numRuns that fast-check runs: 1 under `npm test`; under `npm run mutation` every property is
 * capped at MUTATION_FC_RUNS cases (test/mutation/propertyRunCap.setup.ts), so the counts below scale down.
 */
const runShare = Math.min(1, Number(process.env.MUTATION_FC_RUNS ?? 0) > 0 ? Number(process.env.MUTATION_FC_RUNS) / RUNS.numRuns : 1);

/** How often a case must be met in the cases run: all of `n` under `npm test`; under the cap, its share, and nothing for a rare case (under 10 expected), which the first few cases may not meet. */
const required = (n: number): number => (runShare === 1 ? n : n * runShare >= 10 ? Math.floor(n * runShare) : 0);

/** Each case met at least so often; on failure, shows everything seen. */
const expectAtLeast = (seen: Record<string, number>, least: Record<string, number>): void => {
  const short = Object.entries(least).filter(([what, n]) => !((seen[what] ?? 0) >= required(n))).map(([what]) => what);
  expect({ short, seen }).toEqual({ short: [], seen });
};

const inYear = (y: FinancialYear, day: number): boolean => day >= Math.max(0, y.startDay) && day <= y.endDay;

/** Days of [from, to) that fall in year `y` and in the simulated span [0, horizon). */
const daysInYear = (from: number, to: number, y: FinancialYear, horizon: number): number =>
  Math.max(0, Math.min(to, horizon, y.endDay + 1) - Math.max(from, 0, y.startDay));

/** DfE distance: straight line between the OS grid centroids, / 1,000 / 1.6093, to 0.1 mile. */
const dfeMiles = (rs: ResolvedScenario, home: number, placement: number): number => {
  const a = rs.zones[home]!;
  const b = rs.zones[placement]!;
  return Math.round((Math.hypot(a.easting - b.easting, a.northing - b.northing) / 1000 / 1.6093) * 10) / 10;
};

const bandAt = (dobDay: number, day: number): number => {
  const years = (day - dobDay) / DAYS_PER_YEAR;
  let b = 0;
  while (b + 1 < AGE_BANDS.length && years >= AGE_BAND_LOWER_YEARS[AGE_BANDS[b + 1]!]) b++;
  return b;
};

/** The children looked after at the end of 31 March of year `y`, each with the placement they were in then. */
const inCareAt = (run: Run, y: FinancialYear): { child: number; seg: Segment; segs: Segment[] }[] => {
  const out: { child: number; seg: Segment; segs: Segment[] }[] = [];
  run.t.children.forEach((c, child) => {
    if (!c.entered || c.entryDay > y.endDay || c.exitDay <= y.endDay) return;
    const segs = run.byChild.get(child) ?? [];
    const current = segs.filter((s) => s.from <= y.endDay && y.endDay < s.to);
    expect(current.length).toBe(1); // one placement at a time, and one while in care
    out.push({ child, seg: current[0]!, segs });
  });
  return out;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? Number.NaN : n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

/**
 * The searches, as in test/sim/sufficiencyGap.property.test.ts: a placement begins with a search
 * when it is a child's first after entering care (not by a route), or follows one ended by a
 * breakdown, a planned move or the carer leaving (an emergency bed's stay ends as `planned` only
 * when the search that led there failed for good: not a new search).
 */
const searches = (run: Run): { child: number; day: number; need: number; found: boolean }[] => {
  const out: { child: number; day: number; need: number; found: boolean }[] = [];
  for (const [child, segs] of run.byChild) {
    const c = run.t.children[child]!;
    segs.forEach((s, i) => {
      const prev = segs[i - 1];
      const search = prev === undefined
        ? !c.initial && s.via !== 'route'
        : prev.ended === 'breakdown' || prev.ended === 'carerLeft' || (prev.ended === 'planned' && prev.via !== 'emergencyBed');
      // A search found a vacancy when it ended in a match; otherwise the child went to an
      // emergency bed or through the fallback (relaxed needs, spot purchase, unregistered).
      if (search) out.push({ child, day: s.from, need: s.need, found: s.via === 'match' });
    });
  }
  return out;
};

describe('starts and ceases (DfE: children who started / ceased to be looked after in the year to 31 March)', () => {
  it('starts = children in the trace who entered care in the year; ceases = those who left it, read twice', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        const entered = run.t.children.filter((c) => !c.initial && c.entered && inYear(y, c.entryDay)).length;
        const left = run.t.children.filter((c) => Number.isFinite(c.exitDay) && inYear(y, c.exitDay)).length;
        const exits = run.t.segments.filter((s) => s.ended === 'exit' && inYear(y, s.to)).length;
        expect(exits).toBe(left);
        add('starts', entered);
        add('ceases', left);
        expect([k, 'starts', run.row(k, 'starts')]).toEqual([k, 'starts', entered]);
        expect([k, 'ceases', run.row(k, 'ceases')]).toEqual([k, 'ceases', left]);
      });
    }), RUNS);
    expectAtLeast(seen, { starts: 500, ceases: 150 });
  });

  it('the reason each child leaves (REC in the synthetic 903 return): "turned18" exactly on the 18th birthday, else one the scenario gives, with a positive weight, for the age band on the day she leaves', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.t.children.forEach((c, i) => {
        if (!c.entered || !Number.isFinite(c.exitDay)) return; // still in care at the horizon
        const leave18 = eighteenthBirthday(c.dobDay as SimDay, run.rs.startEpochDay);
        if (c.exitDay === leave18) {
          expect([i, c.exitReason]).toEqual([i, 'turned18']);
          add('turned 18');
          return;
        }
        expect(c.exitDay).toBeLessThan(leave18);
        const given = run.rs.exitReasons[bandIndexAt(c.dobDay, c.exitDay)]!;
        const weight = given.weights[given.reasons.indexOf(c.exitReason)];
        expect([i, c.exitReason, weight !== undefined && weight > 0]).toEqual([i, c.exitReason, true]);
        add(`before 18: ${AGE_BANDS[bandIndexAt(c.dobDay, c.exitDay)]}`);
      });
    }), RUNS);
    expectAtLeast(seen, { 'turned 18': 100, 'before 18: under1': 10, 'before 18: 1to4': 20, 'before 18: 5to9': 20 });
  });
});

describe('shortfalls: searches that found no suitable vacancy, checked against the vacancies of that day', () => {
  it('the count by year and segment (age band and need on the day) is the failed searches of the trace', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      const failed = searches(run).filter((s) => !s.found);
      run.years.forEach((y, k) => {
        const ofYear = failed.filter((s) => inYear(y, s.day));
        add('shortfalls', ofYear.length);
        expect([k, 'shortfalls', run.row(k, 'shortfalls')]).toEqual([k, 'shortfalls', ofYear.length]);
        AGE_BANDS.forEach((b, bi) => NEEDS.forEach((n, ni) => {
          const expected = ofYear.filter((s) => s.need === ni && bandAt(run.t.children[s.child]!.dobDay, s.day) === bi).length;
          expect([k, b, n, run.row(k, `shortfallsBySegment.${b}.${n}`)]).toEqual([k, b, n, expected]);
        }));
      });
    }), RUNS);
    expectAtLeast(seen, { shortfalls: 300 });
  });

  it('no search failed on a day when a suitable place was free all day long', () => {
    // Closed world (no other authorities' children, no carer leaving), so a household's occupants
    // are the placements in the trace. A place is free all day when fewer placements touch the day
    // (began on or before it and ended on or after it) than the household has places. Suitable: the
    // matching's hard constraints — available by then, the child's age (whole years) in the
    // approved range, approved for the need, the type allowed for the need, not the household the
    // child has just left; emergency beds are not searched (they are the first fallback).
    const { add, seen } = tally();
    fc.assert(fc.property(closedWorld, (json) => {
      const run = simulate(json);
      const touching = new Map<number, Segment[]>();
      for (const s of run.t.segments) if (s.household >= 0) touching.set(s.household, [...(touching.get(s.household) ?? []), s]);
      for (const search of searches(run)) {
        if (search.found) continue;
        add('failed searches');
        const child = run.t.children[search.child]!;
        const age = Math.floor((search.day - child.dobDay) / DAYS_PER_YEAR);
        const left = (run.byChild.get(search.child) ?? []).find((s) => s.to === search.day)?.household;
        run.t.households.forEach((h, id) => {
          const suitable = id !== left && !h.emergencyOnly && h.availableFromDay <= search.day && age >= h.ageMin && age <= h.ageMax
            && (h.needsMask & (1 << search.need)) !== 0 && (run.rs.allowedTypesMask[search.need]! & (1 << h.type)) !== 0;
          if (!suitable) return;
          add('suitable households full that day');
          const present = (touching.get(id) ?? []).filter((s) => s.from <= search.day && search.day <= s.to).length;
          // Child, day, household, places free all day: none.
          expect([search.child, search.day, id, Math.max(0, h.places - present)]).toEqual([search.child, search.day, id, 0]);
        });
      }
    }), RUNS);
    expectAtLeast(seen, { 'failed searches': 300, 'suitable households full that day': 300 });
  });
});

describe('placement endings, by the ending in the trace', () => {
  it('searching on: from an emergency bed every day, for at most its stay, then the fallback; when unregistered every retryDays; a find is a match the same day', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      const maxStay = 10; // lawScenario's emergency carer: emergencyOnly.maxStayDays
      const retryDays = run.rs.fallback.retryDays;
      for (const segs of run.byChild.values()) {
        segs.forEach((seg, i) => {
          const searching = seg.via === 'emergencyBed' ? 'emergency bed' : seg.type === UNREGISTERED ? 'unregistered' : undefined;
          if (searching === undefined || seg.ended === 'open' || seg.ended === 'exit' || seg.ended === 'carerLeft') return;
          const next = segs[i + 1];
          add(`${searching}: ${seg.ended}`);
          const days = seg.to - seg.from;
          // Child, start, how it ended, on a retry day?, within the stay?, next placement the same day and how
          const onRetryDay = searching === 'emergency bed' ? true : days % retryDays === 0;
          const withinStay = searching === 'emergency bed' ? (seg.ended === 'planned' ? days === maxStay : days < maxStay) : true;
          expect([seg.child, seg.from, seg.ended, onRetryDay, withinStay, next?.from, seg.ended === 'found' ? next?.via : 'fallback'])
            .toEqual([seg.child, seg.from, searching === 'emergency bed' ? seg.ended : 'found', true, true, seg.to, seg.ended === 'found' ? 'match' : 'fallback']);
          if (seg.ended === 'planned') expect(['spot', 'relaxNeeds', 'unregistered', 'emergencyBed']).toContain(next!.via);
        });
      }
    }), RUNS);
    expectAtLeast(seen, { 'emergency bed: found': 5, 'emergency bed: planned': 100, 'unregistered: found': 50 });
  });

  it('a step-down (lever stepDown) is from a children\'s home to foster care, the same day, on the review day (months in the placement, or the lever\'s start), in the bands the lever names', () => {
    const { add, seen } = tally();
    const RESIDENTIAL = [PLACEMENT_TYPES.indexOf('residentialInHouse'), PLACEMENT_TYPES.indexOf('residentialPrivate')];
    const FOSTER = [PLACEMENT_TYPES.indexOf('inHouseFoster'), PLACEMENT_TYPES.indexOf('ifa')];
    const withLever = fc.tuple(lawScenario, fc.integer({ min: 1, max: 12 }), fc.subarray([...AGE_BANDS], { minLength: 1 }), fc.constantFrom(undefined, '2023-10-01'));
    fc.assert(fc.property(withLever, ([json, afterMonths, ageBands, from]) => {
      const s = structuredClone(json);
      s.levers = [{ lever: 'stepDown', afterMonths, successProbability: 1, costPerStepDown: 1000, ageBands, ...(from === undefined ? {} : { from }) }];
      if (!s.carers.some((c: { id: string }) => c.id === WELL_SUPPLIED[0]!.id)) s.carers = [...s.carers, ...WELL_SUPPLIED];
      const run = simulate(s);
      const afterDays = Math.round((afterMonths * DAYS_PER_YEAR) / 12);
      const fromDay = from === undefined ? 0 : 183; // 1 October 2023, day 183 from 1 April
      for (const segs of run.byChild.values()) {
        segs.forEach((prev, i) => {
          if (prev.ended !== 'stepDown') return;
          const next = segs[i + 1];
          const band = AGE_BANDS[bandIndexAt(run.t.children[prev.child]!.dobDay, prev.to)]!;
          add(from === undefined ? 'step-down' : 'step-down after the lever\'s start');
          // Child, from type, day (the review), band, next placement: type and day
          expect([prev.child, RESIDENTIAL.includes(prev.type), prev.to, ageBands.includes(band), next !== undefined && FOSTER.includes(next.type), next?.from])
            .toEqual([prev.child, true, Math.max(prev.from + afterDays, fromDay), true, true, prev.to]);
        });
      }
      const rowTotal = run.years.reduce((sum, _y, k) => sum + run.row(k, 'stepDowns'), 0);
      expect(rowTotal).toBe(run.t.segments.filter((x) => x.ended === 'stepDown').length);
    }), RUNS);
    expectAtLeast(seen, { 'step-down': 5, 'step-down after the lever\'s start': 2 });
  });

  it('escalation after a breakdown (disruption.escalationToComplex): at 1, a standard-needs child aged 10 or more is complex from the next placement; younger, or at 0, the need stays', () => {
    const { add, seen } = tally();
    const STANDARD = NEEDS.indexOf('standard');
    const COMPLEX = NEEDS.indexOf('complex');
    fc.assert(fc.property(fc.tuple(lawScenario, fc.constantFrom(0, 1)), ([json, escalation]) => {
      const s = structuredClone(json);
      s.disruption.escalationToComplex = escalation;
      const run = simulate(s);
      for (const segs of run.byChild.values()) {
        segs.forEach((next, i) => {
          const prev = segs[i - 1];
          if (prev === undefined || prev.ended !== 'breakdown' || next.from !== prev.to) return;
          const tenOrOver = prev.to - run.t.children[next.child]!.dobDay >= 10 * DAYS_PER_YEAR;
          const escalates = escalation === 1 && prev.need === STANDARD && tenOrOver;
          add(escalates ? 'escalated' : prev.need === STANDARD ? `standard stays (${escalation === 1 ? 'under 10' : 'escalation 0'})` : 'complex stays');
          // Child, breakdown day, need before and after
          expect([next.child, prev.to, prev.need, next.need]).toEqual([next.child, prev.to, prev.need, escalates ? COMPLEX : prev.need]);
        });
      }
    }), RUNS);
    expectAtLeast(seen, { escalated: 10, 'standard stays (under 10)': 30, 'standard stays (escalation 0)': 10, 'complex stays': 30 });
  });

  it('disruptions = placements that ended in a breakdown in the year; step-downs = those ended by a step-down', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        const ended = (why: Segment['ended']): number => run.t.segments.filter((s) => s.ended === why && inYear(y, s.to)).length;
        add('breakdown', ended('breakdown'));
        add('stepDown', ended('stepDown'));
        expect([k, 'disruptions', run.row(k, 'disruptions')]).toEqual([k, 'disruptions', ended('breakdown')]);
        expect([k, 'stepDowns', run.row(k, 'stepDowns')]).toEqual([k, 'stepDowns', ended('stepDown')]);
      });
    }), RUNS);
    expectAtLeast(seen, { breakdown: 100, stepDown: 3 });
  });

  it('no placement begins on the day a child leaves care (a carer leaving that day ends the episode with care)', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.t.children.forEach((c, child) => {
        if (!Number.isFinite(c.exitDay)) return;
        add('left care');
        const startingThatDay = (run.byChild.get(child) ?? []).filter((s) => s.from === c.exitDay && s.from > 0).length;
        expect([child, c.exitDay, startingThatDay]).toEqual([child, c.exitDay, 0]);
      });
      for (const s of run.t.segments) if (s.ended === 'carerLeft') add('carer left');
    }), RUNS);
    expectAtLeast(seen, { 'left care': 300, 'carer left': 20 });
  });

  it('a move is a change of carer (DfE): never back to the household just left, the same day', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      for (const segs of run.byChild.values()) {
        segs.forEach((s, i) => {
          const prev = segs[i - 1];
          if (prev === undefined || prev.household < 0 || s.from !== prev.to) return;
          add(prev.ended);
          expect([prev.ended, s.household === prev.household]).toEqual([prev.ended, false]);
        });
      }
    }), RUNS);
    expectAtLeast(seen, { breakdown: 100, planned: 20 });
  });

  it('a breakdown multiplier of 0 means no breakdown: over 20 miles from home, or placed by relaxing the need', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(zeroMultipliers, (json) => {
      const run = simulate(json);
      for (const s of run.t.segments) {
        if (s.type === UNREGISTERED || s.via === 'emergencyBed') continue; // they do not break down: the search goes on
        const miles = dfeMiles(run.rs, run.t.children[s.child]!.homeZone, s.zone);
        add(miles > 20 ? 'placements over 20 miles' : 'placements within 20 miles');
        if (s.via === 'relaxNeeds') add('placements relaxing the need');
        if (s.ended !== 'breakdown') continue;
        add(miles === 20 ? 'breakdowns at exactly 20.0 miles' : 'breakdowns within 20 miles');
        // Child, start day, over 20 miles?, placed by relaxing the need?
        expect([s.child, s.from, miles > 20, s.via === 'relaxNeeds']).toEqual([s.child, s.from, false, false]);
      }
    }), RUNS);
    expectAtLeast(seen, {
      'placements over 20 miles': 50, 'placements within 20 miles': 300, 'placements relaxing the need': 10,
      'breakdowns within 20 miles': 40, 'breakdowns at exactly 20.0 miles': 30,
    });
  });
});

describe('the census at 31 March (DfE: children looked after at 31 March)', () => {
  it('by age band on 31 March, need and placement type, from the placements held that day', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        const now = inCareAt(run, y);
        expect(run.row(k, 'childrenInCare')).toBe(now.length);
        add('children at 31 March', now.length);
        AGE_BANDS.forEach((b, bi) => expect([k, b, run.row(k, `childrenInCareByAgeBand.${b}`)])
          .toEqual([k, b, now.filter((x) => bandAt(run.t.children[x.child]!.dobDay, y.endDay) === bi).length]));
        NEEDS.forEach((n, ni) => expect([k, n, run.row(k, `childrenInCareByNeed.${n}`)]).toEqual([k, n, now.filter((x) => x.seg.need === ni).length]));
        PLACEMENT_TYPES.forEach((p, pi) => expect([k, p, run.row(k, `childrenInCareByPlacementType.${p}`)]).toEqual([k, p, now.filter((x) => x.seg.type === pi).length]));
      });
    }), RUNS);
    expectAtLeast(seen, { 'children at 31 March': 1000 });
  });

  it('distance (DfE): over 20 miles, outside the boundary and the median, from the geography', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        const now = inCareAt(run, y);
        const miles = now.map((x) => dfeMiles(run.rs, run.t.children[x.child]!.homeZone, x.seg.zone));
        const share = (n: number): number => (now.length === 0 ? Number.NaN : n / now.length);
        add('exactly 20.0 miles', miles.filter((d) => d === 20).length);
        add('over 20 miles', miles.filter((d) => d > 20).length);
        add('outside the boundary', now.filter((x) => !run.rs.zones[x.seg.zone]!.inside).length);
        add(now.length % 2 === 0 ? 'even census' : 'odd census');
        expect([k, run.row(k, 'placedOver20Miles')]).toEqual([k, share(miles.filter((d) => d > 20).length)]);
        expect([k, run.row(k, 'outOfArea')]).toEqual([k, share(now.filter((x) => !run.rs.zones[x.seg.zone]!.inside).length)]);
        expect([k, run.row(k, 'medianDistanceMiles')]).toEqual([k, median(miles)]);
      });
    }), RUNS);
    expectAtLeast(seen, { 'exactly 20.0 miles': 50, 'over 20 miles': 500, 'outside the boundary': 500, 'even census': 20, 'odd census': 20 });
  });

  it('three or more placements (DfE): of the children looked after at 31 March, those with 3+ placements open at some time in the year', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        const now = inCareAt(run, y);
        // A placement counts when it was held on some day from 1 April to 31 March: it began by
        // 31 March and ended on or after 1 April (the one held on 1 April counts, whenever it began).
        const counts = now.map((x) => x.segs.filter((s) => s.from <= y.endDay && s.to >= y.startDay).length);
        const threePlus = counts.filter((n) => n >= 3).length;
        add('two placements', counts.filter((n) => n === 2).length);
        add('three or more', threePlus);
        add('moved on 1 April', now.filter((x) => x.segs.some((s) => s.to === y.startDay && s.from < y.startDay)).length);
        expect([k, run.row(k, 'threePlusPlacements')]).toEqual([k, now.length === 0 ? Number.NaN : threePlus / now.length]);
      });
    }), RUNS);
    expectAtLeast(seen, { 'two placements': 200, 'three or more': 30, 'moved on 1 April': 2 });
  });

  it('long-term stability (DfE): of children under 16 looked after 2.5 years or more, those 2 years or more in the same placement', () => {
    // DfE also counts a child placed for adoption whose adoptive and previous placements together
    // last 2 years; the model never moves a child into adoption (it is a route at entry), so the
    // placement held at 31 March is the whole test. Years of 365.25 days, as the model counts them.
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        const eligible = inCareAt(run, y).filter((x) => {
          const c = run.t.children[x.child]!;
          return y.endDay - c.dobDay < 16 * DAYS_PER_YEAR && y.endDay - c.entryDay >= 2.5 * DAYS_PER_YEAR;
        });
        const stable = eligible.filter((x) => y.endDay - x.seg.from >= 2 * DAYS_PER_YEAR).length;
        add('eligible', eligible.length);
        add('stable', stable);
        add('1.5 to 2 years in the placement', eligible.filter((x) => y.endDay - x.seg.from >= 1.5 * DAYS_PER_YEAR && y.endDay - x.seg.from < 2 * DAYS_PER_YEAR).length);
        expect([k, run.row(k, 'longTermStability')]).toEqual([k, eligible.length === 0 ? Number.NaN : stable / eligible.length]);
      });
    }), RUNS);
    expectAtLeast(seen, { eligible: 150, stable: 100, '1.5 to 2 years in the placement': 10 });
  });
});

describe('time in care in the year', () => {
  it('child-weeks, unregistered weeks, weeks within 20 miles (DfE distance) and placement spend per child-week', () => {
    const { add, seen } = tally();
    fc.assert(fc.property(lawScenario, (json) => {
      const run = simulate(json);
      run.years.forEach((y, k) => {
        let days = 0, unregistered = 0, within20 = 0, spend = 0;
        for (const s of run.t.segments) {
          const d = daysInYear(s.from, s.to, y, run.horizon);
          days += d;
          if (s.type === UNREGISTERED) unregistered += d;
          if (dfeMiles(run.rs, run.t.children[s.child]!.homeZone, s.zone) <= 20) within20 += d;
          spend += (s.weekly * (1 + run.rs.annualInflation) ** k * d) / 7;
        }
        add('unregistered days', unregistered);
        add('days within 20 miles', within20);
        add('days over 20 miles', days - within20);
        expect(run.row(k, 'childWeeks')).toBeCloseTo(days / 7, 9);
        expect(run.row(k, 'unregistered')).toBeCloseTo(unregistered / 7, 9);
        expect(run.row(k, 'childWeeksWithin20Miles')).toBeCloseTo(within20 / 7, 9);
        if (days === 0) expect(run.row(k, 'costPerChildWeek')).toBeNaN();
        else expect(run.row(k, 'costPerChildWeek')).toBeCloseTo(spend / (days / 7), 6);
      });
    }), RUNS);
    expectAtLeast(seen, { 'unregistered days': 100_000, 'days within 20 miles': 100_000, 'days over 20 miles': 100_000 });
  });
});

describe('occupancy at 31 March', () => {
  it('filled places / approved places by carer type: our children (the placements held that day) and other authorities\' (the places taken)', () => {
    // With no carer leaving, a household's places are filled by our children placed there at the
    // end of 31 March and by other authorities' children: approved places − free places, of which
    // ours are a part (all, when no other authority places children here).
    const { add, seen } = tally();
    fc.assert(fc.property(noLeaving, (json) => {
      const run = simulate(json);
      const others = run.rs.external.some((x) => x.perYear > 0);
      const carerTypes = ['inHouseFoster', 'ifa', 'residentialInHouse', 'residentialPrivate', 'supported', 'parentAndChild'] as const;
      run.years.forEach((y, k) => {
        const free = run.t.yearEndFree[k]!; // households open by then, in order of opening
        for (const c of carerTypes) {
          const type = PLACEMENT_TYPES.indexOf(c);
          let places = 0, filled = 0;
          free.forEach((f, id) => {
            const h = run.t.households[id]!;
            if (h.type !== type) return;
            const ours = run.t.segments.filter((s) => s.household === id && s.from <= y.endDay && y.endDay < s.to).length;
            expect([k, id, ours]).toEqual([k, id, others ? expect.any(Number) : h.places - f]);
            expect(ours).toBeLessThanOrEqual(h.places - f);
            add('other authorities\' children', h.places - f - ours);
            places += h.places;
            filled += h.places - f;
          });
          add(places === 0 ? 'types without places' : filled === places ? 'full' : 'with room');
          expect([k, c, run.row(k, `occupancy.${c}`)]).toEqual([k, c, places === 0 ? Number.NaN : filled / places]);
        }
      });
    }), RUNS);
    expectAtLeast(seen, { 'types without places': 100, full: 10, 'with room': 100, 'other authorities\' children': 100 });
  });
});
