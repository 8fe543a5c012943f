// The report pages as strings: provenance present, input text escaped, scripts only where meant,
// the same bytes for the same input. The browser test opens them for real.
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioAbout, type ReportAbout } from '../../src/report/about.js';
import { forecastCharts } from '../../src/report/charts.js';
import { escapeHtml } from '../../src/report/htmlText.js';
import { forecastReportHtml } from '../../src/report/html.js';
import { CONTENT_SECURITY_POLICY } from '../../src/report/page.js';
import { forecast, type ForecastSummary } from '../../src/sim/forecast.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

const HOSTILE = '<script>alert(1)</script> & co';
const RUNTIME = '/* runtime */ window.x = "</script>";';

let summary: ForecastSummary;
let about: ReportAbout;
beforeAll(() => {
  const rs = tinyScenario();
  summary = forecast(rs, { seed: 2, runs: 8, years: 3 });
  summary = { ...summary, scenario: { ...summary.scenario, name: HOSTILE } };
  const a = scenarioAbout({ ...rs.scenario, name: HOSTILE, sources: { [HOSTILE]: { figure: '</script>', source: '<!--' } } }, 'dir/<b>.json');
  about = { dateRun: '2025-02-03', scenarios: [a], command: `sufficiency forecast '${HOSTILE}'` };
});

describe('forecastReportHtml', () => {
  it('shows the provenance: name, hash, seed, runs, engine version, date run', () => {
    const h = forecastReportHtml(summary, about, RUNTIME);
    for (const s of [escapeHtml(HOSTILE), summary.scenario.hash, `Seed <b>${summary.seed}</b>`, 'Replications <b>8</b>', summary.engineVersion, '3 February 2025', '2025-02-03']) {
      expect(h).toContain(s);
    }
    expect(h).toContain(`content="${escapeHtml(CONTENT_SECURITY_POLICY)}"`);
  });

  it('escapes every text from the input: the only scripts are the runtime and the chart specs', () => {
    const h = forecastReportHtml(summary, about, RUNTIME);
    expect(h).not.toContain('<script>alert');
    expect(h).not.toContain('<b>.json');
    expect(h.match(/<script\b/g)).toHaveLength(1 + forecastCharts(summary).filter((c) => c.spec !== null).length);
    expect(h.match(/<\/script/gi)).toHaveLength(1 + forecastCharts(summary).filter((c) => c.spec !== null).length);
    expect(h.match(/<!--/g)).toBeNull();
  });

  it('gives the same bytes for the same input', () => {
    expect(forecastReportHtml(summary, about, RUNTIME)).toBe(forecastReportHtml(summary, about, RUNTIME));
  });
});
