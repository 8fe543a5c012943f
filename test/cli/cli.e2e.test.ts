// The `sufficiency` command as a user runs it: the compiled CLI in a child process (npm test
// builds first). Checks output files, determinism across worker counts, and bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/domain/version.js';

const CLI = 'dist/src/cli/main.js';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sufficiency-'));
const medway = (): Record<string, any> => JSON.parse(readFileSync('scenarios/medway-2022.json', 'utf8'));
const writeScenario = (dir: string, json: unknown): string => {
  const f = join(dir, 'scenario.json');
  writeFileSync(f, typeof json === 'string' ? json : JSON.stringify(json));
  return f;
};

const DESIGN_METRICS = [
  'childrenInCare', 'childrenInCareByAgeBand', 'childrenInCareByNeed', 'childrenInCareByPlacementType', 'starts', 'ceases',
  'placedOver20Miles', 'outOfArea', 'medianDistanceMiles', 'shortfalls', 'shortfallsBySegment', 'unregistered', 'disruptions',
  'threePlusPlacements', 'longTermStability', 'cost', 'costByPlacementType', 'costPerChildWeek', 'occupancy', 'voids',
];

describe('sufficiency forecast', () => {
  it('writes summary.json in the DESIGN.md shape and by-year.csv', () => {
    const out = join(tmp(), 'forecast');
    const r = run('forecast', 'scenarios/medway-2022.json', '--runs', '24', '--seed', '7', '--years', '3', '--workers', '2', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Medway 2022 baseline: 24 replications, seed 7');
    expect(r.out).toMatch(/Children in care at 31 March\s+\d+ \(\d+–\d+\)/);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.scenario.name).toBe('Medway 2022 baseline');
    expect(s.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect([s.seed, s.runs, s.engineVersion]).toEqual([7, 24, ENGINE_VERSION]);
    expect(s.years.map((y: any) => [y.financialYear, y.yearEnd])).toEqual([['2022/23', '2023-03-31'], ['2023/24', '2024-03-31'], ['2024/25', '2025-03-31']]);
    for (const y of s.years) {
      for (const id of DESIGN_METRICS) expect(y.metrics).toHaveProperty(id);
      expect(Object.keys(y.metrics.childrenInCare)).toEqual(['mean', 'p5', 'p25', 'p50', 'p75', 'p95']);
      expect(Object.keys(y.metrics.childrenInCareByPlacementType)).toContain('unregistered');
      expect(y.metrics.placedOver20Miles.mean).toBeGreaterThan(0);
      expect(y.metrics.placedOver20Miles.mean).toBeLessThan(1);
    }
    const csv = readFileSync(join(out, 'by-year.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('\uFEFFfinancialYear,yearEnd,partial,metric,unit,mean,p5,p25,p50,p75,p95');
    expect(readFileSync(join(out, 'by-year-wide.csv'), 'utf8').split('\n')[0]).toBe('\uFEFFmetric,unit,statistic,2022/23 (part year from 2022-12-31),2023/24,2024/25');
    expect(csv.some((l) => l.startsWith('2023/24,2024-03-31,no,childrenInCare,children,'))).toBe(true);
  });

  it('gives the same bytes for any number of workers', () => {
    const dirs = [1, 2, 3].map((w) => {
      const out = join(tmp(), `w${w}`);
      expect(run('forecast', 'scenarios/medway-2022.json', '--runs', '9', '--years', '2', '--workers', String(w), '--out', out, '--quiet').code).toBe(0);
      return out;
    });
    const files = dirs.map((d) => readFileSync(join(d, 'summary.json'), 'utf8') + readFileSync(join(d, 'by-year.csv'), 'utf8'));
    expect(files[1]).toBe(files[0]);
    expect(files[2]).toBe(files[0]);
  });

  it('validates a scenario without running it', () => {
    const r = run('validate', 'scenarios/medway-2022.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('scenarios/medway-2022.json: valid');
  });
});

describe('bad input: exit 2, a message naming file and path, no output, no stack trace', () => {
  const expectRejected = (args: string[], ...fragments: string[]): void => {
    const dir = tmp();
    const out = join(dir, 'never');
    const r = run(...args.map((a) => a.replace('$DIR', dir)), ...(args[0] === 'forecast' ? ['--out', out, '--runs', '2'] : []));
    expect(r.code).toBe(2);
    for (const f of fragments) expect(r.err).toContain(f.replace('$DIR', dir));
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  };

  it('missing file', () => expectRejected(['forecast', '$DIR/nope.json'], '$DIR/nope.json: file not found'));

  it('not JSON', () => {
    const dir = tmp();
    const f = writeScenario(dir, '{\n  "name": "x",\n  oops\n}');
    expectRejected(['forecast', f], `${f}: not valid JSON at line 3`);
  });

  it('wrong types and out-of-range values, all reported at once', () => {
    const s = medway();
    s.entries.rates[0].perYear = -3;
    s.entries.emergencyShare = 1.5;
    s.initialPopulation.counts[0].placementType = 'fostr';
    s.carers[0].ageRange = [4, 19];
    delete s.name;
    const f = writeScenario(tmp(), s);
    expectRejected(['forecast', f],
      `${f}: $.entries.rates[0].perYear: expected NonNegative (number ≥ 0), found -3`,
      `${f}: $.entries.emergencyShare: expected Probability (number from 0 to 1), found 1.5`,
      `${f}: $.initialPopulation.counts[0].placementType: expected one of`,
      `${f}: $.carers[0].ageRange[1]: expected AgeYears`,
      `${f}: $.name: required field missing`);
  });

  it('inconsistent: zone not defined, age range upside down', () => {
    const s = medway();
    s.carers[0].zones = { 'ZZ99 9': 1 };
    s.carers[1].ageRange = [15, 3];
    const f = writeScenario(tmp(), s);
    expectRejected(['validate', f],
      `${f}: $.carers[0].zones["ZZ99 9"]: expected a zone defined in geography.zones or a UK postcode sector/district, found "ZZ99 9"`,
      `${f}: $.carers[1].ageRange: expected [youngest, oldest] with youngest ≤ oldest, found [15, 3]`);
  });

  it('bad options', () => {
    expectRejected(['forecast', 'scenarios/medway-2022.json', '--seed', 'abc'], 'expected a whole number');
    const r = run('forecast', '--runs', '0');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--runs');
  });

  it('keeps a previous output directory intact when the new run is rejected', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(run('forecast', 'scenarios/medway-2022.json', '--runs', '2', '--years', '1', '--out', out, '--quiet').code).toBe(0);
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const bad = writeScenario(dir, '[]');
    expect(run('forecast', bad, '--out', out).code).toBe(2);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
  });
});

describe('engine version', () => {
  it('matches package.json', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(ENGINE_VERSION);
  });
});
