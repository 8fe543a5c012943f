// Variance reduction from common random numbers: the 95% interval of the mean difference between
// the Medway baseline and an option, when both run on the same seed (paired, as `compare` does)
// and when the option runs on an independent seed.
import { pathToFileURL } from 'node:url';
import { E } from '../src/domain/fp.js';
import { financialYearsFrom } from '../src/domain/time.js';
import { loadScenarioFile } from '../src/io/scenarioFile.js';
import { compareOption } from '../src/metrics/compare.js';
import { runColumns } from '../src/cli/workers.js';

const OPTION = 'scenarios/options/inhouse-recruitment-10plus.json';

export const runCrnBench = async (runs = 400): Promise<string[]> => {
  const base = loadScenarioFile('scenarios/medway-2022.json');
  const option = loadScenarioFile(OPTION);
  if (E.isLeft(base) || E.isLeft(option)) throw new Error('scenario files do not load');
  const years = 5;
  const fys = financialYearsFrom(base.right.startEpochDay, years);
  const b = (await runColumns(base.right, { seed: 1, runs, years }, 2)).columns;
  const same = (await runColumns(option.right, { seed: 1, runs, years }, 2)).columns;
  const independent = (await runColumns(option.right, { seed: 1001, runs, years }, 2)).columns;
  const paired = compareOption(b, same, fys);
  const unpaired = compareOption(b, independent, fys);
  const width = (c: typeof paired, metric: string, year?: number): number => {
    const m = year === undefined ? c.total.find((x) => x.metric === metric)! : c.years[year]!.metrics.find((x) => x.metric === metric)!;
    return m.difference.ci95![1] - m.difference.ci95![0];
  };
  const lines = [`Common random numbers: ${OPTION} vs the Medway baseline, ${runs} replications, width of the 95% interval of the mean difference`];
  for (const [label, metric, year, fmt] of [
    ['total cost over 5 years', 'cost', undefined, (x: number) => `£${(x / 1e3).toFixed(0)}k`],
    ['placed over 20 miles, 2026/27', 'placedOver20Miles', 4, (x: number) => `${(x * 100).toFixed(2)} points`],
    ['children in private residential care, 2026/27', 'childrenInCareByPlacementType.residentialPrivate', 4, (x: number) => x.toFixed(2)],
    ['shortfalls over 5 years', 'shortfalls', undefined, (x: number) => x.toFixed(2)],
  ] as const) {
    const w1 = width(paired, metric, year);
    const w2 = width(unpaired, metric, year);
    lines.push(`  ${label}: ${fmt(w1)} with common random numbers, ${fmt(w2)} with independent seeds — ${(w2 / w1).toFixed(1)}× narrower (${((w2 / w1) ** 2).toFixed(0)}× fewer replications for the same precision)`);
  }
  return lines;
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) runCrnBench().then((lines) => lines.forEach((l) => console.log(l)));
