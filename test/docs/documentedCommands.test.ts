// Every command the README and docs/*.md show runs as documented, on any day (issue 14, item 1):
// each `$ ` line of a ```console block and each `sufficiency …` or `npm run …` line of a ```sh
// block is run with the built CLI (src/docs/commands.ts, the same translation `npm run docs` uses),
// from the project root, with `out/` moved to a temporary folder, and must exit 0. The commands of
// a page run in order in one temporary folder, so a command may read what an earlier one wrote.
// A block may say, in a `<!-- command-test: … — why -->` line above it, extra arguments for the
// test (fewer replications) or `skip`, with the reason written in the page. Never skipped as a
// whole: without a build, it fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellCommand } from '../../src/docs/commands.js';
import { blockCommands, fencedBlocks } from '../../src/docs/markdownBlocks.js';
import { docPages } from '../../src/docs/sections.js';

const CLI = 'dist/src/cli/main.js';
const root = process.cwd();

interface Documented { readonly line: number; readonly command: string; readonly extra: string; readonly skip?: string }

const documented = (page: string): Documented[] =>
  fencedBlocks(readFileSync(page, 'utf8')).flatMap((b) => blockCommands(b).map((command) => ({
    line: b.open + 1,
    command,
    extra: b.commandTest?.kind === 'args' ? ` ${b.commandTest.args}` : '',
    ...(b.commandTest?.kind === 'skip' ? { skip: b.commandTest.why } : {}),
  })));

describe('the commands shown in the documentation', () => {
  it('include the worked examples (the extraction finds them)', () => {
    const all = docPages(root).flatMap((p) => documented(p).map((d) => d.command));
    expect(all).toContain('npm run forecast');
    expect(all.some((c) => c.startsWith('npm run sufficiency -- match ') && c.includes('--date '))).toBe(true);
  });

  it('every match example names its date (a child in the example files turns 18 one day)', () => {
    const undated = docPages(root).flatMap((p) => documented(p).filter((d) => / match /.test(` ${d.command} `) && !d.command.includes('--date')).map((d) => `${p}:${d.line}: ${d.command}`));
    expect(undated).toEqual([]);
  });

  for (const page of docPages(root)) {
    const commands = documented(page);
    if (commands.length === 0) continue;
    it(`${page}: each runs and exits 0 (${commands.filter((c) => c.skip === undefined).length} run, ${commands.filter((c) => c.skip !== undefined).length} skipped with a reason in the page)`, () => {
      expect(existsSync(CLI), `${CLI} not found: run \`npm run build\` first`).toBe(true);
      const out = join(mkdtempSync(join(tmpdir(), 'documented-')), 'out');
      const failures: string[] = [];
      for (const d of commands) {
        if (d.skip !== undefined) {
          expect(d.skip.length, `${page}:${d.line}: a skipped block says why`).toBeGreaterThan(10);
          continue;
        }
        const shell = shellCommand(`${d.command}${d.extra}`, CLI, out);
        const r = spawnSync('bash', ['-c', shell], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 2 ** 20, env: { ...process.env, FORCE_COLOR: '0' } });
        if (r.status !== 0) failures.push(`${page}:${d.line}: exit ${r.status ?? r.signal}: ${d.command}${d.extra}\n${r.stderr.slice(0, 2000)}`);
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
