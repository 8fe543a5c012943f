// Replications spread over worker threads. Each worker takes a contiguous slice of replication
// indices; rows are stored by index, so the summary does not depend on the number of workers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReplicationColumns } from '../metrics/summary.js';
import { runReplicationRange, summarise, type ForecastOptions, type ForecastSummary } from '../sim/forecast.js';
import type { ResolvedScenario } from '../scenario/resolved.js';

/** Workers load compiled JavaScript; under tsx or vitest this module is TypeScript, so use dist/. */
const workerScript = (): URL => {
  const here = new URL('./forecastWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const compiled = new URL('../../dist/src/cli/forecastWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return compiled;
  throw new Error('internal: compiled worker not found; run `npm run build` first');
};

export type Progress = (done: number, total: number) => void;

/** Every replication's metric rows, by replication index, run on `workers` threads. */
export const runColumns = async (
  rs: ResolvedScenario, opts: ForecastOptions, workers: number, progress?: Progress,
): Promise<{ columns: ReplicationColumns; events: number }> => {
  const n = Math.max(1, Math.min(workers, opts.runs));
  const columns = new ReplicationColumns(opts.runs, opts.years);
  let events = 0;
  let done = 0;
  const onRow = (replication: number, rows: Float64Array, ev: number): void => {
    columns.add(replication, rows);
    events += ev;
    progress?.(++done, opts.runs);
  };
  if (n === 1) {
    runReplicationRange(rs, opts, 0, opts.runs, onRow);
    return { columns, events };
  }
  const script = workerScript();
  const slices = Array.from({ length: n }, (_, i) => ({
    from: Math.floor((i * opts.runs) / n), to: Math.floor(((i + 1) * opts.runs) / n),
  }));
  await Promise.all(slices.map(({ from, to }) => new Promise<void>((resolve, reject) => {
    // A larger young generation: replications allocate many short-lived objects, and the
    // worker default (16 MB) made a worker ~25% slower than the main thread.
    const w = new Worker(script, { workerData: { rs, opts, from, to }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    w.on('message', (m: { replication: number; rows: Float64Array; events: number } | { done: true }) => {
      if ('done' in m) return;
      onRow(m.replication, m.rows, m.events);
    });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with code ${code}`))));
  })));
  if (!columns.complete) throw new Error('internal: a replication is missing');
  return { columns, events };
};

export const runForecast = async (
  rs: ResolvedScenario, opts: ForecastOptions, workers: number, progress?: Progress,
): Promise<ForecastSummary> => {
  const { columns, events } = await runColumns(rs, opts, workers, progress);
  return summarise(rs, opts, columns, events);
};
