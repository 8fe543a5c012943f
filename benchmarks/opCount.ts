// Counts, for the floor benchmark (benchmarks/floor.ts), the random streams, draws and event-queue
// pushes and pops of a replication. Run as its own process (`node dist/benchmarks/opCount.js
// <scenario> <runs> <years>`): it registers counting hooks (benchmarks/countingHooks.ts) before
// the engine loads, so it must import nothing of the engine statically.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { OpCounts } from './floor.js';

/** Mean operations per replication over `runs` replications (call in a fresh process: it registers hooks). */
export const countOps = async (scenarioPath: string, runs: number, years: number): Promise<OpCounts> => {
  const counts: OpCounts = { processStreams: 0, processDraws: 0, entityStreams: 0, entityDraws: 0, pushes: 0, pops: 0, events: 0 };
  (globalThis as { __floorCounts?: OpCounts }).__floorCounts = counts;
  register('./countingHooks.js', import.meta.url);
  // Imported after the hooks are registered, so these are the counting copies.
  const { loadScenarioFile } = await import(`../src/io/scenarioFile.js`) as typeof import('../src/io/scenarioFile.js');
  const { runReplication } = await import(`../src/sim/replication.js`) as typeof import('../src/sim/replication.js');
  const rs = loadScenarioFile(scenarioPath);
  if (rs._tag === 'Left') throw new Error(rs.left.join('\n'));
  for (let r = 0; r < runs; r++) counts.events += runReplication(rs.right, { seed: 1, replication: r, years }).events;
  const mean = { ...counts };
  for (const k of Object.keys(mean) as (keyof OpCounts)[]) mean[k] = counts[k] / runs;
  return mean;
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [scenario, runs, years] = process.argv.slice(2) as [string, string, string];
  countOps(scenario, Number(runs), Number(years)).then((c) => process.stdout.write(JSON.stringify(c)));
}
