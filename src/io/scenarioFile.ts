// Scenario file → resolved scenario: read, parse, decode, look up zones, check cross-field rules.
// Every failure is a list of messages naming the file; nothing here throws for a user mistake.
import { E, pipe } from '../domain/fp.js';
import { Scenario } from '../domain/scenario.js';
import { decodeWith } from '../scenario/decodeErrors.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { loadGazetteer } from './geography.js';
import { readJsonFile } from './readJson.js';

export const loadScenarioFile = (path: string): E.Either<string[], ResolvedScenario> =>
  pipe(
    readJsonFile(path),
    E.chain((json) => decodeWith(Scenario, json, path)),
    E.chain((scenario) =>
      pipe(
        loadGazetteer(),
        E.mapLeft((msg) => [msg]),
        E.chain((gazetteer) => resolveScenario(scenario, gazetteer, { file: path })),
      ),
    ),
  );
