// The sufficiency gap table from a small real forecast, with and without the newer segment metrics.
import { beforeAll, describe, expect, it } from 'vitest';
import { gapTableHtml, sufficiencyGap } from '../../src/report/gapTable.js';
import { statsAt } from '../../src/report/labels.js';
import { forecast, type ForecastSummary } from '../../src/sim/forecast.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

let summary: ForecastSummary;
beforeAll(() => {
  summary = forecast(tinyScenario(), { seed: 5, runs: 12, years: 3 });
});

const without = (s: ForecastSummary, families: readonly string[]): ForecastSummary => ({
  ...s,
  years: s.years.map((y) => ({ ...y, metrics: Object.fromEntries(Object.entries(y.metrics).filter(([k]) => !families.includes(k))) })),
});

describe('sufficiencyGap', () => {
  it('has, per age band × need with any activity, needing / suitable places / no suitable place per year', () => {
    const g = sufficiencyGap(summary);
    expect(g.measures.map((m) => m.family)).toEqual(['placementSearchesBySegment', 'suitableVacanciesBySegment', 'shortfallsBySegment']);
    expect(g.missing).toEqual([]);
    expect(g.years).toEqual(['2022/23*', '2023/24', '2024/25']);
    expect(g.rows.length + g.hidden).toBe(25);
    expect(g.rows.length).toBeGreaterThan(0);
    const r = g.rows[0]!;
    expect(r.cells[1]!.needing).toEqual(statsAt(summary.years[1]!.metrics, ['placementSearchesBySegment', r.ageBand, r.need]));
    expect(r.cells[1]!.shortfalls).toEqual(statsAt(summary.years[1]!.metrics, ['shortfallsBySegment', r.ageBand, r.need]));
  });

  it('shows what is there when the summary lacks the newer metrics (an older engine), and says what is missing', () => {
    const old = without(summary, ['placementSearchesBySegment', 'suitableVacanciesBySegment']);
    const g = sufficiencyGap(old);
    expect(g.measures.map((m) => m.key)).toEqual(['shortfalls']);
    expect(g.missing).toEqual(['placementSearchesBySegment', 'suitableVacanciesBySegment']);
    expect(g.rows.every((r) => r.cells.every((c) => Object.keys(c).join() === 'shortfalls'))).toBe(true);
    const h = gapTableHtml(g).value;
    expect(h).toContain('Not in this summary: placementSearchesBySegment, suitableVacanciesBySegment');
    expect(h).not.toContain('Needing a placement');
  });

  it('says so when no segment has any activity at all', () => {
    const g = sufficiencyGap(without(summary, ['placementSearchesBySegment', 'suitableVacanciesBySegment', 'shortfallsBySegment']));
    expect(g.rows).toEqual([]);
    expect(g.measures).toEqual([]);
    expect(gapTableHtml(g).value).toContain('No age band and need had');
  });
});

describe('gapTableHtml', () => {
  it('splits a long horizon into tables of at most three years, every row in each', () => {
    const five = forecast(tinyScenario(), { seed: 5, runs: 6, years: 5 });
    const g = sufficiencyGap(five);
    const h = gapTableHtml(g).value;
    expect(h.match(/<table class="gap">/g)).toHaveLength(2);
    expect(h.match(/<tr>/g)?.length).toBe(2 * (g.rows.length + 1));
    expect(h.indexOf('2025/26')).toBeGreaterThan(h.indexOf('</table>'));
  });
});
