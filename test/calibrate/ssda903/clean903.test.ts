import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean903 } from '../../../src/calibrate/ssda903/clean903.js';
import { RNE_CODES, type Episode903, type PlaceCode } from '../../../src/domain/ssda903.js';
import { ep, person } from '../../fixtures/ssda903/rows.js';

const PLACES: readonly PlaceCode[] = ['U4', 'U6', 'K2', 'T1', 'P1', 'A4', 'H5'];

/** Messy episodes for a few children: any order, duplicates, overlaps, gaps, open episodes, short breaks. */
const messyEpisodes = fc.array(fc.record({
  child: fc.constantFrom('a', 'b', 'c'),
  start: fc.integer({ min: 0, max: 2000 }),
  length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  rne: fc.constantFrom(...RNE_CODES),
  place: fc.constantFrom(...PLACES),
  x1: fc.boolean(),
  shortBreak: fc.boolean(),
}), { maxLength: 30 }).map((xs) => xs.map((x): Episode903 => ({
  ...ep(x.child, '2019-01-01'),
  DECOM: 18000 + x.start, RNE: x.rne, PLACE: x.place, LS: x.shortBreak && x.start % 5 === 0 ? 'V3' : 'C2',
  ...(x.length === undefined ? {} : { DEC: 18000 + x.start + x.length, REC: x.x1 ? 'X1' as const : 'E4A' as const }),
})));

describe('clean903', () => {
  it('leaves out children with no Header row, counting their episodes', () => {
    const r = clean903({ header: [person('a', '2010-01-01')], episodes: [ep('a', '2023-01-01'), ep('z', '2023-01-01'), ep('z', '2023-02-01')], uasc: [{ CHILD: 'a' }] });
    expect(r.children.map((c) => [c.child, c.uasc])).toEqual([['a', true]]);
    expect(r.counts).toMatchObject({ withoutHeader: 2, episodesUsed: 1, uascChildren: 1 });
  });

  it('property: whatever the input, periods are disjoint and ordered, placements tile each period and segments tile each placement', () => {
    fc.assert(fc.property(messyEpisodes, (episodes) => {
      const r = clean903({ header: ['a', 'b', 'c'].map((c) => person(c, '2005-01-01')), episodes, uasc: [] });
      const c = r.counts;
      expect(c.episodeRows).toBe(episodes.length);
      expect(c.identicalRows + c.shortBreaks + c.duplicateStarts + c.duplicateEnds + c.episodesUsed).toBe(episodes.length);
      for (const child of r.children) {
        let lastStop = -Infinity;
        for (const p of child.periods) {
          expect(p.start).toBeGreaterThanOrEqual(lastStop);
          const stop = p.end ?? p.censoredAt ?? Infinity;
          expect(stop).toBeGreaterThanOrEqual(p.start);
          lastStop = stop;
          expect(p.placements[0]!.start).toBe(p.start);
          p.placements.forEach((pl, i) => {
            expect(pl.end ?? Infinity).toBe(p.placements[i + 1]?.start ?? (p.end ?? p.censoredAt ?? Infinity));
            expect(pl.segments[0]!.start).toBe(pl.start);
            pl.segments.forEach((s, j) => expect(s.end ?? Infinity).toBe(pl.segments[j + 1]?.start ?? (pl.end ?? Infinity)));
          });
        }
      }
    }));
  });
});
