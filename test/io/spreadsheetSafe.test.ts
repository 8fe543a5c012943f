// Every CSV the project writes for people, opened as a user's spreadsheet would open it and read
// back with the project's own CSV reader: a UTF-8 BOM (so Excel shows "£"), no cell a spreadsheet
// would run as a formula (OWASP CSV injection), and money to the penny. The inputs are hostile:
// an option named "+10 in-house…" or "=1+2", referral and carer ids that are formulas.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { epochDayOf, financialYearsFrom } from '../../src/domain/time.js';
import { comparisonCsv, type ComparisonReport } from '../../src/io/comparisonFiles.js';
import { readCsvFile, type CsvTable } from '../../src/io/csvParse.js';
import { FORECAST_FILE_NAMES, byYearCsv, byYearWideCsv, forecastFiles, isMoneyMetric, summaryJson } from '../../src/io/forecastFiles.js';
import { loadMatchFiles } from '../../src/io/matchFiles.js';
import { matchCsv } from '../../src/io/matchOutput.js';
import { METRICS, METRIC_COUNT, metricIndex } from '../../src/domain/metricCatalog.js';
import { compareOption } from '../../src/metrics/compare.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';
import { matchReferrals } from '../../src/matching/referral/matchReferrals.js';
import { runReplicationRange, summarise } from '../../src/sim/forecast.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

const dir = mkdtempSync(join(tmpdir(), 'sufficiency-spreadsheet-'));

/** Write the CSV text as the CLI does, then open it with the project's reader. */
const open = (name: string, content: string): { bytes: Buffer; table: CsvTable } => {
  const file = join(dir, name);
  writeFileSync(file, content);
  const table = readCsvFile(file);
  if (E.isLeft(table)) throw new Error(table.left.join('\n'));
  return { bytes: readFileSync(file), table: table.right };
};

// A cell Excel, LibreOffice or Google Sheets would read as a formula: one starting with = + - @,
// tab or carriage return (OWASP), unless it is a plain number such as -3.2.
const NUMBER = /^-?\d+(\.\d+)?$/;
const readAsFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell);
const MONEY = /^-?\d+(\.\d{1,2})?$/;

const expectSpreadsheetSafe = ({ bytes, table }: { bytes: Buffer; table: CsvTable }): void => {
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3, 6).toString('utf8')).not.toMatch(/^\uFEFF/); // exactly one BOM
  const cells = [...table.header, ...table.records.flatMap((r) => r.cells)];
  const formulas = cells.filter(readAsFormula);
  expect(formulas, 'cells a spreadsheet would run as formulas').toEqual([]);
};

/** Cells of the named columns in rows that `isMoneyRow` picks: all must be empty or pounds to the penny. */
const moneyCells = (table: CsvTable, columns: readonly string[], isMoneyRow: (cells: readonly string[]) => boolean): string[] => {
  const at = columns.map((c) => table.header.indexOf(c));
  expect(at.every((i) => i >= 0)).toBe(true);
  return table.records.filter((r) => isMoneyRow(r.cells)).flatMap((r) => at.map((i) => r.cells[i]!)).filter((c) => c !== '');
};

const moneyMetric = (key: string): boolean => isMoneyMetric(METRICS[metricIndex(key)]!);

describe('CSVs for people open safely in a spreadsheet', () => {
  const rs = tinyScenario();
  const opts = { seed: 3, runs: 6, years: 3 };
  const base = new ReplicationColumns(opts.runs, opts.years);
  runReplicationRange(rs, opts, 0, opts.runs, (r, rows) => base.add(r, rows));
  const summary = summarise(rs, opts, base, 0);

  it('forecast by-year.csv: BOM, no formulas, money to the penny (it held pounds to four decimals)', () => {
    const csv = open('by-year.csv', byYearCsv(summary));
    expectSpreadsheetSafe(csv);
    const { table } = csv;
    const unit = table.header.indexOf('unit');
    const money = moneyCells(table, ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'], (c) => c[unit] === 'pounds' || c[unit] === 'poundsPerChildWeek');
    expect(money.length).toBeGreaterThan(50);
    for (const m of money) expect(m).toMatch(MONEY);
    // Spend per child-week is not a whole number of pence in every replication's mean: the rounding is seen.
    expect(money.some((m) => /\.\d[1-9]$/.test(m) || /\.[1-9]0$/.test(m))).toBe(true);
    // Other measures keep their precision (fractions are not rounded to pence).
    const fraction = table.records.find((r) => r.cells[table.header.indexOf('metric')] === 'placedOver20Miles')!;
    expect(fraction.cells[table.header.indexOf('mean')]).toMatch(/^0\.\d{3,4}$/);
  });

  it('forecast by-year-wide.csv: metrics as rows, years as columns, the partial first year marked; BOM, no formulas, pence', () => {
    const csv = open('by-year-wide.csv', byYearWideCsv(summary));
    expectSpreadsheetSafe(csv);
    const { table } = csv;
    expect(table.header).toEqual(['metric', 'unit', 'statistic', '2022/23 (part year from 2023-01-01)', '2023/24', '2024/25']);
    expect(table.records).toHaveLength(METRICS.length * 4);
    const cost = table.records.filter((r) => r.cells[0] === 'cost');
    expect(cost.map((r) => r.cells[2])).toEqual(['mean', 'median', 'p5', 'p95']);
    // The same figures as the long table and summary.json, by year.
    summary.years.forEach((y, k) => {
      const st = (y.metrics.cost as { mean: number; p50: number });
      expect(Number(cost[0]!.cells[3 + k])).toBeCloseTo(st.mean, 2);
      expect(Number(cost[1]!.cells[3 + k])).toBeCloseTo(st.p50, 2);
      const children = table.records.find((r) => r.cells[0] === 'childrenInCare' && r.cells[2] === 'median')!;
      expect(Number(children.cells[3 + k])).toBe((y.metrics.childrenInCare as { p50: number }).p50);
    });
    const unit = table.header.indexOf('unit');
    const money = moneyCells(table, table.header.slice(3), (c) => c[unit] === 'pounds' || c[unit] === 'poundsPerChildWeek');
    expect(money.length).toBeGreaterThan(50);
    for (const m of money) expect(m).toMatch(MONEY);
  });

  it('forecast files: summary.json unchanged (only CSVs change), and the wide table is in the file list', () => {
    const files = forecastFiles(summary);
    expect(files.map((f) => f.name)).toEqual([...FORECAST_FILE_NAMES]);
    expect(files.map((f) => f.name)).toEqual(['summary.json', 'by-year.csv', 'by-year-wide.csv']);
    expect(files[0]!.content).toBe(summaryJson(summary));
    expect(files[0]!.content.startsWith('{')).toBe(true); // JSON gets no BOM
  });

  it('comparison.csv with hostile option names: neutralised names, negative differences stay numbers, money to the penny', () => {
    // The option: the base's replications with spend cut by 3.14159% and 3.2 fewer disruptions, so
    // the differences are negative and not whole pence.
    const option = new ReplicationColumns(opts.runs, opts.years);
    const money = new Set(METRICS.flatMap((m, i) => (isMoneyMetric(m) ? [i] : [])));
    const disruptions = metricIndex('disruptions');
    for (let r = 0; r < opts.runs; r++) {
      const row = new Float64Array(opts.years * METRIC_COUNT);
      for (let k = 0; k < opts.years; k++) {
        for (let i = 0; i < METRIC_COUNT; i++) {
          const x = base.column(k, i)[r]!;
          row[k * METRIC_COUNT + i] = money.has(i) ? x * 0.9685841 : i === disruptions ? x - 3.2 : x;
        }
      }
      option.add(r, row);
    }
    const fys = financialYearsFrom(rs.startEpochDay, opts.years);
    const comparison = compareOption(base, option, fys);
    const names = ['+10 in-house carers a year for ages 10+', '=1+2', '@SUM(A1)', '-HYPERLINK("http://x")', '\tTabbed'];
    const report: ComparisonReport = {
      base: { name: '=base', hash: 'sha256:0', file: 'base.json' }, seed: 3, runs: opts.runs, engineVersion: 'test', commonRandomNumbers: true,
      options: names.map((name, i) => ({ name, hash: 'sha256:0', file: `o${i}.json`, comparison })),
    };
    const csv = open('comparison.csv', comparisonCsv(report));
    expectSpreadsheetSafe(csv);
    const { table } = csv;
    const col = (name: string): number => table.header.indexOf(name);
    expect([...new Set(table.records.map((r) => r.cells[col('option')]))]).toEqual(names.map((n) => `'${n}`));
    // A difference of -3.2 disruptions is the number -3.2, not text.
    const d = table.records.find((r) => r.cells[col('metric')] === 'disruptions' && r.cells[col('financialYear')] === '2023/24')!;
    expect(d.cells[col('differenceMean')]).toBe('-3.2');
    const cost = table.records.find((r) => r.cells[col('metric')] === 'cost' && r.cells[col('financialYear')] === 'total')!;
    expect(cost.cells[col('differenceMean')]).toMatch(/^-\d+\.\d{2}$/);
    const stats = ['baseMedian', 'optionMedian', 'optionP5', 'optionP95', 'differenceMean', 'differenceCi95Low', 'differenceCi95High', 'differenceP2_5', 'differenceP97_5'];
    const moneyValues = moneyCells(table, stats, (c) => moneyMetric(c[col('metric')]!));
    expect(moneyValues.length).toBeGreaterThan(100);
    for (const m of moneyValues) expect(m).toMatch(MONEY);
    // probabilityBetter is a share, not money: it keeps its decimals.
    expect(cost.cells[col('probabilityBetter')]).toMatch(/^(0|1|0\.\d+)$/);
  });

  it('match.csv with hostile referral, child, vacancy and carer ids: neutralised, weekly cost to the penny', () => {
    const refs = readFileSync('scenarios/examples/referrals.csv', 'utf8').replace(/^R101,/m, '=1+2,').replace(/^R102,/m, '@SUM(A1),');
    const vacs = readFileSync('scenarios/examples/vacancies.csv', 'utf8')
      .replace(/^V01,IH-0412,/m, '"-2+3+cmd|\' /C calc\'!A0",+IH-0412,')
      .replace(/^V02,IH-0388,(.*?),£480,/m, 'V02,IH-0388,$1,£480.5,');
    const files = { referrals: join(dir, 'referrals.csv'), vacancies: join(dir, 'vacancies.csv'), scenario: 'scenarios/medway-2022.json' };
    writeFileSync(files.referrals, refs);
    writeFileSync(files.vacancies, vacs);
    const loaded = loadMatchFiles(files, epochDayOf('2025-02-03'));
    if (E.isLeft(loaded)) throw new Error(loaded.left.join('\n'));
    const { input, context } = loaded.right;
    const result = matchReferrals(input.referrals, input.vacancies, context, 'optimal', { explain: true });
    const csv = open('match.csv', matchCsv(result, { scenario: loaded.right.scenario, vacancyCount: input.vacancies.length, top: 0, explain: true }));
    expectSpreadsheetSafe(csv);
    const { table } = csv;
    const col = (name: string): number => table.header.indexOf(name);
    const all = table.records.map((r) => r.cells);
    expect(all.some((c) => c[col('referral')] === "'=1+2" && c[col('children')] === "'=1+2")).toBe(true);
    expect(all.some((c) => c[col('referral')] === "'@SUM(A1)")).toBe(true);
    expect(all.some((c) => c[col('vacancy')] === "'-2+3+cmd|' /C calc'!A0" && c[col('carer')] === "'+IH-0412")).toBe(true);
    const weekly = moneyCells(table, ['weeklyCost'], () => true);
    expect(weekly.length).toBeGreaterThan(5);
    for (const w of weekly) expect(w).toMatch(/^\d+\.\d{2}$/);
    expect(all.some((c) => c[col('vacancy')] === 'V02' && c[col('weeklyCost')] === '480.50')).toBe(true);
    // Scores may be negative: numbers, not neutralised text.
    expect(all.some((c) => /^-\d/.test(c[col('score')]!))).toBe(true);
  });
});
