// Issue 6, part 1 on real published figures: each shipped snapshot calibrates, and the calibrated
// scenario, re-run with another seed and more replications, reproduces the snapshot at the first
// simulated year end (mean over replications) within the tolerances. Issue 11: the share
// placed more than 20 miles holds through the forecast years too (years 3–5, and the last year).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../src/calibrate/decodeSnapshot.js';
import { fitScenario, type FitResult } from '../../src/calibrate/fit.js';
import { inputsFromSnapshot, type CalibrationInputs } from '../../src/calibrate/inputs.js';
import {
  LATER_HORIZON_YEARS, LATER_YEARS, TOLERANCE, achievedAt, measuresOf, withinTolerance, type Measure,
} from '../../src/calibrate/measures.js';
import { E } from '../../src/domain/fp.js';
import type { Gazetteer } from '../../src/domain/geography.js';
import { Scenario } from '../../src/domain/scenario.js';
import type { Snapshot } from '../../src/domain/snapshot.js';
import { loadGazetteer } from '../../src/io/geography.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { metricIndex, METRIC_COUNT } from '../../src/domain/metricCatalog.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { forecast, runReplicationRange } from '../../src/sim/forecast.js';

const VALIDATION = { seed: 20_240_601, runs: 1000 } as const;
/** Five years cost five times one: fewer replications, still about 0.15 points of standard error on a share. */
const LATER_VALIDATION = { seed: 20_240_601, runs: 200, years: LATER_HORIZON_YEARS } as const;

let gazetteer: Gazetteer;
beforeAll(() => {
  const g = loadGazetteer();
  if (E.isLeft(g)) throw new Error(g.left);
  gazetteer = g.right;
});

const snapshotFile = (file: string): Snapshot => {
  const s = decodeSnapshot(JSON.parse(readFileSync(file, 'utf8')), file);
  if (E.isLeft(s)) throw new Error(s.left.join('\n'));
  return s.right;
};
const inputsOf = (s: Snapshot, file: string): CalibrationInputs => {
  const i = inputsFromSnapshot(s, gazetteer, file);
  if (E.isLeft(i)) throw new Error(i.left.lines.join('\n'));
  return i.right;
};
const fit = (inputs: CalibrationInputs): FitResult => {
  const r = fitScenario(inputs, gazetteer);
  if (E.isLeft(r)) throw new Error(`${r.left.lines.join('\n')}\n${JSON.stringify(r.left.measures)}`);
  return r.right;
};

/** Each replication's share placed more than 20 miles at every year end ([replication][year]). */
const over20ByReplication = (rs: ResolvedScenario): number[][] => {
  const shares: number[][] = [];
  const at = metricIndex('placedOver20Miles');
  runReplicationRange(rs, LATER_VALIDATION, 0, LATER_VALIDATION.runs, (r, rows) => {
    shares[r] = Array.from({ length: LATER_VALIDATION.years }, (_, y) => rows[y * METRIC_COUNT + at]!);
  });
  return shares;
};

const meanOf = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;
/** Mean and its standard error (sample standard deviation ÷ √n). */
const meanAndError = (xs: readonly number[]): { mean: number; se: number } => {
  const m = meanOf(xs);
  return { mean: m, se: Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) / xs.length) };
};

/**
 * Run a calibrated scenario as a user would (decode, resolve, forecast) and measure it: every
 * target at the first year end, and the far share at years 3–5 from a five-year run.
 */
const validate = (inputs: CalibrationInputs, result: FitResult): { measures: Measure[]; over20: number[][] } => {
  const decoded = Scenario.decode(JSON.parse(JSON.stringify(result.scenario)));
  if (E.isLeft(decoded)) throw new Error('calibrated scenario does not decode');
  const rs = resolveScenario(decoded.right, gazetteer, { file: 'calibrated.json' });
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  const summary = forecast(rs.right, { ...VALIDATION, years: result.evaluation.index + 1 });
  const over20 = over20ByReplication(rs.right);
  const later = meanOf(LATER_YEARS.map((y) => meanOf(over20.map((r) => r[y]!))));
  return { measures: measuresOf(inputs.targets, achievedAt(summary, result.evaluation), later), over20 };
};

const outside = (ms: readonly Measure[]): string[] =>
  ms.filter((m) => !withinTolerance(m)).map((m) => `${m.id}: target ${m.target}, achieved ${m.achieved}, tolerance ${m.tolerance}`);

describe.each([
  ['Medway 2022 (Sufficiency Strategy 2023–2025)', 'scenarios/snapshots/medway-2022.json'],
  ['Stockton-on-Tees 2017 (DfE SFR 50/2017 local authority tables)', 'scenarios/snapshots/stockton-on-tees-2017.json'],
  ['Lambeth 2017 (DfE SFR 50/2017 local authority tables)', 'scenarios/snapshots/lambeth-2017.json'],
])('%s', (_label, file) => {
  let inputs: CalibrationInputs;
  let result: FitResult;
  let validation: Measure[];
  let over20: number[][];
  beforeAll(() => {
    inputs = inputsOf(snapshotFile(file), file);
    result = fit(inputs);
    ({ measures: validation, over20 } = validate(inputs, result));
  });

  it('fits (seed 1, 100 replications a forecast) within the issue\'s tolerances', () => {
    expect(outside(result.measures)).toEqual([]);
    expect(result.iterations).toBeLessThanOrEqual(30);
  });

  it(`re-run with seed ${VALIDATION.seed} and ${VALIDATION.runs} replications, reproduces every target within tolerance`, () => {
    expect(outside(validation)).toEqual([]);
    const ids = validation.filter((m) => m.fitted).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['childrenInCare', 'startsPerYear', 'ageBand.10to15', 'placement.ifa', 'placedOver20Miles', 'placedOver20MilesLater']));
  });

  it(`holds the share placed more than 20 miles to the last forecast year (seed ${LATER_VALIDATION.seed}, ${LATER_VALIDATION.runs} replications): within 4 points + 4 standard errors of the snapshot's`, () => {
    const last = meanAndError(over20.map((r) => r[LATER_VALIDATION.years - 1]!));
    const target = inputs.targets.placedOver20Miles.share;
    // 4 points: the tolerance for this share, as at the first year end. 4 standard errors
    // (about 0.6 points here): a scenario whose true share is at the edge still passes but for
    // chance of 3 in 100,000. Before the locality was fitted, Lambeth's fell 5.5 points below.
    expect(Math.abs(last.mean - target), `last year ${last.mean} (SE ${last.se}) against ${target}`)
      .toBeLessThanOrEqual(TOLERANCE.placedOver20Miles + 4 * last.se);
  });

  it('starts the day after the snapshot, cites national figures by id and says how it was calibrated', () => {
    const s = result.scenario as { startDate: string; sources: Record<string, { source: string }>; notes: string[] };
    expect(s.startDate > inputs.asAt).toBe(true);
    const cited = JSON.stringify(s.sources);
    for (const id of ['starts_age_10_15_2024', 'households_joined_left_2024', 'placement_changes_2024', 'cma_interim_ifa_price', 'chomes_over20mi_2024']) expect(cited).toContain(id);
    expect(s.notes.join(' ')).toMatch(/Fit \(target vs achieved\): Children in care/);
  });
});

describe('calibrate: determinism, defaults and failure', () => {
  it('is deterministic: the same snapshot and options give the same result (a short fit: at most 4 forecasts of 40)', () => {
    const inputs = inputsOf(snapshotFile('scenarios/snapshots/medway-2022.json'), 'medway-2022.json');
    const short = { seed: 3, runs: 40, maxIterations: 4 };
    expect(JSON.stringify(fitScenario(inputs, gazetteer, short))).toBe(JSON.stringify(fitScenario(inputs, gazetteer, short)));
  });

  it('with no home zones and no distance figure: lays out the generic area and fits the national 22% over 20 miles', () => {
    const s = snapshotFile('scenarios/snapshots/medway-2022.json');
    const inputs = inputsOf({ ...s, homeZones: undefined, placedOver20Miles: undefined }, 'generic.json');
    expect(inputs.area.generic).toBe(true);
    const r = fit(inputs);
    const over20 = r.measures.find((m) => m.id === 'placedOver20Miles')!;
    expect([over20.target, over20.national]).toEqual([0.22, true]);
    expect(withinTolerance(over20)).toBe(true);
    expect(JSON.stringify((r.scenario as { sources: unknown }).sources)).toContain('over20mi_2025');
  });

  it('a valid snapshot that cannot be fitted gives a Left with target against achieved, after a bounded number of forecasts', () => {
    // 30% of children under 1 with 30 starts a year: under-1s age out within a year, so the band cannot be held.
    const inputs = inputsOf(snapshotFile('scenarios/snapshots/stockton-on-tees-2017.json'), 'x.json');
    const impossible: CalibrationInputs = {
      ...inputs,
      targets: { ...inputs.targets, startsPerYear: 30, ageShares: { under1: 0.3, '1to4': 0.3, '5to9': 0.2, '10to15': 0.1, '16plus': 0.1 } },
    };
    const r = fitScenario(impossible, gazetteer, { seed: 1, runs: 50, maxIterations: 3 });
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    expect(r.left.kind).toBe('cannotFit');
    expect(r.left.iterations).toBe(3);
    expect(r.left.lines[0]).toContain('cannot fit');
    const under1 = r.left.measures!.find((m) => m.id === 'ageBand.under1')!;
    expect(withinTolerance(under1)).toBe(false);
  });
});
