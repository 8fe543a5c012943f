import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBandAt, eighteenth, splitAtAgeBands } from '../../../src/calibrate/ssda903/splitAtAgeBands.js';

describe('splitAtAgeBands (rule 8)', () => {
  it('cuts at dob + lower age × 365.25 days, as the simulation does', () => {
    expect(splitAtAgeBands(100, 2000, 0)).toEqual([
      { band: 'under1', from: 100, to: 365.25 }, { band: '1to4', from: 365.25, to: 1826.25 }, { band: '5to9', from: 1826.25, to: 2000 },
    ]);
    expect(ageBandAt(0, 365.25)).toBe('1to4');
    expect(ageBandAt(0, 365.24)).toBe('under1');
    expect(eighteenth(0)).toBe(6574.5);
  });
  it('property: pieces tile [from, to) and each lies in one band', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 }), (dob, a, len) => {
      const from = dob + a;
      const pieces = splitAtAgeBands(from, from + len, dob);
      expect(pieces.reduce((s, p) => s + (p.to - p.from), 0)).toBeCloseTo(len, 9);
      pieces.forEach((p, i) => {
        expect(ageBandAt(dob, p.from)).toBe(p.band);
        expect(ageBandAt(dob, (p.from + p.to) / 2)).toBe(p.band);
        if (i > 0) expect(p.from).toBe(pieces[i - 1]!.to);
      });
    }));
  });
});
