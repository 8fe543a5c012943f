// Pool worker thread (forecastPool.ts): runs each slice of replications it is sent, posting each
// replication's rows, then `done`; it stays up, warm, for the next slice.
import { parentPort } from 'node:worker_threads';
import { runReplicationRange } from '../sim/forecast.js';
import type { PoolJob } from './forecastPool.js';

parentPort!.on('message', (job: PoolJob) => {
  runReplicationRange(job.rs, job.opts, job.from, job.to, (replication, rows, events) => {
    parentPort!.postMessage({ replication, rows, events }, [rows.buffer as ArrayBuffer]);
  });
  parentPort!.postMessage({ done: true });
});
