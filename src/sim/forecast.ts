// Many replications → a forecast. Pure: workers (src/cli) call `runReplicationRange` on slices
// and feed the rows back in by replication index, so the summary is the same for any worker count.
import { financialYearsFrom, isoDateOfEpochDay } from '../domain/time.js';
import { toEpochDay, type EpochDay } from '../domain/units.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { ReplicationColumns, summariseYears, type YearSummary } from '../metrics/summary.js';
import { scenarioHash } from '../scenario/hash.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { runReplication } from './replication.js';

export interface ForecastOptions {
  readonly seed: number;
  readonly runs: number;
  readonly years: number;
}

export interface ForecastSummary {
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly seed: number;
  readonly runs: number;
  readonly engineVersion: string;
  readonly startDate: string;
  readonly years: readonly YearSummary[];
  /** Simulated events over all replications (for benchmarks). */
  readonly events: number;
}

export const runReplicationRange = (
  rs: ResolvedScenario, opts: ForecastOptions, from: number, to: number,
  onRow: (replication: number, rows: Float64Array, events: number) => void,
): void => {
  for (let r = from; r < to; r++) {
    const res = runReplication(rs, { seed: opts.seed, replication: r, years: opts.years });
    onRow(r, res.rows, res.events);
  }
};

/** What a summary needs to know of its scenario: enough to summarise rows that were run elsewhere (`sufficiency merge`). */
export interface SummarisedScenario {
  readonly name: string;
  readonly hash: string;
  readonly startEpochDay: EpochDay;
}

export const summarise = (rs: ResolvedScenario, opts: ForecastOptions, columns: ReplicationColumns, events: number): ForecastSummary =>
  summariseRows({ name: rs.name, hash: scenarioHash(rs), startEpochDay: rs.startEpochDay }, opts, columns, events);

/** The summary of every replication's rows; `summarise` for a scenario known by name, hash and start day only. */
export const summariseRows = (s: SummarisedScenario, opts: ForecastOptions, columns: ReplicationColumns, events: number): ForecastSummary => {
  const years = financialYearsFrom(s.startEpochDay, opts.years);
  const startDate = isoDateOfEpochDay(s.startEpochDay);
  return {
    scenario: { name: s.name, hash: s.hash },
    seed: opts.seed,
    runs: opts.runs,
    engineVersion: ENGINE_VERSION,
    startDate,
    years: summariseYears(columns, years, startDate, (fy) => isoDateOfEpochDay(toEpochDay(fy.startDay, s.startEpochDay))),
    events,
  };
};

/** The whole forecast in this thread. */
export const forecast = (rs: ResolvedScenario, opts: ForecastOptions): ForecastSummary => {
  const columns = new ReplicationColumns(opts.runs, opts.years);
  let events = 0;
  runReplicationRange(rs, opts, 0, opts.runs, (r, rows, ev) => {
    columns.add(r, rows);
    events += ev;
  });
  return summarise(rs, opts, columns, events);
};
