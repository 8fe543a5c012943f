import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirichletShares, gammaRate } from '../../../src/calibrate/ssda903/smoothing.js';

describe('gammaRate: (events + m) / (exposure + m / prior)', () => {
  it('an empty cell gets the prior; a full one barely moves', () => {
    expect(gammaRate(0, 0, 0.4, 2).perYear).toBeCloseTo(0.4, 12);
    expect(gammaRate(0, 0.5, 0.4, 2).perYear).toBeCloseTo(2 / 5.5, 12);
    expect(gammaRate(100, 200, 0.4, 2).perYear).toBeCloseTo(102 / 205, 12);
    expect(gammaRate(100, 200, 0.4, 2)).toMatchObject({ events: 100, exposureYears: 200, raw: 0.5, prior: 0.4 });
  });
  it('m = 0 gives the raw rate where there is exposure, the prior where there is none', () => {
    expect(gammaRate(3, 2, 0.4, 0).perYear).toBe(1.5);
    expect(gammaRate(0, 0, 0.4, 0).perYear).toBe(0.4);
  });
  it('property: with a positive prior and weight the rate is never zero and lies between raw and prior', () => {
    fc.assert(fc.property(fc.nat(500), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 1e-4, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true }), (events, exposure, prior, m) => {
      const r = gammaRate(events, exposure, prior, m);
      expect(r.perYear).toBeGreaterThan(0);
      if (r.raw !== undefined) {
        expect(r.perYear).toBeGreaterThanOrEqual(Math.min(r.raw, prior) * (1 - 1e-12));
        expect(r.perYear).toBeLessThanOrEqual(Math.max(r.raw, prior) * (1 + 1e-12));
      }
    }));
  });
});

describe('dirichletShares', () => {
  it('(n_i + m·prior_i) / (N + m)', () => {
    expect(dirichletShares({ a: 3, b: 0 }, { a: 0.5, b: 0.5 }, 2)).toEqual({ a: 0.8, b: 0.2 });
    expect(dirichletShares({ a: 3 }, { b: 1 }, 1)).toEqual({ a: 0.75, b: 0.25 });
    expect(dirichletShares({}, {}, 2)).toEqual({});
  });
  it('property: shares sum to 1 and every category with prior weight stays above zero', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(50)), fc.double({ min: 0.1, max: 10, noNaN: true }), (counts, m) => {
      const prior = { a: 0.4, b: 0.3, c: 0.2, d: 0.1 };
      const s = dirichletShares(counts, prior, m);
      expect(Object.values(s).reduce((x: number, y) => x + (y ?? 0), 0)).toBeCloseTo(1, 9);
      for (const k of Object.keys(prior)) expect(s[k as keyof typeof prior]).toBeGreaterThan(0);
    }));
  });
});
