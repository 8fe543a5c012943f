// io-ts validation errors → readable lines that name the file, the JSON path, what was expected
// and what was found, e.g.
//   scenario.json: $.carers[2].ageRange[1]: expected AgeYears (whole number 0–17), found 19
// Every error is reported (io-ts collects them all); a failed union gives one line for its path
// unless the value clearly meant one alternative; identical lines (from intersections) appear once.
// A figure of the right type beyond a plausible bound (src/domain/bounds.ts) says the range and why:
//   scenario.json: $.carers[0].households: expected whole number from 0 to 50,000, found 55000 (…)
import { boundOf, describeRange } from '../domain/bounds.js';
import { E, pipe, type t } from '../domain/fp.js';

/** Human descriptions of the branded types in src/domain/units.ts and of IsoDate. */
const BRAND_DESCRIPTIONS: Readonly<Record<string, string>> = {
  Probability: 'number from 0 to 1',
  NonNegative: 'number ≥ 0',
  Positive: 'number > 0',
  NonNegativeInt: 'whole number ≥ 0',
  PositiveInt: 'whole number ≥ 1',
  GrowthRate: 'number above -1, at most 10',
  AgeYears: 'whole number 0–17',
  IsoDate: 'date YYYY-MM-DD',
};

const FOUND_MAX_CHARS = 60;

/** The fields of io-ts codecs that error messages and the strict decode read; every codec class has `_tag` and `name`. */
export interface CodecShape {
  readonly _tag?: string;
  readonly name: string;
  readonly type?: unknown;
  readonly types?: readonly unknown[];
  readonly keys?: Readonly<Record<string, unknown>>;
  readonly props?: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
  readonly domain?: unknown;
  readonly codomain?: unknown;
}

export const shape = (codec: unknown): CodecShape => codec as CodecShape;

/** Look through wrappers that pass their own context entry to the codec inside. */
const structural = (codec: unknown): CodecShape => {
  let c = shape(codec);
  for (let guard = 0; guard < 32; guard += 1) {
    if ((c._tag === 'RefinementType' || c._tag === 'ReadonlyType' || c._tag === 'ExactType' || c._tag === 'RecursiveType') && c.type !== undefined) {
      c = shape(c.type);
    } else break;
  }
  return c;
};

/** One step of a JSON path: an array index or an object key. */
export type Segment = { readonly kind: 'index'; readonly index: number } | { readonly kind: 'key'; readonly key: string };

const INDEXED = new Set(['ArrayType', 'ReadonlyArrayType', 'TupleType', 'AnyArrayType']);
const COMBINATORS = new Set(['IntersectionType', 'UnionType']);

/** The path segment the context entry at `i` adds, or undefined for an intersection/union member. */
const segmentAt = (context: t.Context, i: number): Segment | undefined => {
  const entry = context[i];
  const parent = context[i - 1];
  if (entry === undefined || parent === undefined) return undefined;
  const tag = structural(parent.type)._tag ?? '';
  if (COMBINATORS.has(tag)) return undefined;
  if (INDEXED.has(tag) && /^\d+$/.test(entry.key)) return { kind: 'index', index: Number(entry.key) };
  return { kind: 'key', key: entry.key };
};

interface Located {
  readonly segments: readonly Segment[];
  /** Index of the context entry that added the last segment (0 for the root). */
  readonly lastStep: number;
}

const locate = (context: t.Context, upTo: number = context.length - 1): Located => {
  const segments: Segment[] = [];
  let lastStep = 0;
  for (let i = 1; i <= upTo; i += 1) {
    const s = segmentAt(context, i);
    if (s !== undefined) {
      segments.push(s);
      lastStep = i;
    }
  }
  return { segments, lastStep };
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const formatPath = (segments: readonly Segment[]): string =>
  segments.reduce(
    (acc, s) => (s.kind === 'index' ? `${acc}[${s.index}]` : IDENTIFIER.test(s.key) ? `${acc}.${s.key}` : `${acc}[${JSON.stringify(s.key)}]`),
    '$',
  );

export const compareSegments = (a: readonly Segment[], b: readonly Segment[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) break;
    if (x.kind === 'index' && y.kind === 'index') {
      if (x.index !== y.index) return x.index - y.index;
    } else {
      const xs = x.kind === 'index' ? String(x.index) : x.key;
      const ys = y.kind === 'index' ? String(y.index) : y.key;
      if (xs !== ys) return xs < ys ? -1 : 1;
    }
  }
  return a.length - b.length;
};

/** A compact rendering of the offending value: JSON, at most 60 characters; undefined is "nothing". */
export const renderFound = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  let text: string | undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value);
    } catch {
      // Too deep (or circular) to write out: say what it is instead.
      text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : undefined;
    }
  }
  const s = text ?? String(value);
  return s.length > FOUND_MAX_CHARS ? `${s.slice(0, FOUND_MAX_CHARS - 1)}…` : s;
};

const isNamed = (name: string): boolean => IDENTIFIER.test(name);

const PRIMITIVES: Readonly<Record<string, string>> = {
  StringType: 'string', NumberType: 'number', BooleanType: 'boolean', NullType: 'null', UndefinedType: 'nothing',
  BigIntType: 'bigint', AnyArrayType: 'array', AnyDictionaryType: 'object', ObjectType: 'object', FunctionType: 'function',
};

/** A short name for use inside another description: `CarerPool`, `Need`, `string`. */
const shortName = (codec: unknown): string => {
  const c = shape(codec);
  const primitive = PRIMITIVES[c._tag ?? ''];
  if (primitive !== undefined) return primitive;
  return isNamed(c.name) ? c.name : describe(codec);
};

const joinAlternatives = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1] ?? ''}`;

/** What a codec expects, in words: `AgeYears (whole number 0–17)`, `one of a, b, c`, `CarerPool (object)`. */
export const describe = (codec: unknown): string => {
  const c = shape(codec);
  switch (c._tag) {
    case 'RefinementType': {
      const brand = BRAND_DESCRIPTIONS[c.name];
      if (brand !== undefined) return `${c.name} (${brand})`;
      return isNamed(c.name) ? c.name : describe(c.type);
    }
    case 'KeyofType':
      return `one of ${Object.keys(c.keys ?? {}).join(', ')}`;
    case 'LiteralType':
      return JSON.stringify(c.value) ?? String(c.value);
    case 'UnionType':
      return joinAlternatives((c.types ?? []).map(describe));
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType':
    case 'DictionaryType':
    case 'StrictType':
    case 'ExactType':
      return isNamed(c.name) ? `${c.name} (object)` : 'object';
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return `array of ${shortName(c.type)}`;
    case 'TupleType':
      return `array [${(c.types ?? []).map(shortName).join(', ')}]`;
    case 'ReadonlyType':
    case 'RecursiveType':
      return isNamed(c.name) ? c.name : describe(c.type);
    default:
      return PRIMITIVES[c._tag ?? ''] ?? c.name;
  }
};

/** A problem (or a warning) at a JSON path, before the file name is put in front. */
export interface Issue {
  readonly segments: readonly Segment[];
  readonly message: string;
}

/**
 * The message for a value at a path: missing required fields and tuple items are said so;
 * otherwise "expected …, found …".
 */
const messageFor = (context: t.Context, lastStep: number, expected: string, value: unknown, custom?: string): string => {
  const suffix = custom !== undefined && custom !== '' ? ` (${custom})` : '';
  if (value === undefined && lastStep > 0) {
    const parentTag = structural(context[lastStep - 1]?.type)._tag;
    if (parentTag === 'InterfaceType' || parentTag === 'StrictType') return `required field missing (expected ${expected})${suffix}`;
    if (parentTag === 'TupleType') return `item missing (expected ${expected})${suffix}`;
  }
  if (lastStep > 0) {
    const parent = structural(context[lastStep - 1]?.type);
    const entry = context[lastStep];
    if (parent._tag === 'DictionaryType' && entry !== undefined && entry.type === parent.domain) {
      return `key not allowed: expected ${expected}, found ${renderFound(value)}${suffix}`;
    }
  }
  return `expected ${expected}, found ${renderFound(value)}${suffix}`;
};

/**
 * For a value of the right type beyond a bound (src/domain/bounds.ts) of `codec`: "expected whole
 * number from 0 to 50,000, found 55000 (why)"; else undefined.
 */
const beyondBound = (codec: unknown, value: unknown): string | undefined => {
  const bound = boundOf(codec);
  const inner = shape(codec).type as { is?: (u: unknown) => boolean; name?: string } | undefined;
  if (bound === undefined || inner?.is === undefined || !inner.is(value)) return undefined;
  return `expected ${describeRange(inner.name ?? '', bound)}, found ${renderFound(value)} (${bound.why})`;
};

/** One error with no union on its way: describe the outermost codec at its path. */
const plainIssue = (error: t.ValidationError): Issue => {
  const { segments, lastStep } = locate(error.context);
  const outer = error.context[lastStep];
  return {
    segments,
    message: beyondBound(outer?.type, error.value)
      ?? messageFor(error.context, lastStep, describe(outer?.type), error.value, error.message),
  };
};

const firstUnionAt = (context: t.Context, from: number): number => {
  for (let i = from; i < context.length; i += 1) {
    if (structural(context[i]?.type)._tag === 'UnionType') return i;
  }
  return -1;
};

/**
 * Errors → issues. Errors that passed through a union (searching from context index `from`) are
 * grouped by that union: if exactly one alternative failed only below the union's own path (the
 * value had that alternative's shape), its errors are reported; otherwise one line for the union.
 */
const issuesOf = (errors: readonly t.ValidationError[], from: number): Issue[] => {
  const issues: Issue[] = [];
  const groups = new Map<string, { at: number; errors: t.ValidationError[] }>();
  for (const error of errors) {
    const at = firstUnionAt(error.context, from);
    if (at < 0) {
      issues.push(plainIssue(error));
      continue;
    }
    const key = `${at}\u0000${error.context.slice(0, at + 1).map((c) => c.key).join('\u0000')}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { at, errors: [error] });
    else group.errors.push(error);
  }
  for (const { at, errors: group } of groups.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const unionPath = locate(first.context, at);
    const byAlternative = new Map<string, t.ValidationError[]>();
    let wholeFailed = false;
    for (const error of group) {
      const member = error.context[at + 1];
      if (member === undefined) {
        wholeFailed = true;
        continue;
      }
      const list = byAlternative.get(member.key);
      if (list === undefined) byAlternative.set(member.key, [error]);
      else list.push(error);
    }
    const deeper = [...byAlternative.values()].filter((errs) =>
      errs.every((e) => locate(e.context).segments.length > unionPath.segments.length));
    const only = deeper[0];
    if (!wholeFailed && deeper.length === 1 && only !== undefined) {
      issues.push(...issuesOf(only, at + 2));
    } else {
      const entry = first.context[at];
      const value = entry !== undefined && 'actual' in entry ? entry.actual : first.value;
      // A value of one alternative's type, beyond that alternative's bound, is reported as such.
      const alternatives = structural(entry?.type).types ?? [];
      const bounded = alternatives.map((a) => beyondBound(a, value)).find((m) => m !== undefined);
      issues.push({
        segments: unionPath.segments,
        message: bounded ?? messageFor(first.context, unionPath.lastStep, describe(entry?.type), value),
      });
    }
  }
  return issues;
};

/**
 * io-ts errors → one line per problem, `file: $.path: message`, sorted by path (array indices in
 * numeric order) then message, without duplicates.
 *
 * @example formatDecodeErrors(errs, 'scenario.json')
 * // ['scenario.json: $.entries.rates[0].perYear: expected NonNegative (number ≥ 0), found -3']
 */
export const formatDecodeErrors = (errors: t.Errors, file: string): string[] => formatIssues(decodeIssues(errors), file);

/** io-ts errors → issues at JSON paths (unions grouped as `formatDecodeErrors` describes). */
export const decodeIssues = (errors: t.Errors): Issue[] => issuesOf(errors, 0);

/** Issues → `file: $.path: message` lines, sorted by path (indices numerically) then message, without duplicates. */
export const formatIssues = (found: readonly Issue[], file: string): string[] => {
  const issues = found
    .map((issue) => ({ ...issue, path: formatPath(issue.segments) }))
    .sort((a, b) => compareSegments(a.segments, b.segments) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const line = `${file}: ${issue.path}: ${issue.message}`;
    if (!seen.has(line)) {
      seen.add(line);
      lines.push(line);
    }
  }
  return lines;
};

/** Decode `value` with `codec`; a Left holds every problem as a readable line naming `file`. */
export const decodeWith = <A>(codec: t.Type<A, unknown, unknown>, value: unknown, file: string): E.Either<string[], A> =>
  pipe(
    codec.decode(value),
    E.mapLeft((errors) => {
      const lines = formatDecodeErrors(errors, file);
      return lines.length > 0 ? lines : [`${file}: $: does not match ${describe(codec)}`];
    }),
  );
