// `forecast --shard K/N` and `compare --shard K/N`: run shard K's replications of every scenario
// (each on its own seeds by replication index, as a whole run would) and write them as one
// partial result, `shard-K-of-N.partial.gz`, for `sufficiency merge`.
import { availableParallelism } from 'node:os';
import { ENGINE_VERSION } from '../domain/version.js';
import { METRIC_COUNT } from '../domain/metricCatalog.js';
import { outputPath } from '../io/outputDir.js';
import { encodePartial, type PartialHeader } from '../io/partialResult.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { scenarioHash } from '../scenario/hash.js';
import { planOrFail, writeOrFail } from './outputs.js';
import { progressBar, progressWanted } from './progress.js';
import { resolveShardIndex, shardFileName, shardRange, type ShardSpec } from './shard.js';
import { orFail } from './userError.js';
import { runRange } from './workers.js';

export interface ShardRunOptions {
  readonly runs: number;
  readonly seed: number;
  readonly years?: number;
  readonly workers?: number;
  readonly out: string;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
  readonly shard: ShardSpec;
}

export const runShard = async (
  kind: PartialHeader['kind'], scenarios: readonly { readonly rs: ResolvedScenario; readonly file: string }[],
  o: ShardRunOptions, years: number, inputs: readonly string[], out: (s: string) => void,
): Promise<void> => {
  const index = orFail(resolveShardIndex(o.shard, process.env));
  const shard = shardRange(o.runs, index, o.shard.count);
  const path = outputPath(o.out, shardFileName(index, shard.count));
  const plan = planOrFail([path], inputs, o.force);
  const opts = { seed: o.seed, runs: o.runs, years };
  const rowLen = years * METRIC_COUNT;
  const count = shard.to - shard.from;
  const workers = o.workers ?? availableParallelism();
  const bar = progressBar(progressWanted(o), `Shard ${index}/${shard.count}`, 'replications');
  const rows: Float64Array[] = [];
  const events: number[] = [];
  for (const [i, { rs }] of scenarios.entries()) {
    const mine = new Float64Array(count * rowLen);
    let ev = 0;
    let done = 0;
    await runRange(rs, opts, shard, workers, (r, row, e) => {
      mine.set(row, (r - shard.from) * rowLen);
      ev += e;
      bar.update(i * count + ++done, scenarios.length * count);
    });
    rows.push(mine);
    events.push(ev);
  }
  bar.stop();
  const header: PartialHeader = {
    kind, engineVersion: ENGINE_VERSION, seed: o.seed, runs: o.runs, years, yearsOption: o.years ?? null,
    shard, metricCount: METRIC_COUNT,
    scenarios: scenarios.map(({ rs, file }) => ({ name: rs.name, hash: scenarioHash(rs), file, startEpochDay: rs.startEpochDay, scenario: rs.scenario })),
    events,
  };
  writeOrFail(plan, [{ path, content: encodePartial({ header, rows }) }]);
  const what = count === 0 ? 'no replications (more shards than runs)' : `replications ${shard.from + 1}–${shard.to} of ${o.runs}`;
  if (o.json === true) {
    out(`${JSON.stringify({ partial: path, shard: { index, count: shard.count }, replications: { from: shard.from + 1, to: shard.to }, runs: o.runs, seed: o.seed, years }, null, 2)}\n`);
  } else if (!o.quiet) {
    out(`Shard ${index} of ${shard.count}: ${what}, seed ${o.seed}, ${years} years\nWrote ${path}\nWhen every shard is done: sufficiency merge <folders holding the partials> --out <dir>\n`);
  }
};
