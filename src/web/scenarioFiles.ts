// Scenario files the user loads into the explorer → the base scenario and, for an option file
// (`"extends": "../medway-2022.json"` plus levers), the option's own part. A browser cannot open
// the file an option `extends`, so the user selects the base with it; an option whose base is the
// Medway baseline built into the page uses that copy. Pure: names and texts in, values out.
import { E } from '../domain/fp.js';
import { renderFound } from '../scenario/decodeErrors.js';
import { mergeExtends, type ScenarioJson } from '../scenario/extendsMerge.js';
import type { ScenarioInput } from './engine.js';

export interface LoadedFile {
  readonly name: string;
  readonly text: string;
}

export interface LoadedScenario {
  /** The base, with any `extends` of its own already followed. */
  readonly base: ScenarioInput & { readonly json: ScenarioJson };
  /** The option file's own JSON (its levers, name, description, sources), when one was loaded. */
  readonly option?: { readonly file: string; readonly json: ScenarioJson };
}

const isObject = (x: unknown): x is ScenarioJson => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The last part of a path as written in `extends` (`../medway-2022.json` → `medway-2022.json`). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

const parse = (f: LoadedFile): E.Either<string, ScenarioJson> => {
  try {
    const json: unknown = JSON.parse(f.text.replace(/^\uFEFF/, ''));
    return isObject(json) ? E.right(json) : E.left(`${f.name}: $: expected a scenario (a JSON object), found ${renderFound(json)}`);
  } catch (err) {
    return E.left(`${f.name}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
};

const SELECT_BOTH = 'select it together with the option file (hold Ctrl, or ⌘ on a Mac, to choose both)';

/**
 * Which loaded file is the scenario to explore, and its base. One file without `extends`: that is
 * the base. A file with `extends`: it is the option, and its base is the loaded file of that name
 * (following the base's own `extends` the same way), or the built-in baseline of that name.
 */
export const loadScenarioFiles = (files: readonly LoadedFile[], builtIn: { readonly file: string; readonly json: ScenarioJson }): E.Either<string[], LoadedScenario> => {
  if (files.length === 0) return E.left(['No file was selected.']);
  const parsed = files.map((f) => ({ name: f.name, json: parse(f) }));
  const bad = parsed.flatMap((p) => (E.isLeft(p.json) ? [p.json.left] : []));
  if (bad.length > 0) return E.left(bad);
  const byName = new Map(parsed.map((p) => [p.name, (p.json as E.Right<ScenarioJson>).right]));
  const extendsOf = (name: string, json: ScenarioJson): E.Either<string, string | undefined> => {
    const ext = json.extends;
    if (ext === undefined) return E.right(undefined);
    return typeof ext === 'string' && ext.trim() !== '' ? E.right(baseName(ext)) : E.left(`${name}: $.extends: expected the path of a base scenario file, found ${renderFound(ext)}`);
  };
  const named = [...byName.keys()];
  const bases = new Set(named.flatMap((n) => {
    const e = extendsOf(n, byName.get(n)!);
    return E.isRight(e) && e.right !== undefined ? [e.right] : [];
  }));
  const tops = named.filter((n) => !bases.has(n));
  if (tops.length !== 1) {
    return E.left([`Select one scenario file, or an option file together with the base it extends; these files are not linked by "extends": ${(tops.length === 0 ? named : tops).join(', ')}.`]);
  }
  const top = tops[0]!;
  /** A file with every `extends` followed; `chain` guards against a cycle. */
  const full = (name: string, chain: readonly string[]): E.Either<string, ScenarioJson> => {
    const json = name === builtIn.file && !byName.has(name) ? builtIn.json : byName.get(name);
    if (json === undefined) {
      const from = chain[chain.length - 1] ?? name;
      return E.left(`${from}: $.extends: this option builds on ${JSON.stringify(name)}, which is not loaded: ${SELECT_BOTH}.`);
    }
    if (chain.includes(name)) return E.left(`${name}: $.extends: expected a base that does not lead back to this file, found a cycle: ${[...chain, name].join(' → ')}`);
    const ext = extendsOf(name, json);
    if (E.isLeft(ext)) return ext;
    if (ext.right === undefined) return E.right(json);
    const base = full(ext.right, [...chain, name]);
    return E.isLeft(base) ? base : E.right(mergeExtends(base.right, json));
  };
  const topJson = byName.get(top)!;
  const ext = extendsOf(top, topJson);
  if (E.isLeft(ext)) return E.left([ext.left]);
  if (ext.right === undefined) return E.right({ base: { file: top, json: topJson } });
  const base = full(ext.right, [top]);
  if (E.isLeft(base)) return E.left([base.left]);
  const { extends: _ignored, ...own } = topJson;
  void _ignored;
  return E.right({ base: { file: ext.right, json: base.right }, option: { file: top, json: own } });
};

/**
 * The scenario the page runs as the option: the base with the option file's own keys and the
 * levers chosen (the file's levers that are kept, then the page's), combined as `extends` does.
 */
export const optionScenario = (base: ScenarioJson, own: ScenarioJson, levers: readonly unknown[]): ScenarioJson =>
  mergeExtends(base, { ...own, levers: [...levers] });
