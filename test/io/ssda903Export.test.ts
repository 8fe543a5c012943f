// The synthetic SSDA903 return says what the simulation did: counting from the episodes gives
// the engine's own figures, and the episodes chain as a real return's do.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { epochDayOf, financialYearsFrom } from '../../src/domain/time.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { placeCodesOf } from '../../src/domain/ssda903.js';
import { syntheticReturn } from '../../src/io/ssda903Export.js';
import { METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { runReplication } from '../../src/sim/replication.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

const toDay = (ddmmyyyy: string): number => {
  const [d, m, y] = ddmmyyyy.split('/');
  return epochDayOf(`${y}-${m}-${d}`);
};

describe('synthetic SSDA903 export', () => {
  const rs = tinyScenario();
  const res = runReplication(rs, { seed: 4, replication: 2, years: rs.defaultYears, trace: true });
  const ret = syntheticReturn(rs, res.trace!, 4, 2);
  const episodes = parse(ret.episodes, { columns: true }) as Record<string, string>[];
  const header = parse(ret.header, { columns: true }) as Record<string, string>[];

  it('has the 903 columns, a header row per child and DD/MM/YYYY dates', () => {
    expect(ret.episodes.split('\n')[0]).toBe('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN');
    expect(ret.header.split('\n')[0]).toBe('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB');
    expect(new Set(episodes.map((e) => e.CHILD))).toEqual(new Set(header.map((h) => h.CHILD)));
    for (const e of episodes) expect(e.DECOM).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('chains episodes: X1 ends where the next begins; only the last may be open or end in an exit', () => {
    const byChild = new Map<string, Record<string, string>[]>();
    for (const e of episodes) byChild.set(e.CHILD!, [...(byChild.get(e.CHILD!) ?? []), e]);
    for (const eps of byChild.values()) {
      eps.forEach((e, j) => {
        if (j < eps.length - 1) {
          expect(e.REC).toBe('X1');
          expect(e.DEC).toBe(eps[j + 1]!.DECOM);
          expect(e.REASON_PLACE_CHANGE).not.toBe('');
          expect(eps[j + 1]!.RNE).toBe(e.REASON_PLACE_CHANGE === 'PLACE' ? 'T' : 'P');
        } else {
          expect(e.REC === '' ? e.DEC : e.REC).not.toBe('X1');
        }
        if (e.DEC !== '') expect(toDay(e.DEC!)).toBeGreaterThanOrEqual(toDay(e.DECOM!));
      });
    }
  });

  it('gives back the engine\'s children in care by placement type at every 31 March, and its starts', () => {
    const years = financialYearsFrom(rs.startEpochDay, rs.defaultYears);
    years.forEach((y, k) => {
      const snapshot = rs.startEpochDay + y.endDay;
      const counts = new Map<string, number>();
      for (const e of episodes) {
        const from = toDay(e.DECOM!);
        const to = e.DEC === '' ? Number.POSITIVE_INFINITY : toDay(e.DEC!);
        if (from <= snapshot && snapshot < to) counts.set(`${e.PLACE}/${e.PLACE_PROVIDER}`, (counts.get(`${e.PLACE}/${e.PLACE_PROVIDER}`) ?? 0) + 1);
      }
      const expected = new Map<string, number>();
      PLACEMENT_TYPES.forEach((p) => {
        const n = res.rows[k * METRIC_COUNT + metricIndex(`childrenInCareByPlacementType.${p}`)]!;
        if (n > 0) {
          const codes = placeCodesOf(p, snapshot);
          const key = `${codes.PLACE}/${codes.PLACE_PROVIDER ?? ''}`;
          expected.set(key, (expected.get(key) ?? 0) + n);
        }
      });
      expect(counts).toEqual(expected);
      // Starts in the simulated part of the year: episodes with RNE = S beginning in it.
      const starts = episodes.filter((e) => e.RNE === 'S' && toDay(e.DECOM!) >= rs.startEpochDay + Math.max(0, y.startDay) && toDay(e.DECOM!) <= snapshot).length;
      expect(starts).toBe(res.rows[k * METRIC_COUNT + metricIndex('starts')]!);
    });
  });

  it('codes supported accommodation H5 before 28 October 2023 and K3 from then, splitting placements across the date', () => {
    const split = episodes.filter((e) => e.REASON_PLACE_CHANGE === 'PLACE');
    expect(split.length).toBeGreaterThan(0); // this replication has supported placements across the date
    for (const e of split) expect([e.PLACE, e.DEC]).toEqual(['H5', '28/10/2023']);
    expect(placeCodesOf('supported', epochDayOf('2023-10-27')).PLACE).toBe('H5');
    expect(placeCodesOf('supported', epochDayOf('2023-10-28')).PLACE).toBe('K3');
    expect(placeCodesOf('ifa', 0)).toEqual({ PLACE: 'U6', PLACE_PROVIDER: 'PR4' });
  });

  it('is data for 903 readers, written as a case-management system writes it: ASCII, no BOM, codes as they are', () => {
    for (const text of [ret.header, ret.episodes, ret.uasc]) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).toMatch(/^[\x20-\x7e\n]*$/); // ASCII only: a spreadsheet shows it right without a BOM
      expect(text).not.toContain("'"); // nothing neutralised: the reader gets the codes back
    }
  });
});
