// The Medway calibration table in docs/model.md: the baseline's first 31 March against Medway's
// published figures, from the same forecast test/scenarios/medway.test.ts checks (1,000
// replications, seed 1, five years, means). Pure: a summary in, Markdown out.
import type { ForecastSummary } from '../sim/forecast.js';

export const CALIBRATION_START = '<!-- calibration:start -->';
export const CALIBRATION_END = '<!-- calibration:end -->';
export const CALIBRATION_SCENARIO = 'scenarios/medway-2022.json';
export const CALIBRATION_SETTINGS = { seed: 1, runs: 1000, years: 5 } as const;
/** This file, whose code makes the table: part of the table's inputs. */
export const CALIBRATION_SOURCE = 'src/docs/calibrationTable.ts';
/** What the table depends on besides the sources (`source`: the text of CALIBRATION_SOURCE), for its inputs hash. */
export const calibrationInputs = (source: string): string => `calibration table: ${CALIBRATION_SCENARIO} ${JSON.stringify(CALIBRATION_SETTINGS)}\n${source}`;

interface Stat { readonly mean: number }
type Metrics = Record<string, unknown>;

const mean = (m: Metrics, name: string): number => (m[name] as Stat).mean;
const byType = (m: Metrics, type: string): number => (m['childrenInCareByPlacementType'] as Record<string, Stat>)[type]!.mean;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The table and the line on later years, as Markdown (no markers). */
export const calibrationTable = (summary: Pick<ForecastSummary, 'years'>): string[] => {
  const first = summary.years[0]!.metrics;
  const cic = mean(first, 'childrenInCare');
  const foster = byType(first, 'inHouseFoster') + byType(first, 'ifa');
  const rows = [
    ['Children in care', '458 ± 5%', cic.toFixed(1)],
    ['Foster care (in-house + IFA)', '70.5% ± 3 points', pct(foster / cic)],
    ['In-house share of foster care', '42% ± 4 points', pct(byType(first, 'inHouseFoster') / foster)],
    ['Residential', '10% ± 2 points', pct((byType(first, 'residentialPrivate') + byType(first, 'residentialInHouse')) / cic)],
    ['Connected carers', '7.3% ± 2 points', pct(byType(first, 'connected') / cic)],
    ['Placed more than 20 miles', '33% ± 4 points', pct(mean(first, 'placedOver20Miles'))],
    ['Three or more placements', '11% ± 3 points', pct(mean(first, 'threePlusPlacements'))],
  ];
  const later = summary.years.slice(1).map((y) =>
    `${y.financialYear} — three-plus ${pct(mean(y.metrics, 'threePlusPlacements'))}, long-term stability ${pct(mean(y.metrics, 'longTermStability'))}, over 20 miles ${pct(mean(y.metrics, 'placedOver20Miles'))}`);
  return [
    '| measure (31 March 2023) | target (Medway) | model mean |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `After the first year (same run, means; over 20 miles and three-plus are held in every year by the same test): ${later.join('; ')}.`,
  ];
};
