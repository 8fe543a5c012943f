// The forecast as a terminal table: median and p5–p95 per financial year.
import { PLACEMENT_TYPES } from '../domain/vocabulary.js';
import type { Stats } from '../metrics/summary.js';
import type { ForecastSummary } from '../sim/forecast.js';
import { statsAt } from './forecastFiles.js';
import { wrapText, yearBlocks } from './textTable.js';

const LABELS: Record<string, string> = {
  connected: 'connected carers', inHouseFoster: 'in-house foster', ifa: 'IFA foster',
  residentialInHouse: 'residential (in-house)', residentialPrivate: 'residential (private)', supported: 'supported accommodation',
  parentAndChild: 'parent and child', placedWithParents: 'placed with parents', adoption: 'placed for adoption',
  secure: 'secure', other: 'other', unregistered: 'unregistered',
};

const whole = (x: number): string => Math.round(x).toLocaleString('en-GB');
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const millions = (x: number): string => `£${(x / 1e6).toFixed(1)}m`;

const cell = (s: Stats, fmt: (x: number) => string): string =>
  s.p50 === null || s.p5 === null || s.p95 === null ? 'n/a' : `${fmt(s.p50)} (${fmt(s.p5)}–${fmt(s.p95)})`;

/** The forecast as a table at most `width` columns wide (years in blocks when they do not fit side by side). */
export const forecastTable = (s: ForecastSummary, width = 100): string => {
  const rows: [string, string[]][] = [];
  const metric = (label: string, path: string[], fmt: (x: number) => string): void => {
    rows.push([label, s.years.map((y) => cell(statsAt(y.metrics, path), fmt))]);
  };
  metric('Children in care at 31 March', ['childrenInCare'], whole);
  for (const p of PLACEMENT_TYPES) {
    const used = s.years.some((y) => (statsAt(y.metrics, ['childrenInCareByPlacementType', p]).p95 ?? 0) > 0);
    if (used) metric(`  ${LABELS[p]}`, ['childrenInCareByPlacementType', p], whole);
  }
  metric('Placed more than 20 miles', ['placedOver20Miles'], percent);
  metric('Three or more placements', ['threePlusPlacements'], percent);
  metric('Shortfalls (no suitable vacancy)', ['shortfalls'], whole);
  metric('Total spend', ['cost'], millions);
  const header = ['', ...s.years.map((y) => `${y.financialYear}${y.partial ? '*' : ''}`)];
  const partial = s.years.find((y) => y.partial);
  return [
    `${s.scenario.name}: ${s.runs.toLocaleString('en-GB')} replications, seed ${s.seed}, engine ${s.engineVersion}, ${s.scenario.hash.slice(0, 19)}…`,
    'Median (5th–95th percentile) across replications; snapshot figures at 31 March.',
    '',
    ...yearBlocks(header, rows, width),
    ...(partial ? ['', ...wrapText(`* ${partial.financialYear}: flows and cost cover ${partial.simulatedFrom} to ${partial.yearEnd} only (the scenario starts mid-year).`, width, '  ')] : []),
  ].join('\n');
};
