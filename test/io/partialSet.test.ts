// Merging partial results: shards of a real (tiny) forecast merged give exactly the single run's
// summary; partials of different runs, duplicate and missing shards are refused by name.
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { ENGINE_VERSION } from '../../src/domain/version.js';
import { summaryJson } from '../../src/io/forecastFiles.js';
import { decodePartial, encodePartial, type PartialHeader, type PartialResult } from '../../src/io/partialResult.js';
import { mergePartials, shardRange, type MergedRun, type ReadPartial } from '../../src/io/partialSet.js';
import { METRIC_COUNT } from '../../src/domain/metricCatalog.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { forecast, runReplicationRange, summariseRows } from '../../src/sim/forecast.js';
import { partialOf } from '../fixtures/partials.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

const rs = tinyScenario();
const opts = { seed: 7, runs: 11, years: 2 };

/** Shard `k` of `n` of the tiny forecast, as `forecast --shard k/n` writes it, read back. */
const shardOfTiny = (k: number, n: number): ReadPartial => {
  const shard = shardRange(opts.runs, k, n);
  const rowLen = opts.years * METRIC_COUNT;
  const rows = new Float64Array((shard.to - shard.from) * rowLen);
  let events = 0;
  runReplicationRange(rs, opts, shard.from, shard.to, (r, row, ev) => {
    rows.set(row, (r - shard.from) * rowLen);
    events += ev;
  });
  const header: PartialHeader = {
    kind: 'forecast', engineVersion: ENGINE_VERSION, ...opts, yearsOption: null, shard, metricCount: METRIC_COUNT,
    scenarios: [{ name: rs.name, hash: scenarioHash(rs), file: 'tiny.json', startEpochDay: rs.startEpochDay, scenario: rs.scenario }], events: [events],
  };
  const file = `parts/shard-${k}-of-${n}.partial.gz`;
  return { file, partial: (decodePartial(encodePartial({ header, rows: [rows] }), file) as E.Right<PartialResult>).right };
};

const merged = (parts: readonly ReadPartial[]): MergedRun => {
  const r = mergePartials(parts);
  if (E.isLeft(r)) throw new Error(r.left.join('\n'));
  return r.right;
};

describe('mergePartials', () => {
  const single = summaryJson(forecast(rs, opts));

  it.each([1, 2, 3, 7, 11, 13])('shards of a forecast, N = %i, merged in any order, summarise to the single run\'s bytes', (n) => {
    const parts = Array.from({ length: n }, (_, i) => shardOfTiny(i + 1, n)).reverse();
    const run = merged(parts);
    expect(summaryJson(summariseRows(run.header.scenarios[0]!, opts, run.columns[0]!, run.events[0]!))).toBe(single);
  });

  const ref = (over: Partial<PartialHeader> = {}, file = 'a/shard-1-of-3.partial.gz'): ReadPartial =>
    ({ file, partial: partialOf({ shard: { index: 1, count: 3, from: 0, to: 3 }, ...over }) });
  const second = { index: 2, count: 3, from: 3, to: 6 };
  const third = { index: 3, count: 3, from: 6, to: 10 };
  const refused = (parts: readonly ReadPartial[]): string[] => {
    const r = mergePartials(parts);
    return E.isLeft(r) ? r.left : ['(merged)'];
  };

  it('merges three made-up shards and takes the first partial\'s scenario and file', () => {
    const run = merged([ref(), ref({ shard: second }, 'b'), ref({ shard: third }, 'c')]);
    expect(run.header.shard).toEqual({ index: 1, count: 1, from: 0, to: 10 });
    expect(run.events).toEqual([369]);
    // Replication 10 is the 4th of shard 3: its year-2 first metric is number 3 × rowLength + METRIC_COUNT of that shard's rows.
    expect(run.columns[0]!.column(1, 0)[9]).toBe(3 * 2 * METRIC_COUNT + METRIC_COUNT);
  });

  it.each([
    ['seed', { seed: 2 }, 'b: seed 2 differs from 1 in a/shard-1-of-3.partial.gz (merge partials of one run only)'],
    ['runs', { runs: 12, shard: { index: 2, count: 3, from: 4, to: 8 } }, 'b: runs 12 differs from 10 in a/shard-1-of-3.partial.gz (merge partials of one run only)'],
    ['years', { years: 3 }, 'b: years 3 differs from 2 in a/shard-1-of-3.partial.gz (merge partials of one run only)'],
    ['engine version', { engineVersion: '0.0.9' }, `b: engine version 0.0.9 differs from ${ENGINE_VERSION} in a/shard-1-of-3.partial.gz (merge partials of one run only)`],
    ['shard count', { shard: { index: 2, count: 4, from: 2, to: 5 } }, 'b: shard count 4 differs from 3 in a/shard-1-of-3.partial.gz (merge partials of one run only)'],
    ['scenario', { scenarios: [{ ...partialOf().header.scenarios[0]!, name: 'Other', hash: 'sha256:bb' }] },
      'b: scenario Other (sha256:bb) differs from Tiny (sha256:aa) in a/shard-1-of-3.partial.gz (merge partials of one run only)'],
    ['kind', { kind: 'compare' as const }, 'b: kind compare differs from forecast in a/shard-1-of-3.partial.gz (merge partials of one run only)'],
  ])('refuses partials with a different %s, naming the field and both values', (_, over, message) => {
    expect(refused([ref(), ref({ shard: second, ...over } as Partial<PartialHeader>, 'b'), ref({ shard: third }, 'c')])).toEqual([message]);
  });

  it('refuses a comparison partial with a different option, naming it', () => {
    const scen = partialOf().header.scenarios[0]!;
    const cmp = (opt: string, shard: PartialHeader['shard'], file: string): ReadPartial =>
      ({ file, partial: partialOf({ kind: 'compare', shard, events: [1, 2], scenarios: [scen, { ...scen, name: opt, hash: `sha256:${opt}` }] }) });
    expect(refused([cmp('x', { index: 1, count: 2, from: 0, to: 5 }, 'a'), cmp('y', { index: 2, count: 2, from: 5, to: 10 }, 'b')]))
      .toEqual(['b: option 1 y (sha256:y) differs from x (sha256:x) in a (merge partials of one run only)']);
  });

  it('names a shard given twice', () => {
    expect(refused([ref(), ref({ shard: second }, 'b'), ref({ shard: second }, 'b2'), ref({ shard: third }, 'c')]))
      .toEqual(['shard 2 of 3 given 2 times: b and b2 (give each shard once)']);
  });

  it('names the missing shards', () => {
    expect(refused([ref({ shard: second }, 'b')])).toEqual(['missing shards 1 and 3 of 3 (found 2); run them, or merge in the folders that hold them']);
    expect(refused([ref(), ref({ shard: third }, 'c')])).toEqual(['missing shard 2 of 3 (found 1 and 3); run them, or merge in the folders that hold them']);
  });

  it('refuses a shard holding other replications than its number says', () => {
    expect(refused([ref(), ref({ shard: { index: 2, count: 3, from: 2, to: 5 } }, 'b'), ref({ shard: third }, 'c')]))
      .toEqual(['b: shard 2 of 3 holds replications 3–5, expected 4–6 (a damaged or hand-edited partial); re-run that shard']);
  });

  it('refuses partials written by another engine version than the one merging, as the summary records the merging engine\'s', () => {
    expect(refused([ref({ engineVersion: '0.0.9' }), ref({ engineVersion: '0.0.9', shard: second }, 'b'), ref({ engineVersion: '0.0.9', shard: third }, 'c')]))
      .toEqual([`a/shard-1-of-3.partial.gz: written by sufficiency 0.0.9; this is ${ENGINE_VERSION} (merge with the version that ran the shards, so the summary records the engine that made it)`]);
  });

  it('refuses nothing to merge', () => {
    expect(refused([])).toEqual(['expected at least one partial result (shard-K-of-N.partial.gz), found none']);
  });
});
