import { describe, expect, it } from 'vitest';
import type { EpisodeRow } from '../../src/domain/ssda903.js';
import {
  checkEndsAfterStart, checkEpisodeRow, checkNoOverlaps, checkPlaceInForce, checkProvider, checkReasonWithEnd, checkStartsAfterBirth,
} from '../../src/domain/ssda903Checks.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const ep = (over: Partial<EpisodeRow> = {}): EpisodeRow => ({
  CHILD: '1', DECOM: day('2023-05-01'), RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', ...over,
});

describe('checkEndsAfterStart (DfE rule 356)', () => {
  it('flags an episode that runs backwards, on DEC', () => {
    expect(checkEndsAfterStart(ep({ DEC: day('2023-04-30'), REC: 'E8' }))).toEqual({
      column: 'DEC', message: 'the episode ends (DEC 30/04/2023) before it starts (DECOM 01/05/2023): it runs backwards',
    });
  });
  it('allows a same-day episode and an open one', () => {
    expect(checkEndsAfterStart(ep({ DEC: day('2023-05-01'), REC: 'X1' }))).toBeUndefined();
    expect(checkEndsAfterStart(ep())).toBeUndefined();
  });
});

describe('checkReasonWithEnd', () => {
  it('needs REC when DEC is given, and no REC without DEC', () => {
    expect(checkReasonWithEnd(ep({ DEC: day('2023-06-01') }))?.column).toBe('REC');
    expect(checkReasonWithEnd(ep({ REC: 'E8' }))?.column).toBe('DEC');
    expect(checkReasonWithEnd(ep({ DEC: day('2023-06-01'), REC: 'E8' }))).toBeUndefined();
  });
});

describe('checkProvider (DfE rule 178; PR0 only with P1)', () => {
  it('needs a provider except for T0–T4 and Z1', () => {
    expect(checkProvider(ep({ PLACE_PROVIDER: undefined }))?.message).toMatch(/PLACE_PROVIDER is required for placement U4/);
    expect(checkProvider(ep({ PLACE: 'T2', PLACE_PROVIDER: undefined }))).toBeUndefined();
    expect(checkProvider(ep({ PLACE: 'Z1', PLACE_PROVIDER: undefined }))).toBeUndefined();
  });
  it('allows PR0 (parents) only with P1', () => {
    expect(checkProvider(ep({ PLACE_PROVIDER: 'PR0' }))?.message).toBe('PR0 (parents) goes only with PLACE P1; found PLACE U4');
    expect(checkProvider(ep({ PLACE: 'P1', PLACE_PROVIDER: 'PR0' }))).toBeUndefined();
  });
});

describe('checkPlaceInForce (versioned code lists)', () => {
  it('rejects an open H5 in a 2023/24 return and K3 before 28/10/2023', () => {
    expect(checkPlaceInForce(ep({ PLACE: 'H5', PLACE_PROVIDER: 'PR4' }), 2023)?.column).toBe('PLACE');
    expect(checkPlaceInForce(ep({ PLACE: 'K3', PLACE_PROVIDER: 'PR4' }), 2023)?.column).toBe('PLACE');
    expect(checkPlaceInForce(ep({ PLACE: 'H5', PLACE_PROVIDER: 'PR4' }), 2022)).toBeUndefined();
  });
  it('checkEpisodeRow collects every rule', () => {
    expect(checkEpisodeRow(ep({ PLACE: 'K3', PLACE_PROVIDER: undefined, DEC: day('2023-01-01') }), 2023).map((p) => p.column)).toEqual(['PLACE', 'PLACE_PROVIDER', 'DEC', 'REC']);
  });
});

describe('checkNoOverlaps (DfE rule 501, within one return)', () => {
  const at = (decom: string, dec: string | undefined, line: number) => ({ DECOM: day(decom), DEC: dec === undefined ? undefined : day(dec), line });
  it('flags an episode starting before the previous one ends, naming both lines', () => {
    expect(checkNoOverlaps('7', [at('2023-01-01', '2023-03-01', 2), at('2023-02-01', undefined, 3)])).toEqual([{
      line: 3, column: 'DECOM', message: 'child 7: this episode starts 01/02/2023, before the episode on line 2 ends (01/03/2023): episodes overlap',
    }]);
  });
  it('flags a later episode while an earlier one is still open', () => {
    expect(checkNoOverlaps('7', [at('2023-02-01', undefined, 5), at('2023-01-01', undefined, 4)])[0]?.message).toMatch(/line 4 \(from 01\/01\/2023\) is still open/);
  });
  it('accepts contiguous episodes, in any order, and repeats of one episode', () => {
    expect(checkNoOverlaps('7', [at('2023-03-01', undefined, 3), at('2023-01-01', '2023-03-01', 2), at('2023-01-01', undefined, 9)])).toEqual([]);
  });
});

describe('checkStartsAfterBirth', () => {
  it('flags an episode before the date of birth', () => {
    expect(checkStartsAfterBirth('7', { DECOM: day('2020-01-01'), DEC: undefined, line: 4 }, day('2020-02-01'))?.message).toBe('child 7: the episode starts 01/01/2020, before the date of birth 01/02/2020 in the Header');
    expect(checkStartsAfterBirth('7', { DECOM: day('2020-02-01'), DEC: undefined, line: 4 }, day('2020-02-01'))).toBeUndefined();
  });
});
