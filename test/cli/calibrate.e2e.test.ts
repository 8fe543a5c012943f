// `sufficiency calibrate` as a user runs it: the compiled CLI in a child process (npm test builds
// first). A fit writes a valid scenario and exits 0; bad snapshots exit 2 naming file and JSON
// path; a snapshot that cannot be fitted exits 3; nothing is written unless it fits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/src/cli/main.js';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'calibrate-'));
const medway = (): Record<string, any> => JSON.parse(readFileSync('scenarios/snapshots/medway-2022.json', 'utf8'));
const write = (dir: string, json: unknown): string => {
  const f = join(dir, 'snapshot.json');
  writeFileSync(f, typeof json === 'string' ? json : JSON.stringify(json));
  return f;
};

describe('sufficiency calibrate', () => {
  it('fits the Medway snapshot, prints the fit table and writes a scenario that validates and forecasts', () => {
    const out = join(tmp(), 'medway.json');
    const r = run('calibrate', 'scenarios/snapshots/medway-2022.json', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Medway Council: calibrated from scenarios/snapshots/medway-2022.json (as at 2022-12-31); the scenario starts 2023-01-01.');
    expect(r.out).toContain('Fit at 2023-03-31 (90 simulated days; starts annualised): mean of 100 replications, seed 1');
    expect(r.out).toMatch(/Children in care\s+458\s+\d+\.\d\s+± 5%\s+✓/);
    expect(r.out).toMatch(/Placed more than 20 miles\s+33\.0%\s+\d+\.\d%\s+± 4 points\s+✓/);
    expect(r.out).not.toContain('✗');
    expect(r.out).toContain(`Wrote ${out}`);
    const v = run('validate', out);
    expect(v.code).toBe(0);
    const f = run('forecast', out, '--runs', '20', '--years', '2', '--workers', '1', '--out', join(tmp(), 'f'), '--quiet');
    expect(f.code).toBe(0);
  });

  it('bad snapshots: exit 2, every problem with file and JSON path, nothing written, no stack trace', () => {
    const dir = tmp();
    const out = join(dir, 'never.json');
    const s = medway();
    s.ageBands.under1 = 0.5; // fractions summing to 1.46
    s.placements.ifa = -3; // negative count
    s.placements.fostering = 12; // unknown placement type
    delete s.asAt; // missing required key
    const f = write(dir, s);
    const r = run('calibrate', f, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}: $.placements.fostering: unknown key "fostering": expected one of connected, inHouseFoster,`);
    expect(r.err).toContain(`${f}: $.placements.ifa: expected NonNegative (number ≥ 0), found -3`);
    expect(r.err).toContain(`${f}: $.asAt: required field missing`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    delete s.placements.fostering;
    s.placements.ifa = 184;
    s.asAt = '2022-12-31';
    const g = write(dir, s);
    const mix = run('calibrate', g, '--out', out);
    expect(mix.code).toBe(2);
    expect(mix.err).toContain(`${g}: $.ageBands: expected fractions summing to 1 (± 0.01) or whole-number counts, found fractions summing to 1.46`);
    s.ageBands.under1 = 0.04;
    s.homeZones = ['ME4', 'ZZ99 9'];
    const h = write(dir, s);
    const zones = run('calibrate', h, '--out', out);
    expect(zones.code).toBe(2);
    expect(zones.err).toContain(`${h}: $.homeZones[1]: expected a UK postcode sector`);
    expect(run('calibrate', join(dir, 'missing.json')).err).toContain('file not found');
    expect(existsSync(out)).toBe(false);
  });

  it('a snapshot that cannot be fitted: exit 3 with a clear message, nothing written', () => {
    const dir = tmp();
    const out = join(dir, 'never.json');
    // More children in supported accommodation (16–17s only) than aged 16+.
    const s = medway();
    s.placements = { supported: 300, ifa: 158 };
    const f = write(dir, s);
    const r = run('calibrate', f, '--out', out);
    expect(r.code).toBe(3);
    expect(r.err).toContain('cannot fit:');
    expect(r.err).toContain('the age mix and the placement mix cannot both hold');
    expect(existsSync(out)).toBe(false);
    // Valid mixes the model cannot hold for a year: 30% under 1 with 30 starts a year.
    const t = medway();
    t.startsPerYear = 30;
    t.ageBands = { under1: 0.3, '1to4': 0.3, '5to9': 0.2, '10to15': 0.1, '16plus': 0.1 };
    t.placements = { inHouseFoster: 0.5, ifa: 0.5 };
    const g = write(dir, t);
    const loop = run('calibrate', g, '--out', out, '--max-iterations', '2', '--runs', '40');
    expect(loop.code).toBe(3);
    expect(loop.err).toContain('cannot fit Medway Council within tolerance after 2 fitting forecasts');
    expect(loop.err).toMatch(/aged under 1\s+30\.0%\s+\d+\.\d%\s+± 3 points\s+✗/);
    expect(existsSync(out)).toBe(false);
  });
});
