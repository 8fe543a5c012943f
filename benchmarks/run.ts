// `npm run bench`: every benchmark, one after the other, in compiled JavaScript.
import { runCrnBench } from './crn.bench.js';
import { runForecastBench } from './forecast.bench.js';

for (const line of runForecastBench()) console.log(line);
for (const line of await runCrnBench()) console.log(line);
try {
  const assignment = (await import('./assignment.bench.js')) as { runAssignmentBench?: () => Promise<string[]> | string[] };
  if (assignment.runAssignmentBench) for (const line of await assignment.runAssignmentBench()) console.log(line);
} catch (e) {
  console.log(`assignment benchmark not available: ${e instanceof Error ? e.message : String(e)}`);
}
try {
  const match = (await import('./match.bench.js')) as { runMatchBench?: () => string[] };
  if (match.runMatchBench) for (const line of match.runMatchBench()) console.log(line);
} catch (e) {
  console.log(`match benchmark not available: ${e instanceof Error ? e.message : String(e)}`);
}
