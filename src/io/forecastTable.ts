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

/** A number with its unit, and bare (the range after a median carries the median's unit). */
interface Format { readonly unit: (x: number) => string; readonly bare: (x: number) => string }
const whole: Format = { unit: (x) => Math.round(x).toLocaleString('en-GB'), bare: (x) => Math.round(x).toLocaleString('en-GB') };
const percent: Format = { unit: (x) => `${(x * 100).toFixed(1)}%`, bare: (x) => (x * 100).toFixed(1) };
const millions: Format = { unit: (x) => `£${(x / 1e6).toFixed(1)}m`, bare: (x) => (x / 1e6).toFixed(1) };

/** `33.1% (30.7–35.7)`: the median with its unit, then the 5th–95th percentiles in the same unit. */
const cell = (s: Stats, fmt: Format): string =>
  s.p50 === null || s.p5 === null || s.p95 === null ? 'n/a' : `${fmt.unit(s.p50)} (${fmt.bare(s.p5)}–${fmt.bare(s.p95)})`;

/** The forecast as a table at most `width` columns wide (years in blocks when they do not fit side by side). */
export const forecastTable = (s: ForecastSummary, width = 100): string => {
  const rows: [string, string[]][] = [];
  const metric = (label: string, path: string[], fmt: Format): void => {
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
    'Median (5th–95th percentile, in the same unit) across replications; snapshot figures at 31 March.',
    '',
    ...yearBlocks(header, rows, width),
    ...(partial ? ['', ...wrapText(`* ${partial.financialYear}: flows and cost cover ${partial.simulatedFrom} to ${partial.yearEnd} only (the scenario starts mid-year).`, width, '  ')] : []),
  ].join('\n');
};
