// `compare`, `goal-seek` and option files through the compiled CLI, including bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/src/cli/main.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sufficiency-compare-'));
const BASE = resolve('scenarios/medway-2022.json');
const option = (dir: string, name: string, json: Record<string, unknown>): string => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ name, extends: BASE, ...json }));
  return f;
};

describe('sufficiency compare', () => {
  it('compares options with the base on the same seeds and writes comparison.json and .csv', () => {
    const out = join(tmp(), 'cmp');
    const r = run('compare', 'scenarios/medway-2022.json', 'scenarios/options/inhouse-recruitment-10plus.json', 'scenarios/medway-2022.json',
      '--runs', '12', '--years', '2', '--workers', '2', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('== +10 in-house carers a year for ages 10+');
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(c.commonRandomNumbers).toBe(true);
    expect(c.options).toHaveLength(2);
    // The base against itself: every difference exactly zero.
    for (const y of c.options[1].comparison.years) for (const m of y.metrics) if (m.difference.mean !== null) expect(m.difference.mean).toBe(0);
    const teen = c.options[0].comparison;
    expect(teen.total.find((m: any) => m.metric === 'leverCosts').option.mean).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n')[0]).toBe(
      '\uFEFFoption,financialYear,metric,baseMedian,optionMedian,optionP5,optionP95,differenceMean,differenceCi95Low,differenceCi95High,differenceP2_5,differenceP97_5,probabilityBetter');
  });

  it('shows the resolved option with validate --print', () => {
    const r = run('validate', 'scenarios/options/two-inhouse-homes.json', '--print');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    const homes = s.carers.filter((p: any) => p.type === 'residentialInHouse');
    expect(homes.map((p: any) => [p.places, p.opens, p.paidWhenEmpty])).toEqual([[4, '2024-04-01', true], [3, '2024-10-01', true]]);
  });
});

describe('sufficiency goal-seek', () => {
  it('finds a lever value and prints the path it took', () => {
    const r = run('goal-seek', 'scenarios/options/inhouse-recruitment-10plus.json', '--lever', 'levers[0].householdsPerYear',
      '--target', 'childrenInCareByPlacementType.residentialPrivate <= 60 in 2023/24', '--runs', '10', '--max', '4', '--confidence', '0.5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/levers\[0\]\.householdsPerYear = 0: P = /);
    expect(r.out).toMatch(/Already met at 0\.|Answer: /);
  });

  it('rejects a target it cannot read', () => {
    const r = run('goal-seek', 'scenarios/options/inhouse-recruitment-10plus.json', '--lever', 'levers[0].householdsPerYear', '--target', 'fewer children');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--target: expected');
  });
});

describe('bad options: exit 2, file and JSON path, nothing written', () => {
  const rejected = (file: string, ...fragments: string[]): void => {
    const out = join(tmp(), 'never');
    const r = run('compare', 'scenarios/medway-2022.json', file, '--runs', '2', '--out', out);
    expect(r.code).toBe(2);
    for (const f of fragments) expect(r.err).toContain(f);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  };

  it('a lever naming an unknown zone', () => {
    const f = option(tmp(), 'zone.json', { levers: [{ lever: 'inHouseHome', places: 3, opens: '2024-04-01', zone: 'QQ9 9', ageRange: [8, 17], needs: ['complex'], runningCostPerYear: 1, capitalCost: 0 }] });
    rejected(f, `${f}: $.levers[0].zone: expected a zone defined in geography.zones or a UK postcode sector/district, found "QQ9 9"`);
  });

  it('a date outside the horizon', () => {
    const f = option(tmp(), 'date.json', { levers: [{ lever: 'prevention', reduction: 0.1, costPerYear: 1, from: '2031-04-01' }] });
    rejected(f, `${f}: $.levers[0].from: expected a date from 2022-12-31 to 2027-03-31 (the forecast horizon), found 2031-04-01`);
  });

  it('a negative count', () => {
    const f = option(tmp(), 'negative.json', { levers: [{ lever: 'recruitInHouse', householdsPerYear: -4, places: 1, ageRange: [0, 17], needs: ['standard'], pipelineDays: 1, costPerApproval: 0 }] });
    rejected(f, `${f}: $.levers[0]`, 'found -4');
  });

  it('an extends cycle', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ name: 'a', extends: 'b.json' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ name: 'b', extends: 'a.json' }));
    rejected(join(dir, 'a.json'), '$.extends: expected a base that does not lead back to this file, found a cycle');
  });

  it('a missing base file', () => {
    const dir = tmp();
    const f = join(dir, 'orphan.json');
    writeFileSync(f, JSON.stringify({ name: 'orphan', extends: 'nowhere.json', levers: [] }));
    rejected(f, `${f}: $.extends: base file not found`);
  });
});
