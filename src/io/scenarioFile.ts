// Scenario file → resolved scenario: read, parse, follow `extends`, decode, look up zones, check
// cross-field rules. Every failure is a list of messages naming the file and JSON path; nothing
// here throws for a user mistake.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { E, pipe, t } from '../domain/fp.js';
import { Lever } from '../domain/lever.js';
import { Scenario } from '../domain/scenario.js';
import { decodeWith } from '../scenario/decodeErrors.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { loadGazetteer } from './geography.js';
import { readJsonFile } from './readJson.js';

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const show = (p: string): string => relative(process.cwd(), p) || p;

/**
 * The scenario JSON with every `extends` followed. An option file names its base with `extends`
 * (a path relative to the option file) and lists `levers`; the base's levers come first, then the
 * option's; `sources` and `notes` are combined; any other top-level key replaces the base's.
 */
export const readScenarioJson = (path: string, chain: readonly string[] = []): E.Either<string[], Json> => {
  const abs = resolve(path);
  if (chain.includes(abs)) {
    const loop = [...chain.slice(chain.indexOf(abs)), abs].map(show).join(' → ');
    return E.left([`${show(chain[chain.length - 1]!)}: $.extends: expected a base that does not lead back to this file, found a cycle: ${loop}`]);
  }
  return pipe(
    readJsonFile(path),
    E.chain((json): E.Either<string[], Json> => {
      if (!isObject(json) || json.extends === undefined) return E.right(json as Json);
      const ext = json.extends;
      if (typeof ext !== 'string' || ext.trim() === '') return E.left([`${path}: $.extends: expected the path of a base scenario file, found ${JSON.stringify(ext)}`]);
      const basePath = resolve(dirname(abs), ext);
      if (!existsSync(basePath)) return E.left([`${path}: $.extends: base file not found, found ${JSON.stringify(ext)} (looked for ${show(basePath)})`]);
      const ownLevers = json.levers === undefined ? E.right([]) : decodeWith(t.array(Lever), json.levers, `${path}: $.levers`);
      return pipe(
        E.Do,
        E.apS('levers', pipe(ownLevers, E.mapLeft((lines) => lines.map((l) => l.replace(`${path}: $.levers: $`, `${path}: $.levers`))))),
        E.apS('base', readScenarioJson(basePath, [...chain, abs])),
        E.map(({ base }) => {
          const { extends: _ignored, ...own } = json;
          void _ignored;
          return {
            ...base,
            ...own,
            levers: [...((base.levers as unknown[] | undefined) ?? []), ...((own.levers as unknown[] | undefined) ?? [])],
            sources: { ...((base.sources as Json | undefined) ?? {}), ...((own.sources as Json | undefined) ?? {}) },
            notes: [...((base.notes as unknown[] | undefined) ?? []), ...((own.notes as unknown[] | undefined) ?? [])],
          };
        }),
      );
    }),
  );
};

export interface LoadOptions {
  /** Financial years the run will cover (lever dates must fall inside); default the scenario's. */
  readonly years?: number;
}

export const loadScenarioFile = (path: string, options: LoadOptions = {}): E.Either<string[], ResolvedScenario> =>
  pipe(
    readScenarioJson(path),
    E.chain((json) => decodeWith(Scenario, json, path)),
    E.chain((scenario) =>
      pipe(
        loadGazetteer(),
        E.mapLeft((msg) => [msg]),
        E.chain((gazetteer) => resolveScenario(scenario, gazetteer, { file: path, ...(options.years === undefined ? {} : { years: options.years }) })),
      ),
    ),
  );
