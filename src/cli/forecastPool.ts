// A pool of warm worker threads for commands that run many small forecasts in turn (the fit of
// `calibrate` and `backtest`): starting fresh workers for each forecast costs their start-up and
// a cold JIT every time, which made a fit slower on two workers than on one. The workers stay up
// for the whole command; each forecast is split into contiguous slices of replications and the
// rows are stored by replication index, so the summary is the same for any number of workers.
import { Worker } from 'node:worker_threads';
import { ReplicationColumns } from '../metrics/summary.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { runFitProcessWith, type FitProcess } from '../calibrate/fit.js';
import { runReplicationRange, summarise, type ForecastOptions, type ForecastSummary } from '../sim/forecast.js';
import { WORKER_LIMITS, slicesOf, workerScript } from './workers.js';

/** A slice of a forecast, as sent to a pool worker. */
export interface PoolJob {
  readonly rs: ResolvedScenario;
  readonly opts: ForecastOptions;
  readonly from: number;
  readonly to: number;
}

/** What a pool worker posts back: one replication's rows, or the end of its slice. */
export type PoolReply =
  | { readonly replication: number; readonly rows: Float64Array; readonly events: number }
  | { readonly done: true };

export interface ForecastPool {
  readonly run: (rs: ResolvedScenario, opts: ForecastOptions) => Promise<ForecastSummary>;
  readonly close: () => Promise<void>;
}

/** One slice on one worker: every row goes to `onRow`; resolves when the worker says it is done. */
const runSlice = (w: Worker, job: PoolJob, onRow: (replication: number, rows: Float64Array, events: number) => void): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const onMessage = (m: PoolReply): void => {
      if ('done' in m) {
        w.off('message', onMessage);
        w.off('error', onError);
        resolve();
      } else {
        onRow(m.replication, m.rows, m.events);
      }
    };
    const onError = (e: Error): void => {
      w.off('message', onMessage);
      reject(e);
    };
    w.on('message', onMessage);
    w.once('error', onError);
    w.postMessage(job);
  });

/**
 * A pool of `workers` threads (one: no thread, the forecasts run here). Forecasts run one at a
 * time; `close` ends the threads (call it in a `finally`).
 */
export const openForecastPool = (workers: number): ForecastPool => {
  const n = Math.max(1, Math.floor(workers));
  const threads = n === 1 ? [] : Array.from({ length: n }, () => new Worker(workerScript('forecastPoolWorker'), { resourceLimits: WORKER_LIMITS }));
  const run = async (rs: ResolvedScenario, opts: ForecastOptions): Promise<ForecastSummary> => {
    const columns = new ReplicationColumns(opts.runs, opts.years);
    let events = 0;
    const onRow = (replication: number, rows: Float64Array, ev: number): void => {
      columns.add(replication, rows);
      events += ev;
    };
    if (threads.length === 0) runReplicationRange(rs, opts, 0, opts.runs, onRow);
    else await Promise.all(slicesOf({ from: 0, to: opts.runs }, threads.length).map((s, i) => runSlice(threads[i]!, { rs, opts, ...s }, onRow)));
    if (!columns.complete) throw new Error('internal: a replication is missing');
    return summarise(rs, opts, columns, events);
  };
  const close = async (): Promise<void> => {
    await Promise.all(threads.map((w) => w.terminate()));
  };
  return { run, close };
};

/** Drive a fit (or any process asking for forecasts) on a pool of `workers` warm threads. */
export const fitOnWorkers = async <T>(process: FitProcess<T>, workers: number): Promise<T> => {
  const pool = openForecastPool(workers);
  try {
    return await runFitProcessWith(process, (r) => pool.run(r.rs, r.options));
  } finally {
    await pool.close();
  }
};
