// Partial results → the replications of one run. Every partial must come from the same run
// (kind, scenarios, seed, runs, years, engine version, shard count); together they must hold each
// shard exactly once. Rows are placed by replication index, so the order the files are read in,
// and how the replications were split, change nothing.
import { E } from '../domain/fp.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { METRIC_COUNT } from '../domain/metricCatalog.js';
import { ReplicationColumns } from '../metrics/summary.js';
import type { PartialHeader, PartialResult } from './partialResult.js';

/** `--shard` as typed: a shard number from 1, or `auto` (from the environment), of `count`. */
export interface ShardSpec {
  readonly index: number | 'auto';
  readonly count: number;
}

/** One shard: its number (1-based) of `count`, and the replications it runs, `from` to `to` (exclusive). */
export interface Shard {
  readonly index: number;
  readonly count: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The replications of shard `index` (1-based) of `count`: a contiguous range (the same split the
 * worker threads use), so shards differ in size by at most one and together cover 0 … runs−1 once.
 *
 * @example shardRange(10, 2, 3) // { index: 2, count: 3, from: 3, to: 6 }
 */
export const shardRange = (runs: number, index: number, count: number): Shard => ({
  index, count, from: Math.floor(((index - 1) * runs) / count), to: Math.floor((index * runs) / count),
});

export interface ReadPartial {
  readonly file: string;
  readonly partial: PartialResult;
}

export interface MergedRun {
  /** The header of the first partial, with the shard fields of the whole run (shard 1 of 1, every replication). */
  readonly header: PartialHeader;
  /** Per scenario (base first): every replication's rows. */
  readonly columns: readonly ReplicationColumns[];
  /** Per scenario: simulated events over every replication. */
  readonly events: readonly number[];
}

const andList = (xs: readonly (string | number)[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** What must be equal in every partial of one run: name, and the value as the message shows it. */
const RUN_FIELDS: readonly (readonly [string, (h: PartialHeader) => string])[] = [
  ['kind', (h) => (h.kind === 'forecast' ? 'forecast' : 'compare')],
  ['engine version', (h) => h.engineVersion],
  ['shard count', (h) => String(h.shard.count)],
  ['seed', (h) => String(h.seed)],
  ['runs', (h) => String(h.runs)],
  ['years', (h) => String(h.years)],
  ['metrics per year', (h) => String(h.metricCount)],
  ['number of scenarios', (h) => String(h.scenarios.length)],
];

const scenarioLabel = (h: PartialHeader, i: number): string =>
  (h.kind === 'forecast' ? 'scenario' : i === 0 ? 'base scenario' : `option ${i}`);

/** Differences between a partial's header and the reference's, each naming the field and both values. */
export const headerMismatches = (ref: ReadPartial, other: ReadPartial): string[] => {
  const a = ref.partial.header;
  const b = other.partial.header;
  const problems: string[] = [];
  // A forecast's partial beside a comparison's: every other field would differ too; say the one that matters.
  const fields = a.kind === b.kind ? RUN_FIELDS : RUN_FIELDS.slice(0, 1);
  for (const [field, value] of fields) {
    if (value(a) !== value(b)) problems.push(`${other.file}: ${field} ${value(b)} differs from ${value(a)} in ${ref.file} (merge partials of one run only)`);
  }
  if (a.kind === b.kind && a.scenarios.length === b.scenarios.length) {
    a.scenarios.forEach((s, i) => {
      const o = b.scenarios[i]!;
      if (s.hash !== o.hash) {
        problems.push(`${other.file}: ${scenarioLabel(a, i)} ${o.name} (${o.hash}) differs from ${s.name} (${s.hash}) in ${ref.file} (merge partials of one run only)`);
      }
    });
  }
  return problems;
};

/**
 * Combine partial results into every replication of the run, or say why not: partials from
 * different runs (naming the field and both values), a shard given twice, shards missing.
 */
export const mergePartials = (parts: readonly ReadPartial[]): E.Either<string[], MergedRun> => {
  if (parts.length === 0) return E.left(['expected at least one partial result (shard-K-of-N.partial.gz), found none']);
  const ref = parts[0]!;
  const mismatches = parts.slice(1).flatMap((p) => headerMismatches(ref, p));
  if (mismatches.length > 0) return E.left(mismatches);
  const h = ref.partial.header;
  if (h.engineVersion !== ENGINE_VERSION || h.metricCount !== METRIC_COUNT) {
    return E.left([`${ref.file}: written by sufficiency ${h.engineVersion}; this is ${ENGINE_VERSION} (merge with the version that ran the shards, so the summary records the engine that made it)`]);
  }
  const byShard = new Map<number, string[]>();
  for (const p of parts) byShard.set(p.partial.header.shard.index, [...(byShard.get(p.partial.header.shard.index) ?? []), p.file]);
  const problems: string[] = [];
  for (const [index, files] of [...byShard].sort(([x], [y]) => x - y)) {
    if (files.length > 1) problems.push(`shard ${index} of ${h.shard.count} given ${files.length} times: ${andList(files)} (give each shard once)`);
  }
  const missing = Array.from({ length: h.shard.count }, (_, i) => i + 1).filter((i) => !byShard.has(i));
  if (missing.length > 0) {
    problems.push(`missing shard${missing.length > 1 ? 's' : ''} ${andList(missing)} of ${h.shard.count} (found ${andList([...byShard.keys()].sort((x, y) => x - y))}); run them, or merge in the folders that hold them`);
  }
  for (const p of parts) {
    const { index, count, from, to } = p.partial.header.shard;
    const want = shardRange(h.runs, index, count);
    if (from !== want.from || to !== want.to) {
      problems.push(`${p.file}: shard ${index} of ${count} holds replications ${from + 1}–${to}, expected ${want.from + 1}–${want.to} (a damaged or hand-edited partial); re-run that shard`);
    }
  }
  if (problems.length > 0) return E.left(problems);

  const rowLen = h.years * h.metricCount;
  const columns = h.scenarios.map(() => new ReplicationColumns(h.runs, h.years));
  const events = h.scenarios.map(() => 0);
  for (const p of parts) {
    const { shard } = p.partial.header;
    p.partial.rows.forEach((rows, s) => {
      for (let r = shard.from; r < shard.to; r++) {
        const at = (r - shard.from) * rowLen;
        columns[s]!.add(r, rows.subarray(at, at + rowLen));
      }
      events[s]! += p.partial.header.events[s]!;
    });
  }
  if (columns.some((c) => !c.complete)) throw new Error('internal: merged shards leave a replication out');
  return E.right({ header: { ...h, shard: { index: 1, count: 1, from: 0, to: h.runs } }, columns, events });
};
