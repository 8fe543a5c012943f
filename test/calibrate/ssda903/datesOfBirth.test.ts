import { describe, expect, it } from 'vitest';
import { datesOfBirth } from '../../../src/calibrate/ssda903/datesOfBirth.js';
import { day, person } from '../../fixtures/ssda903/rows.js';

describe('datesOfBirth (rule 9)', () => {
  it('one DOB per child, the last file read wins, differences counted', () => {
    const r = datesOfBirth([person('a', '2010-01-01'), person('b', '2012-01-01'), person('a', '2010-01-01'), person('b', '2012-02-01')]);
    expect([...r.dob]).toEqual([['a', day('2010-01-01')], ['b', day('2012-02-01')]]);
    expect(r).toMatchObject({ repeats: 2, conflicts: 1 });
  });
});
