// The explorer's engine side, in Node: the embedded gazetteer is the CLI's, the worker's run gives
// the CLI's summary.json bytes (base and option, with `extends` followed the same way), loaded
// files are linked to their base with clear messages, and every lever the form builds decodes and
// resolves against the Medway baseline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactGazetteer } from '../../scripts/build-explorer.mjs';
import { E } from '../../src/domain/fp.js';
import { Lever } from '../../src/domain/lever.js';
import { summaryJson } from '../../src/io/forecastFiles.js';
import { loadGazetteer } from '../../src/io/geography.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { forecast } from '../../src/sim/forecast.js';
import { resolveInput, runRequest, type RunResult } from '../../src/web/engine.js';
import { gazetteerFromCompact } from '../../src/web/gazetteer.js';
import { buildLevers, CARDS, initialValues, percentProblems, type FormContext } from '../../src/web/leverForm.js';
import { loadScenarioFiles, optionScenario } from '../../src/web/scenarioFiles.js';
import { expectRight, rightOf } from '../fixtures/either.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MEDWAY_PATH = join(ROOT, 'scenarios', 'medway-2022.json');
const MEDWAY = JSON.parse(readFileSync(MEDWAY_PATH, 'utf8')) as Record<string, unknown>;
const BUILT_IN = { file: 'medway-2022.json', json: MEDWAY };
const gazetteer = gazetteerFromCompact(compactGazetteer(join(ROOT, 'data', 'geography')));

const cliSummary = (file: string, runs: number, years: number, seed = 1): string => {
  const rs = loadScenarioFile(file, { years });
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  return summaryJson(forecast(rs.right, { seed, runs, years }));
};

const run = (req: Parameters<typeof runRequest>[0]): RunResult => {
  const r = runRequest(req, gazetteer, () => undefined);
  if (E.isLeft(r)) throw new Error(r.left.join('\n'));
  return r.right;
};

describe('the embedded gazetteer', () => {
  it('is the one src/io/geography.ts loads: every zone, in order, with the same centroid and LA code', () => {
    const cli = loadGazetteer();
    if (E.isLeft(cli)) throw new Error(cli.left);
    expect([...gazetteer.entries()]).toEqual([...cli.right.entries()]);
    expect(gazetteer.size).toBeGreaterThan(15_000);
  });
});

describe('runRequest (what the worker runs)', () => {
  it('gives the CLI\'s summary.json bytes for the Medway baseline', () => {
    const r = run({ base: BUILT_IN, seed: 7, runs: 12, years: 2 });
    expect(r.base.summaryJson).toBe(cliSummary(MEDWAY_PATH, 12, 2, 7));
    expect(r.option).toBeUndefined();
    expect(r.comparison).toBeUndefined();
  });

  it('gives the CLI\'s bytes for an option file whose base is the built-in baseline, and compares it on the same seeds', () => {
    const optionPath = join(ROOT, 'scenarios', 'options', 'inhouse-recruitment-10plus.json');
    const loaded = loadScenarioFiles([{ name: 'inhouse-recruitment-10plus.json', text: readFileSync(optionPath, 'utf8') }], BUILT_IN);
    if (E.isLeft(loaded)) throw new Error(loaded.left.join('\n'));
    expect(loaded.right.base.file).toBe('medway-2022.json');
    const own = loaded.right.option!.json;
    const option = optionScenario(loaded.right.base.json, own, own.levers as unknown[]);
    const r = run({ base: loaded.right.base, option: { file: 'inhouse-recruitment-10plus.json', json: option }, seed: 1, runs: 12, years: 3 });
    expect(r.option!.summaryJson).toBe(cliSummary(optionPath, 12, 3));
    expect(r.base.summaryJson).toBe(cliSummary(MEDWAY_PATH, 12, 3));
    expect(r.comparison!.commonRandomNumbers).toBe(true);
    expect(r.comparison!.options[0]!.comparison.years.map((y) => y.financialYear)).toEqual(['2022/23', '2023/24', '2024/25']);
  });

  it('reports decode and resolve problems as the CLI words them, naming the file', () => {
    const bad = { ...MEDWAY, startDate: '2022-13-01', carers: 'none' };
    const r = runRequest({ base: { file: 'mine.json', json: bad }, seed: 1, runs: 2, years: 1 }, gazetteer, () => undefined);
    expect(E.isLeft(r)).toBe(true);
    const lines = (r as E.Left<string[]>).left;
    expect(lines.some((l) => l.startsWith('mine.json: $.carers: expected'))).toBe(true);
    expect(lines.some((l) => l.startsWith('mine.json: $.startDate: expected'))).toBe(true);
    const unknownZone = { ...MEDWAY, levers: [{ lever: 'emergencyBeds', places: 1, zone: 'ZZ9 9', maxStayDays: 7, runningCostPerYear: 1 }] };
    const z = resolveInput({ file: 'x.json', json: unknownZone }, gazetteer, 2);
    expect(E.isLeft(z) && z.left.join('\n')).toMatch(/^x\.json: \$\.levers\[0\]/m);
  });
});

describe('loadScenarioFiles', () => {
  const text = (o: unknown): string => JSON.stringify(o);
  it('takes one plain scenario as the base', () => {
    const r = loadScenarioFiles([{ name: 'area.json', text: text({ ...MEDWAY, name: 'Area' }) }], BUILT_IN);
    expect(rightOf(r).base.file).toBe('area.json');
    expect(rightOf(r).option).toBeUndefined();
  });

  it('links an option to the base selected with it, whichever order they come in, and follows a base\'s own extends', () => {
    const base = { ...MEDWAY, name: 'Area base', levers: [{ lever: 'prevention', reduction: 0.1, costPerYear: 0 }] };
    const middle = { extends: './base.json', name: 'Middle', levers: [{ lever: 'stepDown', afterMonths: 12, successProbability: 0.3, costPerStepDown: 0 }] };
    const option = { extends: 'sub/middle.json', name: 'Option', levers: [{ lever: 'market', from: '2023/24', priceChanges: { ifa: 0.1 } }] };
    const r = loadScenarioFiles([{ name: 'option.json', text: text(option) }, { name: 'base.json', text: text(base) }, { name: 'middle.json', text: text(middle) }], BUILT_IN);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    expect(r.right.base.file).toBe('middle.json');
    expect(r.right.base.json.name).toBe('Middle');
    expect((r.right.base.json.levers as { lever: string }[]).map((l) => l.lever)).toEqual(['prevention', 'stepDown']);
    expect(r.right.option).toEqual({ file: 'option.json', json: { name: 'Option', levers: option.levers } });
  });

  it('says what to do when the base is missing, the JSON is bad, or the files are not linked', () => {
    const missing = loadScenarioFiles([{ name: 'opt.json', text: text({ extends: '../other-area.json', levers: [] }) }], BUILT_IN);
    expect(missing).toEqual(E.left(['opt.json: $.extends: this option builds on "other-area.json", which is not loaded: select it together with the option file (hold Ctrl, or ⌘ on a Mac, to choose both).']));
    const broken = loadScenarioFiles([{ name: 'b.json', text: '{"name": ' }], BUILT_IN);
    expect(E.isLeft(broken) && broken.left[0]).toMatch(/^b\.json: not valid JSON \(/);
    const array = loadScenarioFiles([{ name: 'a.json', text: '[1]' }], BUILT_IN);
    expect(array).toEqual(E.left(['a.json: $: expected a scenario (a JSON object), found [1]']));
    const two = loadScenarioFiles([{ name: 'a.json', text: text(MEDWAY) }, { name: 'b.json', text: text(MEDWAY) }], BUILT_IN);
    expect(E.isLeft(two) && two.left[0]).toMatch(/not linked by "extends": a\.json, b\.json/);
    const cycle = loadScenarioFiles([{ name: 'a.json', text: text({ extends: 'b.json' }) }, { name: 'b.json', text: text({ extends: 'a.json' }) }], BUILT_IN);
    expect(E.isLeft(cycle)).toBe(true);
  });
});

describe('the lever form', () => {
  const ctx: FormContext = {
    startDate: '2022-12-31', financialYears: ['2022/23', '2023/24', '2024/25', '2025/26', '2026/27'], inHouseWeekly: 500,
    zones: Object.keys((MEDWAY.geography as { homeZones: Record<string, number> }).homeZones),
  };

  it('builds no lever from its starting values', () => {
    expect(buildLevers(initialValues(ctx), ctx)).toEqual([]);
  });

  it('builds levers the codec accepts and the Medway baseline resolves, for every card switched on', () => {
    const values = {
      ...initialValues(ctx), recruit_young_households: '4', recruit_teen_households: '10', recruit_disability_households: '2', homes_count: '2',
      emergency_beds: '2', hub_share: '50', prevention_reduction: '15', stepDown_success: '30', market_ifa: '8', market_residentialPrivate: '-5', retention_reduction: '20',
    };
    const built = buildLevers(values, ctx);
    expect(new Set(built.map((b) => b.card))).toEqual(new Set(CARDS.map((c) => c.id)));
    expect(built).toHaveLength(3 + 2 + 6);
    for (const b of built) expectRight(Lever.decode(b.lever)), JSON.stringify(b.lever);
    const hub = built.find((b) => b.card === 'hub')!.lever;
    expect(hub).toMatchObject({ share: 0.5, hazardMultiplier: 0.75, deregistrationMultiplier: 0.55 });
    const option = optionScenario(MEDWAY, { name: 'All levers' }, built.map((b) => b.lever));
    const rs = resolveInput({ file: 'explorer-option.json', json: option }, gazetteer, 5);
    expectRight(rs);
  });

  it('passes what does not parse to the codec, and checks percentages in the units typed', () => {
    const values = { ...initialValues(ctx), recruit_teen_households: '20000', recruit_pipeline: '', hub_share: '150' };
    const built = buildLevers(values, ctx);
    const recruit = built.find((b) => b.card === 'recruit')!;
    expect(recruit.lever).toMatchObject({ householdsPerYear: 20000, pipelineDays: '' });
    expect(percentProblems(values)).toEqual([{ field: 'hub_share', message: 'In-house carers in a hub (%): expected a percentage from 0 to 100, found 150' }]);
  });
});
