import { beforeAll, describe, expect, it } from 'vitest';
import { estimateFromReturns, type Estimates } from '../../../src/calibrate/ssda903/estimateFrom903.js';
import { publishEstimates } from '../../../src/calibrate/ssda903/publish.js';
import { reportLines } from '../../../src/calibrate/ssda903/report.js';
import { E } from '../../../src/domain/fp.js';
import { loadGazetteer } from '../../../src/io/geography.js';
import { read903Sources } from '../../../src/io/ssda903Files.js';
import { KNOWN_SOURCES } from '../../fixtures/ssda903/knownHistories.js';
import { syntheticChildren, syntheticReturns } from '../../fixtures/ssda903/synthetic903.js';

const estimate = async (sources: { name: string; text: string }[]): Promise<Estimates> => {
  const g = loadGazetteer();
  const r = await read903Sources(sources);
  if (E.isLeft(g) || E.isLeft(r)) throw new Error('fixture does not read');
  const e = estimateFromReturns(r.right.returns, g.right);
  if (E.isLeft(e)) throw new Error(e.left.join('\n'));
  return e.right;
};

/** Every number in the published JSON that is a count must be 0 or at least 5. */
const countsIn = (x: unknown, path: string, out: [string, number][]): void => {
  if (typeof x === 'number') out.push([path, x]);
  else if (Array.isArray(x)) x.forEach((v, i) => countsIn(v, `${path}[${i}]`, out));
  else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) countsIn(v, `${path}.${k}`, out);
};

describe('publishEstimates: small-number suppression of counts from child-level data', () => {
  let small: Estimates;
  let large: Estimates;
  beforeAll(async () => {
    small = await estimate(KNOWN_SOURCES);
    large = await estimate(Object.entries(syntheticReturns(syntheticChildren())).map(([name, text]) => ({ name, text })));
  });

  it('no count from 1 to 4 survives anywhere a count is published', () => {
    for (const est of [small, large]) {
      const p = publishEstimates(est);
      const found: [string, number][] = [];
      countsIn({ cleaning: p.cleaning, population: p.population, entries: { starts: p.entries.starts, rates: p.entries.rates.map((r) => r.starts) }, distance: { bins: p.distance.bins, locationCategories: p.distance.locationCategories, byPlacementType: p.distance.byPlacementType, known: p.distance.known, children: p.distance.children }, homeZones: p.homeZones, initial: p.scenario.initialPopulation.counts.map((c) => c.count) }, '$', found);
      const small4 = found.filter(([path, v]) => v > 0 && v < 5 && !/\.rows|\.columns/.test(path));
      expect(small4).toEqual([]);
    }
  });

  it('a rate with fewer than 5 events keeps its smoothed value but not its exposure or raw rate', () => {
    const p = publishEstimates(small);
    const b = p.exits.hazards['1to4']![1]!;
    expect(b).toEqual({ fromYearsInCare: 1, perYear: small.exits.hazards['1to4'][1]!.perYear, events: 'c', prior: 0.4 });
    const zero = p.exits.hazards.under1![0]!;
    expect(zero).toMatchObject({ events: 0, exposureYears: 0, raw: null });
  });

  it('secondary suppression: the population table cannot be added back up', () => {
    const t = publishEstimates(large).population.byAgeBandAndPlacementType;
    for (const band of t.rows) {
      const row = t.columns.map((c) => t.cells[band]![c]!);
      expect(row.filter((v) => v === 'c').length === 0 || row.filter((v) => v === 'c').length >= 2 || t.rowTotals[band] === 'c').toBe(true);
    }
  });

  it('the report prints suppressed counts as c', () => {
    const lines = reportLines('dir', [], publishEstimates(small), []);
    expect(lines).toContain('Children in care at 31/03/2024: c');
    expect(lines.join('\n')).toMatch(/Small numbers: Counts from 1 to 4 are shown as "c"/);
  });
});
