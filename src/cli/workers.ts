// Replications spread over worker threads. Each worker takes a contiguous slice of replication
// indices; rows are stored by index, so the summary does not depend on the number of workers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReplicationColumns } from '../metrics/summary.js';
import { summarise, forecast, type ForecastOptions, type ForecastSummary } from '../sim/forecast.js';
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

export const runForecast = async (
  rs: ResolvedScenario, opts: ForecastOptions, workers: number, progress?: Progress,
): Promise<ForecastSummary> => {
  const n = Math.max(1, Math.min(workers, opts.runs));
  if (n === 1) return forecast(rs, opts);
  const columns = new ReplicationColumns(opts.runs, opts.years);
  const script = workerScript();
  let events = 0;
  let done = 0;
  const slices = Array.from({ length: n }, (_, i) => ({
    from: Math.floor((i * opts.runs) / n), to: Math.floor(((i + 1) * opts.runs) / n),
  }));
  await Promise.all(slices.map(({ from, to }) => new Promise<void>((resolve, reject) => {
    // A larger young generation: replications allocate many short-lived objects, and the
    // worker default (16 MB) made a worker ~25% slower than the main thread.
    const w = new Worker(script, { workerData: { rs, opts, from, to }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    w.on('message', (m: { replication: number; rows: Float64Array; events: number } | { done: true }) => {
      if ('done' in m) return;
      columns.add(m.replication, m.rows);
      events += m.events;
      progress?.(++done, opts.runs);
    });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with code ${code}`))));
  })));
  if (!columns.complete) throw new Error('internal: a replication is missing');
  return summarise(rs, opts, columns, events);
};
