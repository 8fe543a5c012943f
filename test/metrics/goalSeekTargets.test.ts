// Goal seek's parts in detail: how a target is read, how each comparison decides, how the lever
// grid is laid out and probed, and how lever paths in the scenario JSON are read and written.
// (Issue 13, item 3: these kill the mutants of src/metrics/goalSeek.ts the worked case missed.)
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { meets, numberAt, parseTarget, pathSegments, seek, withNumberAt, type Comparison, type Target } from '../../src/metrics/goalSeek.js';

const target = (comparison: Comparison, value = 10): Target => ({ metric: 'shortfalls', comparison, value, financialYear: '2026/27' });

describe('parseTarget', () => {
  it('reads every comparison, negative and decimal values and surrounding spaces', () => {
    expect(parseTarget('  shortfalls>=-2.5 in 2026/27  ')).toEqual(E.right(target('>=', -2.5)));
    expect(parseTarget('shortfalls > 3 in 2026/27')).toEqual(E.right(target('>', 3)));
    expect(parseTarget('shortfalls < 3 in 2026/27')).toEqual(E.right(target('<', 3)));
    expect(parseTarget('shortfalls\t<=\t3   in   2026/27')).toEqual(E.right(target('<=', 3)));
  });

  it('reads a nested metric id with dots and digits', () => {
    expect(parseTarget('shortfallsBySegment.10to15.complex <= 1 in 2026/27')).toEqual(
      E.right({ metric: 'shortfallsBySegment.10to15.complex', comparison: '<=', value: 1, financialYear: '2026/27' }),
    );
  });

  it.each([
    ['a missing year', 'shortfalls <= 3'],
    ['no space before "in"', 'shortfalls <= 3in 2026/27'],
    ['no space after "in"', 'shortfalls <= 3 in2026/27'],
    ['a long year', 'shortfalls <= 3 in 2026/2027'],
    ['a short year', 'shortfalls <= 3 in 26/27'],
    ['text before the metric', 'x: shortfalls <= 3 in 2026/27'],
    ['text after the year', 'shortfalls <= 3 in 2026/27 please'],
    ['a number with a trailing point', 'shortfalls <= 3. in 2026/27'],
    ['a metric starting with a digit', '3shortfalls <= 3 in 2026/27'],
    ['a word as the number', 'shortfalls <= three in 2026/27'],
    ['an equals sign', 'shortfalls == 3 in 2026/27'],
  ])('rejects %s with the expected form and the text found', (_, text) => {
    expect(parseTarget(text)).toEqual(E.left(
      `--target: expected "<metric> <=|<|>=|> <number> in <financial year>", e.g. "placedOver20Miles <= 0.25 in 2027/28", found ${JSON.stringify(text)}`,
    ));
  });

  it('names the unknown metric it found', () => {
    expect(parseTarget('shortfall <= 3 in 2026/27')).toEqual(E.left(
      '--target: expected a metric id such as placedOver20Miles, shortfalls or childrenInCareByPlacementType.residentialPrivate, found "shortfall"',
    ));
  });
});

describe('meets', () => {
  it.each([
    ['<=', [true, true, false]],
    ['<', [true, false, false]],
    ['>=', [false, true, true]],
    ['>', [false, false, true]],
  ] as const)('%s: below, at and above the target value', (comparison, expected) => {
    expect([9, 10, 11].map((x) => meets(target(comparison), x))).toEqual(expected);
  });
});

describe('seek', () => {
  it('counts a probability equal to the confidence as met', async () => {
    const result = await seek(async (v) => (v >= 3 ? 0.8 : 0.79), { min: 0, max: 8, step: 1, confidence: 0.8 });
    expect(result).toMatchObject({ value: 3, reason: 'found' });
    expect(result.path.find((p) => p.value === 3)).toEqual({ value: 3, probability: 0.8, met: true });
  });

  it('returns the minimum itself, with one evaluation, when the minimum meets the target', async () => {
    const result = await seek(async () => 0.95, { min: 2, max: 9, step: 0.5, confidence: 0.8 });
    expect(result).toEqual({ value: 2, path: [{ value: 2, probability: 0.95, met: true }], reason: 'metAtMin' });
  });

  it('reports both ends when the maximum does not meet the target', async () => {
    const result = await seek(async (v) => v / 100, { min: 0, max: 9, step: 1, confidence: 0.8 });
    expect(result).toEqual({
      value: null, reason: 'notMetAtMax',
      path: [{ value: 0, probability: 0, met: false }, { value: 9, probability: 0.09, met: false }],
    });
  });

  it('stays on the grid min + k × step, stopping at the last point not above max', async () => {
    const probed: number[] = [];
    const result = await seek(async (v) => {
      probed.push(v);
      return v >= 7 ? 1 : 0;
    }, { min: 1, max: 11, step: 3, confidence: 0.5 });
    // grid 1, 4, 7, 10 (13 is above max): ends first, then the middle of 1..10 (k = 1).
    expect(probed).toEqual([1, 10, 4, 7]);
    expect(result).toMatchObject({ value: 7, reason: 'found' });
  });

  it('rounds grid values so decimal steps give clean numbers (0.3, not 0.30000000000000004)', async () => {
    const probed: number[] = [];
    const result = await seek(async (v) => {
      probed.push(v);
      return v >= 0.3 ? 1 : 0;
    }, { min: 0, max: 1, step: 0.1, confidence: 0.5 });
    expect(result.value).toBe(0.3);
    expect(probed).toContain(0.3);
    expect(probed.every((v) => Number.isInteger(Math.round(v * 10)) && Math.abs(v * 10 - Math.round(v * 10)) < 1e-12)).toBe(true);
    // 1 is on the grid although (1 - 0) / 0.1 is 9.999999999999998 in floating point
    expect(probed[1]).toBe(1);
  });

  it('finds the smallest met value next to the maximum, and next to the minimum', async () => {
    const at = async (threshold: number) => (await seek(async (v) => (v >= threshold ? 1 : 0), { min: 0, max: 16, step: 1, confidence: 0.5 })).value;
    expect(await at(16)).toBe(16);
    expect(await at(1)).toBe(1);
    expect(await at(9)).toBe(9);
  });
});

describe('lever paths in JSON', () => {
  it.each([
    ['a', ['a']],
    ['_a.$b', ['_a', '$b']],
    ['levers[12].x', ['levers', 12, 'x']],
    ['a[0][1]', ['a', 0, 1]],
    ['a1.b2', ['a1', 'b2']],
  ] as const)('splits %s', (path, segments) => {
    expect(pathSegments(path)).toEqual(E.right(segments));
  });

  it.each(['', 'a.', 'a..b', 'a[', 'a[-1]', 'a b', '1a', 'a.[0]', 'a[0]x'])('rejects %j, naming it', (path) => {
    expect(pathSegments(path)).toEqual(E.left(`--lever: expected a path such as levers[0].householdsPerYear, found ${JSON.stringify(path)}`));
  });

  it('reads a number only where the whole path leads to one', () => {
    const json = { a: [{ b: 3, s: '3', n: null }], top: 1 };
    expect(numberAt(json, ['a', 0, 'b'])).toBe(3);
    expect(numberAt(json, ['top'])).toBe(1);
    expect(numberAt(json, ['a', 0, 's'])).toBeUndefined();
    expect(numberAt(json, ['a', 0, 'n', 'x'])).toBeUndefined();
    expect(numberAt(json, ['top', 'x'])).toBeUndefined();
    expect(numberAt(json, ['a', 1, 'b'])).toBeUndefined();
    expect(numberAt(json, ['a'])).toBeUndefined();
    expect(numberAt(5, [])).toBe(5);
  });

  it('writes a number at a path, copying only the nodes on the way', () => {
    const json = { a: [{ b: 3 }, { b: 4 }], c: { d: 1 } };
    const changed = withNumberAt(json, ['a', 1, 'b'], 9) as typeof json;
    expect(changed).toEqual({ a: [{ b: 3 }, { b: 9 }], c: { d: 1 } });
    expect(json).toEqual({ a: [{ b: 3 }, { b: 4 }], c: { d: 1 } });
    expect(changed.c).toBe(json.c);
    expect(changed.a[0]).toBe(json.a[0]);
    expect(Array.isArray(changed.a)).toBe(true);
    expect(withNumberAt(json, [], 7)).toBe(7);
  });
});
