// Shipped files are found inside the package, whatever the working folder; a user's path that
// names a shipped file from the wrong folder gets a hint, never a silent substitute.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { packageRoot, shippedFile, withShippedCopyHints } from '../../src/io/packageRoot.js';

const REPO = resolve(fileURLToPath(new URL('../../', import.meta.url)));

describe('packageRoot and shippedFile', () => {
  it('find the package folder and the files shipped in it', () => {
    expect(packageRoot()).toEqual(E.right(REPO));
    expect(shippedFile('scenarios/medway-2022.json')).toBe(join(REPO, 'scenarios', 'medway-2022.json'));
    expect(existsSync(shippedFile('scenarios/medway-2022.json'))).toBe(true);
    expect(existsSync(shippedFile('data/geography/postcode-sectors.csv'))).toBe(true);
  });
});

describe('withShippedCopyHints', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'sufficiency-hint-'));

  it('adds the shipped copy\'s path after "not found" for a relative path that exists in the package', () => {
    const lines = ['scenarios/medway-2022.json: file not found', 'referrals.csv, line 2: something else'];
    const hinted = withShippedCopyHints(lines, elsewhere);
    expect(hinted).toHaveLength(3);
    expect(hinted[0]).toBe(lines[0]);
    expect(hinted[1]).toContain(join(REPO, 'scenarios', 'medway-2022.json'));
    expect(hinted[1]).toContain(elsewhere);
    expect(hinted[2]).toBe(lines[1]);
    expect(withShippedCopyHints(['scenarios/examples/ssda903: no such directory'], elsewhere)[1]).toContain(join(REPO, 'scenarios', 'examples', 'ssda903'));
  });

  it('leaves other messages alone: absolute paths, files not in the package, paths outside it, files found where the user is', () => {
    for (const line of [
      `${join(elsewhere, 'scenarios/medway-2022.json')}: file not found`,
      'scenarios/my-area.json: file not found',
      '../scenarios/medway-2022.json: file not found',
      'scenarios/medway-2022.json: $.carers[0]: expected an object',
    ]) expect(withShippedCopyHints([line], elsewhere)).toEqual([line]);
    expect(withShippedCopyHints(['scenarios/medway-2022.json: file not found'], REPO)).toEqual(['scenarios/medway-2022.json: file not found']);
  });
});
