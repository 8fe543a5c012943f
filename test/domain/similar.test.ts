import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, similarTo } from '../../src/domain/similar.js';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('deregistation', 'deregistration')).toBe(1);
    expect(editDistance('households', 'housholds')).toBe(1);
    expect(editDistance('ifa', 'fia')).toBe(1);
    expect(editDistance('perYear', 'perYear')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is a distance: zero only for equal words, symmetric, at most the longer length (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const d = editDistance(a, b);
      expect(d === 0).toBe(a === b);
      expect(editDistance(b, a)).toBe(d);
      expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }));
  });
});

describe('similarTo and didYouMean', () => {
  const carerFields = ['id', 'type', 'households', 'zones', 'places', 'deregistration', 'recruitment', 'weeklyCost'];

  it('suggests the nearest field for a slip of the keyboard, ignoring case', () => {
    expect(similarTo('deregistation', carerFields)).toEqual(['deregistration']);
    expect(similarTo('Households', carerFields)).toEqual(['households']);
    expect(similarTo('weeklycost', carerFields)).toEqual(['weeklyCost']);
    expect(didYouMean('deregistation', carerFields)).toBe('; did you mean `deregistration`?');
  });

  it('keeps every candidate at the nearest distance, and suggests nothing for a word far from all', () => {
    expect(similarTo('zone', ['zones', 'zonet', 'places'])).toEqual(['zones', 'zonet']);
    expect(didYouMean('zone', ['zones', 'zonet'])).toBe('; did you mean `zones` or `zonet`?');
    expect(similarTo('colour', carerFields)).toEqual([]);
    expect(didYouMean('colour', carerFields)).toBe('');
    expect(similarTo('x'.repeat(200), ['x'])).toEqual([]);
  });
});
