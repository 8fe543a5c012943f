// Goal seek: the smallest value of one lever that meets a target with a given probability.
// The evaluator runs the scenario at a lever value on fixed seeds (common random numbers), so
// neighbouring values differ only through the lever, and bisection on a lever whose effect is
// monotone needs few evaluations. Pure: the evaluator is passed in.
import { E } from '../domain/fp.js';
import { METRICS } from '../domain/metricCatalog.js';

export type Comparison = '<=' | '<' | '>=' | '>';

export interface Target {
  readonly metric: string;
  readonly comparison: Comparison;
  readonly value: number;
  readonly financialYear: string;
}

const METRIC_KEYS = new Set(METRICS.map((m) => m.path.join('.')));

/** Parse `placedOver20Miles <= 0.25 in 2027/28`. */
export const parseTarget = (text: string): E.Either<string, Target> => {
  const m = /^\s*([A-Za-z][\w.]*)\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s+in\s+(\d{4}\/\d{2})\s*$/.exec(text);
  if (!m) return E.left(`--target: expected "<metric> <=|<|>=|> <number> in <financial year>", e.g. "placedOver20Miles <= 0.25 in 2027/28", found ${JSON.stringify(text)}`);
  const [, metric, comparison, value, financialYear] = m as unknown as [string, string, Comparison, string, string];
  if (!METRIC_KEYS.has(metric)) return E.left(`--target: expected a metric id such as placedOver20Miles, shortfalls or childrenInCareByPlacementType.residentialPrivate, found ${JSON.stringify(metric)}`);
  return E.right({ metric, comparison, value: Number(value), financialYear });
};

export const meets = (t: Target, x: number): boolean =>
  t.comparison === '<=' ? x <= t.value : t.comparison === '<' ? x < t.value : t.comparison === '>=' ? x >= t.value : x > t.value;

export interface SeekOptions {
  readonly min: number;
  readonly max: number;
  /** Search on multiples of `step` from `min` (1 for whole households). */
  readonly step: number;
  readonly confidence: number;
}

export interface SeekStep {
  readonly value: number;
  readonly probability: number;
  readonly met: boolean;
}

export interface SeekResult {
  /** The smallest value found meeting the target with at least the confidence, or null. */
  readonly value: number | null;
  readonly path: readonly SeekStep[];
  readonly reason: 'found' | 'metAtMin' | 'notMetAtMax';
}

/**
 * Bisection over min, min + step, … max, assuming the probability of meeting the target rises
 * with the lever value (check the path: a non-monotone lever shows up as a met value below an
 * unmet one). Evaluates min and max first, then halves the interval.
 */
export const seek = async (evaluate: (value: number) => Promise<number>, o: SeekOptions): Promise<SeekResult> => {
  const path: SeekStep[] = [];
  const probe = async (k: number): Promise<boolean> => {
    const value = Math.round((o.min + k * o.step) * 1e9) / 1e9;
    const probability = await evaluate(value);
    const met = probability >= o.confidence;
    path.push({ value, probability, met });
    return met;
  };
  const top = Math.floor((o.max - o.min) / o.step + 1e-9);
  if (await probe(0)) return { value: o.min, path, reason: 'metAtMin' };
  if (!(await probe(top))) return { value: null, path, reason: 'notMetAtMax' };
  let lo = 0; // not met
  let hi = top; // met
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await probe(mid)) hi = mid;
    else lo = mid;
  }
  return { value: Math.round((o.min + hi * o.step) * 1e9) / 1e9, path, reason: 'found' };
};

/** Read or set a number at a path such as `levers[0].householdsPerYear` in parsed JSON. */
export const pathSegments = (path: string): E.Either<string, (string | number)[]> => {
  const out: (string | number)[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < path.length && (m = re.exec(path)) !== null) {
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
    at = re.lastIndex;
  }
  return at === path.length && out.length > 0 ? E.right(out) : E.left(`--lever: expected a path such as levers[0].householdsPerYear, found ${JSON.stringify(path)}`);
};

export const numberAt = (json: unknown, segments: readonly (string | number)[]): number | undefined => {
  let node: unknown = json;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return typeof node === 'number' ? node : undefined;
};

export const withNumberAt = (json: unknown, segments: readonly (string | number)[], value: number): unknown => {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [string | number, ...(string | number)[]];
  if (Array.isArray(json)) return json.map((x, i) => (i === head ? withNumberAt(x, rest, value) : x));
  const obj = json as Record<string, unknown>;
  return { ...obj, [head]: withNumberAt(obj[head], rest, value) };
};
