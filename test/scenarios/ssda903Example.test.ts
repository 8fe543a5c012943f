// The shipped SSDA903 example (scenarios/examples/ssda903/, read by the README's `ssda903`
// example) is exactly what the synthetic generator writes, so the README's output stays true.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_903_DIR, example903Files } from '../fixtures/ssda903/writeExample.js';

const csvFilesUnder = (root: string, dir: string = root): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? csvFilesUnder(root, join(dir, e.name))
    : e.isFile() && e.name.endsWith('.csv') ? [relative(root, join(dir, e.name)).split(sep).join('/')]
    : []).sort();

describe('the shipped SSDA903 example', () => {
  it('is the synthetic generator\'s output (regenerate: npx tsx test/fixtures/ssda903/writeExample.ts)', () => {
    const expected = example903Files();
    expect(csvFilesUnder(EXAMPLE_903_DIR)).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) {
      expect(readFileSync(join(EXAMPLE_903_DIR, name), 'utf8'), name).toBe(text);
    }
  });
});
