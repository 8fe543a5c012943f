// Samplers with the random source passed in (as d3-random's `.source(rng)`): never a global one.
import type { Rng } from './rng.js';

/** Exponential waiting time with the given rate (events per unit time); Infinity for rate 0. */
export const exponential = (rng: Rng, rate: number): number =>
  rate > 0 ? -Math.log(1 - rng.next()) / rate : Number.POSITIVE_INFINITY;

/** Standard exponential (rate 1): a unit of cumulative hazard to be spent over a timeline. */
export const unitExponential = (rng: Rng): number => -Math.log(1 - rng.next());

/** Standard normal by Box–Muller (one value per call; the pair's twin is discarded). */
export const normal = (rng: Rng): number => {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};

/** Poisson count: Knuth's product method for small means, normal approximation above 500. */
export const poisson = (rng: Rng, mean: number): number => {
  if (mean <= 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
};

/** Integer uniform on [lo, hi] inclusive. */
export const uniformInt = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));

/**
 * A sampler over indices 0..n-1 with the given non-negative weights (need not sum to 1).
 * Cumulative sums are computed once; each draw is a binary search.
 */
export const categorical = (weights: readonly number[]): ((rng: Rng) => number) => {
  const ofUniform = categoricalOfUniform(weights);
  return (rng) => ofUniform(rng.next());
};

/** `categorical` given its uniform draw `u` in [0, 1) (a draw already taken, in a fixed order). */
export const categoricalOfUniform = (weights: readonly number[]): ((u: number) => number) => {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i] ?? 0);
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new Error('internal: categorical weights sum to zero');
  return (draw) => {
    const u = draw * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
};

/**
 * Time at which a piecewise-constant hazard first accumulates `budget` units (a unit
 * exponential draw gives an event time with that hazard). Segments are [start, end) in days
 * with a rate per day; returns Infinity if the budget outlasts the segments.
 */
export const timeToSpend = (budget: number, starts: readonly number[], ends: readonly number[], ratesPerDay: readonly number[]): number => {
  let left = budget;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    const r = ratesPerDay[i]!;
    if (r <= 0 || e <= s) continue;
    const cap = r * (e - s);
    if (left < cap) return s + left / r;
    left -= cap;
  }
  return Number.POSITIVE_INFINITY;
};
