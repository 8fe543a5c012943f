// The floor of the forecast benchmark: what a replication of the Medway baseline would cost with
// no model at all — the same number of random streams, random draws and event-queue pushes and
// pops, and nothing else: benchmarks/opCount.ts counts them, `floorSeconds` times the bare loop.
import { entityStream, processStream, type Rng } from '../src/random/rng.js';
import { EventQueue } from '../src/sim/eventQueue.js';

/** Mean operations per replication (benchmarks/opCount.ts). */
export interface OpCounts {
  processStreams: number;
  processDraws: number;
  entityStreams: number;
  entityDraws: number;
  pushes: number;
  pops: number;
  events: number;
}

/** Seconds for `runs` replications' worth of the counted operations and nothing else. */
export const floorSeconds = (ops: OpCounts, runs: number): number => {
  const n = (x: number): number => Math.round(x);
  let sink = 0;
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const streams: Rng[] = [];
    for (let i = 0; i < n(ops.processStreams); i++) streams.push(processStream(1, r, `floor/${i}`));
    for (let i = 0; i < n(ops.processDraws); i++) sink += streams[i % streams.length]!.next();
    const entities: Rng[] = [];
    for (let i = 0; i < n(ops.entityStreams); i++) entities.push(entityStream(streams[i % streams.length]!));
    for (let i = 0; i < n(ops.entityDraws); i++) sink += entities[i % entities.length]!.next();
    // Pushes at random days over five years, popped in order; half pushed before the first pop.
    const q = new EventQueue<{ priority: number }>();
    const ev = { priority: 0 };
    const pushes = n(ops.pushes);
    const pops = n(ops.pops);
    const early = pushes >> 1;
    let day = 0;
    for (let i = 0; i < early; i++) q.push(Math.floor(sink * 7919 % 1826), ev), sink += 0.5;
    for (let i = 0, pushed = early; i < pops; i++) {
      if (q.popEvent() !== undefined) day = q.day;
      if (pushed < pushes) q.push(day + (pushed % 97), ev), pushed++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink === -1) console.log(sink); // keeps the draws from being optimised away
  return seconds;
};
