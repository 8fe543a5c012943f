// Every generated block of README.md and docs/*.md is current (issue 14, item 1). Never skipped: a
// missing page, a missing marker or a stale block fails, naming the page and `npm run docs`.
//
// Two kinds of check, by what a block costs to make:
//   - Cheap blocks (the scenario format, the command reference, the referral and vacancy formats,
//     the data-quality rules, the benchmark results rendered from benchmarks/results.json) are
//     regenerated here and compared exactly.
//   - Blocks that come from real runs (every ```console block, the Medway calibration table) take
//     minutes to make: the whole set about five, too long for a test. Re-running them with smaller
//     settings would test other numbers than the ones shown. So `npm run docs` writes beside each
//     block the hash of its inputs (the commands, or the table's generator and settings, and every
//     file the output can depend on: src/ except src/web and src/docs, scenarios/, data/, the
//     package version) and of the block as written; this test recomputes both. The outputs are
//     deterministic functions of those inputs (same input, same bytes: seeded, no clock), so equal
//     inputs mean the block is what `npm run docs` would write today; a changed engine, scenario or
//     hand edit fails. It errs toward failing: any change under src/ asks for a regeneration, even
//     one that leaves the output as it was. Whether a documented command still *runs* is checked by
//     documentedCommands.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_SOURCE, calibrationInputs } from '../../src/docs/calibrationTable.js';
import { textBetweenMarkers } from '../../src/docs/formatReference.js';
import { inputsHash, outputHash, parseGeneratedLine } from '../../src/docs/generatedLine.js';
import { MATCH_EXAMPLE_START } from '../../src/docs/matchDocs.js';
import { consoleBlockProblems, rewriteConsoleBlocks } from '../../src/docs/consoleBlocks.js';
import { malformedCommandTests } from '../../src/docs/markdownBlocks.js';
import { CALIBRATION_SECTION, CHEAP_SECTIONS, DOC_PAGES, docPages } from '../../src/docs/sections.js';
import { sourceHash } from '../../src/docs/sourceHash.js';

const root = process.cwd();
const read = (page: string): string => readFileSync(join(root, page), 'utf8');
const REGENERATE = 'run `npm run docs` (or `npm run docs -- --quick` for the references only)';
const RERUN = 'run `npm run docs`';

describe('the documentation pages', () => {
  it('exist, and the README stays a first hour (at most about 250 lines)', () => {
    for (const page of DOC_PAGES) expect(existsSync(join(root, page)), `${page} not found`).toBe(true);
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(250);
  });

  it('link only to files and headings that exist', () => {
    const slug = (heading: string): string =>
      heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const anchorsOf = (text: string): Set<string> => {
      const out = new Set<string>();
      let fence = false;
      for (const l of text.split('\n')) {
        if (l.startsWith('```')) fence = !fence;
        const m = /^#{1,6} (.*)$/.exec(l);
        if (!fence && m !== null) out.add(slug(m[1]!));
      }
      return out;
    };
    const broken: string[] = [];
    for (const page of docPages(root)) {
      const text = read(page);
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // http:, https:, mailto:
        const [path, anchor] = target!.split('#');
        const file = path === '' ? page : normalize(join(dirname(page), path!));
        if (!existsSync(join(root, file))) broken.push(`${page} → ${target} (no such file)`);
        else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(read(file)).has(anchor)) broken.push(`${page} → ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('have no malformed <!-- command-test: … --> lines', () => {
    expect(docPages(root).flatMap((p) => malformedCommandTests(read(p)).map((l) => `${p}: ${l}`))).toEqual([]);
  });
});

describe(`generated blocks (${REGENERATE})`, () => {
  // The match example is compared by matchDocs.test.ts, which leaves the scenario hash out.
  for (const s of CHEAP_SECTIONS.filter((x) => x.start !== MATCH_EXAMPLE_START)) {
    it(`${s.file}: ${s.start} is current`, () => {
      const between = textBetweenMarkers(read(s.file), s.start, s.end);
      expect(between, `${s.file} needs the lines ${s.start} and then ${s.end}`).toBeDefined();
      expect(between, `${s.file}: ${s.start} is stale: ${REGENERATE}`).toBe(s.body(root));
    });
  }

  const sources = sourceHash(root);

  it(`${CALIBRATION_SECTION.file}: the Medway calibration table was made from today's sources`, () => {
    const between = textBetweenMarkers(read(CALIBRATION_SECTION.file), CALIBRATION_SECTION.start, CALIBRATION_SECTION.end);
    expect(between, `${CALIBRATION_SECTION.file} needs the lines ${CALIBRATION_SECTION.start} and then ${CALIBRATION_SECTION.end}`).toBeDefined();
    const [, hashLine, ...table] = between!.split('\n');
    table.pop(); // the line break before the end marker
    const recorded = parseGeneratedLine(hashLine ?? '');
    expect(recorded, `${CALIBRATION_SECTION.file}: the calibration table has no "generated by npm run docs" line: ${RERUN}`).toBeDefined();
    expect(recorded!.output, `${CALIBRATION_SECTION.file}: the calibration table was edited by hand: ${RERUN}`).toBe(outputHash(table));
    expect(recorded!.inputs, `${CALIBRATION_SECTION.file}: the calibration table is stale (the engine, a scenario or the data changed): ${RERUN}`)
      .toBe(inputsHash(calibrationInputs(read(CALIBRATION_SOURCE)), sources));
  });

  for (const page of docPages(root)) {
    it(`${page}: every console block was made from today's sources`, () => {
      expect(consoleBlockProblems(page, read(page), sources), RERUN).toEqual([]);
    });
  }

  it('the check passes on what the generator writes, and fails on a hand edit, a changed command or changed sources', () => {
    const page = ['# A page', '', '<!-- command-test: --runs 5 — why -->', '```console', '$ npm run sufficiency -- validate x.json', 'old output', '```', ''].join('\n');
    const written = rewriteConsoleBlocks(page, (c) => [`output of ${c}`], 'sources-1');
    expect(written).toContain('<!-- command-test: --runs 5 — why -->\n<!-- generated by npm run docs: inputs sha256:');
    expect(written).toContain('$ npm run sufficiency -- validate x.json\noutput of npm run sufficiency -- validate x.json\n```');
    expect(consoleBlockProblems('p.md', written, 'sources-1')).toEqual([]);
    expect(rewriteConsoleBlocks(written, (c) => [`output of ${c}`], 'sources-1')).toBe(written);
    expect(consoleBlockProblems('p.md', written, 'sources-2')).toEqual(['p.md:5: stale (a command, the engine, a scenario or the data changed)']);
    expect(consoleBlockProblems('p.md', written.replace('output of', 'hand-made'), 'sources-1')).toEqual(['p.md:5: edited by hand']);
    expect(consoleBlockProblems('p.md', page, 'sources-1')).toEqual(['p.md:4: no "generated by npm run docs" line above the block']);
  });
});
