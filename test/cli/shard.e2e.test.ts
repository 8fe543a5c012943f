// Sharded runs through the compiled CLI, as a batch engine runs them: N processes each run
// `forecast --shard K/N` (or take K from JOB_COMPLETION_INDEX / AWS_BATCH_JOB_ARRAY_INDEX), then
// `merge` gives exactly the single run's files, byte for byte, whatever the worker counts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyScenarioJson } from '../fixtures/tinyScenario.js';

const MAIN = 'dist/src/cli/main.js';
/** The environment without a batch job's index, so a developer's shell or CI cannot leak one in. */
const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const { JOB_COMPLETION_INDEX: _k, AWS_BATCH_JOB_ARRAY_INDEX: _a, ...rest } = process.env;
  return { ...rest, ...extra };
};
const run = (args: readonly string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: cleanEnv(env) });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** Processes at once, as the pods of an Indexed Job or the children of an array job run. */
const runAll = (jobs: readonly { args: readonly string[]; env?: Record<string, string> }[]): Promise<{ code: number | null; err: string }[]> =>
  Promise.all(jobs.map(({ args, env }) => new Promise<{ code: number | null; err: string }>((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...args], { env: cleanEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    p.on('close', (code) => resolve({ code, err }));
  })));

const FORECAST_FILES = ['summary.json', 'by-year.csv', 'by-year-wide.csv'];
const bytes = (dir: string, files: readonly string[]): string[] => files.map((f) => readFileSync(join(dir, f), 'latin1'));

let dir = '';
let tiny = '';
let option = '';
const RUN = ['--runs', '14', '--years', '3', '--seed', '5'];
const NO_REPORTS = ['--no-html', '--no-xlsx'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sufficiency-shard-'));
  tiny = join(dir, 'tiny.json');
  writeFileSync(tiny, JSON.stringify(tinyScenarioJson()));
  // An option that differs from the base in one place: compared on the same replications.
  const json = tinyScenarioJson() as Record<string, any>;
  json.name = 'Tiny with one more IFA child';
  json.initialPopulation.counts[1].count += 1;
  option = join(dir, 'option.json');
  writeFileSync(option, JSON.stringify(json));
});

describe('forecast --shard K/N and merge', () => {
  it('gives the same bytes for any worker count without shards', () => {
    for (const w of [1, 2, 3]) expect(run(['forecast', tiny, ...RUN, ...NO_REPORTS, '--quiet', '--workers', String(w), '--out', join(dir, `single-w${w}`)]).code).toBe(0);
    const one = bytes(join(dir, 'single-w1'), FORECAST_FILES);
    expect(bytes(join(dir, 'single-w2'), FORECAST_FILES)).toEqual(one);
    expect(bytes(join(dir, 'single-w3'), FORECAST_FILES)).toEqual(one);
  });

  it.each([1, 2, 3, 7])('merges N = %i shards, run as N processes with different worker counts, into the single run\'s bytes', async (n) => {
    const parts = join(dir, `parts-${n}`);
    const results = await runAll(Array.from({ length: n }, (_, i) => ({
      // Each shard in its own folder, as separate machines would leave them; worker counts 1, 2, 3, 1, …
      args: ['forecast', tiny, ...RUN, '--quiet', '--shard', `${i + 1}/${n}`, '--workers', String((i % 3) + 1), '--out', join(parts, `k${i + 1}`)],
    })));
    expect(results).toEqual(Array.from({ length: n }, () => ({ code: 0, err: '' })));
    const merged = join(dir, `merged-${n}`);
    const m = run(['merge', ...Array.from({ length: n }, (_, i) => join(parts, `k${i + 1}`)), ...NO_REPORTS, '--quiet', '--out', merged]);
    expect(m.err).toBe('');
    expect(m.code).toBe(0);
    expect(bytes(merged, FORECAST_FILES)).toEqual(bytes(join(dir, 'single-w1'), FORECAST_FILES));
  });

  it('takes K from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX (0-based) with --shard auto/N, and merge writes the report and workbook too', async () => {
    const parts = join(dir, 'parts-env');
    const results = await runAll([
      { args: ['forecast', tiny, ...RUN, '--quiet', '--shard', 'auto/3', '--out', parts], env: { JOB_COMPLETION_INDEX: '0' } },
      { args: ['forecast', tiny, ...RUN, '--quiet', '--shard', 'auto/3', '--out', parts], env: { AWS_BATCH_JOB_ARRAY_INDEX: '1' } },
      { args: ['forecast', tiny, ...RUN, '--quiet', '--shard', 'auto/3', '--out', parts], env: { JOB_COMPLETION_INDEX: '2' } },
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(readdirSync(parts).filter((f) => f.endsWith('.partial.gz')).sort()).toEqual(['shard-1-of-3.partial.gz', 'shard-2-of-3.partial.gz', 'shard-3-of-3.partial.gz']);
    const merged = join(dir, 'merged-env');
    const m = run(['merge', parts, '--out', merged]);
    expect(m.code).toBe(0);
    expect(m.out).toContain(`Wrote in ${merged}: summary.json, by-year.csv, by-year-wide.csv, report.html and tiny-test-authority.xlsx`);
    expect(bytes(merged, FORECAST_FILES)).toEqual(bytes(join(dir, 'single-w1'), FORECAST_FILES));
    // The report says how to reproduce the run without shards.
    expect(readFileSync(join(merged, 'report.html'), 'utf8')).toContain(`sufficiency forecast ${tiny} --runs 14 --seed 5 --years 3`);
  });

  it('prints the same table and JSON as the single run', () => {
    const single = run(['forecast', tiny, ...RUN, ...NO_REPORTS, '--json', '--out', join(dir, 'json-single')]);
    const merged = run(['merge', join(dir, 'parts-env'), ...NO_REPORTS, '--json', '--out', join(dir, 'json-merged')]);
    expect(merged.out).toBe(single.out);
  });
});

describe('compare --shard K/N and merge', () => {
  it('merges a sharded comparison into the single comparison\'s bytes (common random numbers kept)', async () => {
    const single = join(dir, 'cmp-single');
    expect(run(['compare', tiny, option, ...RUN, ...NO_REPORTS, '--quiet', '--workers', '2', '--out', single]).code).toBe(0);
    const parts = join(dir, 'cmp-parts');
    const results = await runAll([0, 1, 2].map((i) => ({
      args: ['compare', tiny, option, ...RUN, '--quiet', '--shard', 'auto/3', '--workers', String(i + 1), '--out', parts], env: { AWS_BATCH_JOB_ARRAY_INDEX: String(i) },
    })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const merged = join(dir, 'cmp-merged');
    const m = run(['merge', parts, ...NO_REPORTS, '--quiet', '--out', merged]);
    expect(m.err).toBe('');
    expect(m.code).toBe(0);
    expect(bytes(merged, ['comparison.json', 'comparison.csv'])).toEqual(bytes(single, ['comparison.json', 'comparison.csv']));
  });
});

describe('sharded runs refuse mistakes (exit 2, a message, nothing written)', () => {
  const nothingAt = (path: string): void => expect(existsSync(path)).toBe(false);

  it.each([
    [['--shard', '0/3'], 'expected K from 1 to 3 in --shard 0/3 (shards are numbered from 1'],
    [['--shard', '4/3'], 'expected K from 1 to 3 in --shard 4/3'],
    [['--shard', 'two/3'], 'expected K/N (shard K of N, K from 1 to N) or auto/N for --shard, found "two/3"'],
    [['--shard', 'auto/3'], '--shard auto/3: expected the shard index in JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX'],
    [['--shard', '1/3', '--export-ssda903', 'x'], '--export-ssda903: not with --shard'],
  ])('forecast %j', (args, message) => {
    const out = join(dir, `bad-${args.join('').replace(/\W/g, '')}`);
    const r = run(['forecast', tiny, ...RUN, '--out', out, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    nothingAt(out);
  });

  it('refuses an index from the environment beyond N', () => {
    const out = join(dir, 'bad-env');
    const r = run(['forecast', tiny, ...RUN, '--shard', 'auto/3', '--out', out], { JOB_COMPLETION_INDEX: '3' });
    expect(r.code).toBe(2);
    expect(r.err).toBe('--shard auto/3: expected JOB_COMPLETION_INDEX to be a 0-based index from 0 to 2, found "3"\n');
    nothingAt(out);
  });

  it('names the missing shards', () => {
    const out = join(dir, 'bad-missing');
    const r = run(['merge', join(dir, 'parts-3', 'k1'), join(dir, 'parts-3', 'k3'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('missing shard 2 of 3 (found 1 and 3); run them, or merge in the folders that hold them\n');
    nothingAt(out);
  });

  it('names a shard given twice', () => {
    const out = join(dir, 'bad-twice');
    const r = run(['merge', join(dir, 'parts-2', 'k1'), join(dir, 'parts-2', 'k1', 'shard-1-of-2.partial.gz'), join(dir, 'parts-2', 'k2'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('shard 1 of 2 given 2 times:');
    nothingAt(out);
  });

  it('refuses partials of another seed, naming both values', () => {
    const other = join(dir, 'seed-9');
    expect(run(['forecast', tiny, '--runs', '14', '--years', '3', '--seed', '9', '--quiet', '--shard', '2/2', '--out', other]).code).toBe(0);
    const out = join(dir, 'bad-seed');
    const r = run(['merge', join(dir, 'parts-2', 'k1'), other, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${join(other, 'shard-2-of-2.partial.gz')}: seed 9 differs from 5 in ${join(dir, 'parts-2', 'k1', 'shard-1-of-2.partial.gz')} (merge partials of one run only)\n`);
    nothingAt(out);
  });

  it('refuses a forecast\'s partials beside a comparison\'s, and a folder without partials', () => {
    const out = join(dir, 'bad-kind');
    const r = run(['merge', join(dir, 'parts-env'), join(dir, 'cmp-parts'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('kind compare differs from forecast');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const e = run(['merge', empty, '--out', out]);
    expect(e.code).toBe(2);
    expect(e.err).toBe(`${empty}: expected partial results (shard-K-of-N.partial.gz, written by forecast or compare --shard), found none\n`);
    nothingAt(out);
  });

  it('leaves a file it did not write as it was (the output folder rules of every command)', () => {
    const out = join(dir, 'users-folder');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), 'my notes');
    const r = run(['merge', join(dir, 'parts-env'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('summary.json: refusing to replace a file that sufficiency did not write');
    expect(readdirSync(out)).toEqual(['summary.json']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('my notes');
  });

  it('refuses a damaged partial, naming the file', () => {
    const bad = join(dir, 'damaged');
    mkdirSync(bad);
    writeFileSync(join(bad, 'shard-1-of-1.partial.gz'), 'not a partial');
    const out = join(dir, 'bad-damaged');
    const r = run(['merge', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shard-1-of-1\.partial\.gz: expected a partial result written by sufficiency forecast\/compare --shard, found a file that is not gzip/);
    nothingAt(out);
  });
});

describe('docs/sharding.md', () => {
  it('runs its local example as written (N background processes, merge, same bytes), from the project root', () => {
    const page = readFileSync('docs/sharding.md', 'utf8');
    const section = page.slice(page.indexOf('## On one machine'), page.indexOf('## Kubernetes'));
    const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(2);
    const out = join(dir, 'docs-example');
    // As the docs generator runs documented commands: `out/` stands for a fresh folder; the build is the test run's own.
    const script = blocks.join('\n').split('\n').filter((l) => !l.startsWith('npm run build')).join('\n').replace(/(^|\s)out\//g, `$1${out}/`);
    const r = spawnSync('bash', ['-e', '-c', script], { encoding: 'utf8', env: cleanEnv() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('same bytes');
    expect(existsSync(join(out, 'compare', 'comparison.json'))).toBe(true);
  });
});
