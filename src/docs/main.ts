#!/usr/bin/env node
// `npm run docs`: regenerates every generated block of README.md and docs/*.md.
//   - the references and the match example (sections.ts), compared exactly by their tests;
//   - the benchmark block, from benchmarks/results.json (written by `npm run bench`);
//   - the Medway calibration table (docs/model.md), from a 1,000-replication forecast;
//   - every ```console block outside those sections: each `$ ` command is run with the built CLI
//     from the project root and its output written under it, with the inputs hash line above.
// Run after `npm run build` (the npm script builds first). `--quick` regenerates only the cheap
// sections (seconds), leaving the blocks that come from real runs as they are.
// Exit 0 when written or already current, 2 when a page or a section's markers are missing,
// 1 when a documented command fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runForecast } from '../cli/workers.js';
import { E } from '../domain/fp.js';
import { packageRoot } from '../io/packageRoot.js';
import { loadScenarioFile } from '../io/scenarioFile.js';
import { CALIBRATION_SCENARIO, CALIBRATION_SETTINGS, CALIBRATION_SOURCE, calibrationInputs, calibrationTable } from './calibrationTable.js';
import { shellCommand } from './commands.js';
import { replaceBetweenMarkers } from './formatReference.js';
import { rewriteConsoleBlocks } from './consoleBlocks.js';
import { generatedLine, inputsHash, outputHash } from './generatedLine.js';
import { CALIBRATION_SECTION, CHEAP_SECTIONS, DOC_PAGES, docPages } from './sections.js';
import { sourceHash } from './sourceHash.js';

const root = E.getOrElse(() => process.cwd())(packageRoot());
const quick = process.argv.includes('--quick');
const CLI = 'dist/src/cli/main.js';

const fail = (code: number, message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

for (const page of DOC_PAGES) if (!existsSync(join(root, page))) fail(2, `${page}: not found`);
const PAGES = docPages(root);
const pages = new Map<string, string>(PAGES.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
const before = new Map(pages);

const replaceSection = (file: string, start: string, end: string, body: string): void => {
  const text = pages.get(file)!;
  const next = replaceBetweenMarkers(text, start, end, body);
  if (next === undefined) fail(2, `${file}: expected the lines ${start} and then ${end}, found ${text.includes(start) ? 'no end marker after the start marker' : 'no start marker'}`);
  pages.set(file, next!);
};

for (const s of CHEAP_SECTIONS) replaceSection(s.file, s.start, s.end, s.body(root));

if (!quick) {
  const sources = sourceHash(root);

  // The calibration table: a real forecast, on every core.
  const calibrationWhat = calibrationInputs(readFileSync(join(root, CALIBRATION_SOURCE), 'utf8'));
  process.stderr.write(`calibration table: ${CALIBRATION_SCENARIO} ${JSON.stringify(CALIBRATION_SETTINGS)}\n`);
  const rs = loadScenarioFile(join(root, CALIBRATION_SCENARIO));
  if (E.isLeft(rs)) fail(2, rs.left.join('\n'));
  const summary = await runForecast((rs as E.Right<Parameters<typeof runForecast>[0]>).right, CALIBRATION_SETTINGS, availableParallelism());
  const table = calibrationTable(summary);
  const hashLine = generatedLine(inputsHash(calibrationWhat, sources), outputHash(table));
  replaceSection(CALIBRATION_SECTION.file, CALIBRATION_SECTION.start, CALIBRATION_SECTION.end, `\n${hashLine}\n${table.join('\n')}\n`);

  // Console blocks: run each command, put its output under it.
  const run = (command: string): string[] => {
    process.stderr.write(`$ ${command}\n`);
    const r = spawnSync('bash', ['-c', shellCommand(command, CLI)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, FORCE_COLOR: '0' } });
    if (r.status !== 0) fail(1, `${r.stdout}${r.stderr}\nexit ${r.status}: ${command}`);
    const out = r.stdout.split('\n');
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  };
  for (const page of PAGES) pages.set(page, rewriteConsoleBlocks(pages.get(page)!, run, sources));
  if (sourceHash(root) !== sources) process.stderr.write('warning: the sources changed while the docs were generated; run `npm run docs` again\n');
}

for (const [page, text] of pages) {
  if (text !== before.get(page)) {
    writeFileSync(join(root, page), text);
    process.stdout.write(`${page}: regenerated\n`);
  }
}
process.stdout.write(`${quick ? 'references' : 'every generated block'} up to date in ${PAGES.length} pages\n`);
