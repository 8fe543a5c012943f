// `--shard K/N`: run one of N shares of the replications and write a partial result that
// `sufficiency merge` combines with the others. Shards are numbered from 1 (`--shard 1/3` is the
// first of three); `--shard auto/N` takes the index from the batch engine instead, 0-based as
// both engines count: JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or AWS_BATCH_JOB_ARRAY_INDEX
// (AWS Batch array jobs), so index 0 runs shard 1.
import { InvalidArgumentError, type Command } from 'commander';
import { E } from '../domain/fp.js';
import type { ShardSpec } from '../io/partialSet.js';

export { shardRange, type Shard, type ShardSpec } from '../io/partialSet.js';

/** The largest shard count: more shards than this is a mistake, not a plan. */
export const MAX_SHARDS = 10_000;

/** Environment variables that carry a batch job's 0-based index, in the order they are read. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/** Parse `K/N` or `auto/N` (commander option parser; a mistake is exit 2 with the message). */
export const parseShardSpec = (value: string): ShardSpec => {
  const m = /^\s*(auto|\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (m === null) throw new InvalidArgumentError(`expected K/N (shard K of N, K from 1 to N) or auto/N for --shard, found ${JSON.stringify(value)}`);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS) {
    throw new InvalidArgumentError(`expected N from 1 to ${MAX_SHARDS} shards in --shard ${value}, found ${m[2]}`);
  }
  if (m[1] === 'auto') return { index: 'auto', count };
  const index = Number(m[1]);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new InvalidArgumentError(`expected K from 1 to ${count} in --shard ${value} (shards are numbered from 1; `
      + `for a 0-based index from ${SHARD_INDEX_VARIABLES.join(' or ')}, use --shard auto/${count}), found ${m[1]}`);
  }
  return { index, count };
};

/**
 * The shard number (1-based) of a spec: as typed, or from the first of SHARD_INDEX_VARIABLES that
 * is set (0-based, so 0 is shard 1). Left when none is set, one is not a number below N, or two disagree.
 */
export const resolveShardIndex = (spec: ShardSpec, env: Readonly<Record<string, string | undefined>>): E.Either<string[], number> => {
  if (spec.index !== 'auto') return E.right(spec.index);
  const set = SHARD_INDEX_VARIABLES.filter((v) => env[v] !== undefined && env[v] !== '');
  if (set.length === 0) {
    return E.left([`--shard auto/${spec.count}: expected the shard index in ${SHARD_INDEX_VARIABLES.join(' or ')} (set by Kubernetes Indexed Jobs and AWS Batch array jobs), found neither; outside a batch job use --shard K/${spec.count}`]);
  }
  const problems: string[] = [];
  const values = set.map((v) => {
    const raw = env[v]!;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n >= spec.count) {
      problems.push(`--shard auto/${spec.count}: expected ${v} to be a 0-based index from 0 to ${spec.count - 1}, found ${JSON.stringify(raw)}`);
    }
    return n;
  });
  if (problems.length > 0) return E.left(problems);
  if (new Set(values).size > 1) {
    return E.left([`--shard auto/${spec.count}: ${set.map((v, i) => `${v}=${values[i]}`).join(' and ')} disagree; unset one of them`]);
  }
  return E.right(values[0]! + 1);
};

/** The partial result's file name: `shard-2-of-3.partial.gz`. */
export const shardFileName = (index: number, count: number): string => `shard-${index}-of-${count}.partial.gz`;

export const shardOption = (command: Command): Command =>
  command.option('--shard <k/n>', 'run only shard K of N (K from 1; auto/N: K from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, 0-based) and write a partial result for `sufficiency merge`', parseShardSpec);
