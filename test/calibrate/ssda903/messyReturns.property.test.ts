// Issue 11's properties of lenient reading, over returns with faults injected at random into a
// clean synthetic return (test/fixtures/messy903.ts): reading and estimating succeed; the quality
// report's children add up (in = used + dropped, per year and in total; the dropped add up by
// reason), no child is counted twice; every injected fault is reported under its rule; and a
// clean return gives an empty report and the strict path's estimates, byte for byte.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateFromReturns, type EstimateOptions, type Estimates } from '../../../src/calibrate/ssda903/estimateFrom903.js';
import type { QualityReport } from '../../../src/calibrate/ssda903/qualityReport.js';
import type { Gazetteer } from '../../../src/domain/geography.js';
import { loadGazetteer } from '../../../src/io/geography.js';
import { read903Sources } from '../../../src/io/ssda903Files.js';
import { rightOf } from '../../fixtures/either.js';
import {
  CHILD_KINDS, CLEAN_AS_AT, cleanReturnSources, FAULT_KINDS, FILE_FORM_KINDS, injectFaults, messyReturnArb, parseCsv, type MessyReturn, type TextSource,
} from '../../fixtures/messy903.js';

const clean = cleanReturnSources();
const OPTIONS: EstimateOptions = { asAt: CLEAN_AS_AT, observedFrom: '2022-12-31' };
let g: Gazetteer;

beforeAll(() => {
  g = rightOf(loadGazetteer());
});

const lenient = async (sources: readonly TextSource[]): Promise<Estimates> =>
  rightOf(estimateFromReturns(rightOf(await read903Sources(sources, { lenient: true }), 'read leniently').returns, g, OPTIONS), 'estimated');
const strict = async (sources: readonly TextSource[]): Promise<Estimates> =>
  rightOf(estimateFromReturns(rightOf(await read903Sources(sources), 'read strictly').returns, g, OPTIONS), 'estimated');
const withoutQuality = ({ quality: _q, ...rest }: Estimates): Omit<Estimates, 'quality'> => rest;

/** Distinct CHILD ids in the Episodes files, whatever their column's spelling. */
const episodeChildren = (sources: readonly TextSource[]): Set<string> => {
  const out = new Set<string>();
  for (const s of sources) {
    const { columns, records } = parseCsv(s.text.replace(/^\uFEFF/, ''));
    const norm = columns.map((c) => c.trim().toUpperCase().replace(/\s+/g, '_'));
    if (!norm.includes('DECOM')) continue;
    const at = norm.indexOf('CHILD');
    for (const r of records) if ((r[at] ?? '').trim() !== '') out.add(r[at]!.trim());
  }
  return out;
};

const expectCountsAddUp = (q: QualityReport, sources: readonly TextSource[]): void => {
  const t = q.children.total;
  expect(t.used + t.dropped).toBe(t.in);
  for (const y of q.children.byYear) expect([y.collectionYear, y.used + y.dropped]).toEqual([y.collectionYear, y.in]);
  const by = q.children.droppedBy;
  expect(by.noDateOfBirth + by.everyEpisodeDropped + by.shortBreaksOnly).toBe(t.dropped);
  // No child counted twice: the total is the distinct children of the Episodes files, and no year holds more.
  expect(t.in).toBe(episodeChildren(sources).size);
  for (const y of q.children.byYear) expect(y.in).toBeLessThanOrEqual(t.in);
  expect(q.children.affected).toBeLessThanOrEqual(t.in);
};

/** Every injected fault with a rule is counted under it: at least its faults' rows and children. */
const expectFaultsReported = (q: QualityReport, m: MessyReturn): void => {
  const byRule = new Map<string, { faults: number; children: Set<string> }>();
  for (const f of m.faults) {
    if (f.rule === undefined) continue;
    const r = byRule.get(f.rule) ?? { faults: 0, children: new Set<string>() };
    r.faults++;
    r.children.add(f.child);
    byRule.set(f.rule, r);
  }
  for (const [rule, want] of byRule) {
    const got = q.rules.find((r) => r.id === rule);
    expect(got, `${rule} injected (${[...want.children].join(', ')}) but not reported: ${q.rules.map((r) => r.id).join(', ')}`).toBeDefined();
    expect(got!.rows).toBeGreaterThanOrEqual(want.faults);
    expect(got!.children).toBeGreaterThanOrEqual(want.children.size);
  }
};

describe('a clean return read leniently', () => {
  it('gives an empty report and the strict path\'s estimates, byte for byte', async () => {
    const l = await lenient(clean);
    expect(l.quality?.rules).toEqual([]);
    expect(l.quality?.children.total).toEqual({ in: episodeChildren(clean).size, used: episodeChildren(clean).size, dropped: 0 });
    expect(JSON.stringify(withoutQuality(l))).toBe(JSON.stringify(await strict(clean)));
  });

  it('and with file-form changes only (dates as ISO or Excel serials, column spellings, BOM, CRLF, …): the same', async () => {
    const want = JSON.stringify(await strict(clean));
    await fc.assert(fc.asyncProperty(messyReturnArb(clean, { kinds: FILE_FORM_KINDS, minFaults: 1, maxFaults: 6 }), async (m) => {
      const l = await lenient(m.sources);
      expect(l.quality?.rules).toEqual([]);
      expect(JSON.stringify(withoutQuality(l))).toBe(want);
    }), { seed: 1103, numRuns: 6 });
  });
});

describe('a messy return read leniently', () => {
  it.each(CHILD_KINDS)('%s: read and estimated, reported under its rule, the children adding up', async (kind) => {
    await fc.assert(fc.asyncProperty(messyReturnArb(clean, { kinds: [kind], minFaults: 1, maxFaults: 2 }), async (m) => {
      const q = (await lenient(m.sources)).quality!;
      expectCountsAddUp(q, m.sources);
      expectFaultsReported(q, m);
    }), { seed: 1104, numRuns: 3 });
  });

  it('property: any mix of faults: read and estimated, every fault reported, the children adding up', async () => {
    await fc.assert(fc.asyncProperty(messyReturnArb(clean, { kinds: FAULT_KINDS, minFaults: 1, maxFaults: 12 }), async (m) => {
      const q = (await lenient(m.sources)).quality!;
      expectCountsAddUp(q, m.sources);
      expectFaultsReported(q, m);
    }), { seed: 1105, numRuns: 12 });
  });

  it('a child with no date of birth anywhere is dropped and counted as such', async () => {
    const m = injectFaults(clean, [{ kind: 'no-header-no-dob', seed: 3 }, { kind: 'no-header-no-dob', seed: 4 }]);
    expect(m.faults).toHaveLength(2);
    const q = (await lenient(m.sources)).quality!;
    expect(q.children.droppedBy.noDateOfBirth).toBe(2);
    expect(q.children.total.dropped).toBe(2);
  });
});
