import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityStream, processStream } from '../../src/random/rng.js';

const draws = (next: () => number, n: number): number[] => Array.from({ length: n }, next);

describe('seeded streams', () => {
  it('gives the same numbers for the same (seed, replication, process)', () => {
    fc.assert(fc.property(fc.integer(), fc.nat(10_000), fc.string(), (seed, rep, proc) => {
      const a = processStream(seed, rep, proc);
      const b = processStream(seed, rep, proc);
      expect(draws(() => a.next(), 5)).toEqual(draws(() => b.next(), 5));
    }), { numRuns: 200 });
  });

  it('gives different streams for different processes and replications', () => {
    const a = draws(processStream(1, 0, 'entries').next, 3);
    expect(draws(processStream(1, 0, 'exits').next, 3)).not.toEqual(a);
    expect(draws(processStream(1, 1, 'entries').next, 3)).not.toEqual(a);
    expect(draws(processStream(2, 0, 'entries').next, 3)).not.toEqual(a);
  });

  it('entity streams are uniform on [0, 1): mean 1/2 and variance 1/12 within 4 SE', () => {
    const parent = processStream(5, 0, 'test');
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let inRange = true;
    for (let e = 0; e < 100; e++) {
      const s = entityStream(parent);
      for (let i = 0; i < n / 100; i++) {
        const u = s.next();
        inRange &&= u >= 0 && u < 1;
        sum += u;
        sq += u * u;
      }
    }
    expect(inRange).toBe(true);
    const mean = sum / n;
    // SE of the mean of U(0,1) is √(1/12 / n); of the mean square, √(Var(U²) / n) with Var(U²) = 4/45.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - 1 / 3)).toBeLessThan(4 * Math.sqrt(4 / 45 / n));
  });
});
