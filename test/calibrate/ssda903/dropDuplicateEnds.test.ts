import { describe, expect, it } from 'vitest';
import { dropDuplicateEnds } from '../../../src/calibrate/ssda903/dropDuplicateEnds.js';
import { ep } from '../../fixtures/ssda903/rows.js';

describe('dropDuplicateEnds (rule 4: same CHILD and DEC)', () => {
  it('keeps the earliest DECOM, so the start of the period is not lost', () => {
    const original = ep('1', '2023-01-01', '2023-06-01');
    const corrected = ep('1', '2023-01-05', '2023-06-01', { RNE: 'P' });
    expect(dropDuplicateEnds([corrected, original])).toEqual({ kept: [original], dropped: 1 });
  });
  it('never treats open episodes as duplicates', () => {
    expect(dropDuplicateEnds([ep('1', '2023-01-01'), ep('1', '2023-02-01')]).dropped).toBe(0);
  });
});
