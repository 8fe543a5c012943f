// Junk in every file argument of every command (issue 12, "strict input"): random bytes, deep
// nesting, huge numbers, very long lines, unknown keys, wrong types at random JSON paths of the
// real Medway files, cells of the wrong kind, truncated files. Whatever the junk, the compiled CLI
// (run as a user runs it; `npm run build` first) must exit 2 with a message naming the file, print
// no stack trace and no "internal error", and write nothing: `--out` points at a fresh path that
// must not come into existence. Each spawn costs about a second, so each command gets a few runs
// (JUNK_RUNS=50 explores more); the seed is fixed in test/setup.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_DOCS } from '../../src/docs/formatReference.js';

const CLI = 'dist/src/cli/main.js';
const RUNS = Number(process.env.JUNK_RUNS ?? 6);
const MATCH_DATE = '2025-02-03';

const MEDWAY = resolve('scenarios/medway-2022.json');
const OPTION = resolve('scenarios/options/two-inhouse-homes.json');
const SNAPSHOT = resolve('scenarios/snapshots/medway-2022.json');
const REFERRALS = resolve('scenarios/examples/referrals.csv');
const VACANCIES = resolve('scenarios/examples/vacancies.csv');

const run = (args: readonly string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, err: r.stderr ?? '', out: r.stdout ?? '' };
};

/** A fresh folder for one case, and an output path inside it that must never appear. */
const scratch = (): { dir: string; out: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'junk-'));
  return { dir, out: join(dir, 'never-written') };
};

const expectRejected = (r: ReturnType<typeof run>, file: string, out: string, kind: string): void => {
  const context = `${kind}: exit ${r.code}\n${r.err.slice(0, 1500)}`;
  expect(r.code, context).toBe(2);
  expect(r.err, context).toContain(file);
  expect(r.err, context).not.toMatch(/\n\s+at /);
  expect(r.err, context).not.toContain('internal error');
  expect(existsSync(out), `${context}\n${out} was written`).toBe(false);
};

// ---- Junk JSON ----------------------------------------------------------------------------------

type Path = readonly (string | number)[];
interface Junk { readonly kind: string; readonly content: string | Uint8Array }
/** Junk that prints as its kind in a counterexample, not as megabytes of content. */
const junkOf = (kind: string, content: string | Uint8Array): Junk => ({ kind, content, [fc.toStringMethod]: () => kind }) as Junk;

const pathsOf = (value: unknown, at: Path = []): Path[] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
};
const get = (value: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
const setAt = (value: unknown, path: Path, replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
};
const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every field name the scenario and snapshot formats know: a misspelling must not land on one. */
const KNOWN_KEYS = new Set([
  ...Object.keys(FIELD_DOCS).flatMap((p) => p.split(/[.[\]*]+/)),
  'extends', 'asAt', 'childrenInCare', 'startsPerYear', 'ageBands', 'placements', 'homeZones', 'placedOver20Miles', 'threePlusPlacements', 'weeklyCosts',
]);

const PLACEHOLDER = '"__JUNK__"';
const HUGE = ['1e12', '-1e12', '1e308', '1e400', '-1e400', '123456789012345678901234567890'];
/** Units for a very long line; none is whitespace, so the line cannot vanish into valid JSON. */
const LONG_UNITS = ['x', '0', '{', '"', 'é€', 'ab,', '\\'];

/** Junk made from a real JSON file: every kind the issue lists. */
const jsonJunk = (file: string): fc.Arbitrary<Junk> => {
  const text = readFileSync(file, 'utf8');
  const json = JSON.parse(text) as unknown;
  const paths = pathsOf(json);
  const numeric = paths.filter((p) => typeof get(json, p) === 'number');
  const objects = paths.filter((p) => typeOf(get(json, p)) === 'object');
  const pick = (list: readonly Path[]) => fc.integer({ min: 0, max: list.length - 1 }).map((i) => list[i]!);
  const withText = (path: Path, raw: string): string => JSON.stringify(setAt(json, path, PLACEHOLDER.slice(1, -1)), null, 2).replace(PLACEHOLDER, raw);
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((b): Junk => junkOf('random bytes', b)),
    fc.tuple(fc.integer({ min: 65, max: 100_000 }), fc.boolean(), pick(paths)).map(([depth, arrays, path]): Junk => {
      const nest = arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      return junkOf(`nesting ${depth} deep at ${path.join('.')}`, withText(path, nest));
    }),
    fc.tuple(pick(numeric), fc.constantFrom(...HUGE)).map(([path, huge]): Junk => junkOf(`${huge} at ${path.join('.')}`, withText(path, huge))),
    fc.tuple(fc.integer({ min: 100_000, max: 2_000_000 }), fc.constantFrom(...LONG_UNITS)).map(([length, unit]): Junk =>
      junkOf(`a line of ${length} characters`, `${unit.repeat(Math.ceil(length / unit.length))}\n${text}`)),
    fc.tuple(pick(objects), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_')).map(([path, n, letter]): Junk => {
      const keys = Object.keys(get(json, path) as object);
      const base = keys.length === 0 ? 'key' : keys[n % keys.length]!;
      const at = n % (base.length + 1);
      let key = `${base.slice(0, at)}${letter}${base.slice(at)}`;
      while (KNOWN_KEYS.has(key) || keys.includes(key)) key = `${key}${letter}`;
      // The value is of no type any field or map takes, so a map (zone weights, sources) refuses it too.
      return junkOf(`unknown key ${key} at ${path.join('.')}`, JSON.stringify(setAt(json, [...path, key], '¿junk?'), null, 2));
    }),
    fc.tuple(pick(paths), fc.constantFrom<unknown>(null, true, 12.5, '¿junk?', [], {})).filter(([path, v]) => typeOf(get(json, path)) !== typeOf(v))
      .map(([path, v]): Junk => junkOf(`${JSON.stringify(v)} at ${path.join('.') || '$'}`, JSON.stringify(setAt(json, path, v), null, 2))),
    fc.integer({ min: 0, max: text.lastIndexOf('}') }).map((cut): Junk => junkOf(`cut after ${cut} characters`, text.slice(0, cut))),
  );
};

// ---- Junk CSV -----------------------------------------------------------------------------------

/** Columns whose cells have a type (free-text columns such as `id` accept any text). */
const TYPED_REFERRAL = [
  'dateOfBirth', 'age', 'needs', 'neededBy', 'homePostcode', 'schoolPostcode', 'sameSchool', 'searchPostcode', 'fosterCare', 'residentialCare',
  'supportedAccommodation', 'risks', 'careAlongside',
];
const TYPED_VACANCY = [
  'type', 'postcode', 'places', 'ageMin', 'ageMax', 'needsMet', 'weeklyCost', 'siblingCapacity', 'availableFrom', 'risksManaged', 'currentChildren',
  'experienceYears', 'hubMember',
];
const NUMERIC_REFERRAL = ['age'];
const NUMERIC_VACANCY = ['places', 'ageMin', 'ageMax', 'weeklyCost', 'siblingCapacity', 'currentChildren', 'experienceYears'];
const HUGE_CELLS = ['1e400', '123456789012345678901234567890', '99999999', '-5', '£99,999,999'];

const csvJunk = (file: string, typed: readonly string[], numeric: readonly string[]): fc.Arbitrary<Junk> => {
  const text = readFileSync(file, 'utf8');
  const lines = text.replace(/\n$/, '').split('\n');
  const records = parse(text) as string[][];
  const header = records[0]!;
  const rows = lines.length - 1;
  const quote = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const withCell = (row: number, column: string, value: string): string => {
    const cells = [...records[row + 1]!];
    cells[header.indexOf(column)] = value;
    return [...lines.slice(0, row + 1), cells.map(quote).join(','), ...lines.slice(row + 2)].join('\n');
  };
  const row = fc.integer({ min: 0, max: rows - 1 });
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((b): Junk => junkOf('random bytes', b)),
    fc.tuple(fc.integer({ min: 100_000, max: 2_000_000 }), fc.constantFrom(...LONG_UNITS), fc.integer({ min: 0, max: rows })).map(([length, unit, at]): Junk => {
      const long = unit.repeat(Math.ceil(length / unit.length));
      return junkOf(`a line of ${length} characters at line ${at + 1}`, [...lines.slice(0, at), long, ...lines.slice(at)].join('\n'));
    }),
    fc.tuple(row, fc.constantFrom(...numeric), fc.constantFrom(...HUGE_CELLS)).map(([r, column, huge]): Junk => junkOf(`${huge} in ${column} of row ${r + 1}`, withCell(r, column, huge))),
    fc.tuple(row, fc.constantFrom(...typed)).map(([r, column]): Junk => junkOf(`junk in ${column} of row ${r + 1}`, withCell(r, column, '¿junk?'))),
    fc.tuple(row, fc.nat()).map(([r, n]): Junk => {
      // Cut inside a data row, before its last comma: the row is left short of values.
      const start = lines.slice(0, r + 1).join('\n').length + 1;
      const lastComma = start + lines[r + 1]!.lastIndexOf(',');
      const cut = start + 1 + (n % (lastComma - start));
      return junkOf(`cut after ${cut} characters (row ${r + 1})`, text.slice(0, cut));
    }),
  );
};

// ---- Junk SSDA903 -------------------------------------------------------------------------------

const EPISODES_HEADER = ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'];
const EPISODE = ['101', '01/04/2023', 'S', 'C2', 'N1', 'U4', 'PR1', '', '', '', 'ME4 4', 'ME5 8', ''];

const ssda903Junk: fc.Arbitrary<Junk> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((b): Junk => junkOf('random bytes', b)),
  fc.tuple(fc.integer({ min: 100_000, max: 2_000_000 }), fc.constantFrom(...LONG_UNITS)).map(([length, unit]): Junk =>
    junkOf(`a line of ${length} characters`, `${unit.repeat(Math.ceil(length / unit.length))}\n`)),
  fc.tuple(fc.constantFrom(';', '\t'), fc.boolean()).map(([d, quoted]): Junk => {
    const q = (c: string): string => (quoted ? `"${c}"` : c);
    return junkOf(`${JSON.stringify(d)}-separated episodes${quoted ? ', quoted' : ''}`, `${EPISODES_HEADER.map(q).join(d)}\n${EPISODE.map(q).join(d)}\n`);
  }),
);

// ---- The commands -------------------------------------------------------------------------------

const write = (dir: string, name: string, junk: Junk): string => {
  const file = join(dir, name);
  writeFileSync(file, junk.content);
  return file;
};

/** An option file beside the junk, extending the real Medway baseline. */
const optionFile = (dir: string): string => {
  const option = JSON.parse(readFileSync(OPTION, 'utf8')) as Record<string, unknown>;
  const file = join(dir, 'option.json');
  writeFileSync(file, JSON.stringify({ ...option, extends: MEDWAY }));
  return file;
};

const property = (junk: fc.Arbitrary<Junk>, check: (junk: Junk) => void): void => {
  fc.assert(fc.property(junk, (j) => check(j)), { numRuns: RUNS });
};

/** Edge values, some valid: 0, negatives, tiny and huge numbers, empty and far-off text, dates out of range. */
const EDGE = [0, -1, 0.5, 1e-300, 2 ** 53, '', '0050-01-01', '2199-12-31', 'ME4 4', 'x'.repeat(5000), true];

describe('edge values at any JSON path: valid or refused, never an internal error', () => {
  it('validate <scenario> exits 0 or 2 (naming the file), never 1, with no stack trace', () => {
    const json = JSON.parse(readFileSync(MEDWAY, 'utf8')) as unknown;
    const paths = pathsOf(json).filter((p) => p.length > 0);
    fc.assert(fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.constantFrom(...EDGE), (i, value) => {
      const { dir } = scratch();
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(setAt(json, paths[i]!, value)));
      const r = run(['validate', file]);
      const context = `${JSON.stringify(value).slice(0, 20)} at ${paths[i]!.join('.')}: exit ${r.code}\n${r.err.slice(0, 1500)}`;
      expect([0, 2], context).toContain(r.code);
      if (r.code === 2) expect(r.err, context).toContain(file);
      expect(r.err, context).not.toMatch(/\n\s+at /);
      expect(r.err, context).not.toContain('internal error');
    }), { numRuns: RUNS });
  });
});

describe('junk in any file argument: exit 2 naming the file, no stack trace, nothing written', () => {
  it('validate <scenario>', () => {
    property(jsonJunk(MEDWAY), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'scenario.json', junk);
      expectRejected(run(['validate', file]), file, out, junk.kind);
    });
  });

  it('forecast <scenario> --runs 2', () => {
    property(jsonJunk(MEDWAY), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'scenario.json', junk);
      expectRejected(run(['forecast', file, '--runs', '2', '--workers', '1', '--out', out]), file, out, junk.kind);
    });
  });

  it('compare <base> <option>: junk base', () => {
    property(jsonJunk(MEDWAY), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'base.json', junk);
      expectRejected(run(['compare', file, OPTION, '--runs', '2', '--workers', '1', '--out', out]), file, out, junk.kind);
    });
  });

  it('compare <base> <option>: junk option', () => {
    const { dir: source } = scratch();
    property(jsonJunk(optionFile(source)), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'option.json', junk);
      expectRejected(run(['compare', MEDWAY, file, '--runs', '2', '--workers', '1', '--out', out]), file, out, junk.kind);
    });
  });

  it('match --scenario <junk>', () => {
    property(jsonJunk(MEDWAY), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'scenario.json', junk);
      expectRejected(run(['match', REFERRALS, VACANCIES, '--scenario', file, '--date', MATCH_DATE, '--out', out]), file, out, junk.kind);
    });
  });

  it('match <referrals>', () => {
    property(csvJunk(REFERRALS, TYPED_REFERRAL, NUMERIC_REFERRAL), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'referrals.csv', junk);
      expectRejected(run(['match', file, VACANCIES, '--date', MATCH_DATE, '--out', out]), file, out, junk.kind);
    });
  });

  it('match <vacancies>', () => {
    property(csvJunk(VACANCIES, TYPED_VACANCY, NUMERIC_VACANCY), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'vacancies.csv', junk);
      expectRejected(run(['match', REFERRALS, file, '--date', MATCH_DATE, '--out', out]), file, out, junk.kind);
    });
  });

  it('calibrate <snapshot>', () => {
    property(jsonJunk(SNAPSHOT), (junk) => {
      const { dir, out } = scratch();
      const file = write(dir, 'snapshot.json', junk);
      expectRejected(run(['calibrate', file, '--out', join(out, 'scenario.json')]), file, out, junk.kind);
    });
  });

  it('ssda903 <folder with a junk file>', () => {
    property(ssda903Junk, (junk) => {
      const { dir, out } = scratch();
      const folder = join(dir, 'returns');
      mkdirSync(folder);
      const file = write(folder, 'episodes.csv', junk);
      expectRejected(run(['ssda903', folder, '--out', join(out, 'estimates.json')]), basename(file), out, junk.kind);
    });
  });
});
