// The replication trace's daily counts (src/sim/trace.ts, recordDaily), which the conservation laws
// read: one entry for each day of the horizon, the state at the end of that day, as the children's
// own entry and exit days tell it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/replication.js';
import { resolveFixture, tinyScenarioJson } from '../fixtures/tinyScenario.js';

describe('daily counts in the trace', () => {
  it('one for each day of the horizon: in care, starts and ceases so far at the end of the day, from the children\'s entry and exit days', () => {
    const rs = resolveFixture(tinyScenarioJson());
    for (const replication of [0, 1]) {
      const r = runReplication(rs, { seed: 4, replication, years: 2, trace: true });
      const t = r.trace!;
      const horizon = t.daily.length;
      // 1 January 2023 to 31 March 2024: two financial years, the first partial (2022/23 from the start)
      expect(horizon).toBe(456);
      const entered = t.children.filter((c) => c.entered);
      t.daily.forEach((d, day) => {
        const starts = entered.filter((c) => !c.initial && c.entryDay <= day).length;
        const ceases = entered.filter((c) => c.exitDay <= day).length;
        const inCare = entered.filter((c) => (c.initial || c.entryDay <= day) && c.exitDay > day).length;
        expect([day, d.starts, d.ceases, d.inCare, d.initial]).toEqual([day, starts, ceases, inCare, t.children.filter((c) => c.initial).length]);
      });
    }
  });
});

describe('the engine\'s bytes', () => {
  // Same scenario, seed and replication: the same rows, in any process and in every version that does
  // not mean to change results (shards, worker counts and the explorer rely on it). A change that is
  // meant to alter results updates these, says why in its commit, and re-runs the documented figures.
  it('the tiny scenario\'s rows for seed 1, replications 0–2, three years, are pinned', () => {
    const rs = resolveFixture(tinyScenarioJson());
    const digest = (replication: number): string => {
      const rows = runReplication(rs, { seed: 1, replication, years: 3 }).rows;
      return createHash('sha256').update(Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)).digest('hex').slice(0, 16);
    };
    expect([0, 1, 2].map(digest)).toEqual(['12a52ed2579a5255', '9c1f411060e41727', '67350b9a628cb8fa']);
  });
});
