// Replications spread over worker threads. Each worker takes a contiguous slice of replication
// indices; rows are stored by index, so the summary does not depend on the number of workers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReplicationColumns } from '../metrics/summary.js';
import { runReplicationRange, summarise, type ForecastOptions, type ForecastSummary } from '../sim/forecast.js';
import type { ResolvedScenario } from '../scenario/resolved.js';

/** Workers load compiled JavaScript; under tsx or vitest this module is TypeScript, so use dist/. */
export const workerScript = (name: string): URL => {
  const here = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const compiled = new URL(`../../dist/src/cli/${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return compiled;
  throw new Error(`internal: compiled worker ${name}.js not found; run \`npm run build\` first`);
};

/** A larger young generation for every worker: replications allocate many short-lived objects, and the worker default (16 MB) made a worker ~25% slower than the main thread. */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 } as const;

/** Replications `from` to `to` cut into `n` contiguous slices that cover each once, in order (some empty when there are fewer than `n`). */
export const slicesOf = (range: { readonly from: number; readonly to: number }, n: number): { from: number; to: number }[] => {
  const count = range.to - range.from;
  return Array.from({ length: n }, (_, i) => ({ from: range.from + Math.floor((i * count) / n), to: range.from + Math.floor(((i + 1) * count) / n) }));
};

export type Progress = (done: number, total: number) => void;

/** Replications `from` to `to` (exclusive) on `workers` threads; `onRow` gets each one's rows, in any order. */
export const runRange = async (
  rs: ResolvedScenario, opts: ForecastOptions, range: { readonly from: number; readonly to: number }, workers: number,
  onRow: (replication: number, rows: Float64Array, events: number) => void,
): Promise<void> => {
  const count = range.to - range.from;
  const n = Math.max(1, Math.min(workers, count));
  if (n === 1) {
    runReplicationRange(rs, opts, range.from, range.to, onRow);
    return;
  }
  const script = workerScript('forecastWorker');
  await Promise.all(slicesOf(range, n).map(({ from, to }) => new Promise<void>((resolve, reject) => {
    const w = new Worker(script, { workerData: { rs, opts, from, to }, resourceLimits: WORKER_LIMITS });
    w.on('message', (m: { replication: number; rows: Float64Array; events: number } | { done: true }) => {
      if ('done' in m) return;
      onRow(m.replication, m.rows, m.events);
    });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with code ${code}`))));
  })));
};

/** Every replication's metric rows, by replication index, run on `workers` threads. */
export const runColumns = async (
  rs: ResolvedScenario, opts: ForecastOptions, workers: number, progress?: Progress,
): Promise<{ columns: ReplicationColumns; events: number }> => {
  const columns = new ReplicationColumns(opts.runs, opts.years);
  let events = 0;
  let done = 0;
  await runRange(rs, opts, { from: 0, to: opts.runs }, workers, (replication, rows, ev) => {
    columns.add(replication, rows);
    events += ev;
    progress?.(++done, opts.runs);
  });
  if (!columns.complete) throw new Error('internal: a replication is missing');
  return { columns, events };
};

export const runForecast = async (
  rs: ResolvedScenario, opts: ForecastOptions, workers: number, progress?: Progress,
): Promise<ForecastSummary> => {
  const { columns, events } = await runColumns(rs, opts, workers, progress);
  return summarise(rs, opts, columns, events);
};
