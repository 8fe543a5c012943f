// Worker thread: runs a slice of replications and posts each replication's metric rows back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ForecastOptions } from '../sim/forecast.js';
import { runReplicationRange } from '../sim/forecast.js';
import type { ResolvedScenario } from '../scenario/resolved.js';

interface Job {
  readonly rs: ResolvedScenario;
  readonly opts: ForecastOptions;
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
runReplicationRange(job.rs, job.opts, job.from, job.to, (replication, rows, events) => {
  parentPort!.postMessage({ replication, rows, events }, [rows.buffer as ArrayBuffer]);
});
parentPort!.postMessage({ done: true });
