import { describe, expect, it } from 'vitest';
import { dropIdenticalRows } from '../../../src/calibrate/ssda903/dropIdenticalRows.js';
import { ep } from '../../fixtures/ssda903/rows.js';

describe('dropIdenticalRows (rule 1)', () => {
  it('keeps one copy of a row repeated in two returns, in order', () => {
    const a = ep('1', '2023-01-01');
    const b = ep('1', '2023-02-01', undefined, { RNE: 'P' });
    const r = dropIdenticalRows([a, b, { ...a, src: 1, line: 9 }]);
    expect(r).toEqual({ kept: [a, b], dropped: 1 });
  });
  it('keeps rows that differ in any column', () => {
    const a = ep('1', '2023-01-01');
    expect(dropIdenticalRows([a, { ...a, PL_POST: 'ME4 4' }, { ...a, DEC: 19500, REC: 'E8' }]).dropped).toBe(0);
  });
});
