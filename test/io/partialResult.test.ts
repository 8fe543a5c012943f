// The partial result codec: a round trip keeps every number (NaN and -0 included); anything that is
// not a whole partial written by this format version is refused with the file's name.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { decodePartial, encodePartial, type PartialResult } from '../../src/io/partialResult.js';
import { METRIC_COUNT } from '../../src/domain/metricCatalog.js';
import { partialOf } from '../fixtures/partials.js';

const messages = (r: E.Either<string[], unknown>): string[] => (E.isLeft(r) ? r.left : []);

describe('partial result codec', () => {
  it('round-trips the header and every row, NaN, -0 and fractions included', () => {
    const special = [Number.NaN, -0, 0.1 + 0.2, 1e-300, -123456.789, Number.MAX_SAFE_INTEGER];
    const p = partialOf({}, (_, i) => special[i % special.length]!);
    const back = decodePartial(encodePartial(p), 'x.partial.gz');
    expect(E.isRight(back)).toBe(true);
    const r = (back as E.Right<PartialResult>).right;
    expect(r.header).toEqual(p.header);
    expect(Array.from(r.rows[0]!).map((x) => Object.is(x, -0) ? '-0' : x)).toEqual(Array.from(p.rows[0]!).map((x) => Object.is(x, -0) ? '-0' : x));
  });

  it('round-trips a comparison (several scenarios) and an empty shard', () => {
    const two = partialOf({ kind: 'compare', events: [1, 2], scenarios: [...partialOf().header.scenarios, { ...partialOf().header.scenarios[0]!, name: 'Option', hash: 'sha256:bb' }] });
    expect(decodePartial(encodePartial(two), 'c')).toEqual(E.right(two));
    const empty = partialOf({ shard: { index: 1, count: 7, from: 0, to: 0 } });
    expect(decodePartial(encodePartial(empty), 'e')).toEqual(E.right(empty));
  });

  it('gives the same bytes for the same partial (no clock in the file)', () => {
    expect(Buffer.from(encodePartial(partialOf())).equals(Buffer.from(encodePartial(partialOf())))).toBe(true);
  });

  it('refuses a file that is not gzip', () => {
    expect(messages(decodePartial(Buffer.from('{"seed":1}'), 'a.partial.gz'))[0]).toMatch(/^a\.partial\.gz: expected a partial result written by sufficiency forecast\/compare --shard, found a file that is not gzip/);
  });

  it('refuses gzip that is not a partial', () => {
    expect(messages(decodePartial(gzipSync('hello\nworld\n'), 'b'))).toEqual(['b: expected a partial result written by sufficiency forecast/compare --shard, found "hello" on its first line']);
  });

  it('refuses another format version, saying which it reads', () => {
    const text = gunzipSync(encodePartial(partialOf())).toString('latin1').replace('sufficiency-partial 1', 'sufficiency-partial 9');
    expect(messages(decodePartial(gzipSync(Buffer.from(text, 'latin1')), 'c'))).toEqual(['c: partial result format version 9; this sufficiency reads version 1 (merge with the version that wrote it)']);
  });

  it('refuses a truncated file, saying how many bytes it expected', () => {
    const raw = gunzipSync(encodePartial(partialOf()));
    expect(messages(decodePartial(gzipSync(raw.subarray(0, raw.length - 8)), 'd'))[0]).toMatch(new RegExp(`^d: .*found \\d+ bytes of rows where its header says ${3 * 2 * METRIC_COUNT * 8} \\(a truncated or damaged file\\)$`));
  });

  it('refuses a header with wrong values, naming the path', () => {
    const raw = gunzipSync(encodePartial(partialOf())).toString('latin1').replace('"seed":1', '"seed":-1');
    expect(messages(decodePartial(gzipSync(Buffer.from(raw, 'latin1')), 'e'))).toEqual(['e: expected a partial result written by sufficiency forecast/compare --shard, found a header with unexpected values at $.seed']);
  });

  it('refuses a shard outside its run', () => {
    const p = partialOf({ shard: { index: 4, count: 3, from: 3, to: 6 } });
    expect(messages(decodePartial(encodePartial(p), 'f'))[0]).toContain('found shard 4 of 3 with replications 3–6 of 10');
  });
});
