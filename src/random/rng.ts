// Seeded random streams. One independent stream per (seed, replication, process): results do
// not depend on worker count or on the order replications run in, and two scenarios run on
// the same seed share the draws of every process a lever does not touch (common random numbers).
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export interface Rng {
  next(): number;
}

/**
 * The root stream of one process in one replication: seedrandom's Alea generator keyed by the
 * string `placement-sufficiency/<seed>/<replication>/<process>`. Alea hashes the whole key, so
 * streams with different keys are independent for practical purposes.
 */
export const processStream = (seed: number | string, replication: number, process: string): Rng => {
  const alea = seedrandom.alea(`placement-sufficiency/${seed}/${replication}/${process}`);
  return { next: () => alea() };
};

/**
 * A child stream for one entity (a child, a household), seeded with four 32-bit words drawn
 * from its parent. Entities draw from their own stream, so a lever that changes what happens to
 * one child does not shift the random numbers of any other. The generator is sfc32 (Chris
 * Doty-Humphrey's small fast chaotic PRNG, as in PractRand), chosen because it seeds in a few
 * operations and thousands are made per replication.
 */
export const entityStream = (parent: Rng): Rng => {
  const u0 = parent.next();
  const u1 = parent.next();
  return entityStreamOf(u0, u1, parent.next());
};

/** The entity stream `entityStream` makes from its parent's next three draws, `u0`, `u1` and `u2`. */
export const entityStreamOf = (u0: number, u1: number, u2: number): Rng => {
  let a = (u0 * 4294967296) >>> 0;
  let b = (u1 * 4294967296) >>> 0;
  let c = (u2 * 4294967296) >>> 0;
  let d = 1;
  const next = (): number => {
    const r = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + r) >>> 0;
    return r / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up away from the seed words
  return { next };
};
