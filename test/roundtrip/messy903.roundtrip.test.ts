// The synthetic SSDA903 round trip again (ssda903.roundtrip.test.ts), with a tenth of the children
// given a fault of a real extract (test/fixtures/messy903.ts) and the returns read leniently:
// cleaning must still recover the entry rates and exit hazards within 4 standard errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { estimateFromReturns, type Estimates } from '../../src/calibrate/ssda903/estimateFrom903.js';
import { loadGazetteer } from '../../src/io/geography.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { read903Sources } from '../../src/io/ssda903Files.js';
import { syntheticReturn } from '../../src/io/ssda903Export.js';
import { runReplication } from '../../src/sim/replication.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { expectEntryRatesRecovered, expectExitHazardsRecovered } from '../fixtures/ssda903/recovered.js';
import { CHILD_KINDS, fileName, injectFaults, splitByCollectionYear, type InjectedFault, type TextSource } from '../fixtures/messy903.js';

const RUNS = 8;
const YEARS = [2022, 2023, 2024];
let rs: ResolvedScenario;
let est: Estimates;
const injected: InjectedFault[] = [];
let children = 0;

beforeAll(async () => {
  const loaded = loadScenarioFile('scenarios/medway-2022.json');
  const g = loadGazetteer();
  if (E.isLeft(loaded) || E.isLeft(g)) throw new Error('fixtures do not load');
  rs = loaded.right;
  const sources: TextSource[] = [];
  for (let r = 0; r < RUNS; r++) {
    const res = runReplication(rs, { seed: 11, replication: r, years: YEARS.length, trace: true });
    const clean = splitByCollectionYear(syntheticReturn(rs, res.trace!, 11, r), YEARS).flatMap((y) => [
      { name: fileName(y.year, 'Header'), text: y.header }, { name: fileName(y.year, 'Episodes'), text: y.episodes }, { name: fileName(y.year, 'UASC'), text: y.uasc },
    ]);
    const n = new Set(clean.filter((s) => s.name.endsWith('header.csv')).flatMap((s) => s.text.split('\n').slice(1).map((l) => l.split(',')[0]).filter((c) => c !== ''))).size;
    children += n;
    // A tenth of the children, each kind of fault in turn.
    const specs = Array.from({ length: Math.round(n / 10) }, (_, i) => ({ kind: CHILD_KINDS[(i + r) % CHILD_KINDS.length]!, seed: 1000 * r + i }));
    const messy = injectFaults(clean, specs);
    injected.push(...messy.faults);
    sources.push(...messy.sources.map((s) => ({ name: `run${r}/${s.name}`, text: s.text })));
  }
  const read = await read903Sources(sources, { lenient: true });
  if (E.isLeft(read)) throw new Error(read.left.slice(0, 5).join('\n'));
  const e = estimateFromReturns(read.right.returns, g.right, { asAt: '2025-03-31', observedFrom: rs.scenario.startDate, priorEvents: 0, hazardSteps: [0, 1] });
  if (E.isLeft(e)) throw new Error(e.left.join('\n'));
  est = e.right;
}, 300_000);

describe('simulate → export → inject faults into a tenth of the children → read leniently → estimate', () => {
  it('injected a fault into about a tenth of the children, and each is reported', () => {
    expect(injected.length).toBeGreaterThan(children * 0.08);
    const rules = new Set(est.quality!.rules.map((r) => r.id));
    for (const f of injected) if (f.rule !== undefined) expect(rules.has(f.rule), f.rule).toBe(true);
  });

  it('still recovers entry rates by age band within 4 SE', () => {
    expectEntryRatesRecovered(rs, est, RUNS);
  });

  it('still recovers exit hazards by age band and time in care within 4 SE', () => {
    expectExitHazardsRecovered(rs, est);
  });
});
