// The drift knobs (drift.ts): the locality step and secant, the far share's aim, the runs of the
// drift forecast, and where the years 3–5 row sits in the fit table.
import { describe, expect, it } from 'vitest';
import { DRIFT_PER_LOCALITY, driftRuns, farAim, nextLocality } from '../../src/calibrate/drift.js';
import { laterOver20MilesMeasure, withLaterOver20Miles, type Measure } from '../../src/calibrate/measures.js';
import { LOCALITY_SCALE_BOUNDS } from '../../src/calibrate/parameters.js';

describe('nextLocality', () => {
  it('steps from one trial by the drift over DRIFT_PER_LOCALITY × the share: a falling share makes the start more local', () => {
    expect(nextLocality([{ x: 1, y: -0.01 }], 0.3)).toBeCloseTo(1 - -0.01 / (DRIFT_PER_LOCALITY * 0.3), 10);
    expect(nextLocality([{ x: 1, y: -0.01 }], 0.3)).toBeLessThan(1);
    expect(nextLocality([{ x: 0.5, y: 0.01 }], 0.3)).toBeGreaterThan(0.5);
  });

  it('moves at most 0.6 a step and stays within its bounds', () => {
    expect(nextLocality([{ x: 1, y: -0.04 }], 0.17)).toBeCloseTo(0.4, 10);
    expect(nextLocality([{ x: 0.2, y: -0.05 }], 0.1)).toBe(LOCALITY_SCALE_BOUNDS[0]);
    expect(nextLocality([{ x: 1.9, y: 0.1 }], 0.2)).toBe(LOCALITY_SCALE_BOUNDS[1]);
  });

  it('once trials lie either side of no drift, takes the secant between the newest of each', () => {
    // Drift −0.03 at 1 and +0.01 at 0.4: none at 0.4 + 0.01 × 0.6 / 0.04 = 0.55.
    expect(nextLocality([{ x: 1, y: -0.03 }, { x: 0.4, y: 0.01 }], 0.2)).toBeCloseTo(0.55, 10);
  });

  it('needs a trial', () => {
    expect(() => nextLocality([], 0.2)).toThrow(/no locality trial/);
  });
});

describe('farAim', () => {
  it('with no drift, the target', () => {
    expect(farAim(0.33, { first: 0.3, later: 0.3 })).toBeCloseTo(0.33, 12);
  });

  it('puts the first year and years 3–5 evenly either side of the target when the share falls in proportion', () => {
    const drift = { first: 0.17, later: 0.13 };
    const aim = farAim(0.185, drift);
    const later = aim * (drift.later / drift.first);
    expect((aim + later) / 2).toBeCloseTo(0.185, 12);
    expect(aim).toBeCloseTo(0.21, 2);
  });
});

describe('driftRuns', () => {
  it('is a fifth of the fitting runs, at least 20', () => {
    expect([driftRuns(200), driftRuns(60), driftRuns(53), driftRuns(1000)]).toEqual([40, 20, 20, 200]);
  });
});

describe('withLaterOver20Miles', () => {
  it('puts the years 3–5 row, with the same target and tolerance, right after the first year\'s far share', () => {
    const first: Measure = { id: 'placedOver20Miles', label: 'Placed more than 20 miles', kind: 'share', target: 0.2, achieved: 0.21, tolerance: 0.04, fitted: true };
    const other: Measure = { id: 'threePlusPlacements', label: 'Three or more placements', kind: 'share', target: 0.1, achieved: 0.1, tolerance: 0.03, fitted: true };
    const targets = { placedOver20Miles: { share: 0.2, national: false } } as Parameters<typeof laterOver20MilesMeasure>[0];
    const out = withLaterOver20Miles([first, other], targets, 0.18);
    expect(out.map((m) => m.id)).toEqual(['placedOver20Miles', 'placedOver20MilesLater', 'threePlusPlacements']);
    expect(out[1]).toMatchObject({ target: 0.2, achieved: 0.18, tolerance: 0.04, fitted: true, label: '  mean of years 3–5' });
  });
});
