// `sufficiency ssda903` as a user runs it: the compiled CLI in a child process (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_CASES, HEADER_OK } from '../fixtures/ssda903/badFiles.js';
import { writeFiles } from '../fixtures/ssda903/csv903.js';
import { KNOWN_FILES } from '../fixtures/ssda903/knownHistories.js';
import { syntheticChildren, syntheticReturns } from '../fixtures/ssda903/synthetic903.js';

const CLI = 'dist/src/cli/main.js';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sufficiency-903-'));

describe('sufficiency ssda903', () => {
  it('reads a folder of returns, prints the estimates with small numbers suppressed and writes the JSON', () => {
    const dir = tmp();
    writeFiles(dir, syntheticReturns(syntheticChildren()));
    const out = join(tmp(), 'estimates.json');
    const r = run('ssda903', dir, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`SSDA903 returns in ${dir}: 3 Header, 3 Episodes and 3 UASC files, collection years 2021/22–2023/24.`);
    expect(r.out).toContain('Snapshot 31/03/2024; starts and exits counted from 01/04/2021 (3.00 years).');
    expect(r.out).toMatch(/Children in care at 31\/03\/2024: \d+/);
    expect(r.out).toMatch(/placed more than 20 miles from home: \d+\.\d% of known/);
    expect(r.out).toContain(`Wrote in ${join(out, '..')}: estimates.json and quality.csv`);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.asAt).toBe('2024-03-31');
    expect(json.source.files).toHaveLength(9);
    expect(json.disclosure.threshold).toBe(5);
    expect(Object.keys(json.scenario)).toEqual(['entries', 'exits', 'disruption', 'initialPopulation']);
    expect(JSON.stringify(json)).toContain('"c"');
  });

  it('gives the same bytes on a second run', () => {
    const dir = tmp();
    writeFiles(dir, KNOWN_FILES);
    const [a, b] = [join(tmp(), 'a.json'), join(tmp(), 'b.json')];
    expect(run('ssda903', dir, '--out', a, '--quiet').code).toBe(0);
    expect(run('ssda903', dir, '--out', b, '--quiet', '--as-at', '31/03/2024').code).toBe(0);
    expect(readFileSync(a, 'utf8').replace(/"directory": "[^"]*"/, '')).toBe(readFileSync(b, 'utf8').replace(/"directory": "[^"]*"/, ''));
  });

  it('--strict: exits 2 with every problem, naming file, line and column, and writes nothing', () => {
    const dir = tmp();
    writeFiles(dir, { 'header.csv': HEADER_OK, ...Object.fromEntries(BAD_CASES.slice(0, 5).map((c, i) => [`y${i}/episodes.csv`, c.episodes])) });
    const out = join(tmp(), 'estimates.json');
    const r = run('ssda903', dir, '--out', out, '--strict');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('y0/episodes.csv, line 3, column F (PLACE): expected PLACE code');
    expect(r.err).toContain('y1/episodes.csv, line 2, column B (DECOM): expected date as DD/MM/YYYY, found "31/02/2023"');
    expect(r.err).toContain('y3/episodes.csv, line 1: recognised as the 903 Episodes table, but columns REASON_PLACE_CHANGE, URN are missing');
    expect(r.err).toContain('y4/episodes.csv, line 2, column H (DEC): the episode ends (DEC 01/04/2023) before it starts');
    expect(r.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('by default cleans the same faults, reports each under its rule, and goes on', () => {
    const dir = tmp();
    writeFiles(dir, { 'header.csv': HEADER_OK, ...Object.fromEntries(BAD_CASES.slice(0, 5).map((c, i) => [`y${i}/episodes.csv`, c.episodes])) });
    const out = join(tmp(), 'estimates.json');
    const r = run('ssda903', dir, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Data quality: \d+ rules found faults, touching c of c children/);
    expect(r.out).toMatch(/\n  unknown-place +c +c +kept as other +146\n/);
    expect(r.out).toMatch(/\n  ends-before-start +c +c +episode dropped +356\n/);
    expect(r.out).toContain(`Wrote in ${join(out, '..')}: estimates.json and quality.csv`);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.source.mode).toBe('lenient');
    expect(json.quality.rules.map((x: { id: string }) => x.id).sort()).toEqual(['ends-before-start', 'unknown-place', 'unknown-rne', 'unreadable-cell'].sort());
    const csv = readFileSync(join(out, '..', 'quality.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFsection,rule,what it found')).toBe(true);
    expect(csv).toContain('rule,unknown-place,');
  });

  it('exits 2 on a folder that is not 903 data, and on bad options', () => {
    const empty = tmp();
    const r = run('ssda903', empty);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${empty}: no CSV or Excel (.xlsx) files found (looked in every folder below it); expected the 903 Header and Episodes tables\n`);
    const bad = run('ssda903', empty, '--as-at', '31/02/2024');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected a date as YYYY-MM-DD or DD/MM/YYYY for --as-at, found "31/02/2024"');
  });
});
