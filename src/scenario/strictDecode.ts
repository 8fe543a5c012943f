// Strict decoding: what io-ts alone lets through. A walk over the value beside its codec finds
//   - keys the codec does not know (`$.carers[0].deregistation`), with "did you mean" for near
//     misses: t.type and t.partial ignore them, so a misspelt optional field would silently do
//     nothing. Objects used as maps (t.record: zone weights, `sources`) keep free keys;
//   - figures above a bound's warning level (src/domain/bounds.ts): unusual for one authority,
//     plausible for a large one or a region, so they decode and come back as warnings.
// The codecs stay the single source of each format: the walk reads their `props`, no key lists.
// Pure.
import { boundOf, formatNumber } from '../domain/bounds.js';
import { E, type t } from '../domain/fp.js';
import { didYouMean } from '../domain/similar.js';
import { decodeIssues, describe, formatIssues, renderFound, shape, type Issue, type Segment } from './decodeErrors.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const OBJECT_TAGS = new Set(['InterfaceType', 'PartialType', 'StrictType']);
const WRAPPERS = new Set(['RefinementType', 'ReadonlyType', 'ExactType', 'RecursiveType']);

/** An object codec's fields (several codecs for a key an intersection declares twice); `open` if part of it takes any key. */
interface Fields {
  readonly fields: Map<string, unknown[]>;
  /** Parts that are not plain objects (e.g. a record in an intersection): walked as they are, keys not checked. */
  readonly others: unknown[];
}

/** The fields of an object codec (`t.type`, `t.partial`, intersections of them), or undefined if it is not one. */
const fieldsOf = (codec: unknown): Fields | undefined => {
  const c = shape(codec);
  if (OBJECT_TAGS.has(c._tag ?? '')) {
    return { fields: new Map(Object.entries(c.props ?? {}).map(([k, v]) => [k, [v]])), others: [] };
  }
  if (WRAPPERS.has(c._tag ?? '') && c.type !== undefined) return fieldsOf(c.type);
  if (c._tag === 'IntersectionType') {
    const fields = new Map<string, unknown[]>();
    const others: unknown[] = [];
    let any = false;
    for (const member of c.types ?? []) {
      const f = fieldsOf(member);
      if (f === undefined) {
        others.push(member);
        continue;
      }
      any = true;
      for (const [k, codecs] of f.fields) fields.set(k, [...(fields.get(k) ?? []), ...codecs]);
      others.push(...f.others);
    }
    return any ? { fields, others } : undefined;
  }
  return undefined;
};

const isNamed = (name: string): boolean => /^[A-Z][A-Za-z0-9]*$/.test(name);

/** The literal a field must hold in an object codec (`lever: 'market'`), if it is one. */
const literalOf = (codec: unknown): unknown => {
  let c = shape(codec);
  while (WRAPPERS.has(c._tag ?? '') && c.type !== undefined) c = shape(c.type);
  return c._tag === 'LiteralType' ? c.value : undefined;
};

/**
 * The alternative of a union the value was meant as: the first that decodes it; else the only
 * object alternative whose fixed-value fields (`lever: "market"`) it matches; else the only
 * object alternative. Undefined when it cannot be told (the decode errors say why).
 */
const alternativeFor = (types: readonly unknown[], value: unknown): unknown => {
  const decodes = types.find((c) => E.isRight((c as t.Decoder<unknown, unknown>).decode(value)));
  if (decodes !== undefined) return decodes;
  if (!isObject(value)) return undefined;
  const objects = types.filter((c) => fieldsOf(c) !== undefined);
  const matching = objects.filter((c) => {
    const literals = [...fieldsOf(c)!.fields].filter(([, codecs]) => codecs.some((x) => literalOf(x) !== undefined));
    return literals.length > 0 && literals.every(([k, codecs]) => codecs.some((x) => literalOf(x) === value[k]));
  });
  if (matching.length === 1) return matching[0];
  return objects.length === 1 ? objects[0] : undefined;
};

export interface StrictOptions {
  /** Keys allowed at the top level besides the codec's (e.g. `extends` in a scenario file). */
  readonly rootKeys?: readonly string[];
}

export interface StrictIssues {
  /** Keys the codec does not know: errors. */
  readonly unknown: readonly Issue[];
  /** Figures above a bound's warning level. */
  readonly warnings: readonly Issue[];
}

/**
 * Unknown keys and figures worth a warning in `value`, read beside `codec`. Values of the wrong
 * type are passed over (decoding reports them).
 *
 * @example strictIssues(CarerPool, { ...pool, deregistation: { perYear: 0.1 } }).unknown
 * // [{ segments: [key deregistation], message: 'unknown key "deregistation"; did you mean `deregistration`?' }]
 */
export const strictIssues = (codec: t.Mixed, value: unknown, options: StrictOptions = {}): StrictIssues => {
  const unknown: Issue[] = [];
  const warnings: Issue[] = [];
  const rootKeys = new Set(options.rootKeys ?? []);

  const walk = (node: unknown, v: unknown, path: readonly Segment[]): void => {
    const bound = boundOf(node);
    if (bound?.warnAbove !== undefined && typeof v === 'number' && v > bound.warnAbove && v <= bound.max) {
      warnings.push({ segments: path, message: `${renderFound(v)} is above ${formatNumber(bound.warnAbove)}: ${bound.warnWhy ?? 'unusually large'}` });
    }
    const c = shape(node);
    const fields = fieldsOf(node);
    if (fields !== undefined) {
      if (!isObject(v)) return;
      for (const other of fields.others) walk(other, v, path);
      const known = [...fields.fields.keys()];
      for (const [key, item] of Object.entries(v)) {
        const codecs = fields.fields.get(key);
        const at = [...path, { kind: 'key' as const, key }];
        if (codecs !== undefined) {
          for (const x of codecs) walk(x, item, at);
        } else if (fields.others.length === 0 && !(path.length === 0 && rootKeys.has(key))) {
          unknown.push({ segments: at, message: unknownKeyMessage(key, known, node) });
        }
      }
      return;
    }
    switch (c._tag) {
      case 'RefinementType':
      case 'ReadonlyType':
      case 'ExactType':
      case 'RecursiveType':
        walk(c.type, v, path);
        return;
      case 'ArrayType':
      case 'ReadonlyArrayType':
        if (Array.isArray(v)) v.forEach((item, index) => walk(c.type, item, [...path, { kind: 'index', index }]));
        return;
      case 'TupleType':
        if (Array.isArray(v)) (c.types ?? []).forEach((x, index) => walk(x, v[index], [...path, { kind: 'index', index }]));
        return;
      case 'DictionaryType':
        if (isObject(v)) for (const [key, item] of Object.entries(v)) walk(c.codomain, item, [...path, { kind: 'key', key }]);
        return;
      case 'UnionType': {
        const alternative = alternativeFor(c.types ?? [], v);
        if (alternative !== undefined) walk(alternative, v, path);
        return;
      }
      default:
    }
  };

  walk(codec, value, []);
  return { unknown, warnings };
};

const unknownKeyMessage = (key: string, known: readonly string[], codec: unknown): string => {
  const near = didYouMean(key, known);
  if (near !== '') return `unknown key ${renderFound(key)}${near}`;
  const name = shape(codec).name;
  const owner = isNamed(name) ? ` (${name})` : '';
  return `unknown key ${renderFound(key)}: expected one of ${known.join(', ')}${owner}`;
};

export interface Strict<A> {
  readonly value: A;
  /** `file: $.path: …` lines for figures above a warning level, sorted by path. */
  readonly warnings: readonly string[];
}

/**
 * Decode strictly: wrong types, values beyond their bounds and unknown keys, all reported at once
 * and sorted by path, each line naming `file`; on success the value and its warnings.
 *
 * @example decodeStrict(SnapshotFile, json, 'area.json')
 */
export const decodeStrict = <A>(
  codec: t.Type<A, unknown, unknown>, value: unknown, file: string, options: StrictOptions = {},
): E.Either<string[], Strict<A>> => {
  const decoded = codec.decode(value);
  const found = strictIssues(codec, value, options);
  const problems = [...(E.isLeft(decoded) ? decodeIssues(decoded.left) : []), ...found.unknown];
  if (E.isLeft(decoded) || problems.length > 0) {
    const lines = formatIssues(problems, file);
    return E.left(lines.length > 0 ? lines : [`${file}: $: does not match ${describe(codec)}`]);
  }
  return E.right({ value: decoded.right, warnings: formatIssues(found.warnings, file) });
};
