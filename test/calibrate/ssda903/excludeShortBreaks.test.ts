import { describe, expect, it } from 'vitest';
import { excludeShortBreaks } from '../../../src/calibrate/ssda903/excludeShortBreaks.js';
import { ep } from '../../fixtures/ssda903/rows.js';

describe('excludeShortBreaks (rule 2)', () => {
  it('drops LS V3 and V4 episodes and keeps every other legal status', () => {
    const keep = ['C1', 'C2', 'V2', 'E1', 'J2'].map((ls) => ep('1', '2023-01-01', undefined, { LS: ls as never }));
    const breaks = ['V3', 'V4'].map((ls) => ep('1', '2023-03-01', '2023-03-03', { LS: ls as never }));
    expect(excludeShortBreaks([...keep, ...breaks])).toEqual({ kept: keep, dropped: 2 });
  });
});
