// `sufficiency` installed the way Node users install a command-line tool: `npm pack` (whose
// prepack builds), then `npm install -g` of the tarball into a temporary prefix, then the
// installed command run from a temporary folder outside the repository. Shipped defaults
// (the Medway baseline, the examples, the geography) must be found inside the package; paths
// the user types stay relative to where the user is.
//
// Slow (a build, a pack and an install): one describe, generous timeouts. The project is
// copied to a temporary folder (without node_modules, dist and out; node_modules is linked)
// and packed there, so prepack really builds, from scratch, and the repository's own dist/ is
// never rewritten under other tests running at the same time. Dependencies come from the npm
// cache (`--prefer-offline`), else the npm registry; nothing else is fetched.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DATE, EXAMPLE_REFERRALS, EXAMPLE_VACANCIES } from '../../src/docs/matchDocs.js';
import { ENGINE_VERSION } from '../../src/domain/version.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NAME = 'placement-sufficiency';
const WINDOWS = process.platform === 'win32';
/** Not copied to the staging folder: what a fresh clone does not have, or has only after a build or a run. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'out', '.git', '.stryker-tmp']);

const base = mkdtempSync(join(tmpdir(), 'sufficiency-install-'));
const stage = join(base, 'project');
const packDir = join(base, 'pack');
const prefix = join(base, 'prefix');
const home = join(base, 'home');
const pkgDir = WINDOWS ? join(prefix, 'node_modules', NAME) : join(prefix, 'lib', 'node_modules', NAME);
const bin = WINDOWS ? join(prefix, 'sufficiency.cmd') : join(prefix, 'bin', 'sufficiency');

/** This test's node first on the PATH, so `#!/usr/bin/env node` finds the same Node; no debug stacks. */
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  SUFFICIENCY_DEBUG: '',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

const show = (what: string, r: SpawnSyncReturns<string>): string =>
  `${what}: exit ${r.status}${r.error === undefined ? '' : ` (${r.error.message})`}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

const npm = (args: readonly string[], cwd: string): void => {
  const r = spawnSync('npm', [...args, '--loglevel=error'], { cwd, env, encoding: 'utf8', shell: WINDOWS, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(show(`npm ${args.join(' ')} (in ${cwd})`, r));
};

/** The installed command, run in `cwd`. */
const sufficiency = (cwd: string, ...args: string[]) => {
  const r = spawnSync(bin, args, { cwd, env, encoding: 'utf8', shell: WINDOWS });
  return { code: r.status, out: r.stdout, err: r.stderr, all: show(`sufficiency ${args.join(' ')}`, r) };
};

/** A fresh folder outside the repository to run a command in. */
const userFolder = (): string => mkdtempSync(join(base, 'user-'));

/** Every file under `dir`, as paths relative to it with `/`. */
const filesUnder = (dir: string, root: string = dir): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), root) : [relative(root, join(dir, e.name)).split(sep).join('/')]);

describe('installed with npm: pack, install -g into a temporary prefix, run from any folder', () => {
  beforeAll(() => {
    expect(relative(REPO, base).startsWith('..')).toBe(true); // the user's folders are outside the repository
    cpSync(REPO, stage, {
      recursive: true,
      filter: (src) => {
        const top = relative(REPO, src).split(sep)[0] ?? '';
        return !NOT_COPIED.has(top) && !/\.tgz$/.test(top);
      },
    });
    symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), WINDOWS ? 'junction' : 'dir');
    mkdirSync(packDir);
    mkdirSync(home);
    npm(['pack', '--pack-destination', packDir], stage); // prepack: npm run build
    const tarballs = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
    expect(tarballs).toHaveLength(1);
    npm(['install', '--global', '--prefix', prefix, join(packDir, tarballs[0]!), '--prefer-offline', '--no-audit', '--no-fund'], home);
  }, 300_000);

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('ships the built code, scenarios, examples, geography and README, and no tests or sources', () => {
    const files = filesUnder(pkgDir).filter((f) => !f.startsWith('node_modules/'));
    for (const f of [
      'package.json', 'README.md', 'dist/src/cli/main.js', 'dist/src/cli/forecastWorker.js', 'dist/src/index.js', 'dist/src/index.d.ts',
      'scenarios/medway-2022.json', 'scenarios/options/two-inhouse-homes.json', 'scenarios/snapshots/stockton-on-tees-2017.json',
      EXAMPLE_REFERRALS, EXAMPLE_VACANCIES, 'scenarios/examples/ssda903/2023-24/2023-episodes.csv',
      'data/geography/README.md', 'data/geography/postcode-sectors.csv', 'data/geography/postcode-districts.csv',
    ]) expect(files, f).toContain(f);
    const unwanted = files.filter((f) => /^(test|src|benchmarks|dist\/test|dist\/benchmarks|\.ci)\//.test(f) || /\.map$|^tsconfig|^vitest/.test(f));
    expect(unwanted).toEqual([]);
    expect(existsSync(bin)).toBe(true);
  });

  it('answers --version and says where the default scenario comes from', () => {
    const cwd = userFolder();
    const v = sufficiency(cwd, '--version');
    expect(v.code, v.all).toBe(0);
    expect(v.out.trim()).toBe(ENGINE_VERSION);
    const help = sufficiency(cwd, 'forecast', '--help');
    expect(help.code, help.all).toBe(0);
    expect(help.out.replace(/\s+/g, ' ')).toContain('(default: the shipped Medway 2022 baseline, scenarios/medway-2022.json)');
  });

  it('forecast with no scenario runs the shipped baseline and writes where the user asked', () => {
    const cwd = userFolder();
    const r = sufficiency(cwd, 'forecast', '--runs', '20', '--workers', '2', '--out', 'f');
    expect(r.code, r.all).toBe(0);
    expect(r.out).toContain('Medway 2022 baseline: 20 replications, seed 1');
    const summary = JSON.parse(readFileSync(join(cwd, 'f', 'summary.json'), 'utf8'));
    expect([summary.scenario.name, summary.runs, summary.engineVersion]).toEqual(['Medway 2022 baseline', 20, ENGINE_VERSION]);
    expect(summary.years.length).toBeGreaterThan(0);
    expect(existsSync(join(cwd, 'f', 'by-year.csv'))).toBe(true);
    expect(readdirSync(cwd)).toEqual(['f']); // nothing else in the user's folder
    expect(existsSync(join(pkgDir, 'out'))).toBe(false); // nor inside the package
  });

  it('match on the shipped examples prints what it prints in a clone, with the shipped scenario by default', () => {
    const cwd = userFolder();
    const r = sufficiency(cwd, 'match', join(pkgDir, EXAMPLE_REFERRALS), join(pkgDir, EXAMPLE_VACANCIES), '--date', EXAMPLE_DATE);
    expect(r.code, r.all).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(new RegExp(`^Match on ${EXAMPLE_DATE}: \\d+ referrals \\(\\d+ children\\), \\d+ vacancies; Medway 2022 baseline, sha256:`));
    const clone = spawnSync(process.execPath, ['dist/src/cli/main.js', 'match', EXAMPLE_REFERRALS, EXAMPLE_VACANCIES, '--date', EXAMPLE_DATE], { cwd: stage, env, encoding: 'utf8' });
    expect(clone.status, show('match in the clone', clone)).toBe(0);
    expect(r.out).toBe(clone.stdout);
  });

  it('validate takes shipped files by their path in the package, and the user\'s files relative to the user', () => {
    const cwd = userFolder();
    const baseline = sufficiency(cwd, 'validate', join(pkgDir, 'scenarios', 'medway-2022.json'));
    expect(baseline.code, baseline.all).toBe(0);
    expect(baseline.out).toContain('medway-2022.json: valid');
    expect(baseline.out).toContain('Medway 2022 baseline, starting');
    // An option file extends the baseline by a path relative to the option file.
    const option = sufficiency(cwd, 'validate', join(pkgDir, 'scenarios', 'options', 'two-inhouse-homes.json'));
    expect(option.code, option.all).toBe(0);
    expect(option.out).toContain('two-inhouse-homes.json: valid');

    copyFileSync(join(pkgDir, 'scenarios', 'medway-2022.json'), join(cwd, 'my-area.json'));
    const mine = sufficiency(cwd, 'validate', 'my-area.json');
    expect(mine.code, mine.all).toBe(0);
    expect(mine.out.startsWith('my-area.json: valid\n')).toBe(true);
  });

  it('a shipped file\'s package path typed in another folder is not found there, and the message names the shipped copy', () => {
    const cwd = userFolder();
    const r = sufficiency(cwd, 'validate', 'scenarios/medway-2022.json');
    expect(r.code, r.all).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('scenarios/medway-2022.json: file not found');
    expect(r.err).toContain(join(pkgDir, 'scenarios', 'medway-2022.json'));
    expect(r.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('ssda903 reads the shipped synthetic returns (the README example)', () => {
    const cwd = userFolder();
    const dir = join(pkgDir, 'scenarios', 'examples', 'ssda903');
    const r = sufficiency(cwd, 'ssda903', dir);
    expect(r.code, r.all).toBe(0);
    expect(r.out).toContain(`SSDA903 returns in ${dir}: 3 Header, 3 Episodes and 3 UASC files, collection years 2021/22–2023/24.`);
    expect(r.out).toMatch(/Children in care at 31\/03\/2024: \d+/);
  });
});
