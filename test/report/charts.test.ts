// The chart module on a small real forecast (the tiny fixture scenario): which charts, which
// series, the partial year marked, the data equal to the summary, and every spec valid Vega-Lite
// (compiled here in Node, with no warning).
import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecastCharts, partialYearNote, type ReportChart } from '../../src/report/charts.js';
import { comparisonCharts } from '../../src/report/compareCharts.js';
import { PLACEMENT_TYPE_LABELS, statsAt } from '../../src/report/labels.js';
import { compareOption, type ComparisonReport } from '../../src/metrics/compare.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';
import { financialYearsFrom } from '../../src/domain/time.js';
import { forecast, runReplicationRange, type ForecastSummary } from '../../src/sim/forecast.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

let summary: ForecastSummary;
let charts: ReportChart[];

beforeAll(() => {
  summary = forecast(tinyScenario(), { seed: 3, runs: 12, years: 3 });
  charts = forecastCharts(summary);
});

/** Compiles a spec to Vega, collecting Vega-Lite's warnings and errors instead of printing them. */
const compileQuietly = (spec: unknown): string[] => {
  const messages: string[] = [];
  const logger = {
    level: () => logger, error: (...m: unknown[]) => (messages.push(`error ${m.join(' ')}`), logger),
    warn: (...m: unknown[]) => (messages.push(`warn ${m.join(' ')}`), logger), info: () => logger, debug: () => logger,
  };
  compile(spec as Parameters<typeof compile>[0], { logger: logger as never });
  return messages;
};

const rowsOf = (c: ReportChart): Record<string, unknown>[] => ((c.spec as { data: { values: Record<string, unknown>[] } }).data.values);

describe('forecastCharts', () => {
  it('gives the report\'s charts in order, each with its years, the partial first year marked with *', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'children-in-care', 'by-placement-type', 'over-20-miles', 'three-plus-placements', 'long-term-stability', 'shortfalls', 'total-spend', 'spend-by-placement-type',
    ]);
    // The tiny scenario starts on 1 January 2023: 2022/23 is a partial year.
    for (const c of charts) expect(c.years).toEqual(['2022/23*', '2023/24', '2024/25']);
    expect(partialYearNote(summary.years)).toBe('* 2022/23 is part of a year: flows and spend cover 1 January 2023 to 31 March 2023 only, as the scenario starts mid-year; figures at 31 March are complete.');
  });

  it('compiles every spec to Vega without a warning', () => {
    for (const c of charts.filter((x) => x.spec !== null)) expect({ id: c.id, messages: compileQuietly(c.spec) }).toEqual({ id: c.id, messages: [] });
  });

  it('carries the summary\'s percentiles: counts as they are, money in £ million', () => {
    const cic = rowsOf(charts[0]!);
    summary.years.forEach((y, k) => {
      const s = statsAt(y.metrics, ['childrenInCare'])!;
      expect(cic[k]).toMatchObject({ series: 'Children in care', year: charts[0]!.years[k], p5: s.p5, p25: s.p25, p50: s.p50, p75: s.p75, p95: s.p95 });
    });
    const spend = rowsOf(charts.find((c) => c.id === 'total-spend')!);
    expect(spend[1]!.p50).toBeCloseTo(statsAt(summary.years[1]!.metrics, ['cost'])!.p50! / 1e6, 10);
  });

  it('draws a panel for each placement type that is ever used, and only those', () => {
    const used = (family: string) => Object.entries(PLACEMENT_TYPE_LABELS)
      .filter(([p]) => summary.years.some((y) => (statsAt(y.metrics, [family, p])?.p95 ?? 0) > 0)).map(([, l]) => l);
    expect(charts.find((c) => c.id === 'by-placement-type')!.series).toEqual(used('childrenInCareByPlacementType'));
    expect(charts.find((c) => c.id === 'spend-by-placement-type')!.series).toEqual(used('costByPlacementType'));
    expect(used('childrenInCareByPlacementType')).not.toContain('Secure');
  });

  it('says so, and draws nothing, when no replication had a shortfall', () => {
    const zero = { mean: 0, p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 };
    const none: ForecastSummary = {
      ...summary,
      years: summary.years.map((y) => ({
        ...y,
        metrics: { ...y.metrics, shortfallsBySegment: Object.fromEntries(Object.entries(y.metrics.shortfallsBySegment as object).map(([b, ns]) => [b, Object.fromEntries(Object.keys(ns as object).map((n) => [n, zero]))])) },
      })),
    };
    const c = forecastCharts(none).find((x) => x.id === 'shortfalls')!;
    expect(c.spec).toBeNull();
    expect(c.series).toEqual([]);
    expect(c.caption).toMatch(/no shortfalls/);
  });
});

describe('comparisonCharts', () => {
  it('compiles every spec without a warning, with the base and each option as series', () => {
    const rs = tinyScenario();
    const opts = { seed: 3, runs: 12, years: 3 };
    const cols = (): ReplicationColumns => {
      const c = new ReplicationColumns(opts.runs, opts.years);
      runReplicationRange(rs, opts, 0, opts.runs, (r, rows) => c.add(r, rows));
      return c;
    };
    const base = cols();
    const comparison = compareOption(base, cols(), financialYearsFrom(rs.startEpochDay, opts.years));
    const report: ComparisonReport = {
      base: { name: 'Base', hash: 'sha256:0', file: 'base.json' }, seed: 3, runs: 12, engineVersion: 'test', commonRandomNumbers: true,
      options: [{ name: 'Same again', hash: 'sha256:0', file: 'a.json', comparison }, { name: 'Same again', hash: 'sha256:0', file: 'b.json', comparison }],
    };
    const cs = comparisonCharts(report, '2023-01-01');
    expect(cs.map((c) => c.id)).toEqual(['compare-net-cost', 'compare-differences', 'compare-childrenInCare', 'compare-placedOver20Miles',
      'compare-threePlusPlacements', 'compare-longTermStability', 'compare-shortfalls', 'compare-cost']);
    // A repeated option name is told apart, so the two do not share a panel.
    expect(cs[2]!.series).toEqual(['Base', 'Same again', 'Same again (2)']);
    expect(cs[2]!.years).toEqual(['2022/23*', '2023/24', '2024/25']);
    for (const c of cs) expect({ id: c.id, messages: compileQuietly(c.spec) }).toEqual({ id: c.id, messages: [] });
    expect(comparisonCharts(report, '2023-04-01')[0]!.years[0]).toBe('2022/23');
  });
});
