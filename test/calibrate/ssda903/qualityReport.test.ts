import { describe, expect, it } from 'vitest';
import { qualityReport } from '../../../src/calibrate/ssda903/qualityReport.js';
import { publishQuality } from '../../../src/calibrate/ssda903/publish.js';
import { qualityLines } from '../../../src/calibrate/ssda903/report.js';
import { qualityCsv } from '../../../src/io/qualityCsv.js';
import type { QualityFinding } from '../../../src/domain/ssda903Quality.js';

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
// 2022/23: a0–a19; 2023/24: a10–a29 and b0–b2 (no row survives for b0–b2).
const read = {
  findings: [
    ...ids('a', 12).map((child): QualityFinding => ({ rule: 'unknown-place', child, src: 1, line: 2 })),
    { rule: 'unknown-place', child: 'a0', src: 1, line: 3 } as QualityFinding,
    ...ids('b', 3).map((child): QualityFinding => ({ rule: 'unreadable-cell', child, src: 1, line: 9, column: 'DECOM' })),
    { rule: 'unreadable-cell', src: 1, line: 10, column: 'CHILD' } as QualityFinding,
  ],
  childrenByYear: new Map([[2022, new Set(ids('a', 20))], [2023, new Set([...ids('a', 30).slice(10), ...ids('b', 3)])]]),
  yearOfSrc: new Map([[0, 2022], [1, 2023]]),
};
const used = new Set(ids('a', 30).filter((c) => c !== 'a5' && c !== 'a25'));
const dropped = new Map([['a5', 'noDateOfBirth' as const], ['a25', 'shortBreaksOnly' as const]]);
const q = qualityReport(read, { findings: [{ rule: 'no-date-of-birth', child: 'a5', src: 0, line: 7 }], used, dropped });

describe('qualityReport', () => {
  it('counts each rule\'s rows and distinct children, most rows first', () => {
    expect(q.rules.map((r) => [r.id, r.rows, r.children])).toEqual([['unknown-place', 13, 12], ['unreadable-cell', 4, 3], ['no-date-of-birth', 1, 1]]);
  });

  it('counts the children in, used and dropped per year and in total, the dropped by reason', () => {
    expect(q.children.byYear).toEqual([
      { collectionYear: 2022, in: 20, used: 19, dropped: 1 },
      { collectionYear: 2023, in: 23, used: 19, dropped: 4 },
    ]);
    expect(q.children.total).toEqual({ in: 33, used: 28, dropped: 5 });
    expect(q.children.droppedBy).toEqual({ noDateOfBirth: 1, everyEpisodeDropped: 3, shortBreaksOnly: 1 });
    expect(q.children.affected).toBe(15); // a0–a11 and b0–b2 (a5 twice)
    expect(q.children.affectedShare).toBeCloseTo(15 / 33, 12);
  });

  it('publishes counts of 1–4 as c (with secondary suppression in the year table), and prints and writes them so', () => {
    const p = publishQuality(q);
    expect(p.rules.map((r) => [r.id, r.rows, r.children])).toEqual([['unknown-place', 13, 12], ['unreadable-cell', 'c', 'c'], ['no-date-of-birth', 'c', 'c']]);
    expect(p.children.total).toEqual({ in: 33, used: 28, dropped: 5 });
    expect(p.children.byYear.map((y) => y.dropped)).toEqual(['c', 'c']);
    expect(p.children.byYear.map((y) => y.used)).not.toContain(19); // 19 + c = 20 would give the c back
    expect(p.children.droppedBy.counts).toEqual({ noDateOfBirth: 'c', everyEpisodeDropped: 'c', shortBreaksOnly: 'c' });
    const lines = qualityLines(p, 2, 'out/quality.csv').join('\n');
    expect(lines).toContain('Data quality: 3 rules found faults, touching 15 of 33 children (45.5%).');
    expect(lines).toMatch(/unknown-place +13 +12 +kept as other +146/);
    expect(lines).toContain('… and 1 more rule (all in out/quality.csv)');
    expect(lines).toContain('Children: 33 in the returns, 28 used, 5 dropped (no date of birth c, every episode dropped c, short breaks only c).');
    const csv = qualityCsv(p);
    expect(csv).toContain('rule,unreadable-cell,');
    expect(csv).toContain('children,all years,distinct children in the returns,,,,,,,33,28,5');
    expect(csv).not.toMatch(/,[1-4],|,[1-4]\n/);
  });
});
