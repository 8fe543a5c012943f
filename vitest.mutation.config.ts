// Vitest config for `npm run mutation` (Stryker): only the fast, in-process unit and property tests
// of the functional core. The e2e/CLI tests spawn processes, the browser tests start Chromium, and
// the round-trip and report tests write files; none of them is needed to judge the core, and they
// would make every mutant cost seconds.
//
// Each folder is judged by its own tests: with MUTATION_SCOPE=metrics (set by stryker.config.mjs's
// callers; see docs/mutation.md) only test/metrics runs. Without that, the engine tests in test/sim
// (seconds each) cover almost every line of src/metrics and src/matching, and per-test coverage sends
// every mutant there through them: about 35 minutes for src/metrics alone on 2 cores, instead of
// minutes. A mutant that only an engine test would catch therefore shows here as surviving: that is
// deliberate, the folder's own tests should catch it.
// Not merged with vitest.config.ts on purpose: mergeConfig concatenates `include` lists.
import { defineConfig } from 'vitest/config';

const coreFolders = ['sim', 'matching', 'metrics', 'random', 'scenario', 'calibrate'];
const requested = (process.env.MUTATION_SCOPE ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const folders = requested.length > 0 ? requested : coreFolders;

export default defineConfig({
  test: {
    include: folders.map((f) => `test/${f}/**/*.test.ts`),
    exclude: [
      '**/node_modules/**',
      '**/*.e2e.test.ts',
      '**/*.browser.test.ts',
      '**/*.roundtrip.test.ts',
      // about 3 minutes on its own (whole calibrations); the calibration unit tests cover the same code
      'test/calibrate/snapshots.test.ts',
      // 5 s (a long M/G/∞ run judged statistically), nearly half of test/sim, and it covers every line of
      // the engine, so each surviving mutant of src/sim paid it: the exact and law tests judge the same code
      'test/sim/mgInfinity.test.ts',
    ],
    setupFiles: [
      'test/setup.ts',
      // MUTATION_FC_RUNS=n caps every property at n generated cases (see that file)
      ...(Number(process.env.MUTATION_FC_RUNS ?? 0) > 0 ? ['test/mutation/propertyRunCap.setup.ts'] : []),
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Stryker runs every mutant's tests file by file in one worker; re-importing the engine for each
    // file was over a third of the time (src/sim's tests: 12.1 s isolated, 7.6 s not). The core keeps
    // no state between calls that a test could leak (caches are keyed by the resolved scenario each
    // test makes), and no test here mocks a module. MUTATION_ISOLATE=1 isolates them again.
    isolate: process.env.MUTATION_ISOLATE === '1',
  },
});
