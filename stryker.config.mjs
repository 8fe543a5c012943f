// @ts-check
// Mutation testing of the functional core (`npm run mutation`; issue 13, item 3). Not part of `npm test`: it is slow.
//
//   npm run mutation                                  every core folder
//   MUTATION_SCOPE=metrics,matching npm run mutation  some folders (each run writes its own JSON report)
//   node scripts/mutation-summary.mjs                 per-folder scores from the JSON reports -> docs/mutation.md
// `npm run mutation` is scripts/mutation-run.mjs: `stryker run`, timed, then the summary. It caps property tests
// at MUTATION_FC_RUNS cases per mutant (default 10; see vitest.mutation.config.ts). A whole folder is still too
// slow for one sitting on 2 shared cores (src/matching: about 20 mutants a minute); a subfolder can be run as
//   MUTATION_SCOPE=matching MUTATION_REPORT=matching-rules npm run mutation -- --mutate 'src/matching/rules/**/*.ts'
//
// Mutants are matched by folder globs, never by file name, so files can be split or renamed freely.
// docs/mutation.md explains the choices below and lists the equivalent mutants.

const coreFolders = ['sim', 'matching', 'metrics', 'random', 'scenario', 'calibrate'];
const requested = (process.env.MUTATION_SCOPE ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const folder of requested) {
  if (!coreFolders.includes(folder)) {
    throw new Error(`MUTATION_SCOPE: '${folder}' is not a core folder (${coreFolders.join(', ')})`);
  }
}
const scope = requested.length > 0 ? requested : coreFolders;
/**
 * Name of this run's reports: `all`, or the folders in alphabetical order (`matching+metrics`); MUTATION_REPORT
 * names it otherwise, for a run on part of a folder (`--mutate 'src/matching/rules/**\/*.ts'`) that should not
 * replace the folder's report.
 */
export const runName = process.env.MUTATION_REPORT ?? (requested.length > 0 ? [...scope].sort().join('+') : 'all');
if (!/^[\w+.-]+$/.test(runName)) throw new Error(`MUTATION_REPORT: '${runName}' is not a plain file name`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: {
    // only the fast in-process unit and property tests of the core (no CLI, browser, round-trip or report
    // tests); with MUTATION_SCOPE, only the tests of those folders (test/<folder>): see that file
    configFile: 'vitest.mutation.config.ts',
    // the tests to run are chosen by the config above and per-test coverage, not by import graph
    related: false,
  },
  // run only the tests that cover each mutant
  coverageAnalysis: 'perTest',
  // static mutants (module-level constants) force a reload and a run of every test each; skipping them is the
  // largest single saving. They are counted as "ignored" in docs/mutation.md.
  ignoreStatic: true,
  mutate: scope.map((folder) => `src/${folder}/**/*.ts`),
  // two cores, shared with other work
  concurrency: 2,
  // the machine is busy; a slow test is not an infinite loop
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 20,
  // keep the sandbox copy small: build output, generated files and pictures are not needed by the tests
  ignorePatterns: ['dist', 'out', 'reports', 'docs', 'benchmarks', '*.png'],
  // incremental: results are reused for unchanged code and tests; the file is local (reports/ is git-ignored)
  incremental: true,
  incrementalFile: `reports/mutation/incremental/${runName}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${runName}.html` },
  jsonReporter: { fileName: `reports/mutation/${runName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

export default config;
