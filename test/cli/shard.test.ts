// Shard numbering and ranges: `--shard K/N` (K from 1) and `--shard auto/N` (a batch job's 0-based index).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { parseShardSpec, resolveShardIndex, shardFileName, shardRange } from '../../src/cli/shard.js';

describe('shardRange', () => {
  it('splits 10 replications into 3 contiguous shards of 3, 3 and 4', () => {
    expect([1, 2, 3].map((k) => shardRange(10, k, 3))).toEqual([
      { index: 1, count: 3, from: 0, to: 3 }, { index: 2, count: 3, from: 3, to: 6 }, { index: 3, count: 3, from: 6, to: 10 },
    ]);
  });

  it('gives empty shards when there are more shards than runs', () => {
    expect(Array.from({ length: 7 }, (_, i) => shardRange(2, i + 1, 7)).map((s) => s.to - s.from)).toEqual([0, 0, 0, 1, 0, 0, 1]);
  });

  it('covers every replication exactly once, in order, with sizes differing by at most one (law)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 200 }), (runs, n) => {
      const shards = Array.from({ length: n }, (_, i) => shardRange(runs, i + 1, n));
      expect(shards[0]!.from).toBe(0);
      expect(shards[n - 1]!.to).toBe(runs);
      for (let i = 1; i < n; i++) expect(shards[i]!.from).toBe(shards[i - 1]!.to);
      const sizes = shards.map((s) => s.to - s.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });
});

describe('parseShardSpec', () => {
  it('reads K/N with K from 1, and auto/N', () => {
    expect(parseShardSpec('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShardSpec(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShardSpec('auto/7')).toEqual({ index: 'auto', count: 7 });
  });

  it.each([
    ['0/3', 'expected K from 1 to 3 in --shard 0/3 (shards are numbered from 1; for a 0-based index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, use --shard auto/3), found 0'],
    ['4/3', 'expected K from 1 to 3 in --shard 4/3'],
    ['1/0', 'expected N from 1 to 10000 shards in --shard 1/0, found 0'],
    ['3', 'expected K/N (shard K of N, K from 1 to N) or auto/N for --shard, found "3"'],
    ['a/b', 'expected K/N'],
    ['-1/3', 'expected K/N'],
    ['1.5/3', 'expected K/N'],
  ])('refuses %s with a plain message', (value, message) => {
    expect(() => parseShardSpec(value)).toThrow(message);
  });
});

describe('resolveShardIndex', () => {
  const auto = { index: 'auto' as const, count: 4 };

  it('keeps a typed K and ignores the environment', () => {
    expect(resolveShardIndex({ index: 2, count: 4 }, { JOB_COMPLETION_INDEX: '0' })).toEqual(E.right(2));
  });

  it('turns a Kubernetes or AWS Batch 0-based index into shard index + 1', () => {
    expect(resolveShardIndex(auto, { JOB_COMPLETION_INDEX: '0' })).toEqual(E.right(1));
    expect(resolveShardIndex(auto, { AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toEqual(E.right(4));
    expect(resolveShardIndex(auto, { JOB_COMPLETION_INDEX: '2', AWS_BATCH_JOB_ARRAY_INDEX: '2' })).toEqual(E.right(3));
  });

  it('refuses when neither variable is set (an empty one counts as unset)', () => {
    expect(resolveShardIndex(auto, { JOB_COMPLETION_INDEX: '' })).toEqual(E.left([
      '--shard auto/4: expected the shard index in JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX (set by Kubernetes Indexed Jobs and AWS Batch array jobs), found neither; outside a batch job use --shard K/4',
    ]));
  });

  it('refuses an index that is not 0 to N−1', () => {
    expect(resolveShardIndex(auto, { JOB_COMPLETION_INDEX: '4' })).toEqual(E.left(['--shard auto/4: expected JOB_COMPLETION_INDEX to be a 0-based index from 0 to 3, found "4"']));
    expect(resolveShardIndex(auto, { AWS_BATCH_JOB_ARRAY_INDEX: 'x' })).toEqual(E.left(['--shard auto/4: expected AWS_BATCH_JOB_ARRAY_INDEX to be a 0-based index from 0 to 3, found "x"']));
  });

  it('refuses two variables that disagree', () => {
    expect(resolveShardIndex(auto, { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '2' }))
      .toEqual(E.left(['--shard auto/4: JOB_COMPLETION_INDEX=1 and AWS_BATCH_JOB_ARRAY_INDEX=2 disagree; unset one of them']));
  });
});

it('names a partial by shard: shard-2-of-3.partial.gz', () => {
  expect(shardFileName(2, 3)).toBe('shard-2-of-3.partial.gz');
});
