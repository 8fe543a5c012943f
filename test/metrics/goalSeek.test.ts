import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { meets, numberAt, parseTarget, pathSegments, seek, withNumberAt } from '../../src/metrics/goalSeek.js';
import { expectRight } from '../fixtures/either.js';

describe('goal seek', () => {
  it('parses targets naming any metric, a comparison and a financial year', () => {
    expect(parseTarget('placedOver20Miles <= 0.25 in 2027/28')).toEqual(E.right({ metric: 'placedOver20Miles', comparison: '<=', value: 0.25, financialYear: '2027/28' }));
    expectRight(parseTarget('childrenInCareByPlacementType.residentialPrivate < 30 in 2025/26'));
    expect(parseTarget('nope <= 1 in 2025/26')).toEqual(E.left(expect.stringContaining('expected a metric id')));
    expect(parseTarget('shortfalls = 3')).toEqual(E.left(expect.stringContaining('expected "<metric>')));
    expect([meets({ metric: 'x', comparison: '<', value: 1, financialYear: '' }, 1), meets({ metric: 'x', comparison: '>=', value: 1, financialYear: '' }, 1)]).toEqual([false, true]);
  });

  it('finds the smallest value meeting the target by bisection, with its path', async () => {
    const evaluations: number[] = [];
    const result = await seek(async (v) => {
      evaluations.push(v);
      return v >= 13 ? 0.9 : 0.5;
    }, { min: 0, max: 40, step: 1, confidence: 0.8 });
    expect(result.value).toBe(13);
    expect(result.reason).toBe('found');
    expect(evaluations.slice(0, 2)).toEqual([0, 40]);
    expect(evaluations.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(40)));
    expect(result.path.map((p) => p.met)).toEqual(evaluations.map((v) => v >= 13));
  });

  it('says when the target is met at the minimum or not reached at the maximum', async () => {
    expect((await seek(async () => 1, { min: 2, max: 9, step: 0.5, confidence: 0.8 })).reason).toBe('metAtMin');
    const never = await seek(async () => 0.1, { min: 0, max: 9, step: 1, confidence: 0.8 });
    expect([never.reason, never.value]).toEqual(['notMetAtMax', null]);
  });

  it('reads and sets numbers at JSON paths without changing anything else', () => {
    const json = { levers: [{ lever: 'recruitInHouse', householdsPerYear: 10 }], name: 'x' };
    const seg = pathSegments('levers[0].householdsPerYear');
    expect(seg).toEqual(E.right(['levers', 0, 'householdsPerYear']));
    if (E.isLeft(seg)) return;
    expect(numberAt(json, seg.right)).toBe(10);
    const changed = withNumberAt(json, seg.right, 14) as typeof json;
    expect(changed.levers[0]!.householdsPerYear).toBe(14);
    expect(json.levers[0]!.householdsPerYear).toBe(10);
    expect(E.isLeft(pathSegments('levers[x]'))).toBe(true);
  });
});
