import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OVER_20_MILES,
  distanceMiles,
  locationCategory,
  normaliseZoneCode,
  type Centroid,
} from '../../src/domain/geography.js';

const at = (easting: number, northing: number): Centroid => ({ easting, northing });

/** Centroids anywhere on the OS national grid (Great Britain fits in 700 km × 1,300 km). */
const centroid: fc.Arbitrary<Centroid> = fc.oneof(
  fc.record({ easting: fc.integer({ min: 0, max: 700_000 }), northing: fc.integer({ min: 0, max: 1_300_000 }) }),
  fc.record({
    easting: fc.double({ min: 0, max: 700_000, noNaN: true }),
    northing: fc.double({ min: 0, max: 1_300_000, noNaN: true }),
  }),
);

// Each distance is a whole number of tenths of a mile; sums of them pick up float noise.
const EPS = 1e-9;

describe('distanceMiles (DfE method)', () => {
  it('3 km east and 4 km north is 5 km, which is 3.1 miles', () => {
    // √(3000² + 4000²) = 5000 m; 5 km / 1.6093 = 3.1069… miles → 3.1
    expect(distanceMiles(at(576_000, 168_000), at(579_000, 172_000))).toBe(3.1);
  });

  it('is symmetric', () => {
    expect(distanceMiles(at(579_000, 172_000), at(576_000, 168_000))).toBe(3.1);
  });

  it('is zero from a centroid to itself', () => {
    expect(distanceMiles(at(576_088, 168_345), at(576_088, 168_345))).toBe(0);
  });

  it('rounds to the nearest 0.1 mile', () => {
    // 1,609.3 m is exactly one mile
    expect(distanceMiles(at(0, 0), at(1_609.3, 0))).toBe(1);
    // 1,000 m = 0.6214 miles → 0.6
    expect(distanceMiles(at(0, 0), at(1_000, 0))).toBe(0.6);
    // 1,680 m = 1.0439 miles → 1.0; 1,690 m = 1.0502 miles → 1.1
    expect(distanceMiles(at(0, 0), at(1_680, 0))).toBe(1);
    expect(distanceMiles(at(0, 0), at(1_690, 0))).toBe(1.1);
    // 50 m = 0.031 miles → 0
    expect(distanceMiles(at(0, 0), at(0, 50))).toBe(0);
    // 100 km north = 62.139 miles → 62.1
    expect(distanceMiles(at(500_000, 100_000), at(500_000, 200_000))).toBe(62.1);
  });

  it('ignores laCode', () => {
    expect(distanceMiles({ easting: 0, northing: 0, laCode: 'E06000035' }, at(3_000, 4_000))).toBe(3.1);
  });

  it('property: always a whole number of tenths of a mile', () => {
    fc.assert(
      fc.property(centroid, centroid, (a, b) => {
        const d = distanceMiles(a, b);
        expect(Math.abs(d * 10 - Math.round(d * 10))).toBeLessThan(EPS);
      }),
    );
  });

  it('property: symmetric', () => {
    fc.assert(fc.property(centroid, centroid, (a, b) => distanceMiles(a, b) === distanceMiles(b, a)));
  });

  it('property: non-negative, and zero from a point to itself', () => {
    fc.assert(
      fc.property(centroid, centroid, (a, b) => {
        expect(distanceMiles(a, b)).toBeGreaterThanOrEqual(0);
        expect(distanceMiles(a, a)).toBe(0);
      }),
    );
  });

  it('property: triangle inequality within rounding, d(a,c) <= d(a,b) + d(b,c) + 0.1', () => {
    fc.assert(
      fc.property(centroid, centroid, centroid, (a, b, c) => {
        expect(distanceMiles(a, c)).toBeLessThanOrEqual(distanceMiles(a, b) + distanceMiles(b, c) + 0.1 + EPS);
      }),
    );
  });

  it('property: triangle inequality within rounding on collinear points (the tight case)', () => {
    // a, b, c on one line with b between: the unrounded distances add exactly, so only the
    // rounding can break the inequality, and it can do so by at most one tenth.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        (x0, l1, l2) => {
          const a = at(x0, 0);
          const b = at(x0 + l1, 0);
          const c = at(x0 + l1 + l2, 0);
          expect(distanceMiles(a, c)).toBeLessThanOrEqual(distanceMiles(a, b) + distanceMiles(b, c) + 0.1 + EPS);
        },
      ),
    );
  });
});

describe('locationCategory', () => {
  it('is notKnown when the distance or the inside flag is missing or not finite', () => {
    expect(locationCategory(undefined, true)).toBe('notKnown');
    expect(locationCategory(5, undefined)).toBe('notKnown');
    expect(locationCategory(undefined, undefined)).toBe('notKnown');
    expect(locationCategory(Number.NaN, true)).toBe('notKnown');
    expect(locationCategory(Number.POSITIVE_INFINITY, false)).toBe('notKnown');
  });

  it('splits inside/outside the boundary by more than 20 miles', () => {
    expect(locationCategory(0, true)).toBe('insideUpTo20Miles');
    expect(locationCategory(12.3, true)).toBe('insideUpTo20Miles');
    expect(locationCategory(20.1, true)).toBe('insideOver20Miles');
    expect(locationCategory(3.1, false)).toBe('outsideUpTo20Miles');
    expect(locationCategory(55, false)).toBe('outsideOver20Miles');
  });

  it('counts exactly 20 miles as not more than 20 miles', () => {
    expect(OVER_20_MILES).toBe(20);
    expect(locationCategory(20, true)).toBe('insideUpTo20Miles');
    expect(locationCategory(20, false)).toBe('outsideUpTo20Miles');
  });

  it('property: over 20 iff miles > 20, inside iff the flag says so', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1_000, noNaN: true }), fc.boolean(), (miles, inside) => {
        const cat = locationCategory(miles, inside);
        expect(cat.startsWith(inside ? 'inside' : 'outside')).toBe(true);
        expect(cat.endsWith(miles > 20 ? 'Over20Miles' : 'UpTo20Miles')).toBe(true);
      }),
    );
  });
});

describe('normaliseZoneCode', () => {
  it('trims, upper-cases and collapses inner whitespace', () => {
    expect(normaliseZoneCode('  me4   4 ')).toBe('ME4 4');
    expect(normaliseZoneCode('me4')).toBe('ME4');
  });
});
