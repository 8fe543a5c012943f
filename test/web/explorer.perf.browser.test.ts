// The explorer's performance line (issue 10): 1,000 replications × 5 years of the Medway baseline
// in the browser (headless chromium, the page from disk, the engine in its Web Worker) within 3×
// the CLI's single-worker time, both measured here one after the other. Prints both and the ratio
// (benchmarks/explorer.bench.ts measures; `npm run bench` prints the same lines). Never skipped.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { explorerLines, measureExplorer } from '../../benchmarks/explorer.bench.js';

it('runs 1,000 replications × 5 years of Medway in the browser within 3× the CLI\'s single-worker time', async () => {
  const t = await measureExplorer(1000, 5, join(import.meta.dirname, '..', '..'));
  for (const line of explorerLines(t)) console.log(line);
  // 3× is the target; the two are the same engine on the same V8 engine family, so a
  // larger ratio means the worker or the page is doing something wrong, not noise.
  expect(t.ratio).toBeLessThanOrEqual(3);
  expect(t.sameBytes).toBe(true);
}, 600_000);
