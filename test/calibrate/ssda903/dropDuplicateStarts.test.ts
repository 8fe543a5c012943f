import { describe, expect, it } from 'vitest';
import { dropDuplicateStarts } from '../../../src/calibrate/ssda903/dropDuplicateStarts.js';
import { ep } from '../../fixtures/ssda903/rows.js';

describe('dropDuplicateStarts (rule 3: same CHILD and DECOM)', () => {
  it('keeps the copy with the latest non-blank DEC', () => {
    const open = ep('1', '2022-07-01');
    const closedEarly = ep('1', '2022-07-01', '2023-01-01');
    const closedLate = ep('1', '2022-07-01', '2023-05-01');
    expect(dropDuplicateStarts([open, closedLate, closedEarly])).toEqual({ kept: [closedLate], dropped: 2 });
    expect(dropDuplicateStarts([closedEarly, open])).toEqual({ kept: [closedEarly], dropped: 1 });
  });
  it('when every copy is open keeps the last read (the latest return)', () => {
    const a = ep('1', '2022-07-01', undefined, { src: 0 });
    const b = ep('1', '2022-07-01', undefined, { src: 1, PL_POST: 'ME1 1' });
    expect(dropDuplicateStarts([a, b])).toEqual({ kept: [b], dropped: 1 });
  });
  it('leaves episodes with different starts alone', () => {
    const a = ep('1', '2022-07-01', '2022-08-01');
    const b = ep('1', '2022-08-01');
    expect(dropDuplicateStarts([a, b]).dropped).toBe(0);
  });
});
