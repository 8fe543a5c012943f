// Golden files of what a user sees: the terminal output of `forecast`, `compare`, `match` and
// `calibrate` on small fixed inputs, stored as plain text in test/cli/golden/ so that any change to
// it (a number, a column, a word) shows as a diff in review.
//
// When a change to the output is intended, regenerate the files and commit them with the change:
//
//   npm run build && npx vitest run test/cli/golden.e2e.test.ts -u
//
// and read the diff of test/cli/golden/*.txt as a reviewer would. Put -u after the file: in
// vitest 4, `-u` takes an optional value ("new", "all", "none"), so `vitest run -u <file>` reads the
// file as that value and runs, and updates, the whole suite.
//
// The compiled CLI runs in a child process, as the other e2e tests do (npm test builds first). Its
// stdout is a pipe, not a terminal, so there is no progress bar and tables are 100 columns wide
// whatever the terminal; the CLI prints no colour (NO_COLOR is set all the same). Every input is
// fixed: seeds, runs, years, the match date (examples must not age: a child in referrals.csv has
// since turned 18). The one thing that varies between runs and machines is the temporary output
// folder, which is replaced by `<tmp>` before comparing. The engine version and the scenario hash
// are printed and kept: a change to either is a change users see. Commands with --workers run with
// 1 and 2 workers and must print the same text. About 20 s of CPU (15–30 s on a quiet 2-core
// machine), most of it the two calibrations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/src/cli/main.js';
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sufficiency-golden-'));

/**
 * One run of the CLI as the text a reviewer reads: the command (with `<tmp>` for the output
 * folder), the exit code, stdout, and stderr when there is any.
 */
const transcript = (args: readonly string[], dir: string): string => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '', NO_COLOR: '1' } });
  const hide = (s: string): string => s.split(dir).join('<tmp>');
  const shown = args.map(hide).filter((a, i, all) => a !== '--workers' && all[i - 1] !== '--workers');
  return [
    `$ sufficiency ${shown.join(' ')}`,
    `exit ${String(r.status)}`,
    '',
    hide(r.stdout).trimEnd(),
    ...(r.stderr === '' ? [] : ['', '--- stderr', hide(r.stderr).trimEnd()]),
    '',
  ].join('\n');
};

/** The transcript with 1 and with 2 workers, which must be the same text (the command shown leaves --workers out and says so). */
const withWorkers = (args: (out: string) => readonly string[]): string => {
  const [one, two] = [1, 2].map((w) => {
    const dir = tmp();
    return transcript([...args(join(dir, 'out')), '--workers', String(w)], dir);
  });
  expect(two).toBe(one);
  return one!.replace('\n', '   # the same text with --workers 1 and --workers 2\n');
};

// Each test runs its command twice (1 and 2 workers): seconds on a quiet machine, but the two
// calibrations took 43 s on a shared one, so the limit is above the 60 s default.
describe('what users see (golden files in test/cli/golden/)', { timeout: 180_000 }, () => {
  it('forecast: the Medway baseline, 8 replications over 2 years', async () => {
    const text = withWorkers((out) => [
      'forecast', 'scenarios/medway-2022.json', '--runs', '8', '--seed', '5', '--years', '2', '--no-html', '--no-xlsx', '--out', out,
    ]);
    expect(text).toContain('exit 0');
    await expect(text).toMatchFileSnapshot('golden/forecast.txt');
  });

  it('compare: two in-house homes against the baseline, 8 paired replications over 3 years', async () => {
    const text = withWorkers((out) => [
      'compare', 'scenarios/medway-2022.json', 'scenarios/options/two-inhouse-homes.json',
      '--runs', '8', '--seed', '5', '--years', '3', '--no-html', '--no-xlsx', '--out', out,
    ]);
    expect(text).toContain('exit 0');
    await expect(text).toMatchFileSnapshot('golden/compare.txt');
  });

  it('match: the example referrals and vacancies on a fixed date, ranked and with reasons', async () => {
    const dir = tmp();
    const args = ['match', 'scenarios/examples/referrals.csv', 'scenarios/examples/vacancies.csv', '--date', '2025-02-03'];
    const text = transcript(args, dir);
    expect(text).toContain('exit 0');
    await expect(text).toMatchFileSnapshot('golden/match.txt');
    const explained = transcript([...args, '--explain', '--policy', 'greedy'], dir);
    expect(explained).toContain('exit 0');
    await expect(explained).toMatchFileSnapshot('golden/match-explain-greedy.txt');
  });

  it('calibrate: the Stockton-on-Tees 2017 snapshot fitted with 50 replications per fitting forecast', async () => {
    const text = withWorkers((out) => [
      'calibrate', 'scenarios/snapshots/stockton-on-tees-2017.json', '--runs', '50', '--max-iterations', '4', '--out', `${out}.json`,
    ]);
    expect(text).toContain('exit 0');
    await expect(text).toMatchFileSnapshot('golden/calibrate.txt');
  });
});
