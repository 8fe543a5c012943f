// The step of a one-measure knob (`nextScalar`): regula falsi once the trials bracket the target,
// the secant through the two newest before that, a damped ratio step from a single trial.
import { describe, expect, it } from 'vitest';
import { BRACKET_MEMORY, SECANT_LIMIT, nextScalar, type Trial } from '../../src/calibrate/fit.js';

/** A step that is easy to recognise: the newest x plus 1000 (clamped by the bounds). */
const marker = (x: number): number => x + 1000;
const wide: [number, number] = [0, 10_000];

describe('nextScalar', () => {
  it('from one trial: the ratio step, within the bounds', () => {
    expect(nextScalar([{ x: 1, y: 0.1 }], 0.2, marker, wide)).toBe(1001);
    expect(nextScalar([{ x: 1, y: 0.1 }], 0.2, marker, [0, 8])).toBe(8);
  });

  it('two trials on one side of the target: the secant through them, which lands on a straight-line response', () => {
    // y = 0.1 x: at x = 1 and 1.5 the measure is 0.1 and 0.15; the target 0.25 is at x = 2.5.
    const trials: Trial[] = [{ x: 1, y: 0.1 }, { x: 1.5, y: 0.15 }];
    expect(nextScalar(trials, 0.25, marker, wide)).toBeCloseTo(2.5, 12);
    // and from above: y = 0.1 x at 4 and 3, target 0.25
    expect(nextScalar([{ x: 4, y: 0.4 }, { x: 3, y: 0.3 }], 0.25, marker, wide)).toBeCloseTo(2.5, 12);
  });

  it(`the secant moves at most ${SECANT_LIMIT} times (or 1/${SECANT_LIMIT} of) the newest value, and stays within the bounds`, () => {
    const shallow: Trial[] = [{ x: 1, y: 0.1 }, { x: 1.1, y: 0.1001 }];
    expect(nextScalar(shallow, 0.3, marker, wide)).toBeCloseTo(1.1 * SECANT_LIMIT, 12);
    expect(nextScalar([{ x: 1.1, y: 0.1001 }, { x: 1, y: 0.1 }], 0.01, marker, wide)).toBeCloseTo(1 / SECANT_LIMIT, 12);
    expect(nextScalar(shallow, 0.3, marker, [0, 1.5])).toBe(1.5);
  });

  it('a measure that fell as the knob rose (noise), or two trials at the same value: the ratio step instead of the secant', () => {
    expect(nextScalar([{ x: 1, y: 0.12 }, { x: 1.5, y: 0.1 }], 0.2, marker, wide)).toBe(1001.5);
    expect(nextScalar([{ x: 1, y: 0.1 }, { x: 1.001, y: 0.11 }], 0.2, marker, wide)).toBe(1001.001);
  });

  it('bracketed: regula falsi between the newest trials either side, never outside them', () => {
    const trials: Trial[] = [{ x: 1, y: 0.1 }, { x: 3, y: 0.3 }];
    expect(nextScalar(trials, 0.25, marker, wide)).toBeCloseTo(2.5, 12);
    // a bent response: the interpolation still lies between the two
    const bent: Trial[] = [{ x: 1, y: 0.1 }, { x: 2, y: 0.5 }];
    const x = nextScalar(bent, 0.2, marker, wide);
    expect(x).toBeCloseTo(1.25, 12);
  });

  it(`only the newest ${BRACKET_MEMORY} trials count: an old bracket is forgotten`, () => {
    const trials: Trial[] = [{ x: 5, y: 0.5 }, { x: 1, y: 0.1 }, { x: 1.2, y: 0.12 }, { x: 1.4, y: 0.14 }];
    // with the first trial the target 0.3 would be bracketed (x = 3 by regula falsi between 1.4 and 5);
    // without it, the secant through 1.2 and 1.4 also gives 3 but is capped at 2 × 1.4
    expect(nextScalar(trials, 0.3, marker, wide)).toBeCloseTo(2.8, 12);
  });
});
