// Whole units shared out by weight, the same way every time: how a scenario's carer households
// are laid out across zones and household sizes. Deterministic arithmetic, not a random draw, so
// it lives with its user (`resolve`) rather than with the samplers in `src/random`.

/**
 * Deterministic apportionment of `total` whole units to weights (largest remainder, ties to
 * the lower index). Negative weights count as 0; all zero (or `total` ≤ 0) gives all zeros.
 *
 * @example apportion(10, [1, 1, 1]) // [4, 3, 3]
 */
export const apportion = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((p, q) => q.r - p.r || p.i - q.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const idx = order[k]!.i;
    out[idx] = (out[idx] ?? 0) + 1;
  }
  return out;
};
