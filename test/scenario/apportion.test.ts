import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/scenario/apportion.js';

describe('apportion', () => {
  it('apportion hands out exactly the total, close to the exact shares', () => {
    fc.assert(fc.property(fc.nat(500), fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }), (total, w) => {
      const out = apportion(total, w);
      const sum = w.reduce((a, b) => a + b, 0);
      if (sum <= 0) {
        expect(out.every((x) => x === 0)).toBe(true);
        return;
      }
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      out.forEach((x, i) => expect(Math.abs(x - (w[i]! / sum) * total)).toBeLessThan(1 + 1e-9));
    }), { seed: 98278790, numRuns: 300 });
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});
