// Strict input as a user meets it (issue 12): the compiled CLI (`npm run build` first) refuses a
// misspelt key and an implausible figure with exit 2, and prints warnings for figures a large
// authority or a region could reach, exiting 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/src/cli/main.js';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const scenario = (mutate: (s: Record<string, any>) => void): string => {
  const s = JSON.parse(readFileSync('scenarios/medway-2022.json', 'utf8')) as Record<string, any>;
  mutate(s);
  const f = join(mkdtempSync(join(tmpdir(), 'strict-')), 'scenario.json');
  writeFileSync(f, JSON.stringify(s));
  return f;
};

describe('sufficiency validate: strict input', () => {
  it('refuses a misspelt key, saying which was meant', () => {
    const f = scenario((s) => {
      s.carers[0].deregistation = s.carers[0].deregistration;
      delete s.carers[0].deregistration;
    });
    const r = run('validate', f);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${f}: $.carers[0].deregistation: unknown key "deregistation"; did you mean \`deregistration\`?\n`);
  });

  it('refuses 1e12 households with the bound and its reason (no "Invalid array length")', () => {
    const f = scenario((s) => {
      s.carers[0].households = 1e12;
    });
    const r = run('validate', f);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${f}: $.carers[0].households: expected whole number from 0 to 50,000, found 1000000000000 (more than every approved fostering household in England, about 44,000: a typing slip?)\n`);
  });

  it('prints a warning for a figure a region could reach, and exits 0', () => {
    const f = scenario((s) => {
      s.carers[3].households = 2050;
    });
    const r = run('validate', f);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${f}: valid`);
    expect(r.err).toBe(`warning: ${f}: $.carers[3].households: 2050 is above 2,000: more than any one authority has; fine for a regional or national market, and runs take longer\n`);
  });
});

describe('warnings from the commands that run the model', () => {
  it('forecast and goal-seek print the file\'s warnings on stderr before running; --quiet hides them from forecast', () => {
    const f = scenario((s) => {
      s.carers[3].households = 2050;
    });
    const warning = `warning: ${f}: $.carers[3].households: 2050 is above 2,000`;
    const out = mkdtempSync(join(tmpdir(), 'strict-out-'));
    const fc = run('forecast', f, '--runs', '1', '--years', '1', '--workers', '1', '--no-html', '--no-xlsx', '--out', join(out, 'f'));
    expect(fc.code).toBe(0);
    expect(fc.err).toContain(warning);
    const quiet = run('forecast', f, '--runs', '1', '--years', '1', '--workers', '1', '--no-html', '--no-xlsx', '--quiet', '--out', join(out, 'q'));
    expect([quiet.code, quiet.err]).toEqual([0, '']);
    const gs = run('goal-seek', f, '--lever', 'carers[3].households', '--target', 'childrenInCare >= 0 in 2022/23', '--runs', '10', '--min', '2050', '--max', '2051', '--out', join(out, 'g'));
    expect(gs.code).toBe(0);
    expect(gs.err).toContain(warning);
  });
});
