import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../src/calibrate/decodeSnapshot.js';
import { E } from '../../src/domain/fp.js';
import { loadScenarioFile, readScenarioJson } from '../../src/io/scenarioFile.js';
import { readJsonFile } from '../../src/io/readJson.js';
import { rightOf } from '../fixtures/either.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'scenarioFile-'));
const medway = (): Record<string, any> => JSON.parse(readFileSync('scenarios/medway-2022.json', 'utf8'));
const write = (dir: string, name: string, json: unknown): string => {
  const f = join(dir, name);
  writeFileSync(f, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return f;
};
const problems = (r: E.Either<string[], unknown>): string[] => (E.isLeft(r) ? r.left : []);

const SHIPPED_SCENARIOS = ['scenarios/medway-2022.json', ...readdirSync('scenarios/options').map((f) => `scenarios/options/${f}`)];
const SHIPPED_SNAPSHOTS = readdirSync('scenarios/snapshots').filter((f) => f.endsWith('.json')).map((f) => `scenarios/snapshots/${f}`);

describe('shipped files stay valid under strict input', () => {
  it.each(SHIPPED_SCENARIOS)('%s: no unknown key, no figure beyond a bound, no warning', (file) => {
    const r = loadScenarioFile(file);
    expect(problems(r)).toEqual([]);
    expect(rightOf(r).warnings).toEqual([]);
  });

  it.each(SHIPPED_SNAPSHOTS)('%s: no unknown key, no figure beyond a bound, no warning', (file) => {
    const r = E.chain((json: unknown) => decodeSnapshot(json, file))(readJsonFile(file));
    expect(problems(r)).toEqual([]);
    expect(rightOf(r).warnings).toEqual([]);
  });
});

describe('loadScenarioFile: strict input', () => {
  it('refuses a misspelt key (the pool would silently never deregister)', () => {
    const s = medway();
    s.carers[0].deregistation = s.carers[0].deregistration;
    delete s.carers[0].deregistration;
    const f = write(tmp(), 'typo.json', s);
    expect(problems(loadScenarioFile(f))).toEqual([`${f}: $.carers[0].deregistation: unknown key "deregistation"; did you mean \`deregistration\`?`]);
  });

  it('reports unknown keys with the type errors, sorted by path, all at once', () => {
    const s = medway();
    s.carers[1].Households = 3;
    s.costs.moveCost = -1;
    s.descripton = 'typo';
    const f = write(tmp(), 's.json', s);
    expect(problems(loadScenarioFile(f))).toEqual([
      `${f}: $.carers[1].Households: unknown key "Households"; did you mean \`households\`?`,
      `${f}: $.costs.moveCost: expected NonNegative (number ≥ 0), found -1`,
      `${f}: $.descripton: unknown key "descripton"; did you mean \`description\`?`,
    ]);
  });

  it('names the file of an extends chain the key is in: the option\'s own levers at their own index, the base by its path', () => {
    const dir = tmp();
    const base = medway();
    base.costs.weekly.fia = 900;
    const basePath = write(dir, 'base.json', base);
    const option = write(dir, 'option.json', {
      extends: 'base.json', name: 'Option', levers: [{ lever: 'prevention', reduction: 0.1, costPerYear: 1000, ageBand: ['10to15'] }],
    });
    const lines = problems(loadScenarioFile(option));
    expect(lines).toEqual([
      `${option}: $.levers[0].ageBand: unknown key "ageBand"; did you mean \`ageBands\`?`,
      `${relative(process.cwd(), basePath)}: $.costs.weekly.fia: unknown key "fia"; did you mean \`ifa\`?`,
    ]);
    expect(problems(readScenarioJson(option))).toEqual(lines);
  });

  it('allows `extends` at the top of a file, nowhere else', () => {
    const dir = tmp();
    write(dir, 'base.json', medway());
    const ok = write(dir, 'option.json', { extends: 'base.json', name: 'Option' });
    expect(problems(loadScenarioFile(ok))).toEqual([]);
    const nested = write(dir, 'nested.json', { extends: 'base.json', name: 'Option', costs: { ...medway().costs, extends: 'x' } });
    expect(problems(loadScenarioFile(nested))[0]).toMatch(/nested\.json: \$\.costs\.extends: unknown key "extends"/);
  });

  it('refuses 55,000 households (meant 55) with the bound and its reason, before laying anything out', () => {
    const s = medway();
    s.carers[0].households = 55_000;
    const f = write(tmp(), 'big.json', s);
    expect(problems(loadScenarioFile(f))).toEqual([
      `${f}: $.carers[0].households: expected whole number from 0 to 50,000, found 55000 (more than every approved fostering household in England, about 44,000: a typing slip?)`,
    ]);
    s.carers[0].households = 1e12;
    expect(problems(loadScenarioFile(write(tmp(), 'huge.json', s)))).toHaveLength(1);
  });

  it('warns, with the file and path, about a figure a large authority or a region could reach', () => {
    const s = medway();
    s.carers[0].households = 3000;
    const f = write(tmp(), 'region.json', s);
    const r = loadScenarioFile(f);
    expect(rightOf(r).warnings).toEqual([
      `${f}: $.carers[0].households: 3000 is above 2,000: more than any one authority has; fine for a regional or national market, and runs take longer`,
    ]);
  });

  it('adds the totals of the resolved scenario to the warnings', () => {
    const s = medway();
    s.carers[3].households = 1900;
    s.carers[5].households = 1900;
    s.carers[6].households = 1900;
    const f = write(tmp(), 'region.json', s);
    const r = loadScenarioFile(f);
    expect(rightOf(r).warnings).toEqual([
      `${f}: $.carers: 6,054 households in all pools, with those recruited over 5 years, above 5,000: more than any one authority has; runs take longer in proportion, the Medway baseline has 449`,
    ]);
  });

  it('refuses JSON nested 100,000 deep with a message, not a stack overflow', () => {
    const f = write(tmp(), 'deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(problems(loadScenarioFile(f))).toEqual([
      `${f}: line 1, column 65: expected arrays and objects nested at most 64 levels deep (a scenario nests about 7), found deeper nesting`,
    ]);
  });
});
