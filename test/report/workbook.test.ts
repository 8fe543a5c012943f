// The workbooks are read back with exceljs (the library that wrote them) and every figure is held
// to summary.json / comparison.json: each metric, each year, each statistic, as a numeric cell with
// the expected number format, or an empty cell where the figure is not defined.
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { financialYearsFrom } from '../../src/domain/time.js';
import { ENGINE_VERSION } from '../../src/domain/version.js';
import { METRICS, type MetricDef } from '../../src/domain/metricCatalog.js';
import { compareOption, type ComparisonReport } from '../../src/metrics/compare.js';
import type { Stats } from '../../src/metrics/summary.js';
import { familiesWithMetrics } from '../../src/report/workbookMetrics.js';
import { comparisonWorkbook, forecastWorkbook, workbookAbout, type WorkbookAbout } from '../../src/report/workbook.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { summarise, type ForecastOptions, type ForecastSummary } from '../../src/sim/forecast.js';
import { columnsOf, load } from './fixtures.js';

// Written out here, not imported, so a changed format in the code is seen by the test.
const EXPECTED_FORMAT: Record<MetricDef['unit'], string> = {
  children: '#,##0', count: '#,##0.0', childWeeks: '#,##0.0', fraction: '0.0%', miles: '0.0',
  pounds: '"£"#,##0', poundsPerChildWeek: '"£"#,##0',
};
const STATS = ['mean', 'p5', 'p50', 'p95'] as const;
const RUN_DATE = '2025-04-01T09:30:00.000Z';
const OPTION_FILE = 'scenarios/options/inhouse-recruitment-10plus.json';


const readBack = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  expect(bytes).toBeInstanceOf(Uint8Array);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
};

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
};

const headerRow = (ws: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  ws.getRow(2).eachCell({ includeEmpty: true }, (c, col) => { out[col - 1] = String(c.value ?? ''); });
  return out;
};

/** Rows of a table sheet: from row 3 until the first row without a metric id. */
const tableRows = (ws: ExcelJS.Worksheet): { key: string; stat: string; row: ExcelJS.Row }[] => {
  const idCol = headerRow(ws).indexOf('Metric id') + 1;
  expect(idCol).toBeGreaterThan(0);
  const out: { key: string; stat: string; row: ExcelJS.Row }[] = [];
  for (let r = 3; ; r++) {
    const row = ws.getRow(r);
    const key = row.getCell(idCol).value;
    if (key === null || key === undefined) break;
    out.push({ key: String(key), stat: String(row.getCell(2).value), row });
  }
  return out;
};

/** Label → the cells after it, for the About sheet's label–value lines. */
const aboutLines = (ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell[]> => {
  const m = new Map<string, ExcelJS.Cell[]>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && !m.has(label)) m.set(label, [row.getCell(2), row.getCell(3)]);
  });
  return m;
};

const statsAtPath = (metrics: unknown, path: readonly string[]): Stats =>
  path.reduce((node, k) => (node as Record<string, unknown>)[k], metrics) as Stats;

/** A figure cell: numeric with the format, or empty where the figure is null. */
const expectFigure = (cell: ExcelJS.Cell, expected: number | null, format: string, where: string): void => {
  if (expected === null) {
    expect(cell.type, `${where}: an undefined figure is an empty cell, not 0`).toBe(ExcelJS.ValueType.Null);
    return;
  }
  expect(cell.type, `${where}: numeric cell`).toBe(ExcelJS.ValueType.Number);
  expect(cell.value, where).toBe(expected);
  expect(cell.numFmt, `${where}: number format`).toBe(format);
};

const OPTS: ForecastOptions = { seed: 7, runs: 20, years: 3 };
let base: ResolvedScenario;
let summary: ForecastSummary;
let report: ComparisonReport;
let about: WorkbookAbout;

beforeAll(() => {
  base = load('scenarios/medway-2022.json', OPTS.years);
  const option = load(OPTION_FILE, OPTS.years);
  const baseColumns = columnsOf(base, OPTS);
  // The forecast as `forecast` makes it (runReplicationRange + summarise), reusing the base's runs.
  summary = summarise(base, OPTS, baseColumns, 0);
  report = {
    base: { name: base.name, hash: scenarioHash(base), file: 'scenarios/medway-2022.json' },
    seed: OPTS.seed, runs: OPTS.runs, engineVersion: ENGINE_VERSION, commonRandomNumbers: true,
    options: [{
      name: option.name, hash: scenarioHash(option), file: OPTION_FILE,
      comparison: compareOption(baseColumns, columnsOf(option, OPTS), financialYearsFrom(base.startEpochDay, OPTS.years)),
    }],
  };
  about = workbookAbout(base.scenario, 'scenarios/medway-2022.json', RUN_DATE);
});

afterEach(() => { vi.useRealTimers(); });

describe('forecast workbook', () => {
  it('holds every figure of summary.json (every metric, year and statistic) as a numeric cell with its format', async () => {
    const json = JSON.parse(JSON.stringify(summary)) as ForecastSummary; // what summary.json holds
    const wb = await readBack(await forecastWorkbook(summary, about));
    const found = new Map<string, ExcelJS.Cell>();
    let nulls = 0;
    for (const { family } of familiesWithMetrics()) {
      const ws = sheet(wb, family.sheet);
      expect(ws.views[0], `${family.sheet}: title and header rows frozen`).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
      const header = headerRow(ws);
      expect(header.slice(0, 2)).toEqual(['Measure', 'Statistic']);
      expect(header.slice(2, 2 + json.years.length)).toEqual(json.years.map((y) => `${y.financialYear}${y.partial ? '*' : ''}`));
      header.forEach((_, i) => expect(ws.getColumn(i + 1).width, `${family.sheet} column ${i + 1} width`).toBeGreaterThan(0));
      for (const { key, stat, row } of tableRows(ws)) {
        json.years.forEach((y, k) => {
          const id = `${key}|${stat}|${y.financialYear}`;
          expect(found.has(id), `${id} shown once`).toBe(false);
          found.set(id, row.getCell(3 + k));
        });
      }
    }
    for (const m of METRICS) {
      const key = m.path.join('.');
      for (const y of json.years) {
        const stats = statsAtPath(y.metrics, m.path);
        for (const stat of STATS) {
          const where = `${key} ${stat} ${y.financialYear}`;
          const cell = found.get(`${key}|${stat}|${y.financialYear}`);
          expect(cell, `${where} is in the workbook`).toBeDefined();
          if (stats[stat] === null) nulls++;
          expectFigure(cell!, stats[stat], EXPECTED_FORMAT[m.unit], where);
        }
      }
    }
    expect(found.size).toBe(METRICS.length * STATS.length * json.years.length);
    // The Medway run has measures that are not defined (e.g. occupancy of a type with no places):
    // the empty-cell path is exercised, not just assumed.
    expect(nulls).toBeGreaterThan(0);
  });

  it('marks the partial first year and explains it under every sheet', async () => {
    expect(summary.years[0]!.partial).toBe(true); // Medway starts on 31 December 2022
    const wb = await readBack(await forecastWorkbook(summary, about));
    const ws = sheet(wb, 'Spend');
    const notes: string[] = [];
    ws.eachRow((row) => { const v = row.getCell(1).value; if (typeof v === 'string' && v.startsWith('* ')) notes.push(v); });
    expect(notes).toEqual([`* 2022/23: flows and cost cover 2022-12-31 to 2023-03-31 only (the scenario starts mid-year); snapshot measures are at 31 March.`]);
  });

  it('has an About sheet with the provenance: scenario, file, hash, seed, runs, engine, date run, sources and notes', async () => {
    const wb = await readBack(await forecastWorkbook(summary, about));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...familiesWithMetrics().map((f) => f.family.sheet), 'About']);
    expect(wb.created.toISOString()).toBe(RUN_DATE);
    expect(wb.modified.toISOString()).toBe(RUN_DATE);
    const ws = sheet(wb, 'About');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lines = aboutLines(ws);
    const value = (label: string): unknown => lines.get(label)?.[0]?.value;
    expect(value('Scenario')).toBe('Medway 2022 baseline');
    expect(value('Scenario file')).toBe('scenarios/medway-2022.json');
    expect(value('Scenario hash')).toBe(summary.scenario.hash);
    expect(value('Seed')).toBe(7);
    expect(lines.get('Seed')![0]!.type).toBe(ExcelJS.ValueType.Number);
    expect(value('Replications (runs)')).toBe(20);
    expect(value('Engine version')).toBe(ENGINE_VERSION);
    expect(value('Date run')).toBe(RUN_DATE);
    expect(value('Start date')).toBe('2022-12-31');
    const sources = Object.entries(base.scenario.sources ?? {});
    expect(sources.length).toBeGreaterThan(5);
    for (const [key, s] of sources) expect(lines.get(key)?.map((c) => c.value), `source ${key}`).toEqual([s.figure, s.source]);
    const notes = base.scenario.notes ?? [];
    expect(notes.length).toBeGreaterThan(0);
    notes.forEach((n, i) => expect(value(`Note ${i + 1}`)).toBe(n));
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    // exceljs's zip library stamps entries with the time of writing; the adapter restamps them with the run date.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const a = await forecastWorkbook(summary, about);
    vi.setSystemTime(new Date('2031-06-15T13:14:15Z'));
    const b = await forecastWorkbook(summary, about);
    vi.useRealTimers();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('comparison workbook', () => {
  it('holds every figure of comparison.json per option, year and total, and the options side by side', async () => {
    const json = JSON.parse(JSON.stringify(report)) as ComparisonReport; // what comparison.json holds
    const wb = await readBack(await comparisonWorkbook(report, about));
    const o = json.options[0]!;
    // The option's name is 39 characters; a sheet name holds 31.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', '+10 in-house carers a year for', 'About']);
    const ws = sheet(wb, '+10 in-house carers a year for');
    expect(ws.getCell(1, 1).value).toBe(`${o.name} compared with Medway 2022 baseline`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    const years = o.comparison.years.map((y) => y.financialYear);
    expect(headerRow(ws).slice(0, 3 + years.length)).toEqual(['Measure', 'Statistic', ...years, 'Total']);
    const rows = tableRows(ws);
    const fmt = (key: string): string => EXPECTED_FORMAT[METRICS.find((m) => m.path.join('.') === key)!.unit];
    const reads: [string, (m: ComparisonReport['options'][number]['comparison']['total'][number]) => number | null, boolean][] = [
      ['base median', (m) => m.base.p50, false], ['option median', (m) => m.option.p50, false],
      ['option p5', (m) => m.option.p5, false], ['option p95', (m) => m.option.p95, false],
      ['difference, mean', (m) => m.difference.mean, false],
      ['difference, 95% interval low', (m) => m.difference.ci95?.[0] ?? null, false],
      ['difference, 95% interval high', (m) => m.difference.ci95?.[1] ?? null, false],
      ['P(better)', (m) => m.probabilityBetter, true],
    ];
    let checked = 0;
    const keys = o.comparison.years[0]!.metrics.map((m) => m.metric);
    for (const key of keys) {
      for (const [stat, read, share] of reads) {
        const hits = rows.filter((r) => r.key === key && r.stat === stat);
        expect(hits, `${key} ${stat}: one row`).toHaveLength(1);
        const row = hits[0]!.row;
        o.comparison.years.forEach((y, k) => {
          expectFigure(row.getCell(3 + k), read(y.metrics.find((m) => m.metric === key)!), share ? '0.0%' : fmt(key), `${key} ${stat} ${y.financialYear}`);
          checked++;
        });
        const total = o.comparison.total.find((m) => m.metric === key);
        const totalCell = row.getCell(3 + years.length);
        if (total === undefined) expect(totalCell.type, `${key}: snapshot measures have no total`).toBe(ExcelJS.ValueType.Null);
        else { expectFigure(totalCell, read(total), share ? '0.0%' : fmt(key), `${key} ${stat} total`); checked++; }
      }
    }
    expect(rows).toHaveLength(keys.length * reads.length);
    expect(checked).toBe(reads.length * (keys.length * years.length + o.comparison.total.length));

    const summarySheet = sheet(wb, 'Summary');
    expect(summarySheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    expect(headerRow(summarySheet)[1]).toBe(o.name);
    const lines = new Map<string, ExcelJS.Cell>();
    summarySheet.eachRow((row, r) => { if (r > 2) lines.set(String(row.getCell(1).value), row.getCell(2)); });
    const line = (prefix: string): ExcelJS.Cell => [...lines].find(([k]) => k.startsWith(prefix))![1];
    expectFigure(line('Net cost over 2022/23 to 2024/25'), o.comparison.netCost, '"£"#,##0', 'net cost');
    expect(line('Break-even year').value).toBe(o.comparison.breakEvenYear ?? 'not within the horizon');
    expectFigure(line('£ per child-year kept within 20 miles'), o.comparison.costPerOutcome.perChildYearWithin20Miles, '"£"#,##0', 'per child-year');
    expectFigure(line('£ per disruption avoided'), o.comparison.costPerOutcome.perDisruptionAvoided, '"£"#,##0', 'per disruption');
    expectFigure(line('£ per shortfall avoided'), o.comparison.costPerOutcome.perShortfallAvoided, '"£"#,##0', 'per shortfall');
    const cost = o.comparison.total.find((m) => m.metric === 'cost')!;
    expectFigure(line('Total spend: difference, mean'), cost.difference.mean, '"£"#,##0', 'total spend difference');
    expectFigure(line('Total spend: P(better)'), cost.probabilityBetter, '0.0%', 'total spend P(better)');

    const aboutWs = aboutLines(sheet(wb, 'About'));
    expect(aboutWs.get('Base scenario')![0]!.value).toBe('Medway 2022 baseline');
    expect(aboutWs.get('Base scenario hash')![0]!.value).toBe(json.base.hash);
    expect(aboutWs.get('Seed')![0]!.value).toBe(7);
    expect(aboutWs.get('Replications (runs)')![0]!.value).toBe(20);
    expect(aboutWs.get('Date run')![0]!.value).toBe(RUN_DATE);
    expect(aboutWs.get(o.name)!.map((c) => c.value)).toEqual([OPTION_FILE, o.hash]);
  });
});

describe('text from input files', () => {
  const SCRIPT = '<script>alert(1)</script> & co';
  const FORMULA = '=1+2';

  it('is stored as text, never markup or a formula: a scenario named <script>… and an option named =1+2', async () => {
    const named: ForecastSummary = { ...summary, scenario: { ...summary.scenario, name: SCRIPT } };
    const fwb = await readBack(await forecastWorkbook(named, { ...about, sources: { [FORMULA]: { figure: '=SUM(A1:A2)', source: SCRIPT } }, notes: ['@cmd|calc'] }));
    const lines = aboutLines(sheet(fwb, 'About'));
    const scenarioCell = lines.get('Scenario')![0]!;
    expect(scenarioCell.type).toBe(ExcelJS.ValueType.String);
    expect(scenarioCell.value).toBe(SCRIPT);
    expect(lines.get(FORMULA)!.map((c) => [c.type, c.value])).toEqual([[ExcelJS.ValueType.String, '=SUM(A1:A2)'], [ExcelJS.ValueType.String, SCRIPT]]);
    expect(lines.get('Note 1')![0]!.value).toBe('@cmd|calc');

    const withNames: ComparisonReport = {
      ...report, base: { ...report.base, name: SCRIPT },
      options: [{ ...report.options[0]!, name: FORMULA }, { ...report.options[0]!, name: SCRIPT }],
    };
    const cwb = await readBack(await comparisonWorkbook(withNames, about));
    // "/" is not allowed in a sheet name; the option's name itself is kept intact in the cells.
    expect(cwb.worksheets.map((w) => w.name)).toEqual(['Summary', FORMULA, '<script>alert(1)<-script> & co', 'About']);
    const header = sheet(cwb, 'Summary').getRow(2);
    for (const [col, name] of [[2, FORMULA], [3, SCRIPT]] as const) {
      expect(header.getCell(col).type).toBe(ExcelJS.ValueType.String);
      expect(header.getCell(col).value).toBe(name);
      expect(header.getCell(col).formula).toBeUndefined();
    }
    const title = sheet(cwb, FORMULA).getCell(1, 1);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe(`${FORMULA} compared with ${SCRIPT}`);
  });
});
