// Small real runs for the report tests: the Medway baseline forecast with 20 replications over
// 3 years, and the baseline compared with an option, built as the CLI builds them. `hostile…`
// rename them (no new run) to text that must show as text.
import { E } from '../../src/domain/fp.js';
import { financialYearsFrom } from '../../src/domain/time.js';
import { ENGINE_VERSION } from '../../src/domain/version.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { compareOption, type ComparisonReport } from '../../src/metrics/compare.js';
import { ReplicationColumns } from '../../src/metrics/summary.js';
import { scenarioAbout, type ReportAbout, type ScenarioAbout } from '../../src/report/about.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { forecast, runReplicationRange, type ForecastOptions, type ForecastSummary } from '../../src/sim/forecast.js';

export const HOSTILE = '<script>alert(1)</script> & co';
export const HOSTILE_DESCRIPTION = 'Described as </script><script>alert(2)</script> and <b>bold</b>';
export const HOSTILE_SOURCE_KEY = '<img src=x onerror=alert(3)>';
export const BASE_FILE = 'scenarios/medway-2022.json';
export const OPTION_FILE = 'scenarios/options/inhouse-recruitment-10plus.json';
export const DATE_RUN = '2025-01-31';

export const load = (file: string, years: number): ResolvedScenario => {
  const r = loadScenarioFile(file, { years });
  if (E.isLeft(r)) throw new Error(r.left.join('\n'));
  return r.right;
};

export const columnsOf = (rs: ResolvedScenario, opts: ForecastOptions): ReplicationColumns => {
  const c = new ReplicationColumns(opts.runs, opts.years);
  runReplicationRange(rs, opts, 0, opts.runs, (r, rows) => c.add(r, rows));
  return c;
};

export interface ForecastFixture { readonly summary: ForecastSummary; readonly about: ReportAbout }
export interface ComparisonFixture { readonly report: ComparisonReport; readonly about: ReportAbout }

export const forecastFixture = (runs = 20, years = 3): ForecastFixture => {
  const rs = load(BASE_FILE, years);
  return {
    summary: forecast(rs, { seed: 1, runs, years }),
    about: { dateRun: DATE_RUN, scenarios: [scenarioAbout(rs.scenario, BASE_FILE)], command: `sufficiency forecast ${BASE_FILE} --runs ${runs} --years ${years} --seed 1` },
  };
};

export const comparisonFixture = (runs = 20, years = 3): ComparisonFixture => {
  const base = load(BASE_FILE, years);
  const option = load(OPTION_FILE, years);
  const opts = { seed: 1, runs, years };
  const b = columnsOf(base, opts);
  const o = columnsOf(option, opts);
  const report: ComparisonReport = {
    base: { name: base.name, hash: scenarioHash(base), file: BASE_FILE },
    seed: 1, runs, engineVersion: ENGINE_VERSION, commonRandomNumbers: true,
    options: [{ name: option.name, hash: scenarioHash(option), file: OPTION_FILE, comparison: compareOption(b, o, financialYearsFrom(base.startEpochDay, years)) }],
  };
  return { report, about: { dateRun: DATE_RUN, scenarios: [scenarioAbout(base.scenario, BASE_FILE), scenarioAbout(option.scenario, OPTION_FILE, base.scenario)] } };
};

const hostileAbout = (s: ScenarioAbout): ScenarioAbout => ({
  ...s, name: HOSTILE, description: HOSTILE_DESCRIPTION, file: `${HOSTILE}.json`,
  sources: [...s.sources, { key: HOSTILE_SOURCE_KEY, figure: '"quoted" & <i>tagged</i>', source: '</script><!-- <script>alert(4)</script>' }],
  notes: [...s.notes, '<script>alert(5)</script>'],
});

/** The forecast as if its scenario were named `HOSTILE`, with hostile text in its description, sources and notes. */
export const hostileForecast = (f: ForecastFixture): ForecastFixture => ({
  summary: { ...f.summary, scenario: { ...f.summary.scenario, name: HOSTILE } },
  about: { ...f.about, scenarios: f.about.scenarios.map(hostileAbout), command: `sufficiency forecast '${HOSTILE}.json'` },
});

export const hostileComparison = (c: ComparisonFixture): ComparisonFixture => ({
  report: { ...c.report, base: { ...c.report.base, name: HOSTILE, file: `${HOSTILE}.json` } },
  about: { ...c.about, scenarios: c.about.scenarios.map((s, i) => (i === 0 ? hostileAbout(s) : s)) },
});
