// A forecast (src/sim/forecast.ts): every replication's rows, by replication index, summarised; the
// same whichever slices of replications are run where (workers, shards).
import { describe, expect, it } from 'vitest';
import { financialYearsFrom, isoDateOfEpochDay } from '../../src/domain/time.js';
import { toEpochDay } from '../../src/domain/units.js';
import { ENGINE_VERSION } from '../../src/domain/version.js';
import { ReplicationColumns, summariseYears } from '../../src/metrics/summary.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { forecast, runReplicationRange, summariseRows } from '../../src/sim/forecast.js';
import { runReplication } from '../../src/sim/replication.js';
import { resolveFixture, tinyScenarioJson } from '../fixtures/tinyScenario.js';

const opts = { seed: 17, runs: 5, years: 2 };

describe('forecast', () => {
  it('summarises the rows of replications 0 … runs − 1, with the scenario, seed, runs, engine version, start date and every event', () => {
    const rs = resolveFixture(tinyScenarioJson());
    const columns = new ReplicationColumns(opts.runs, opts.years);
    let events = 0;
    for (let r = 0; r < opts.runs; r++) {
      const res = runReplication(rs, { seed: opts.seed, replication: r, years: opts.years });
      columns.add(r, res.rows);
      events += res.events;
    }
    const years = financialYearsFrom(rs.startEpochDay, opts.years);
    const startDate = isoDateOfEpochDay(rs.startEpochDay);
    expect(forecast(rs, opts)).toEqual({
      scenario: { name: 'Tiny test authority', hash: scenarioHash(rs) },
      seed: 17,
      runs: 5,
      engineVersion: ENGINE_VERSION,
      startDate: '2023-01-01',
      years: summariseYears(columns, years, startDate, (fy) => isoDateOfEpochDay(toEpochDay(fy.startDay, rs.startEpochDay))),
      events,
    });
    expect(events).toBeGreaterThan(0);
  });

  it('runReplicationRange runs exactly replications from … to − 1, each as runReplication does', () => {
    const rs = resolveFixture(tinyScenarioJson());
    const seen: number[] = [];
    runReplicationRange(rs, opts, 2, 4, (r, rows, events) => {
      seen.push(r);
      const alone = runReplication(rs, { seed: opts.seed, replication: r, years: opts.years });
      expect([Array.from(rows), events]).toEqual([Array.from(alone.rows), alone.events]);
    });
    expect(seen).toEqual([2, 3]);
  });

  it('slices run apart and put together by replication index give the same summary as one run', () => {
    const rs = resolveFixture(tinyScenarioJson());
    const columns = new ReplicationColumns(opts.runs, opts.years);
    let events = 0;
    for (const [from, to] of [[3, 5], [0, 1], [1, 3]] as const) {
      runReplicationRange(rs, opts, from, to, (r, rows, ev) => {
        columns.add(r, rows);
        events += ev;
      });
    }
    const merged = summariseRows({ name: rs.name, hash: scenarioHash(rs), startEpochDay: rs.startEpochDay }, opts, columns, events);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(forecast(rs, opts)));
  });
});
