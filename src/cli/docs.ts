#!/usr/bin/env node
// Regenerates the scenario format reference in README.md (between the scenario-format markers)
// from the codecs. Run `npx tsx src/cli/docs.ts` or, after a build, `node dist/src/cli/docs.js`;
// an optional argument names another README. Exit 0 when written or already current, 2 when
// the README or its markers are missing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SCENARIO_FORMAT_END, SCENARIO_FORMAT_START, replaceBetweenMarkers, scenarioFormatReference,
} from '../io/formatReference.js';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/src/). */
const projectRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
};

const readmePath = resolve(process.argv[2] ?? join(projectRoot(), 'README.md'));

if (!existsSync(readmePath)) {
  process.stderr.write(`${readmePath}: not found; create it with the lines ${SCENARIO_FORMAT_START} and ${SCENARIO_FORMAT_END} where the scenario format reference goes\n`);
  process.exit(2);
}
const readme = readFileSync(readmePath, 'utf8');
const updated = replaceBetweenMarkers(readme, SCENARIO_FORMAT_START, SCENARIO_FORMAT_END, scenarioFormatReference());
if (updated === undefined) {
  process.stderr.write(`${readmePath}: expected the lines ${SCENARIO_FORMAT_START} and then ${SCENARIO_FORMAT_END}, found ${readme.includes(SCENARIO_FORMAT_START) ? 'no end marker after the start marker' : 'no start marker'}\n`);
  process.exit(2);
}
if (updated === readme) {
  process.stdout.write(`${readmePath}: scenario format reference already up to date\n`);
} else {
  writeFileSync(readmePath, updated);
  process.stdout.write(`${readmePath}: scenario format reference regenerated\n`);
}
