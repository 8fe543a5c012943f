import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorical, exponential, poisson, timeToSpend, uniformInt } from '../../src/random/distributions.js';
import { processStream } from '../../src/random/rng.js';

describe('samplers', () => {
  it('exponential has mean 1/rate (4 SE; SE = mean/√n)', () => {
    const rng = processStream(1, 0, 'exp');
    const n = 50_000;
    let s = 0;
    for (let i = 0; i < n; i++) s += exponential(rng, 4);
    expect(Math.abs(s / n - 0.25)).toBeLessThan((4 * 0.25) / Math.sqrt(n));
    expect(exponential(rng, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('poisson has mean and variance equal to its parameter', () => {
    for (const mean of [0.3, 7, 900]) {
      const rng = processStream(2, 0, `poisson${mean}`);
      const n = 20_000;
      const xs = Array.from({ length: n }, () => poisson(rng, mean));
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
      // Var of the sample variance of a Poisson ≈ (μ + 2μ²)/n.
      expect(Math.abs(v - mean)).toBeLessThan(4 * Math.sqrt((mean + 2 * mean * mean) / n));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
  });

  it('categorical draws each index in proportion to its weight', () => {
    const rng = processStream(3, 0, 'cat');
    const draw = categorical([1, 0, 3]);
    const n = 40_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[draw(rng)]!++;
    expect(counts[1]).toBe(0);
    const p = 0.75;
    expect(Math.abs(counts[2]! / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    expect(() => categorical([0, 0])).toThrow();
  });

  it('uniformInt stays in range', () => {
    const rng = processStream(4, 0, 'int');
    fc.assert(fc.property(fc.integer({ min: -50, max: 50 }), fc.nat(20), (lo, width) => {
      const x = uniformInt(rng, lo, lo + width);
      expect(x >= lo && x <= lo + width && Number.isInteger(x)).toBe(true);
    }));
  });

  it('timeToSpend inverts a piecewise-constant cumulative hazard', () => {
    // rate 1/day for 2 days, then 0.5/day: a budget of 3 is spent at day 2 + 1/0.5 = 4.
    expect(timeToSpend(3, [0, 2], [2, 10], [1, 0.5])).toBeCloseTo(4);
    expect(timeToSpend(1.5, [0, 2], [2, 10], [1, 0.5])).toBeCloseTo(1.5);
    expect(timeToSpend(100, [0, 2], [2, 10], [1, 0.5])).toBe(Number.POSITIVE_INFINITY);
  });
});
