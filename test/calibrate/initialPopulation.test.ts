import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_AFFINITY, initialPopulation, largestRemainder } from '../../src/calibrate/initialPopulation.js';
import { E } from '../../src/domain/fp.js';
import { AGE_BANDS, PLACEMENT_TYPES, type AgeBand, type PlacementType } from '../../src/domain/vocabulary.js';

const shares = <K extends string>(keys: readonly K[], values: Partial<Record<K, number>>): Record<K, number> => {
  const total = keys.reduce((s, k) => s + (values[k] ?? 0), 0);
  return Object.fromEntries(keys.map((k) => [k, (values[k] ?? 0) / total])) as Record<K, number>;
};

const medwayAges = shares(AGE_BANDS, { under1: 0.04, '1to4': 0.13, '5to9': 0.19, '10to15': 0.4, '16plus': 0.24 });
const medwayTypes = shares(PLACEMENT_TYPES, {
  connected: 33, inHouseFoster: 134, ifa: 184, residentialPrivate: 45, supported: 37, parentAndChild: 4, placedWithParents: 8, adoption: 9, other: 4,
});

describe('largestRemainder', () => {
  it('gives whole numbers summing to the total, each within 1 of its exact share', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2000 }), (values, total) => {
      const sum = values.reduce((a, b) => a + b, 0);
      const r = largestRemainder(values, total);
      if (!(sum > 0) || total === 0) {
        expect(r.every((x) => x === 0)).toBe(true);
      } else {
        expect(r.reduce((a, b) => a + b, 0)).toBe(total);
        r.forEach((x, i) => expect(Math.abs(x - (values[i]! / sum) * total)).toBeLessThan(1 + 1e-9));
      }
    }));
  });
});

describe('initialPopulation', () => {
  it('keeps the placement totals exactly and the age totals within half a point (Medway 2022)', () => {
    const r = initialPopulation(458, medwayAges, medwayTypes, 0.015);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    const cells = r.right;
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(458);
    expect(cells.filter((c) => c.placementType === 'inHouseFoster').reduce((s, c) => s + c.count, 0)).toBe(134);
    for (const b of AGE_BANDS) {
      const n = cells.filter((c) => c.ageBand === b).reduce((s, c) => s + c.count, 0);
      expect(Math.abs(n / 458 - medwayAges[b])).toBeLessThan(0.005);
    }
  });

  it('respects each placement type\'s ages and gives each its needs', () => {
    const r = initialPopulation(458, medwayAges, medwayTypes, 0.015);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    for (const c of r.right) {
      expect(AGE_AFFINITY[c.placementType][AGE_BANDS.indexOf(c.ageBand)]).toBeGreaterThan(0);
      if (c.placementType === 'supported') expect(c.ageBand).toBe('16plus');
      if (c.placementType === 'parentAndChild') expect(c.need).toBe('parentAndChild');
      if (c.placementType === 'residentialPrivate') expect(['complex', 'disability']).toContain(c.need);
    }
  });

  it('explains when the two mixes cannot hold together', () => {
    const ages = shares(AGE_BANDS, { under1: 0.1, '1to4': 0.3, '5to9': 0.3, '10to15': 0.2, '16plus': 0.1 });
    const types = shares(PLACEMENT_TYPES, { supported: 0.5, ifa: 0.5 });
    const r = initialPopulation(300, ages, types, 0.015);
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    expect(r.left[0]).toContain('the age mix and the placement mix cannot both hold');
    expect(r.left.some((l) => l.includes('16plus'))).toBe(true);
  });

  it('any consistent population (made from whole children) comes back with both margins exactly', () => {
    const band = fc.constantFrom<AgeBand>('1to4', '5to9', '10to15');
    const type = fc.constantFrom<PlacementType>('connected', 'inHouseFoster', 'ifa');
    fc.assert(fc.property(fc.array(fc.tuple(band, type), { minLength: 20, maxLength: 300 }), (kids) => {
      const n = kids.length;
      const ages = shares(AGE_BANDS, Object.fromEntries(AGE_BANDS.map((b) => [b, kids.filter(([k]) => k === b).length])));
      const types = shares(PLACEMENT_TYPES, Object.fromEntries(PLACEMENT_TYPES.map((p) => [p, kids.filter(([, t]) => t === p).length])));
      const r = initialPopulation(n, ages, types, 0.03);
      if (E.isLeft(r)) throw new Error(r.left.join('\n'));
      for (const b of AGE_BANDS) {
        const got = r.right.filter((c) => c.ageBand === b).reduce((s, c) => s + c.count, 0);
        expect(got).toBe(Math.round(ages[b] * n));
      }
    }), { numRuns: 50 });
  });
});
