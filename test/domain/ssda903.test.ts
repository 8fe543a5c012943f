import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Date903, EPISODES_COLUMNS, HEADER_COLUMNS, PLACE_CODES, ROW_SPECS, collectionYearOf, decodeRow903, exitReasonOf,
  formatDate903, identifyTable, normalisePostcode, parseDate903, placeCodeInForce, placeCodesOf, placeCodesFor, placementTypeOf,
  type EpisodeRow, type PlaceCode, type PlaceProvider,
} from '../../src/domain/ssda903.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('placementTypeOf: PLACE × PLACE_PROVIDER → placement type (DESIGN.md)', () => {
  const table: readonly (readonly [PlaceCode, PlaceProvider | undefined, string])[] = [
    ['U1', 'PR1', 'connected'], ['U2', 'PR1', 'connected'], ['U3', 'PR4', 'connected'],
    ['U4', 'PR1', 'inHouseFoster'], ['U5', 'PR2', 'inHouseFoster'], ['U6', 'PR3', 'inHouseFoster'],
    ['U4', 'PR4', 'ifa'], ['U5', 'PR5', 'ifa'], ['U6', 'PR4', 'ifa'], ['U6', undefined, 'inHouseFoster'],
    ['K2', 'PR1', 'residentialInHouse'], ['K2', 'PR2', 'residentialInHouse'], ['K2', 'PR3', 'residentialInHouse'],
    ['K2', 'PR4', 'residentialPrivate'], ['K2', 'PR5', 'residentialPrivate'],
    ['K3', 'PR4', 'supported'], ['H5', 'PR4', 'supported'], ['P2', 'PR1', 'supported'],
    ['R3', 'PR4', 'parentAndChild'], ['P1', 'PR0', 'placedWithParents'],
    ['A3', 'PR1', 'adoption'], ['A4', 'PR1', 'adoption'], ['A5', 'PR1', 'adoption'], ['A6', 'PR5', 'adoption'],
    ['K1', 'PR1', 'secure'],
    ['R1', 'PR1', 'other'], ['R2', 'PR3', 'other'], ['R5', 'PR3', 'other'], ['S1', 'PR4', 'other'], ['P3', 'PR4', 'other'], ['Z1', undefined, 'other'],
    ['T0', undefined, 'temporary'], ['T1', undefined, 'temporary'], ['T2', undefined, 'temporary'], ['T3', undefined, 'temporary'], ['T4', undefined, 'temporary'],
  ];
  it.each(table)('%s with %s is %s', (place, provider, expected) => {
    expect(placementTypeOf(place, provider)).toBe(expected);
  });

  it('covers every PLACE code of the 2024/25 list', () => {
    expect(new Set(table.map(([p]) => p))).toEqual(new Set(PLACE_CODES));
  });

  it('placeCodesOf is its inverse for every placement type (unregistered reads back as other)', () => {
    fc.assert(fc.property(fc.constantFrom(...PLACEMENT_TYPES), fc.integer({ min: day('2015-04-01'), max: day('2030-03-31') }), (type, d) => {
      const c = placeCodesOf(type, d);
      expect(placementTypeOf(c.PLACE, c.PLACE_PROVIDER)).toBe(type === 'unregistered' ? 'other' : type);
      expect(placeCodeInForce(c.PLACE, d, d, collectionYearOf(d))).toBeUndefined();
    }));
  });
});

describe('PLACE code lists by collection year', () => {
  it('K3 is in the list from 2023/24, not before', () => {
    expect(placeCodesFor(2022)).not.toContain('K3');
    expect(placeCodesFor(2023)).toContain('K3');
    expect(placeCodesFor(2024)).toContain('H5'); // still listed: episodes that ended by 28/10/2023 stay valid
  });
  it('K3 cannot start before 28 October 2023', () => {
    expect(placeCodeInForce('K3', day('2023-10-27'), undefined, 2023)).toMatch(/K3 .* exists from 28\/10\/2023/);
    expect(placeCodeInForce('K3', day('2023-10-28'), undefined, 2023)).toBeUndefined();
  });
  it('H5 and P2 must end by 28 October 2023 in a 2023/24 or later return (DfE rule 217)', () => {
    expect(placeCodeInForce('H5', day('2023-01-01'), undefined, 2023)).toMatch(/H5 is not a valid placement type from 28\/10\/2023/);
    expect(placeCodeInForce('P2', day('2023-01-01'), day('2023-11-01'), 2023)).toMatch(/P2/);
    expect(placeCodeInForce('H5', day('2023-01-01'), day('2023-10-28'), 2023)).toBeUndefined();
    expect(placeCodeInForce('H5', day('2022-01-01'), undefined, 2022)).toBeUndefined(); // open at 31/03/2023 in the 2022/23 return
  });
  it('collection years run 1 April – 31 March', () => {
    expect(collectionYearOf(day('2024-03-31'))).toBe(2023);
    expect(collectionYearOf(day('2024-04-01'))).toBe(2024);
  });
});

describe('identifyTable: by columns, not names', () => {
  it('recognises each table whatever the order, case, spaces or BOM', () => {
    expect(identifyTable(['\uFEFFchild', ...EPISODES_COLUMNS.slice(1).reverse()])).toEqual({ table: 'Episodes', missing: [] });
    expect(identifyTable(HEADER_COLUMNS.map((c) => ` ${c.toLowerCase()} `))).toEqual({ table: 'Header', missing: [] });
    expect(identifyTable(['CHILD', 'SEX', 'DOB', 'DUC'])).toEqual({ table: 'UASC', missing: [] });
    expect(identifyTable(['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'])?.table).toBe('Reviews');
  });
  it('names the missing columns of a recognised table', () => {
    expect(identifyTable(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'HOME_POST', 'PL_POST', 'URN'])).toEqual({ table: 'Episodes', missing: ['REASON_PLACE_CHANGE'] });
    expect(identifyTable(['CHILD', 'SEX', 'DOB', 'ETHNIC'])).toEqual({ table: 'Header', missing: ['UPN', 'MOTHER', 'MC_DOB'] });
  });
  it('gives up on a CSV with no distinctive 903 column', () => {
    expect(identifyTable(['referralId', 'dateOfBirth'])).toBeUndefined();
    expect(identifyTable(['CHILD', 'SEX', 'DOB'])).toBeUndefined();
  });
});

describe('dates (DD/MM/YYYY)', () => {
  it('reads day first and rejects dates that do not exist', () => {
    expect(parseDate903('01/04/2023')).toBe(day('2023-04-01'));
    expect(parseDate903('1/4/2023')).toBe(day('2023-04-01'));
    expect(parseDate903('29/02/2024')).toBe(day('2024-02-29'));
    expect(parseDate903('29/02/2023')).toBeUndefined();
    expect(parseDate903('2023-04-01')).toBe(day('2023-04-01'));
    expect(parseDate903('04/01/23')).toBeUndefined();
    expect(parseDate903('')).toBeUndefined();
  });
  it('formatDate903 and parseDate903 round-trip every day', () => {
    fc.assert(fc.property(fc.integer({ min: day('1990-01-01'), max: day('2060-12-31') }), (d) => {
      expect(parseDate903(formatDate903(d))).toBe(d);
    }));
  });
  it('the codec says why a date is wrong', () => {
    const r = Date903.validate('31/02/2023', []);
    expect(r._tag).toBe('Left');
  });
});

describe('decodeRow903', () => {
  const episode = (over: Record<string, string>): Record<string, string> => ({
    CHILD: '123', DECOM: '01/04/2023', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', DEC: '', REC: '', REASON_PLACE_CHANGE: '', HOME_POST: 'me4  4', PL_POST: 'ME4 4AB', URN: 'SC123456', ...over,
  });
  const decode = (r: Record<string, string>) => decodeRow903<EpisodeRow>(ROW_SPECS.Episodes, (c) => r[c]);

  it('decodes dates to day numbers, codes case-blind, blank optional cells as absent, postcodes to sectors', () => {
    const r = decode(episode({ place: '', PLACE: 'u4' }));
    expect(r.problems).toEqual([]);
    expect(r.row).toMatchObject({ CHILD: '123', DECOM: day('2023-04-01'), PLACE: 'U4', HOME_POST: 'ME4 4', PL_POST: 'ME4 4' });
    expect(r.row).not.toHaveProperty('DEC');
  });
  it('reports every problem, each naming its column', () => {
    const r = decode(episode({ PLACE: 'X9', DECOM: '31/02/2023', RNE: '', REC: 'E99' }));
    expect(r.row).toBeUndefined();
    expect(r.problems.map((p) => p.column)).toEqual(['DECOM', 'RNE', 'PLACE', 'REC']);
    expect(r.problems[0]!.message).toBe('expected date as DD/MM/YYYY, found "31/02/2023": no such date; DD/MM/YYYY is read day first');
    expect(r.problems[1]!.message).toBe('RNE is required; found a blank cell');
    expect(r.problems[2]!.message).toMatch(/^expected PLACE code \(one of A3, A4, .*K3\), found "X9"$/);
  });
});

describe('other code helpers', () => {
  it('exitReasonOf groups REC codes into the scenario reasons', () => {
    expect(['E11', 'E12'].map((c) => exitReasonOf(c as never))).toEqual(['adoption', 'adoption']);
    expect(['E41', 'E44', 'E45', 'E48'].map((c) => exitReasonOf(c as never))).toEqual(Array(4).fill('specialGuardianship'));
    expect(['E4A', 'E4B', 'E13'].map((c) => exitReasonOf(c as never))).toEqual(Array(3).fill('returnHome'));
    expect(['E2', 'E8', 'E15', 'E17'].map((c) => exitReasonOf(c as never))).toEqual(Array(4).fill('other'));
  });
  it('normalisePostcode cuts a full postcode to its sector', () => {
    expect(normalisePostcode(' me4 4ab ')).toBe('ME4 4');
    expect(normalisePostcode('SW1A1AA')).toBe('SW1A 1');
    expect(normalisePostcode('ME4')).toBe('ME4');
  });
});
