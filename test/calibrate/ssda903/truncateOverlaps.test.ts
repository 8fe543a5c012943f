import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateOverlaps } from '../../../src/calibrate/ssda903/truncateOverlaps.js';
import { day, ep } from '../../fixtures/ssda903/rows.js';

describe('truncateOverlaps (rule 5)', () => {
  it('cuts an open or over-long episode at the next DECOM and marks it X1', () => {
    const open = ep('1', '2023-01-01');
    const next = ep('1', '2023-01-05', '2023-09-01', { REC: 'E45' });
    const r = truncateOverlaps([next, open]);
    expect(r.truncated).toBe(1);
    expect(r.kept).toEqual([{ ...open, DEC: day('2023-01-05'), REC: 'X1' }, next]);
  });
  it('leaves contiguous and separated episodes alone', () => {
    const a = ep('1', '2023-01-01', '2023-02-01', { REC: 'X1' });
    const b = ep('1', '2023-02-01', '2023-03-01');
    const c = ep('1', '2023-06-01');
    expect(truncateOverlaps([a, b, c])).toEqual({ kept: [a, b, c], truncated: 0 });
  });
  it('property: afterwards every episode ends no later than the next starts', () => {
    const episodes = fc.array(fc.record({ start: fc.integer({ min: 0, max: 1000 }), length: fc.option(fc.integer({ min: 0, max: 400 })) }), { maxLength: 12 })
      .map((xs) => {
        const seen = new Set<number>();
        return xs.filter((x) => !seen.has(x.start) && seen.add(x.start)).map((x) => ({ ...ep('1', '2020-01-01'), DECOM: x.start, ...(x.length === null ? {} : { DEC: x.start + x.length, REC: 'E8' as const }) }));
      });
    fc.assert(fc.property(episodes, (es) => {
      const { kept } = truncateOverlaps(es);
      expect(kept).toHaveLength(es.length);
      kept.forEach((e, i) => {
        const next = kept[i + 1];
        if (next !== undefined) expect(e.DEC).toBeLessThanOrEqual(next.DECOM);
      });
    }));
  });
});
