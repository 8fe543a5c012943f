// Forecast benchmark on the Medway baseline: replications and simulated events per second and
// peak memory, for 1 and 2 workers, and peak memory at 1,000 vs 4,000 replications (memory
// must not grow with replications beyond the per-replication metric rows). Each configuration
// runs in a fresh process so its peak resident memory is its own.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { E } from '../src/domain/fp.js';
import { loadScenarioFile } from '../src/io/scenarioFile.js';
import { runForecast } from '../src/cli/workers.js';
import { METRIC_COUNT } from '../src/domain/metricCatalog.js';
import { floorSeconds, type OpCounts } from './floor.js';

const SCENARIO = 'scenarios/medway-2022.json';

interface One { workers: number; runs: number; years: number; seconds: number; events: number; peakMiB: number; hash: string }

const runOne = async (workers: number, runs: number, years: number): Promise<One> => {
  const rs = loadScenarioFile(SCENARIO);
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  const t0 = performance.now();
  const summary = await runForecast(rs.right, { seed: 1, runs, years }, workers);
  const seconds = (performance.now() - t0) / 1000;
  // maxRSS covers the whole process, worker threads included (kilobytes on Linux).
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(JSON.stringify(summary.years)).digest('hex').slice(0, 12);
  return { workers, runs, years, seconds, events: summary.events, peakMiB, hash };
};

const spawnOne = (workers: number, runs: number, years: number): One => {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', String(workers), String(runs), String(years)], { encoding: 'utf8' });
  return JSON.parse(out) as One;
};

export const runForecastBench = (): string[] => {
  const lines: string[] = [`Forecast benchmark: ${SCENARIO}, 5 financial years, seed 1`];
  const results = [spawnOne(1, 1000, 5), spawnOne(2, 1000, 5)];
  for (const r of results) {
    lines.push(`  ${r.workers} worker${r.workers > 1 ? 's' : ' '}: ${r.runs} replications in ${r.seconds.toFixed(2)} s = ${(r.runs / r.seconds).toFixed(0)} replications/s, ${(r.events / r.seconds / 1e6).toFixed(2)} M events/s, peak ${r.peakMiB.toFixed(0)} MiB, summary ${r.hash}`);
  }
  const [w1, w2] = results as [One, One];
  lines.push(`  speed-up 2 workers vs 1: ${(w1.seconds / w2.seconds).toFixed(2)}×; same summary: ${w1.hash === w2.hash ? 'yes' : 'NO'}`);
  lines.push(`  target: 1,000 replications × 5 years in under 10 s on 2 cores: ${w2.seconds < 10 ? 'met' : 'NOT met'} (${w2.seconds.toFixed(2)} s)`);
  const big = spawnOne(2, 4000, 5);
  const rowsMiB = (n: number): number => (n * 5 * METRIC_COUNT * 8) / 2 ** 20;
  const perRep = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const ops = JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL('./opCount.js', import.meta.url)), SCENARIO, '50', '5'], { encoding: 'utf8' })) as OpCounts;
  const floor = floorSeconds(ops, w1.runs);
  lines.push(`  per replication (mean of 50): ${perRep(ops.events)} events, ${perRep(ops.processDraws + ops.entityDraws)} random draws (${perRep(ops.processDraws)} from ${perRep(ops.processStreams)} process streams, ${perRep(ops.entityDraws)} from ${perRep(ops.entityStreams)} entity streams), ${perRep(ops.pushes)} queue pushes, ${perRep(ops.pops)} pops`);
  lines.push(`  floor (those streams, draws, pushes and pops, no model) for ${w1.runs} replications: ${floor.toFixed(2)} s; engine / floor, 1 worker: ${(w1.seconds / floor).toFixed(1)} (target ≤ 3)`);
  lines.push(`  memory: peak ${w2.peakMiB.toFixed(0)} MiB at 1,000 replications, ${big.peakMiB.toFixed(0)} MiB at 4,000 (metric rows: ${rowsMiB(1000).toFixed(1)} → ${rowsMiB(4000).toFixed(1)} MiB); ${(4000 / big.seconds).toFixed(0)} replications/s`);
  // 10,000 replications would take too long on a shared machine: extrapolated from the 4,000 run.
  const tenK = (big.seconds / big.runs) * 10000;
  lines.push(`  10,000 replications × 5 years on 2 workers (extrapolated from 4,000): ${tenK.toFixed(0)} s (target < 30 s: ${tenK < 30 ? 'met' : 'NOT met'})`);
  return lines;
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  if (process.argv[2] === '--one') {
    const [w, r, y] = process.argv.slice(3).map(Number) as [number, number, number];
    runOne(w, r, y).then((o) => process.stdout.write(JSON.stringify(o)));
  } else {
    for (const line of runForecastBench()) console.log(line);
  }
}
