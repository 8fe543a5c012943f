import { beforeAll, describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/calibrate/buildScenario.js';
import { initialParameters } from '../../../src/calibrate/parameters.js';
import { estimateFromReturns, type Estimates } from '../../../src/calibrate/ssda903/estimateFrom903.js';
import { calibrationInputsFrom903 } from '../../../src/calibrate/ssda903/toCalibrationInputs.js';
import { E } from '../../../src/domain/fp.js';
import type { Gazetteer } from '../../../src/domain/geography.js';
import { Scenario } from '../../../src/domain/scenario.js';
import { loadGazetteer } from '../../../src/io/geography.js';
import { read903Sources } from '../../../src/io/ssda903Files.js';
import { syntheticChildren, syntheticReturns } from '../../fixtures/ssda903/synthetic903.js';
import { expectRight } from '../../fixtures/either.js';

let g: Gazetteer;
let est: Estimates;
beforeAll(async () => {
  const gz = loadGazetteer();
  const r = await read903Sources(Object.entries(syntheticReturns(syntheticChildren())).map(([name, text]) => ({ name, text })));
  if (E.isLeft(gz) || E.isLeft(r)) throw new Error('fixture');
  g = gz.right;
  const e = estimateFromReturns(r.right.returns, g);
  if (E.isLeft(e)) throw new Error(e.left.join('\n'));
  est = e.right;
});

describe('calibrationInputsFrom903: estimates → the snapshot calibrator\'s inputs', () => {
  it('carries the exact starting population, the authority\'s own targets and home zones', () => {
    const r = calibrationInputsFrom903(est, g, 'Synthetic Council', 'returns/');
    if (E.isLeft(r)) throw new Error(r.left.lines.join('\n'));
    const i = r.right;
    expect(i.startDate).toBe('2024-04-01');
    expect(i.targets.childrenInCare).toBe(est.population.total);
    expect(i.initialCounts.reduce((s, c) => s + c.count, 0)).toBe(est.population.total);
    expect(Object.values(i.targets.ageShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(i.targets.placedOver20Miles).toEqual({ share: est.distance.placedOver20Miles, national: false });
    expect(i.area.generic).toBe(false);
    expect(i.area.laCodes).toContain('E06000035');
  });
  it('builds a scenario the Scenario codec accepts', () => {
    const r = calibrationInputsFrom903(est, g, 'Synthetic Council', 'returns/');
    if (E.isLeft(r)) throw new Error('inputs');
    const built = buildScenario(r.right, initialParameters(r.right), []);
    expectRight(Scenario.decode(built.json));
  });
  it('no child in care is a clear Left', () => {
    const r = calibrationInputsFrom903({ ...est, population: { ...est.population, total: 0 } }, g, 'X', 'dir');
    expect(E.isLeft(r) && r.left.kind).toBe('cannotFit');
  });
});
