import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../../../src/calibrate/ssda903/mergeContinuations.js';
import { day, ep } from '../../fixtures/ssda903/rows.js';

describe('mergeContinuations (rule 7)', () => {
  it('RNE L, T and U continue the placement; P and B start a new one', () => {
    const episodes = [
      ep('1', '2023-01-01', '2023-02-01', { REC: 'X1', PL_POST: 'ME4 4' }),
      ep('1', '2023-02-01', '2023-03-01', { RNE: 'L', REC: 'X1', PL_POST: 'ME4 4' }),
      ep('1', '2023-03-01', '2023-04-01', { RNE: 'T', PLACE: 'A5', REC: 'X1', REASON_PLACE_CHANGE: 'CREQB', PL_POST: 'ME4 4' }),
      ep('1', '2023-04-01', '2023-05-01', { RNE: 'B', PLACE: 'K2', PLACE_PROVIDER: 'PR4', REC: 'X1' }),
      ep('1', '2023-05-01', undefined, { RNE: 'U', PLACE: 'K2', PLACE_PROVIDER: 'PR4' }),
    ];
    const r = mergeContinuations(episodes, undefined);
    expect(r.merged).toBe(3);
    expect(r.placements.map((p) => [p.start, p.end, p.endReason])).toEqual([[day('2023-01-01'), day('2023-04-01'), 'CREQB'], [day('2023-04-01'), undefined, undefined]]);
    // Fostering became an adoption placement with the same carer: a new segment, not a new placement.
    expect(r.placements[0]!.segments.map((s) => [s.type, s.start, s.end])).toEqual([
      ['inHouseFoster', day('2023-01-01'), day('2023-03-01')], ['adoption', day('2023-03-01'), day('2023-04-01')],
    ]);
  });
  it('a temporary move (T0–T4) and the return to the same carer are not placement changes', () => {
    const episodes = [
      ep('1', '2023-01-01', '2023-02-01', { REC: 'X1', PL_POST: 'ME4 4' }),
      ep('1', '2023-02-01', '2023-02-05', { RNE: 'P', PLACE: 'T1', PLACE_PROVIDER: undefined, REC: 'X1' }),
      ep('1', '2023-02-05', '2023-08-01', { RNE: 'P', PL_POST: 'ME4 4', REC: 'E4A' }),
    ];
    const r = mergeContinuations(episodes, day('2023-08-01'));
    expect(r).toMatchObject({ merged: 1, temporary: 1 });
    expect(r.placements).toHaveLength(1);
    expect(r.placements[0]!.segments).toEqual([{ start: day('2023-01-01'), end: day('2023-08-01'), type: 'inHouseFoster', place: 'U4', homePost: undefined, plPost: 'ME4 4' }]);
  });
  it('moving to a different carer after a temporary move is a new placement', () => {
    const episodes = [
      ep('1', '2023-01-01', '2023-02-01', { REC: 'X1', PL_POST: 'ME4 4' }),
      ep('1', '2023-02-01', '2023-02-05', { RNE: 'P', PLACE: 'T1', PLACE_PROVIDER: undefined, REC: 'X1' }),
      ep('1', '2023-02-05', undefined, { RNE: 'P', PLACE_PROVIDER: 'PR4', PL_POST: 'TN1 1' }),
    ];
    expect(mergeContinuations(episodes, undefined).placements.map((p) => p.segments[0]!.type)).toEqual(['inHouseFoster', 'ifa']);
  });
});
