// `npm run bench`: every benchmark, one after the other, in compiled JavaScript. Prints each
// benchmark's lines as it finishes and writes them, with the machine they ran on, to
// benchmarks/results.json (commit it): `npm run docs` renders docs/benchmarks.md from that file
// (src/docs/benchReference.ts), so the figures in the docs are never pasted by hand.
// `--only <name>` runs one benchmark and replaces only its lines in results.json, adding a
// "note" line that names the date and load it ran at (the machine line is the full run's).
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runAssignmentBench } from './assignment.bench.js';
import { runCalibrate903Bench } from './calibrate903.bench.js';
import { runCrnBench } from './crn.bench.js';
import { runExplorerBench } from './explorer.bench.js';
import { runForecastBench } from './forecast.bench.js';
import { runMatchBench } from './match.bench.js';
import { runOutputsBench } from './outputs.bench.js';
import { runSsda903Bench } from './ssda903.bench.js';

/** benchmarks/results.json, from benchmarks/run.ts or dist/benchmarks/run.js alike. */
const RESULTS = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../benchmarks/results.json' : './results.json', import.meta.url));

const machine = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  loadAverageAtStart: Number(loadavg()[0]!.toFixed(2)),
};
const benches: [string, () => string[] | Promise<string[]>][] = [
  ['forecast', runForecastBench],
  ['outputs', runOutputsBench],
  ['crn', runCrnBench],
  ['assignment', runAssignmentBench],
  ['match', runMatchBench],
  ['ssda903', runSsda903Bench],
  ['calibrate903', runCalibrate903Bench],
  ['explorer', runExplorerBench],
];
const only = process.argv.indexOf('--only') >= 0 ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && !benches.some(([name]) => name === only)) throw new Error(`no benchmark named ${only}`);
const results: { name: string; lines: string[] }[] = [];
for (const [name, run] of benches) {
  if (only !== undefined && name !== only) continue;
  const lines = await run();
  if (only !== undefined) lines.push(`  (run alone on ${machine.date}, load average ${machine.loadAverageAtStart} at start)`);
  lines.forEach((l) => console.log(l));
  results.push({ name, lines });
}
if (only === undefined) writeFileSync(RESULTS, `${JSON.stringify({ machine, results }, null, 2)}\n`);
else {
  const previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as { machine: typeof machine; results: { name: string; lines: string[] }[] };
  const merged = previous.results.some((r) => r.name === only)
    ? previous.results.map((r) => (r.name === only ? results[0]! : r))
    : [...previous.results, results[0]!];
  writeFileSync(RESULTS, `${JSON.stringify({ machine: previous.machine, results: merged }, null, 2)}\n`);
}
console.log(`Wrote ${RESULTS}`);
