// `calibrate --ssda903 DIR` on a synthetic return exported by `forecast --export-ssda903`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/src/cli/main.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('sufficiency calibrate --ssda903', () => {
  it('calibrates a scenario from SSDA903 files, suppressing small counts in what it prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal903-'));
    expect(run('forecast', '--runs', '1', '--years', '3', '--export-ssda903', join(dir, '903'), '--quiet', '--out', join(dir, 'fc')).code).toBe(0);
    const out = join(dir, 'scenario.json');
    const r = run('calibrate', '--ssda903', join(dir, '903'), '--name', 'Synthetic', '--observed-from', '2022-12-31', '--runs', '60', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Synthetic: calibrated from');
    expect(r.out).toContain('child-level SSDA903 data');
    // No row shows a share that stands for 1–4 children: such rows read c.
    expect(r.out).toMatch(/\s+c\s+c\s+± 3 points/);
    const s = JSON.parse(readFileSync(out, 'utf8'));
    expect(s.name).toBe('Synthetic');
    expect(run('validate', out).code).toBe(0);
  });

  it('asks for exactly one source', () => {
    const neither = run('calibrate');
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('expected a snapshot file or --ssda903 DIR');
    const dir = mkdtempSync(join(tmpdir(), 'cal903-'));
    const missing = run('calibrate', '--ssda903', join(dir, 'nothing-here'), '--out', join(dir, 'x.json'));
    expect(missing.code).toBe(2);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
