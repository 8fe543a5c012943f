// The synthetic SSDA903 round trip (issue 6 §4): simulate the Medway baseline, whose parameters
// are known, export each replication as a 903 return, read it back through the same reader and
// estimator an authority would use, and recover the truth. Replications are pooled (child ids are
// distinct) as one larger authority; raw rates (no smoothing) are compared with the scenario's
// within 4 standard errors (SE of a rate = √events / exposure: Poisson events over fixed
// exposure), and the census at 31 March must match the engine exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { estimateFromReturns, type Estimates } from '../../src/calibrate/ssda903/estimateFrom903.js';
import { loadGazetteer } from '../../src/io/geography.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { read903Sources } from '../../src/io/ssda903Files.js';
import { syntheticReturn } from '../../src/io/ssda903Export.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { runReplication } from '../../src/sim/replication.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { expectEntryRatesRecovered, expectExitHazardsRecovered } from '../fixtures/ssda903/recovered.js';

const RUNS = 8;
const YEARS = 3;
let rs: ResolvedScenario;
let est: Estimates;
const census = new Map<string, number>();

beforeAll(async () => {
  const loaded = loadScenarioFile('scenarios/medway-2022.json');
  const g = loadGazetteer();
  if (E.isLeft(loaded) || E.isLeft(g)) throw new Error('fixtures do not load');
  rs = loaded.right;
  const sources = [];
  for (let r = 0; r < RUNS; r++) {
    const res = runReplication(rs, { seed: 11, replication: r, years: YEARS, trace: true });
    const ret = syntheticReturn(rs, res.trace!, 11, r);
    sources.push({ name: `header-${r}.csv`, text: ret.header }, { name: `episodes-${r}.csv`, text: ret.episodes }, { name: `uasc-${r}.csv`, text: ret.uasc });
    for (const p of PLACEMENT_TYPES) {
      const n = res.rows[(YEARS - 1) * METRIC_COUNT + metricIndex(`childrenInCareByPlacementType.${p}`)]!;
      census.set(p, (census.get(p) ?? 0) + n);
    }
  }
  const read = await read903Sources(sources);
  if (E.isLeft(read)) throw new Error(read.left.slice(0, 5).join('\n'));
  const e = estimateFromReturns(read.right.returns, g.right, { asAt: '2025-03-31', observedFrom: rs.scenario.startDate, priorEvents: 0, hazardSteps: [0, 1] });
  if (E.isLeft(e)) throw new Error(e.left.join('\n'));
  est = e.right;
}, 300_000);

describe('simulate → export SSDA903 → read → estimate recovers the parameters', () => {
  it('reproduces the engine\'s census at 31 March 2025 exactly, by placement type', () => {
    for (const p of PLACEMENT_TYPES) {
      if (p === 'unregistered') continue; // no 903 code: exported as Z1, read back as `other`
      const expected = (census.get(p) ?? 0) + (p === 'other' ? census.get('unregistered') ?? 0 : 0);
      expect([p, est.population.byPlacementType[p] ?? 0]).toEqual([p, expected]);
    }
  });

  it('recovers entry rates by age band', () => {
    expectEntryRatesRecovered(rs, est, RUNS);
  });

  it('recovers exit hazards by age band and time in care (children whose entry is in the data)', () => {
    expectExitHazardsRecovered(rs, est);
  });
});
