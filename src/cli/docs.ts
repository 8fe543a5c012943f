#!/usr/bin/env node
// Regenerates the generated parts of README.md: the scenario format reference (from the codecs),
// the CLI reference (from the commands' help) and the SSDA903 data-quality rules (from their catalogue). Run `npx tsx src/cli/docs.ts` or, after a build, `node dist/src/cli/docs.js`;
// an optional argument names another README. Exit 0 when written or already current, 2 when
// the README or its markers are missing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E } from '../domain/fp.js';
import {
  SCENARIO_FORMAT_END, SCENARIO_FORMAT_START, replaceBetweenMarkers, scenarioFormatReference,
} from '../io/formatReference.js';
import { packageRoot } from '../io/packageRoot.js';
import { QUALITY_RULES_END, QUALITY_RULES_START, qualityRulesReference } from '../io/qualityReference.js';
import { CLI_HELP_END, CLI_HELP_START, cliReference } from './cliReference.js';
import { matchReadmeSections } from './matchDocs.js';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/src/). */
const projectRoot = (): string => E.getOrElse(() => process.cwd())(packageRoot());

const readmePath = resolve(process.argv[2] ?? join(projectRoot(), 'README.md'));

if (!existsSync(readmePath)) {
  process.stderr.write(`${readmePath}: not found; create it with the lines ${SCENARIO_FORMAT_START} and ${SCENARIO_FORMAT_END} where the scenario format reference goes\n`);
  process.exit(2);
}
const readme = readFileSync(readmePath, 'utf8');
const sections: [string, string, () => string][] = [
  [SCENARIO_FORMAT_START, SCENARIO_FORMAT_END, scenarioFormatReference],
  [CLI_HELP_START, CLI_HELP_END, cliReference],
  [QUALITY_RULES_START, QUALITY_RULES_END, qualityRulesReference],
  ...matchReadmeSections(projectRoot()),
];
let updated = readme;
for (const [start, end, body] of sections) {
  const next = replaceBetweenMarkers(updated, start, end, body());
  if (next === undefined) {
    process.stderr.write(`${readmePath}: expected the lines ${start} and then ${end}, found ${updated.includes(start) ? 'no end marker after the start marker' : 'no start marker'}\n`);
    process.exit(2);
  }
  updated = next;
}
if (updated === readme) {
  process.stdout.write(`${readmePath}: generated sections already up to date\n`);
} else {
  writeFileSync(readmePath, updated);
  process.stdout.write(`${readmePath}: generated sections regenerated\n`);
}
