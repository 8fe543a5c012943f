import { describe, expect, it } from 'vitest';
import {
  EASTING, HOUSEHOLDS_PER_POOL, Easting, Growth, Households, PlacesPerHousehold, boundOf, bounded, describeRange, formatNumber,
} from '../../src/domain/bounds.js';
import { E } from '../../src/domain/fp.js';
import { NonNegativeInt } from '../../src/domain/units.js';
import { expectRight } from '../fixtures/either.js';

const messageOf = (r: E.Either<readonly { readonly message?: string }[], unknown>): string | undefined =>
  (E.isLeft(r) ? r.left[0]?.message ?? '' : undefined);

describe('bounded codecs', () => {
  it('refuse a figure beyond the bound with its reason, and accept the bound itself', () => {
    expectRight(Households.decode(55));
    expectRight(Households.decode(50_000));
    expect(messageOf(Households.decode(55_000))).toBe(HOUSEHOLDS_PER_POOL.why);
    expect(messageOf(Households.decode(1e12))).toBe(HOUSEHOLDS_PER_POOL.why);
    expect(Households.is(55_000)).toBe(false);
    expect(Households.is(55)).toBe(true);
  });

  it('keep the inner codec\'s own checks (and its name, for messages)', () => {
    expect(E.isLeft(Households.decode(-1))).toBe(true);
    expect(E.isLeft(Households.decode(2.5))).toBe(true);
    expect(E.isLeft(Households.decode('55'))).toBe(true);
    expect(messageOf(Households.decode(-1))).toBe(''); // the inner codec's failure, with no bound reason
    expect(Households.name).toBe(NonNegativeInt.name);
    expect(E.isLeft(PlacesPerHousehold.decode(0))).toBe(true);
  });

  it('refuse below a minimum where the inner codec allows negatives, and Infinity', () => {
    expect(messageOf(Easting.decode(-5))).toBe(EASTING.why);
    expect(messageOf(Easting.decode(700_001))).toBe(EASTING.why);
    expectRight(Easting.decode(576_088));
    expect(E.isLeft(Easting.decode(Number.POSITIVE_INFINITY))).toBe(true);
  });

  it('tighten a wider range: a growth of +150% a year is refused though GrowthRate allows up to 10', () => {
    expectRight(Growth.decode(0.04));
    expectRight(Growth.decode(-0.5));
    expect(E.isLeft(Growth.decode(1.5))).toBe(true);
  });

  it('carry their bound for the strict check and the docs; plain codecs carry none', () => {
    expect(boundOf(Households)).toBe(HOUSEHOLDS_PER_POOL);
    expect(boundOf(NonNegativeInt)).toBeUndefined();
    expect(boundOf(bounded(NonNegativeInt, { max: 3, why: 'w' }))).toEqual({ max: 3, why: 'w' });
  });
});

describe('describing bounds', () => {
  it('says the range in words from the inner codec', () => {
    expect(describeRange('NonNegativeInt', HOUSEHOLDS_PER_POOL)).toBe('whole number from 0 to 50,000');
    expect(describeRange('PositiveInt', { max: 100, why: '' })).toBe('whole number from 1 to 100');
    expect(describeRange('Positive', { max: 1_000, why: '' })).toBe('number above 0, at most 1,000');
    expect(describeRange('GrowthRate', { max: 1, why: '' })).toBe('number above −1, at most 1');
    expect(describeRange('number', EASTING)).toBe('number from 0 to 700,000');
  });

  it('groups thousands', () => {
    expect(formatNumber(1_000_000_000)).toBe('1,000,000,000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0.2)).toBe('0.2');
    expect(formatNumber(12_345.5)).toBe('12,345.5');
  });
});
