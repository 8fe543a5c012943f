// Never lose a user's files: every command pointed at a folder of the user's own files writes
// only its named files there; an output over an input is refused (even with --force); a file
// the tool did not write is refused unless --force; a bad --out is reported before the run; an
// interrupted run leaves the earlier output byte-identical.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../fixtures/ssda903/csv903.js';
import { syntheticChildren, syntheticReturns } from '../fixtures/ssda903/synthetic903.js';

const CLI = resolve('dist/src/cli/main.js');
const run = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Every file under `dir` with the SHA-256 of its bytes. */
const snapshot = (dir: string): Map<string, string> => new Map(
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
);

/** A working folder as a user has one: a scenario, an option, a snapshot, match files, 903 returns, notes. */
const userFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sufficiency-user-'));
  copyFileSync('scenarios/medway-2022.json', join(dir, 'my-area.json'));
  const option = JSON.parse(readFileSync('scenarios/options/inhouse-recruitment-10plus.json', 'utf8'));
  writeFileSync(join(dir, 'option.json'), JSON.stringify({ ...option, extends: 'my-area.json' }));
  copyFileSync('scenarios/snapshots/medway-2022.json', join(dir, 'snapshot.json'));
  copyFileSync('scenarios/examples/referrals.csv', join(dir, 'referrals.csv'));
  copyFileSync('scenarios/examples/vacancies.csv', join(dir, 'vacancies.csv'));
  writeFiles(join(dir, 'returns'), syntheticReturns(syntheticChildren()));
  writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
  writeFileSync(join(dir, 'summary.json'), '{"mine": true}\n');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'keep.txt'), 'keep\n');
  return dir;
};

const expectUnchanged = (dir: string, before: Map<string, string>): void => {
  const after = snapshot(dir);
  for (const [f, h] of before) expect([f, after.get(f)]).toEqual([f, h]);
};

describe('outputs never destroy the user\'s files', () => {
  it('every command pointed at the working folder leaves the user\'s files as they were', () => {
    const dir = userFolder();
    const before = snapshot(dir);
    // summary.json in the folder is the user's: forecast --out . must refuse before running…
    const refused = run(dir, 'forecast', 'my-area.json', '--runs', '2', '--years', '1', '--out', '.');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('summary.json: refusing to replace a file that sufficiency did not write');
    // …so the user points it at a folder of its own, here a subfolder beside their files.
    const results = [
      run(dir, 'forecast', 'my-area.json', '--runs', '3', '--years', '1', '--out', 'sub', '--export-ssda903', 'sub', '--workers', '1'),
      run(dir, 'compare', 'my-area.json', 'option.json', '--runs', '2', '--years', '2', '--out', 'sub', '--workers', '1'),
      run(dir, 'match', 'referrals.csv', 'vacancies.csv', '--date', '2025-02-03', '--out', 'sub'),
      run(dir, 'ssda903', 'returns', '--out', 'sub/estimates.json'),
      run(dir, 'goal-seek', 'option.json', '--lever', 'levers[0].householdsPerYear', '--target', 'childrenInCare >= 0 in 2023/24', '--runs', '10', '--max', '4', '--out', 'sub', '--workers', '1'),
    ];
    for (const r of results) expect([r.code, r.err]).toEqual([0, '']);
    expectUnchanged(dir, before);
    const written = readdirSync(join(dir, 'sub')).sort();
    expect(written).toEqual(expect.arrayContaining(['keep.txt', 'summary.json', 'by-year.csv', 'header-r0001.csv', 'episodes-r0001.csv', 'uasc-r0001.csv', 'comparison.json', 'comparison.csv', 'match.json', 'match.csv', 'estimates.json', 'goal-seek.json', 'goal-seek.csv', '.sufficiency-outputs.json']));
    expect(results[0]!.out).toContain('Wrote in sub: summary.json, by-year.csv');
    expect(results[0]!.out).toContain('Wrote synthetic SSDA903 files for 1 replication to sub');
    // Running the same commands again replaces their own files.
    expect(run(dir, 'forecast', 'my-area.json', '--runs', '3', '--years', '1', '--out', 'sub', '--workers', '1', '--quiet').code).toBe(0);
    expect(readFileSync(join(dir, 'sub', 'keep.txt'), 'utf8')).toBe('keep\n');
  });

  it('refuses an output over an input, naming both, even with --force, before any work', () => {
    const dir = userFolder();
    const cases: [string[], string][] = [
      [['calibrate', 'snapshot.json', '--out', 'snapshot.json', '--force'], 'snapshot.json: refusing to write over the input snapshot.json'],
      [['ssda903', 'returns', '--out', 'returns/2023-24/2023-episodes.csv', '--force'], 'returns/2023-24/2023-episodes.csv: refusing to write over the input returns/2023-24/2023-episodes.csv'],
      [['calibrate', '--ssda903', 'returns', '--out', 'returns/2023-24/SSDA903_2023_Header.csv', '--force'], 'returns/2023-24/SSDA903_2023_Header.csv: refusing to write over the input returns/2023-24/SSDA903_2023_Header.csv'],
      [['forecast', 'summary.json', '--out', '.', '--force'], 'summary.json: refusing to write over the input summary.json'],
      [['compare', 'comparison.json', 'option.json', '--out', '.', '--force'], 'comparison.json: refusing to write over the input comparison.json'],
    ];
    writeFileSync(join(dir, 'summary.json'), readFileSync(join(dir, 'my-area.json')));
    writeFileSync(join(dir, 'comparison.json'), readFileSync(join(dir, 'my-area.json')));
    const before = snapshot(dir);
    for (const [args, message] of cases) {
      const r = run(dir, ...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err).toContain(message);
    }
    expectUnchanged(dir, before);
  });

  it('refuses a file it did not write unless --force', () => {
    const dir = userFolder();
    const r = run(dir, 'calibrate', 'snapshot.json', '--out', 'notes.txt');
    expect(r.code).toBe(2);
    expect(r.err).toContain('notes.txt: refusing to replace a file that sufficiency did not write');
    expect(r.err).toContain('--force');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
    const m = run(dir, 'match', 'referrals.csv', 'vacancies.csv', '--date', '2025-02-03', '--out', '.');
    expect(m.code).toBe(0);
    writeFileSync(join(dir, 'match.csv'), 'edited\n');
    const again = run(dir, 'match', 'referrals.csv', 'vacancies.csv', '--date', '2025-02-03', '--out', '.');
    expect(again.code).toBe(2);
    expect(again.err).toContain('match.csv: refusing to replace a file that sufficiency did not write (it has changed since)');
    expect(run(dir, 'match', 'referrals.csv', 'vacancies.csv', '--date', '2025-02-03', '--out', '.', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'match.csv'), 'utf8')).not.toBe('edited\n');
  });

  it('reports an output that cannot be written before the run, not after it', () => {
    const dir = userFolder();
    // A million replications would take many minutes: exit 2 within the test's time shows the check came first.
    const r = run(dir, 'forecast', 'my-area.json', '--runs', '1000000', '--out', 'notes.txt/forecast');
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toContain('notes.txt/forecast/summary.json: cannot create its folder: notes.txt is a file, not a folder');
    expect(lines).toContain('notes.txt/forecast/report.html: cannot create its folder: notes.txt is a file, not a folder');
    expect(lines.every((l) => l.endsWith('cannot create its folder: notes.txt is a file, not a folder'))).toBe(true);
    const g = run(dir, 'goal-seek', 'option.json', '--lever', 'levers[0].householdsPerYear', '--target', 'childrenInCare >= 0 in 2022/23', '--runs', '100000', '--out', 'notes.txt');
    expect(g.code).toBe(2);
    expect(g.err).toContain('notes.txt/goal-seek.json: cannot create its folder');
    expect(existsSync(join(dir, 'forecast'))).toBe(false);
  });

  it('an interrupted run leaves the earlier output byte-identical and no partial files', async () => {
    const dir = userFolder();
    expect(run(dir, 'forecast', 'my-area.json', '--runs', '3', '--years', '1', '--out', 'out', '--quiet').code).toBe(0);
    const before = snapshot(join(dir, 'out'));
    const child = spawn(process.execPath, [CLI, 'forecast', 'my-area.json', '--runs', '100000', '--out', 'out', '--quiet', '--seed', '9'], { cwd: dir });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c, signal) => r(c ?? (signal === null ? null : 130))));
    expect(code).not.toBe(0);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });
});
