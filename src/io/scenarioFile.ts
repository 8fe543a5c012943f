// Scenario file → resolved scenario: read, parse, follow `extends`, decode strictly (unknown keys
// are errors, in whichever file of the chain they are), look up zones, check cross-field rules.
// Every failure is a list of messages naming the file and JSON path; nothing here throws for a
// user mistake. Figures unusual for one authority come back as warnings on the resolved scenario.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { E, pipe, t } from '../domain/fp.js';
import { Lever } from '../domain/lever.js';
import { Scenario } from '../domain/scenario.js';
import { decodeIssues, decodeWith, describe, formatIssues, renderFound, type Issue } from '../scenario/decodeErrors.js';
import { strictIssues } from '../scenario/strictDecode.js';
import { mergeExtends } from '../scenario/extendsMerge.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { loadGazetteer } from './geography.js';
import { readJsonFile } from './readJson.js';

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const show = (p: string): string => relative(process.cwd(), p) || p;

/** What strict reading found in one file of an `extends` chain, before the file name is put in front. */
interface FileIssues {
  readonly file: string;
  readonly unknown: readonly Issue[];
  readonly warnings: readonly Issue[];
}

/** A scenario's JSON with every `extends` followed, and what strict reading found in each file. */
interface ScenarioTree {
  readonly json: Json;
  /** The first is the file asked for, then each base in turn. */
  readonly files: readonly FileIssues[];
}

/** Unknown keys and warnings of one file's own JSON (levers at their own indices, `extends` allowed). */
const fileIssues = (file: string, json: unknown): FileIssues => {
  const found = strictIssues(Scenario, json, { rootKeys: ['extends'] });
  return { file, unknown: found.unknown, warnings: found.warnings };
};

const readScenarioTree = (path: string, chain: readonly string[]): E.Either<string[], ScenarioTree> => {
  const abs = resolve(path);
  if (chain.includes(abs)) {
    const loop = [...chain.slice(chain.indexOf(abs)), abs].map(show).join(' → ');
    return E.left([`${show(chain[chain.length - 1]!)}: $.extends: expected a base that does not lead back to this file, found a cycle: ${loop}`]);
  }
  return pipe(
    readJsonFile(path),
    E.chain((json): E.Either<string[], ScenarioTree> => {
      const own = fileIssues(path, json);
      if (!isObject(json) || json.extends === undefined) return E.right({ json: json as Json, files: [own] });
      const ext = json.extends;
      if (typeof ext !== 'string' || ext.trim() === '') return E.left([`${path}: $.extends: expected the path of a base scenario file, found ${renderFound(ext)}`]);
      const basePath = resolve(dirname(abs), ext);
      if (!existsSync(basePath)) return E.left([`${path}: $.extends: base file not found, found ${JSON.stringify(ext)} (looked for ${show(basePath)})`]);
      const ownLevers = json.levers === undefined ? E.right([]) : decodeWith(t.array(Lever), json.levers, `${path}: $.levers`);
      return pipe(
        E.Do,
        E.apS('levers', pipe(ownLevers, E.mapLeft((lines) => lines.map((l) => l.replace(`${path}: $.levers: $`, `${path}: $.levers`))))),
        E.apS('base', readScenarioTree(show(basePath), [...chain, abs])),
        E.map(({ base }) => ({ json: mergeExtends(base.json, json), files: [own, ...base.files] })),
      );
    }),
  );
};

/** Unknown keys of every file but the first, as lines naming their own file. */
const baseUnknownLines = (tree: ScenarioTree): string[] =>
  tree.files.slice(1).flatMap((f) => formatIssues(f.unknown, f.file));

/**
 * The scenario JSON with every `extends` followed. An option file names its base with `extends`
 * (a path relative to the option file) and lists `levers`; the base's levers come first, then the
 * option's; `sources` and `notes` are combined; any other top-level key replaces the base's.
 * A key the scenario format does not know, in any of the files, is an error naming its file.
 */
export const readScenarioJson = (path: string): E.Either<string[], Json> =>
  pipe(
    readScenarioTree(path, []),
    E.chain((tree) => {
      const unknown = [...formatIssues(tree.files[0]!.unknown, path), ...baseUnknownLines(tree)];
      return unknown.length > 0 ? E.left(unknown) : E.right(tree.json);
    }),
  );

export interface LoadOptions {
  /** Financial years the run will cover (lever dates must fall inside); default the scenario's. */
  readonly years?: number;
}

/**
 * Read, follow `extends`, decode strictly and resolve a scenario file. Left: every problem (wrong
 * types, values beyond their bounds, unknown keys in any file of the chain, cross-field rules).
 * Right: the resolved scenario, its `warnings` holding figures that are unusual for one authority.
 */
export const loadScenarioFile = (path: string, options: LoadOptions = {}): E.Either<string[], ResolvedScenario> =>
  pipe(
    readScenarioTree(path, []),
    E.chain((tree) => {
      const decoded = Scenario.decode(tree.json);
      // The file asked for: its unknown keys and the merged scenario's decode problems, sorted together.
      const problems = [
        ...formatIssues([...tree.files[0]!.unknown, ...(E.isLeft(decoded) ? decodeIssues(decoded.left) : [])], path),
        ...baseUnknownLines(tree),
      ];
      if (E.isLeft(decoded) || problems.length > 0) {
        return E.left(problems.length > 0 ? problems : [`${path}: $: does not match ${describe(Scenario)}`]);
      }
      const warnings = tree.files.flatMap((f) => formatIssues(f.warnings, f.file));
      return pipe(
        loadGazetteer(),
        E.mapLeft((msg) => [msg]),
        E.chain((gazetteer) => resolveScenario(decoded.right, gazetteer, { file: path, ...(options.years === undefined ? {} : { years: options.years }) })),
        E.map((rs): ResolvedScenario => ({ ...rs, warnings: [...warnings, ...rs.warnings] })),
      );
    }),
  );
