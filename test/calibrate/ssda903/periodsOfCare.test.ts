import { describe, expect, it } from 'vitest';
import { periodsOfCare } from '../../../src/calibrate/ssda903/periodsOfCare.js';
import { day, ep } from '../../fixtures/ssda903/rows.js';

describe('periodsOfCare (rule 6)', () => {
  it('chains X1 episodes into one period that ends at the first other REC', () => {
    const a = ep('1', '2023-01-01', '2023-02-01', { REC: 'X1' });
    const b = ep('1', '2023-02-01', '2023-06-01', { RNE: 'P', REC: 'E4A' });
    const [p, ...rest] = periodsOfCare([a, b]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ start: day('2023-01-01'), startKnown: true, end: day('2023-06-01'), rec: 'E4A', censoredAt: undefined });
    expect(p!.episodes).toEqual([a, b]);
  });
  it('a period whose first episode is not RNE S has an unknown start; a return after an exit is known', () => {
    const before = ep('1', '2021-09-01', '2023-01-01', { RNE: 'P', REC: 'E4A' });
    const back = ep('1', '2023-05-01', undefined, { RNE: 'P' });
    const ps = periodsOfCare([before, back]);
    expect(ps.map((p) => [p.startKnown, p.end, p.censoredAt])).toEqual([[false, day('2023-01-01'), undefined], [true, undefined, undefined]]);
  });
  it('X1 with nothing after it, or a gap, censors the period there', () => {
    const a = ep('1', '2023-01-01', '2023-02-01', { REC: 'X1' });
    const b = ep('1', '2023-03-01', undefined, { RNE: 'P' });
    const ps = periodsOfCare([a, b]);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatchObject({ end: undefined, censoredAt: day('2023-02-01') });
    expect(ps[1]!.startKnown).toBe(false);
  });
});
