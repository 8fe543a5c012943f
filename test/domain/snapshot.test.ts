import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../src/calibrate/decodeSnapshot.js';
import { E } from '../../src/domain/fp.js';
import { mixShares } from '../../src/domain/snapshot.js';
import { AGE_BANDS, PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { expectRight, rightOf } from '../fixtures/either.js';

/** The example of issue 6, part 1. */
const example = (): Record<string, any> => ({
  name: 'Example Council',
  asAt: '2023-03-31',
  homeZones: ['ME1', 'ME2', 'ME4'],
  childrenInCare: 458,
  startsPerYear: 230,
  ageBands: { under1: 0.05, '1to4': 0.12, '5to9': 0.19, '10to15': 0.40, '16plus': 0.24 },
  placements: {
    connected: 0.07, inHouseFoster: 0.29, ifa: 0.40, residentialInHouse: 0.0, residentialPrivate: 0.10, supported: 0.08,
    parentAndChild: 0.01, placedWithParents: 0.02, adoption: 0.02, secure: 0.0, other: 0.01,
  },
  placedOver20Miles: 0.33,
  threePlusPlacements: 0.11,
  weeklyCosts: { inHouseFoster: 500, ifa: 900 },
});

const problems = (json: unknown): string[] => {
  const r = decodeSnapshot(json, 'snap.json');
  return E.isLeft(r) ? r.left : [];
};

describe('decodeSnapshot: valid snapshots', () => {
  it('decodes the issue\'s example (fractions) with every age band and placement type', () => {
    const r = decodeSnapshot(example(), 'snap.json');
    expectRight(r);
    if (E.isLeft(r)) return;
    expect(r.right.name).toBe('Example Council');
    expect(r.right.mixForm).toEqual({ ageBands: 'fractions', placements: 'fractions' });
    expect(Object.keys(r.right.placementShares).sort()).toEqual([...PLACEMENT_TYPES].sort());
    expect(r.right.placementShares.unregistered).toBe(0);
    expect(r.right.placementShares.ifa).toBeCloseTo(0.4, 10);
    expect(r.right.weeklyCosts).toEqual({ inHouseFoster: 500, ifa: 900 });
  });

  it('takes counts, normalised to shares; optional fields may be left out', () => {
    const s = example();
    s.ageBands = { under1: 24, '1to4': 79, '5to9': 99, '10to15': 173, '16plus': 59 };
    s.childrenInCare = 434;
    delete s.homeZones;
    delete s.placedOver20Miles;
    delete s.threePlusPlacements;
    delete s.weeklyCosts;
    const r = decodeSnapshot(s, 'snap.json');
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    expect(r.right.mixForm.ageBands).toBe('counts');
    expect(r.right.ageShares['10to15']).toBeCloseTo(173 / 434, 12);
    expect([r.right.homeZones, r.right.placedOver20Miles, r.right.threePlusPlacements]).toEqual([undefined, undefined, undefined]);
    expect(r.right.weeklyCosts).toEqual({});
  });

  it('fractions summing to 1 within 0.01 are accepted and rescaled to sum to exactly 1', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: AGE_BANDS.length, maxLength: AGE_BANDS.length }).filter((xs) => xs.some((x) => x > 0)),
      fc.double({ min: -0.0099, max: 0.0099, noNaN: true }),
      (weights, drift) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const mix = Object.fromEntries(AGE_BANDS.map((b, i) => [b, (weights[i]! / total) * (1 + drift)]));
        if (Object.values(mix).some((v) => v > 1)) return;
        const r = mixShares(AGE_BANDS, mix, 100, '$.ageBands', 'f');
        expectRight(r);
        if (E.isRight(r)) expect(AGE_BANDS.reduce((a, b) => a + r.right.shares[b], 0)).toBeCloseTo(1, 12);
      },
    ));
  });
});

describe('decodeSnapshot: bad snapshots name the file and JSON path', () => {
  it('a mix that does not sum to 1', () => {
    const s = example();
    s.ageBands.under1 = 0.2;
    expect(problems(s)).toEqual(['snap.json: $.ageBands: expected fractions summing to 1 (± 0.01) or whole-number counts, found fractions summing to 1.15']);
  });

  it('a negative count', () => {
    const s = example();
    s.placements.ifa = -3;
    expect(problems(s)).toContain('snap.json: $.placements.ifa: expected NonNegative (number ≥ 0), found -3');
  });

  it('a missing required key', () => {
    const s = example();
    delete s.childrenInCare;
    expect(problems(s)).toContain('snap.json: $.childrenInCare: required field missing (expected PositiveInt (whole number ≥ 1))');
  });

  it('an unknown placement type, age band or field', () => {
    const s = example();
    s.placements.fostering = 0.1;
    s.placements.ifa = 0.3;
    s.ageBands.teen = 0;
    s.region = 'South East';
    const p = problems(s);
    expect(p).toEqual([
      'snap.json: $.ageBands.teen: unknown key "teen": expected one of under1, 1to4, 5to9, 10to15, 16plus (AgeBandMix)',
      'snap.json: $.placements.fostering: unknown key "fostering": expected one of connected, inHouseFoster, ifa, residentialInHouse, residentialPrivate, supported, parentAndChild, placedWithParents, adoption, secure, other, unregistered (PlacementMix)',
      'snap.json: $.region: unknown key "region": expected one of name, asAt, childrenInCare, startsPerYear, ageBands, placements, homeZones, placedOver20Miles, threePlusPlacements, weeklyCosts (Snapshot)',
      'snap.json: $.placements: expected fractions summing to 1 (± 0.01) or whole-number counts, found fractions summing to 0.9',
    ]);
  });

  it('a misspelt key says which one was meant, and is reported with the mix problems it leaves behind', () => {
    const s = example();
    s.placedOver20Mile = 0.3;
    s.weeklyCosts = { ifaa: 900 };
    s.ageBands.under1 = 0.2;
    expect(problems(s)).toEqual([
      'snap.json: $.placedOver20Mile: unknown key "placedOver20Mile"; did you mean `placedOver20Miles`?',
      'snap.json: $.weeklyCosts.ifaa: unknown key "ifaa"; did you mean `ifa`?',
      'snap.json: $.ageBands: expected fractions summing to 1 (± 0.01) or whole-number counts, found fractions summing to 1.15',
    ]);
  });

  it('figures beyond plausible bounds are refused with the reason; large but possible ones are warnings', () => {
    const s = example();
    s.childrenInCare = 458_000;
    expect(problems(s)).toEqual([
      'snap.json: $.childrenInCare: expected whole number from 1 to 100,000, found 458000 (more than all children looked after in England, about 84,000: a typing slip?)',
    ]);
    const big = example();
    big.childrenInCare = 4580;
    big.placements = { inHouseFoster: 0.5, ifa: 0.5 };
    const r = decodeSnapshot(big, 'snap.json');
    expect(rightOf(r).warnings).toEqual([
      'snap.json: $.childrenInCare: 4580 is above 3,000: more than any one authority looks after, the largest about 2,500; fine for a region',
    ]);
    expect(rightOf(decodeSnapshot(example(), 'snap.json')).warnings).toEqual([]);
  });

  it('counts that are not whole numbers, or do not add up to children in care', () => {
    const s = example();
    s.placements = { inHouseFoster: 200.5, ifa: 258 };
    expect(problems(s)).toEqual(['snap.json: $.placements.inHouseFoster: expected a whole number (the mix is given as counts because a value is above 1), found 200.5']);
    s.placements = { inHouseFoster: 200, ifa: 100 };
    expect(problems(s)).toEqual(['snap.json: $.placements: expected counts summing to childrenInCare (458) within 2%, found 300']);
  });

  it('out-of-range measures and a bad date all at once; then, once the types are right, an empty zone list', () => {
    const s = example();
    s.placedOver20Miles = 33;
    s.asAt = '2023-02-30';
    s.homeZones = [];
    s.startsPerYear = 'many';
    const p = problems(s);
    expect(p).toEqual(expect.arrayContaining([
      'snap.json: $.placedOver20Miles: expected Probability (number from 0 to 1), found 33',
      'snap.json: $.asAt: expected IsoDate (date YYYY-MM-DD), found "2023-02-30"',
      'snap.json: $.startsPerYear: expected NonNegative (number ≥ 0), found "many"',
    ]));
    s.placedOver20Miles = 0.3;
    s.asAt = '2023-03-31';
    s.startsPerYear = 200;
    expect(problems(s)).toEqual(['snap.json: $.homeZones: expected at least one postcode sector or district, found none']);
  });

  it('not an object at all', () => {
    expect(problems([])[0]).toMatch(/^snap\.json: \$: /);
  });
});
