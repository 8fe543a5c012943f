// Arrivals (src/sim/arrivals.ts) on the blank worked authority (test/fixtures/workedScenario.ts:
// start 1 April 2023, nothing happens unless a case adds it): children entering care at the rate
// of their cell and its trend, sibling groups, direct routes, and other authorities' children
// taking local places. Statistical checks use fixed seeds and allow 4 standard errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { AGE_BANDS, PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { bandIndexAt } from '../../src/sim/hazards.js';
import { onExternalLeave, scheduleExternalDemand } from '../../src/sim/arrivals.js';
import { layOutHouseholds, onDeregister } from '../../src/sim/carers.js';
import { deregister, externalLeave } from '../../src/sim/events.js';
import { runReplication, type ReplicationResult } from '../../src/sim/replication.js';
import { createState, type PlacementSegment } from '../../src/sim/state.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';
import { blankScenarioJson, oneHousehold } from '../fixtures/workedScenario.js';

const DAYS_PER_YEAR = 365.25;
/** 2023/24 is days 0–365 (2024 is a leap year), 2024/25 days 366–730. */
const YEAR_STARTS = [0, 366, 731];

const runs = (json: Record<string, unknown>, n: number, years = 2): ReplicationResult[] => {
  const rs = resolveFixture(json);
  return Array.from({ length: n }, (_, r) => runReplication(rs, { seed: 11, replication: r, years, trace: true }));
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const row = (r: ReplicationResult, k: number, key: string): number => r.rows[k * METRIC_COUNT + metricIndex(key)]!;

/** The children who entered care during the horizon (not the starting population). */
const entrants = (r: ReplicationResult) => r.trace!.children.filter((c) => !c.initial && c.entered);
/**
 * The age band of the cell a child entered from: her band the day after entry. Ages are whole days drawn
 * over the band's span in 365.25-day years, so the youngest of a band can be a day short of it on the day
 * she enters (1,826 days for 5–9: 4.9993 such years, though 5 by the calendar when the five years hold one
 * leap day).
 */
const bandAtEntry = (c: { dobDay: number; entryDay: number }): string => AGE_BANDS[bandIndexAt(c.dobDay, c.entryDay + 1)]!;

describe('entries to care: a Poisson process at the cell\'s rate, growing by the annual trend', () => {
  const R = 40;
  const withTrend = (annualTrend: number): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.years = 2;
    s.entries = { rates: [{ ageBand: '5to9', need: 'standard', perYear: 100 }], annualTrend };
    return s;
  };
  /** Expected entries between days a and b: the integral of 100 × (1 + trend)^(t / 365.25) a year. */
  const expected = (trend: number, a: number, b: number): number => trend === 0
    ? (100 * (b - a)) / DAYS_PER_YEAR
    : (100 * (Math.pow(1 + trend, b / DAYS_PER_YEAR) - Math.pow(1 + trend, a / DAYS_PER_YEAR))) / Math.log(1 + trend);

  // A doubling a year: the candidates are drawn at the rate the horizon ends with, so none is lost late on.
  for (const trend of [0, 1]) {
    it(`trend ${trend}: starts in each year are the integral of the rate, within 4 SE (${R} replications)`, () => {
      const rs = runs(withTrend(trend), R);
      for (const k of [0, 1]) {
        // An arrival at time t enters on day floor(t): year k takes arrivals in [its first day, the next year's).
        const mu = expected(trend, YEAR_STARTS[k]!, YEAR_STARTS[k + 1]!);
        const starts = rs.map((r) => row(r, k, 'starts'));
        expect(Math.abs(mean(starts) - mu)).toBeLessThan(4 * Math.sqrt(mu / R));
        // every entrant is the cell's: 5–9, standard needs
        for (const r of rs) expect(new Set(entrants(r).map(bandAtEntry))).toEqual(new Set(['5to9']));
      }
    });
  }

  it('the entrants\' ages are spread over the band: about half under 7½ at entry (4 SE)', () => {
    const ages = runs(withTrend(0), 10).flatMap((r) => entrants(r).map((c) => (c.entryDay - c.dobDay) / DAYS_PER_YEAR));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(5 - 1 / DAYS_PER_YEAR);
    expect(Math.max(...ages)).toBeLessThan(10);
    const young = ages.filter((a) => a < 7.5).length / ages.length;
    expect(Math.abs(young - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / ages.length));
  });
});

describe('entries: where the children come from, and a prevention lever from its date', () => {
  const R = 20;
  it('home zones drawn by the scenario\'s weights: 3 to 1 (4 SE)', () => {
    const s = blankScenarioJson();
    s.geography.homeZones = { HOME: 3, TOWN: 1 };
    s.entries = { rates: [{ ageBand: '5to9', need: 'standard', perYear: 100 }], annualTrend: 0 };
    const rs = resolveFixture(s);
    const home = rs.zones.findIndex((z) => z.code === 'HOME');
    const homes = runs(s, R, 1).flatMap((r) => entrants(r).map((c) => c.homeZone));
    expect(new Set(homes).size).toBe(2);
    expect(Math.abs(homes.filter((z) => z === home).length / homes.length - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / homes.length));
  });

  it('prevention (reduction 0.5 from 1 April 2024): 2023/24 at the full rate, 2024/25 at half (4 SE)', () => {
    const s = blankScenarioJson();
    s.years = 2;
    s.entries = { rates: [{ ageBand: '5to9', need: 'standard', perYear: 100 }], annualTrend: 0 };
    s.levers = [{ lever: 'prevention', reduction: 0.5, costPerYear: 0, from: '2024-04-01' }];
    const rs = runs(s, R);
    const full = (100 * 366) / DAYS_PER_YEAR;
    const half = (50 * 365) / DAYS_PER_YEAR;
    expect(Math.abs(mean(rs.map((r) => row(r, 0, 'starts'))) - full)).toBeLessThan(4 * Math.sqrt(full / R));
    expect(Math.abs(mean(rs.map((r) => row(r, 1, 'starts'))) - half)).toBeLessThan(4 * Math.sqrt(half / R));
  });
});

describe('sibling groups (entries.siblingGroups): standard-needs children under 16 may arrive together', () => {
  const R = 30;
  const groupsCase = (share: number): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.years = 2;
    s.entries = {
      rates: [
        { ageBand: '5to9', need: 'standard', perYear: 100 },
        { ageBand: '10to15', need: 'complex', perYear: 40 },
        { ageBand: '16plus', need: 'standard', perYear: 40 },
      ],
      annualTrend: 0,
      siblingGroups: { share, sizes: { '2': 1 } },
    };
    return s;
  };
  let grouped: ReplicationResult[];
  beforeEach(() => {
    grouped = runs(groupsCase(1), R);
  });

  it('with share 1 and groups of 2: every standard-needs entrant under 16 is one of a pair that enters the same day from the same home', () => {
    let pairs = 0;
    for (const r of grouped) {
      const byGroup = new Map<number, ReturnType<typeof entrants>>();
      for (const c of entrants(r)) {
        if (bandAtEntry(c) !== '5to9') continue;
        expect(c.group).toBeGreaterThanOrEqual(0);
        byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
      }
      for (const g of byGroup.values()) {
        expect(g.length).toBe(2);
        expect(g[1]!.entryDay).toBe(g[0]!.entryDay);
        expect(g[1]!.homeZone).toBe(g[0]!.homeZone);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(R * 40);
  });

  it('complex needs and 16–17-year-olds never arrive in groups', () => {
    for (const r of grouped) {
      for (const c of entrants(r)) if (bandAtEntry(c) !== '5to9') expect(c.group).toBe(-1);
    }
  });

  it('rates count children, not groups: 100 children a year aged 5–9 either way (4 SE), in 50 pairs', () => {
    const perYear = (rs: ReplicationResult[]) => rs.map((r) => entrants(r).filter((c) => bandAtEntry(c) === '5to9' && c.entryDay < 366).length);
    // 50 pair arrivals: the count of children is 2 × Poisson(50 × 366 / 365.25), variance 4 × its mean
    const mu = (100 * 366) / DAYS_PER_YEAR;
    expect(Math.abs(mean(perYear(grouped)) - mu)).toBeLessThan(4 * Math.sqrt((2 * mu) / R));
    const alone = runs(groupsCase(0), R);
    expect(Math.abs(mean(perYear(alone)) - mu)).toBeLessThan(4 * Math.sqrt(mu / R));
    for (const r of alone) for (const c of entrants(r)) expect(c.group).toBe(-1);
  });
});

describe('sibling groups of mixed sizes', () => {
  it('half the arrivals in groups of 2 or 3: still 100 children a year (1.75 a arrival, 4 SE), siblings of their own ages', () => {
    const s = blankScenarioJson();
    s.entries = { rates: [{ ageBand: '5to9', need: 'standard', perYear: 100 }], annualTrend: 0, siblingGroups: { share: 0.5, sizes: { '2': 1, '3': 1 } } }; // weights, not shares: 1 to 1
    const R = 30;
    const rs = runs(s, R, 1);
    const mu = (100 * 366) / DAYS_PER_YEAR;
    // compound Poisson: arrivals at mu / 1.75, each 1, 2 or 3 children (probabilities ½, ¼, ¼; E[size²] = 3.75)
    const sd = Math.sqrt(((mu / 1.75) * 3.75) / R);
    expect(Math.abs(mean(rs.map((r) => entrants(r).length)) - mu)).toBeLessThan(4 * sd);
    const sizes = new Map<number, number>();
    let sameAge = 0;
    let groups = 0;
    for (const r of rs) {
      const byGroup = new Map<number, number[]>();
      for (const c of entrants(r)) if (c.group >= 0) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c.entryDay - c.dobDay]);
      for (const ages of byGroup.values()) {
        sizes.set(ages.length, (sizes.get(ages.length) ?? 0) + 1);
        groups++;
        if (new Set(ages).size === 1) sameAge++;
      }
    }
    expect([...sizes.keys()].sort()).toEqual([2, 3]);
    expect(sameAge).toBeLessThan(groups / 10);
  });
});

describe('routes at entry (routes.byAgeBand): a share of entrants go straight to a placement type', () => {
  it('30% connected, 20% placed with parents, at home; the rest search (unregistered here: no carers) (4 SE)', () => {
    const s = blankScenarioJson();
    s.years = 1;
    s.entries = { rates: [{ ageBand: '5to9', need: 'standard', perYear: 200 }], annualTrend: 0 };
    s.routes = { byAgeBand: { '5to9': { connected: 0.3, placedWithParents: 0.2 } } };
    const first = runs(s, 10, 1).flatMap((r) => {
      const firstSeg = new Map<number, PlacementSegment>();
      for (const seg of r.trace!.segments) if (!firstSeg.has(seg.child) || firstSeg.get(seg.child)!.from > seg.from) firstSeg.set(seg.child, seg);
      return entrants(r).map((c) => ({ c, seg: firstSeg.get(r.trace!.children.indexOf(c))! }));
    });
    const n = first.length;
    const share = (type: string, via = 'route') => first.filter(({ seg }) => PLACEMENT_TYPES[seg.type] === type && seg.via === via).length / n;
    expect(Math.abs(share('connected') - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    expect(Math.abs(share('placedWithParents') - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / n));
    expect(Math.abs(share('unregistered', 'unregistered') - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
    // entering care is not a move, by a route or a search
    const again = runs(s, 3, 1);
    for (const r of again) expect(row(r, 0, 'moves')).toBe(0);
    for (const { c, seg } of first) {
      if (seg.via === 'route') expect([seg.zone, seg.from]).toEqual([c.homeZone, c.entryDay]);
      else expect(seg.via).toBe('unregistered');
    }
  });
});

describe('other authorities\' children (externalDemand) at the start', () => {
  // round(arrivals a year × mean stay / 365.25) = round(0.534 × 6,575 / 365.25) = round(9.61) = 10 places
  // taken on the start date. Looked at before the first day is simulated (the processes that lay out the
  // households and occupy the places, as runReplication calls them).
  const externalCase = (pools?: string[]): Record<string, unknown> => {
    const s = blankScenarioJson();
    s.carers = [
      oneHousehold('taken', 'ifa', 'TOWN', 12, [0, 17], ['standard']),
      oneHousehold('blockContract', 'ifa', 'EDGE', 10, [0, 17], ['standard'], { paidWhenEmpty: true }),
      oneHousehold('otherPool', 'ifa', 'FAR', 5, [0, 17], ['standard']),
      oneHousehold('home', 'residentialPrivate', 'TOWN', 5, [8, 17], ['complex']),
    ];
    s.externalDemand = [{ carerType: 'ifa', arrivalsPerYear: 0.534, meanStayDays: 6575, ...(pools === undefined ? {} : { pools }) }];
    return s;
  };
  const atStart = (json: Record<string, unknown>) => {
    const st = createState(resolveFixture(json), { seed: 11, replication: 0, years: 1 });
    layOutHouseholds(st);
    scheduleExternalDemand(st);
    return st.households.map((h) => [h.free, h.external]);
  };

  it('take round(rate × stay) places of their type, in the pools named, never places paid for whether used or not', () => {
    expect(atStart(externalCase(['taken']))).toEqual([[2, 10], [10, 0], [5, 0], [5, 0]]);
  });

  it('without a pool list, any IFA place not paid for whether used or not', () => {
    const [taken, block, other, home] = atStart(externalCase());
    expect([block, home]).toEqual([[10, 0], [5, 0]]);
    expect([taken![1]! + other![1]!, taken![0]! + taken![1]!, other![0]! + other![1]!]).toEqual([10, 12, 5]);
  });

  it('each leaves on its day: a place freed and one fewer of theirs (a stale departure, after the carer left, frees nothing)', () => {
    const st = createState(resolveFixture(externalCase(['taken'])), { seed: 11, replication: 0, years: 1 });
    layOutHouseholds(st);
    scheduleExternalDemand(st);
    const h = st.households[0]!;
    onExternalLeave(st, externalLeave(h.id, h.generation), 5);
    expect([h.free, h.external]).toEqual([3, 9]);
    onDeregister(st, deregister(h.id), 6);
    onExternalLeave(st, externalLeave(h.id, 0), 7);
    expect([h.free, h.external, h.places]).toEqual([0, 0, 0]);
  });

  it('none when every place of the type is full or paid for whether used or not: the flow looks elsewhere', () => {
    const s = externalCase(['blockContract']);
    expect(atStart(s)).toEqual([[12, 0], [10, 0], [5, 0], [5, 0]]);
  });
});

describe('route placements in the type\'s zones, when the scenario gives them (routes.zones)', () => {
  it('connected care at TOWN', () => {
    const s = blankScenarioJson();
    s.years = 1;
    s.entries = { rates: [{ ageBand: '5to9', need: 'standard', perYear: 50 }], annualTrend: 0 };
    s.routes = { byAgeBand: { '5to9': { connected: 1 } }, zones: { connected: { TOWN: 1 } } };
    const rs = resolveFixture(s);
    const town = rs.zones.findIndex((z) => z.code === 'TOWN');
    const segs = runs(s, 2, 1).flatMap((r) => r.trace!.segments.filter((x) => x.via === 'route'));
    expect(segs.length).toBeGreaterThan(50);
    for (const x of segs) expect([PLACEMENT_TYPES[x.type], x.zone]).toEqual(['connected', town]);
  });
});

describe('other authorities\' children over the year', () => {
  it('leave after their stays: with an offered load of 5 on 10 places, about 4.9 taken at 31 March (Erlang loss, 4 SE), not all 10', () => {
    const s = blankScenarioJson();
    s.carers = [oneHousehold('local', 'ifa', 'TOWN', 10, [0, 17], ['standard'])];
    // 60.875 a year staying 30 days on average: 5 at a time if there were room (5 at the start)
    s.externalDemand = [{ carerType: 'ifa', arrivalsPerYear: 60.875, meanStayDays: 30 }];
    const R = 20;
    const taken = runs(s, R, 1).map((r) => 10 - r.trace!.yearEndFree[0]![0]!);
    // busy servers in an M/M/10/10 queue with load 5: 5 × (1 − B(10, 5)), B(10, 5) = 0.01838; variance about 5
    expect(Math.abs(mean(taken) - 5 * (1 - 0.01838))).toBeLessThan(4 * Math.sqrt(5 / R));
  });

  it('take places in proportion to free places: of 10 taken from 12 and 5 free, 10 × 12 / 17 from the first (hypergeometric, 4 SE)', () => {
    const s = blankScenarioJson();
    s.carers = [
      oneHousehold('taken', 'ifa', 'TOWN', 12, [0, 17], ['standard']),
      oneHousehold('otherPool', 'ifa', 'FAR', 5, [0, 17], ['standard']),
    ];
    s.externalDemand = [{ carerType: 'ifa', arrivalsPerYear: 0.534, meanStayDays: 6575 }];
    const R = 30;
    const first = Array.from({ length: R }, (_, r) => {
      const st = createState(resolveFixture(s), { seed: 11, replication: r, years: 1 });
      layOutHouseholds(st);
      scheduleExternalDemand(st);
      return st.households[0]!.external;
    });
    expect(Math.abs(mean(first) - (10 * 12) / 17)).toBeLessThan(4 * Math.sqrt((10 * (12 / 17) * (5 / 17) * (7 / 16)) / R));
  });
});
