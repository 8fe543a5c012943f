// Smoothing sparse cells towards a prior, so a small authority's empty cell is not a zero rate.
//
// Rates (events per unit of exposure): a Gamma prior with mean `prior` worth `m` pseudo-events,
// i.e. k = m / prior units of exposure. The posterior mean is
//     rate = (events + k·prior) / (exposure + k) = (events + m) / (exposure + m / prior).
// With m = 2 a cell with no data gets the prior; a cell with 100 events moves about 2% of the way.
// Shares (counts over categories): a Dirichlet prior with shares `prior` worth `m` pseudo-counts,
//     share_i = (n_i + m·prior_i) / (N + m).
// `m = 0` gives the raw estimate wherever there is data (and the prior where there is none).

/** Pseudo-events (or pseudo-counts) the priors are worth unless an option says otherwise. */
export const DEFAULT_PRIOR_EVENTS = 2;

/** A rate estimate with what it rests on. `raw` is undefined when there is no exposure. */
export interface RateCell {
  /** The smoothed rate, per year. */
  readonly perYear: number;
  readonly events: number;
  readonly exposureYears: number;
  readonly raw: number | undefined;
  /** The national (or assumed) rate it is smoothed towards. */
  readonly prior: number;
}

/**
 * Posterior mean of a Poisson rate under a Gamma prior (mean `prior`, weight `m` events).
 *
 * @example gammaRate(0, 0.5, 0.4, 2).perYear // (0 + 2) / (0.5 + 5) = 0.3636…
 */
export const gammaRate = (events: number, exposureYears: number, prior: number, m: number): RateCell => {
  const raw = exposureYears > 0 ? events / exposureYears : undefined;
  let perYear: number;
  if (m > 0 && prior > 0) perYear = (events + m) / (exposureYears + m / prior);
  else perYear = raw ?? prior;
  return { perYear, events, exposureYears, raw, prior };
};

/**
 * Posterior mean shares under a Dirichlet prior (`prior` shares summing to 1, weight `m`).
 * Categories with neither data nor prior weight get 0 and are left out.
 *
 * @example dirichletShares({ a: 3, b: 0 }, { a: 0.5, b: 0.5 }, 2) // { a: 0.8, b: 0.2 }
 */
export const dirichletShares = <K extends string>(
  counts: Readonly<Partial<Record<K, number>>>, prior: Readonly<Partial<Record<K, number>>>, m: number,
): Partial<Record<K, number>> => {
  const keys = [...new Set([...Object.keys(counts), ...Object.keys(prior)])] as K[];
  const total = keys.reduce((s, k) => s + (counts[k] ?? 0), 0);
  const priorTotal = keys.reduce((s, k) => s + (prior[k] ?? 0), 0);
  const weight = priorTotal > 0 ? m : 0;
  const denom = total + weight;
  const out: Partial<Record<K, number>> = {};
  if (denom <= 0) return out;
  for (const k of keys) {
    const v = ((counts[k] ?? 0) + (priorTotal > 0 ? (weight * (prior[k] ?? 0)) / priorTotal : 0)) / denom;
    if (v > 0) out[k] = v;
  }
  return out;
};
