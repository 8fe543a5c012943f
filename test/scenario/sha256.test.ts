// The pure SHA-256 against node:crypto's: known vectors, generated text (ASCII, any Unicode, lone
// surrogates) with lengths around the block edges (55/56/64 bytes), and the hash of every
// shipped scenario, which must be what it was when hash.ts used node:crypto.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { canonicalJson, scenarioHash } from '../../src/scenario/hash.js';
import { sha256Bytes, sha256Hex } from '../../src/scenario/sha256.js';

const nodeHex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('equals node:crypto for every length from 0 to 200 bytes (block edges at 55, 56, 64, 119, 120, 128)', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(Buffer.from(sha256Bytes(bytes)).toString('hex'), `length ${n}`).toBe(nodeHex(bytes));
    }
  });

  it('equals node:crypto on generated ASCII text, with lengths around the block edges', () => {
    const edge = fc.constantFrom(0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 121, 127, 128, 129);
    const ascii = edge.chain((n) => fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), minLength: n, maxLength: n }));
    fc.assert(fc.property(ascii, (s) => sha256Hex(s) === nodeHex(s)), { numRuns: 300 });
  });

  it('equals node:crypto on generated Unicode text (2-, 3- and 4-byte UTF-8) near the block edges', () => {
    // Multi-byte characters push the byte length across 55/56/64 at different character counts.
    const text = fc.string({ unit: 'binary', minLength: 10, maxLength: 70 });
    fc.assert(fc.property(text, (s) => sha256Hex(s) === nodeHex(s)), { numRuns: 500 });
    for (const s of ['£'.repeat(27) + 'a', '£'.repeat(28), '€'.repeat(18) + 'ab', '😀'.repeat(14), `${'a'.repeat(53)}é`, 'Medway · Kent — “2022”']) {
      expect(sha256Hex(s), s).toBe(nodeHex(s));
    }
  });

  it('treats lone surrogates as node:crypto does (U+FFFD)', () => {
    const units = fc.array(fc.integer({ min: 0xd700, max: 0xe000 }), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs));
    fc.assert(fc.property(units, (s) => sha256Hex(s) === nodeHex(s)), { numRuns: 300 });
  });
});

describe('scenarioHash', () => {
  const root = join(import.meta.dirname, '..', '..', 'scenarios');
  const files = [join(root, 'medway-2022.json'), ...readdirSync(join(root, 'options')).filter((f) => f.endsWith('.json')).map((f) => join(root, 'options', f))];

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('is unchanged for %s (equal to node:crypto over the same canonical JSON)', (_name, file) => {
    const rs = loadScenarioFile(file);
    if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
    const expected = `sha256:${nodeHex(canonicalJson({ scenario: rs.right.scenario, zones: rs.right.zones }))}`;
    expect(scenarioHash(rs.right)).toBe(expected);
  });
});
