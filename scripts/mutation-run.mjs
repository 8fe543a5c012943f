#!/usr/bin/env node
// `npm run mutation`: runs Stryker (stryker.config.mjs) on the folders in MUTATION_SCOPE (default: the
// whole core), appends how long it took to reports/mutation/timings.jsonl (Stryker's JSON report has
// no timings), then rebuilds docs/mutation.md. Extra arguments go to `stryker run`
// (e.g. `npm run mutation -- --concurrency 1`).
//
//   MUTATION_SCOPE=metrics,matching   only these core folders (default: all six)
//   MUTATION_FC_RUNS=10               generated cases per property test per mutant (default 10; 0: as written)
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runName } from '../stryker.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const corePackage = require.resolve('@stryker-mutator/core/package.json');
const stryker = join(dirname(corePackage), require(corePackage).bin.stryker);
// Property tests capped at 10 generated cases per mutant unless told otherwise (MUTATION_FC_RUNS=0: no cap);
// see test/mutation/propertyRunCap.setup.ts. The child processes inherit the environment.
process.env.MUTATION_FC_RUNS ??= '10';
const started = new Date();
const run = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const finished = new Date();
if (run.status !== 0) {
  console.error(`stryker run failed (exit ${run.status ?? run.signal}); docs/mutation.md not rebuilt`);
  process.exit(run.status ?? 1);
}
mkdirSync(join(root, 'reports', 'mutation'), { recursive: true });
// one line per run, oldest first: docs/mutation.md lists them
appendFileSync(
  join(root, 'reports', 'mutation', 'timings.jsonl'),
  `${JSON.stringify({ run: runName, started: started.toISOString(), finished: finished.toISOString(), seconds: Math.round((finished.getTime() - started.getTime()) / 1000), command: ['npm run mutation', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '), scope: process.env.MUTATION_SCOPE ?? '', fcRuns: process.env.MUTATION_FC_RUNS ?? '' })}\n`,
);
const summary = spawnSync(process.execPath, [join(root, 'scripts', 'mutation-summary.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(summary.status ?? 1);
