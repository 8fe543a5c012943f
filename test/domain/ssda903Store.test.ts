import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateFrom903, estimateFromReturns } from '../../src/calibrate/ssda903/estimateFrom903.js';
import { returnsOfTables } from '../../src/calibrate/ssda903/returns.js';
import type { Gazetteer } from '../../src/domain/geography.js';
import {
  CIN_CODES, LS_CODES, PLACE_CODES, PLACE_PROVIDER_CODES, REASON_PLACE_CHANGE_CODES, REC_CODES, RNE_CODES,
  type Episode903, type Header903, type Tables903,
} from '../../src/domain/ssda903.js';
import type { ChildRows, Returns903 } from '../../src/domain/ssda903Returns.js';
import { returnsOfStore, Store903 } from '../../src/domain/ssda903Store.js';
import { E } from '../../src/domain/fp.js';
import { loadGazetteer } from '../../src/io/geography.js';

const DAY0 = 19_000;

/** Any episode row the reader can decode: every code, optional cells present or blank. */
const episodeArb = (children: readonly string[]): fc.Arbitrary<Episode903> => fc.record({
  CHILD: fc.constantFrom(...children),
  DECOM: fc.integer({ min: DAY0, max: DAY0 + 2000 }),
  RNE: fc.constantFrom(...RNE_CODES),
  LS: fc.constantFrom(...LS_CODES),
  CIN: fc.constantFrom(...CIN_CODES),
  PLACE: fc.constantFrom(...PLACE_CODES),
  PLACE_PROVIDER: fc.constantFrom(...PLACE_PROVIDER_CODES),
  DEC: fc.integer({ min: DAY0, max: DAY0 + 2600 }),
  REC: fc.constantFrom(...REC_CODES),
  REASON_PLACE_CHANGE: fc.constantFrom(...REASON_PLACE_CHANGE_CODES),
  HOME_POST: fc.constantFrom('ME4 4', 'ME1 2', 'CT1 1', 'ZZ9 9'),
  PL_POST: fc.constantFrom('ME4 4', 'ME5 0', 'TN1 1'),
  URN: fc.constantFrom('SC123456', 'SC654321'),
  src: fc.integer({ min: 0, max: 5 }),
  line: fc.integer({ min: 2, max: 100_000 }),
}, { requiredKeys: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'src', 'line'] }).map((e) => ({ ...e })); // plain objects, as the reader makes

const headerArb = (children: readonly string[]): fc.Arbitrary<Header903> => fc.record({
  CHILD: fc.constantFrom(...children),
  SEX: fc.constantFrom('1' as const, '2' as const),
  DOB: fc.integer({ min: DAY0 - 6000, max: DAY0 - 100 }),
}).map((h) => ({ ...h }));

const tablesArb = fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,6}$/), { minLength: 1, maxLength: 8 }).chain((children) => fc.record({
  header: fc.array(headerArb(children), { maxLength: 12 }),
  episodes: fc.array(episodeArb(children), { maxLength: 40 }),
  uasc: fc.array(fc.constantFrom(...children).map((CHILD) => ({ CHILD })), { maxLength: 3 }),
}));

const storeOf = (t: Tables903): Store903 => {
  const store = new Store903();
  for (const e of t.episodes) {
    const { src, line, ...row } = e;
    store.addEpisode(row, src, line);
  }
  for (const h of t.header) store.addHeader(h.CHILD, h.DOB);
  for (const u of t.uasc) store.addUasc(u.CHILD);
  return store;
};

const visited = (r: Returns903): ChildRows[] => {
  const out: ChildRows[] = [];
  r.forEachChild((c) => out.push(c));
  return out;
};

describe('Store903', () => {
  it('property: every row comes back exactly as it was added', () => {
    fc.assert(fc.property(tablesArb, (t) => {
      const store = storeOf(t);
      expect(store.episodeRows).toBe(t.episodes.length);
      t.episodes.forEach((e, i) => expect(store.episodeAt(i)).toStrictEqual(e));
    }));
  });

  it('property: read child by child, the store gives what the in-memory tables give (order, DOBs by rule 9, UASC, counts)', () => {
    fc.assert(fc.property(tablesArb, (t) => {
      const fromStore = returnsOfStore(storeOf(t));
      const fromTables = returnsOfTables(t);
      expect(visited(fromStore)).toStrictEqual(visited(fromTables));
      expect([fromStore.headerRows, fromStore.headerRepeats, fromStore.dobConflicts])
        .toEqual([fromTables.headerRows, fromTables.headerRepeats, fromTables.dobConflicts]);
    }));
  });

  it('keeps rows across chunk boundaries (65,536 rows a chunk) and groups them by child in the order added', () => {
    const store = new Store903();
    const n = 140_000;
    for (let i = 0; i < n; i++) store.addEpisode({ CHILD: `c${i % 7}`, DECOM: DAY0 + i, RNE: 'P', LS: 'C2', CIN: 'N1', PLACE: 'U4', ...(i % 3 === 0 ? { DEC: DAY0 + i + 1 } : {}) }, 0, i + 2);
    for (const i of [0, 65_535, 65_536, 131_071, 131_072, n - 1]) {
      expect(store.episodeAt(i)).toMatchObject({ CHILD: `c${i % 7}`, DECOM: DAY0 + i, line: i + 2 });
      expect(store.decAt(i)).toBe(i % 3 === 0 ? DAY0 + i + 1 : undefined);
    }
    const { offsets, rows } = store.rowsByChild();
    expect(rows.length).toBe(n);
    for (let k = 1; k + 1 < offsets.length; k++) {
      for (let r = offsets[k]! + 1; r < offsets[k + 1]!; r++) expect(rows[r]! > rows[r - 1]!).toBe(true);
      expect(store.childIndexAt(rows[offsets[k]!]!)).toBe(k);
    }
    // 37 bytes a row, in whole chunks (no Header rows: no DOB or flag chunks).
    expect(store.columnBytes).toBe(37 * 3 * 65_536);
  });

  it('records DOB repeats and conflicts as the rows arrive', () => {
    const store = new Store903();
    store.addHeader('a', 100);
    store.addHeader('a', 100);
    store.addHeader('b', 5);
    store.addHeader('b', 6);
    store.addHeader('b', 7);
    expect([store.headerRows, store.headerRepeats, store.dobConflicts, store.dobConflictExamples]).toEqual([5, 3, 1, ['b']]);
    expect(store.dobOf(store.children.id('b'))).toBe(7);
  });
});

describe('estimates from the store and from tables in memory', () => {
  let g: Gazetteer;
  beforeAll(() => {
    const r = loadGazetteer();
    if (E.isLeft(r)) throw new Error(r.left);
    g = r.right;
  });

  it('property: are the same, whatever the rows', () => {
    let estimated = 0;
    fc.assert(fc.property(tablesArb, (t) => {
      const fromTables = estimateFrom903(t, g);
      expect(estimateFromReturns(returnsOfStore(storeOf(t)), g)).toStrictEqual(fromTables);
      if (E.isRight(fromTables)) estimated++;
    }), { numRuns: 60 });
    // Not only the "nothing to estimate" answer: most generated returns give estimates.
    expect(estimated).toBeGreaterThan(20);
  });
});
