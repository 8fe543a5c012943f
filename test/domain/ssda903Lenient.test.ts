import { describe, expect, it } from 'vitest';
import { decodeDobLenient, decodeEpisodeLenient, LENIENT_EPISODE_COLUMNS } from '../../src/domain/ssda903Lenient.js';
import { ROW_SPECS, parseDate903 } from '../../src/domain/ssda903.js';
import { day } from '../fixtures/ssda903/rows.js';

type Cells = Partial<Record<(typeof LENIENT_EPISODE_COLUMNS)[number], string>>;
const GOOD: Cells = { CHILD: 'A1', DECOM: '01/05/2023', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', HOME_POST: 'ME4 4', PL_POST: 'ME5 0' };
const texts = (over: Cells = {}): (string | undefined)[] => LENIENT_EPISODE_COLUMNS.map((c) => ({ ...GOOD, ...over })[c]);

describe('decodeEpisodeLenient', () => {
  it('reads the columns in the reader\'s order (ROW_SPECS.Episodes)', () => {
    expect(ROW_SPECS.Episodes.cells.map((c) => c.column)).toEqual([...LENIENT_EPISODE_COLUMNS]);
  });

  it('a clean row decodes as the strict codec does, with no finding', () => {
    const r = decodeEpisodeLenient(texts({ DEC: '01/06/2023', REC: 'E8', REASON_PLACE_CHANGE: 'CARPL' }));
    expect(r.findings).toEqual([]);
    expect(r.row).toEqual({ CHILD: 'A1', DECOM: day('2023-05-01'), RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', DEC: day('2023-06-01'), REC: 'E8', REASON_PLACE_CHANGE: 'CARPL', HOME_POST: 'ME4 4', PL_POST: 'ME5 0' });
  });

  it.each([
    ['PLACE', 'Q9', 'unknown-place', { PLACE: 'Z1' }],
    ['PLACE', '', 'unknown-place', { PLACE: 'Z1' }],
    ['RNE', 'Z', 'unknown-rne', { RNE: 'P' }],
    ['LS', 'XX', 'unknown-ls', { LS: 'C2' }],
    ['CIN', 'N9', 'unknown-cin', { CIN: 'N8' }],
  ] as const)('%s %j → kept as other under %s', (column, value, rule, read) => {
    const r = decodeEpisodeLenient(texts({ [column]: value }));
    expect(r.findings).toEqual([{ rule, column }]);
    expect(r.row).toMatchObject(read);
  });

  it('an unknown provider reads as blank; unknown REC is left for cleaning; unknown REASON_PLACE_CHANGE reads OTHER', () => {
    const r = decodeEpisodeLenient(texts({ PLACE_PROVIDER: 'PR9', DEC: '01/06/2023', REC: 'E99', REASON_PLACE_CHANGE: 'WHIM' }));
    expect(r.findings.map((f) => f.rule)).toEqual(['unknown-provider', 'unknown-rec', 'unknown-reason-place-change']);
    expect(r.row?.PLACE_PROVIDER).toBeUndefined();
    expect(r.row?.REC).toBeUndefined();
    expect(r.row?.REASON_PLACE_CHANGE).toBe('OTHER');
  });

  it('an open episode\'s stray REC and REASON_PLACE_CHANGE are dropped, once', () => {
    const r = decodeEpisodeLenient(texts({ REC: 'E8', REASON_PLACE_CHANGE: 'CARPL' }));
    expect(r.findings).toEqual([{ rule: 'open-episode-with-reason', column: 'REC' }]);
    expect(r.row).not.toHaveProperty('REC');
    expect(r.row).not.toHaveProperty('REASON_PLACE_CHANGE');
    expect(decodeEpisodeLenient(texts({ REASON_PLACE_CHANGE: 'CARPL' })).findings).toEqual([{ rule: 'open-episode-with-reason', column: 'REASON_PLACE_CHANGE' }]);
  });

  it.each([
    [{ CHILD: '' }, undefined, 'unreadable-cell', 'CHILD'],
    [{ DECOM: '31/02/2023' }, 'A1', 'unreadable-cell', 'DECOM'],
    [{ DECOM: '' }, 'A1', 'unreadable-cell', 'DECOM'],
    [{ DEC: 'soon' }, 'A1', 'unreadable-cell', 'DEC'],
    [{ DEC: '30/04/2023', REC: 'E8' }, 'A1', 'ends-before-start', 'DEC'],
  ] as const)('%j: the row is not used, its child still counted', (over, child, rule, column) => {
    const r = decodeEpisodeLenient(texts(over));
    expect(r.row).toBeUndefined();
    expect(r.child).toBe(child);
    expect(r.findings).toEqual([{ rule, column }]);
  });

  it('a DOB row needs CHILD and a readable DOB', () => {
    expect(decodeDobLenient('A1', '2010-01-31')).toEqual({ row: { CHILD: 'A1', DOB: day('2010-01-31') }, child: 'A1', findings: [] });
    expect(decodeDobLenient('A1', 'n/k')).toEqual({ child: 'A1', findings: [{ rule: 'unreadable-cell', column: 'DOB' }] });
    expect(decodeDobLenient(' ', '01/01/2010')).toEqual({ findings: [{ rule: 'unreadable-cell', column: 'CHILD' }] });
  });
});

describe('parseDate903 reads dates as spreadsheets save them', () => {
  it.each([
    ['01/04/2023', '2023-04-01'], ['2023-04-01', '2023-04-01'], ['1/4/2023', '2023-04-01'],
    ['01/04/2023 00:00:00', '2023-04-01'], ['2023-04-01T00:00:00.000Z', '2023-04-01'], ['2023-04-01 00:00', '2023-04-01'],
    ['45017', '2023-04-01'], ['45017.0', '2023-04-01'], ['36526', '2000-01-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate903(text)).toBe(day(iso));
  });
  it.each(['4501', '450170', '45017.5', '01/04/2023 13:45', '31/02/2023', '2023-13-01'])('%s is not a date', (text) => {
    expect(parseDate903(text)).toBeUndefined();
  });
});
