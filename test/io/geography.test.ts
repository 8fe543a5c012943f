import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { distanceMiles, type Centroid, type Gazetteer } from '../../src/domain/geography.js';
import { DISTRICTS_FILE, SECTORS_FILE, loadGazetteer, lookupZone } from '../../src/io/geography.js';
import { rightOf } from '../fixtures/either.js';

const MEDWAY = 'E06000035';

const loadReal = (): Gazetteer => {
  const result = loadGazetteer();
  if (E.isLeft(result)) throw new Error(result.left);
  return result.right;
};

const zone = (g: Gazetteer, code: string): Centroid => {
  const c = lookupZone(g, code);
  if (c === undefined) throw new Error(`${code} missing from the gazetteer`);
  return c;
};

describe('loadGazetteer (the shipped data/geography)', () => {
  const g = loadReal();

  it('holds 12,272 sectors and 3,078 districts in one map', () => {
    const keys = [...g.keys()];
    expect(keys.filter((k) => k.includes(' '))).toHaveLength(12_272);
    expect(keys.filter((k) => !k.includes(' '))).toHaveLength(3_078);
    expect(g.size).toBe(12_272 + 3_078);
  });

  it('has the Medway sector ME4 4 and district ME4, both majority Medway', () => {
    expect(g.get('ME4 4')).toEqual({ easting: 576_088, northing: 168_345, laCode: MEDWAY });
    expect(g.get('ME4')).toEqual({ easting: 576_025, northing: 167_738, laCode: MEDWAY });
  });

  it('gives the DfE distance between two Chatham/Gillingham sectors', () => {
    // ME4 4 (576088, 168345) → ME7 1 (577535, 168850): Δ = (1447, 505) m,
    // √(1447² + 505²) = 1532.6 m = 0.9523 miles → 1.0
    expect(distanceMiles(zone(g, 'ME4 4'), zone(g, 'ME7 1'))).toBe(1);
    // ME4 4 → ME14 1 (576153, 155833), Maidstone: Δ = (65, −12512) m = 12512.2 m = 7.7749 miles → 7.8
    expect(distanceMiles(zone(g, 'ME4 4'), zone(g, 'ME14 1'))).toBe(7.8);
  });

  it('lookupZone normalises what a user types', () => {
    expect(lookupZone(g, ' me4   4 ')).toBe(g.get('ME4 4'));
    expect(lookupZone(g, 'me4')).toBe(g.get('ME4'));
    expect(lookupZone(g, 'ZZ99 9')).toBeUndefined();
  });

  it('every sector has its district, grid coordinates in range and an ONS LA code', () => {
    let bad = 0;
    for (const [code, c] of g) {
      const ok =
        (!code.includes(' ') || g.has(code.split(' ')[0] ?? '')) &&
        c.easting >= 0 && c.easting <= 700_000 &&
        c.northing >= 0 && c.northing <= 1_300_000 &&
        /^[ENSW]\d{8}$/.test(c.laCode ?? '');
      if (!ok) bad += 1;
    }
    expect(bad).toBe(0);
  });

  it('caches per directory', () => {
    expect(loadReal()).toBe(g);
  });
});

describe('loadGazetteer (malformed files)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const SECTORS_OK = 'sector,easting,northing,laCode,laShare,postcodes\nME4 4,576088,168345,E06000035,1.0,385\n';
  const DISTRICTS_OK = 'district,easting,northing,laCode,laShare,postcodes\nME4,576025,167738,E06000035,1.0,1228\n';

  const fixture = (sectors: string, districts: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
    dirs.push(dir);
    writeFileSync(join(dir, SECTORS_FILE), sectors);
    writeFileSync(join(dir, DISTRICTS_FILE), districts);
    return dir;
  };

  const leftOf = (dir: string): string => {
    const result = loadGazetteer(dir);
    if (E.isRight(result)) throw new Error('expected a Left');
    return result.left;
  };

  it('loads a well-formed pair of files', () => {
    const result = loadGazetteer(fixture(SECTORS_OK, DISTRICTS_OK));
    expect([...rightOf(result).keys()].sort()).toEqual(['ME4', 'ME4 4']);
  });

  it('names the file and line of a non-numeric easting', () => {
    const dir = fixture(`${SECTORS_OK}ME7 1,57x535,168850,E06000035,1.0,338\n`, DISTRICTS_OK);
    const msg = leftOf(dir);
    expect(msg).toContain(join(dir, SECTORS_FILE));
    expect(msg).toContain(':3:');
    expect(msg).toMatch(/easting/);
  });

  it('names the file and line of an empty northing', () => {
    const dir = fixture(SECTORS_OK, `${DISTRICTS_OK}ME7,577884,,E06000035,0.978,1438\n`);
    const msg = leftOf(dir);
    expect(msg).toContain(`${join(dir, DISTRICTS_FILE)}:3:`);
    expect(msg).toMatch(/northing/);
  });

  it('names the file and line of a row with the wrong number of fields', () => {
    const dir = fixture(`${SECTORS_OK}ME7 1,577535,168850\n`, DISTRICTS_OK);
    expect(leftOf(dir)).toContain(`${join(dir, SECTORS_FILE)}:3:`);
  });

  it('rejects an unexpected header at line 1', () => {
    const dir = fixture(SECTORS_OK.replace('sector,', 'postcode,'), DISTRICTS_OK);
    const msg = leftOf(dir);
    expect(msg).toContain(`${join(dir, SECTORS_FILE)}:1:`);
    expect(msg).toMatch(/header/);
  });

  it('rejects a zone listed twice', () => {
    const dir = fixture(`${SECTORS_OK}me4  4,1,2,E06000035,1.0,1\n`, DISTRICTS_OK);
    expect(leftOf(dir)).toContain(`${join(dir, SECTORS_FILE)}:3:`);
  });

  it('reports a missing file as a Left naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
    dirs.push(dir);
    expect(leftOf(dir)).toContain(join(dir, SECTORS_FILE));
  });
});
