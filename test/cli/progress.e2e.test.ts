// Progress and the terminal: a bar on a terminal (here a pseudo-terminal made by `script`), none in
// a pipe or with --quiet; tables no wider than the terminal, or 100 columns when it is not known.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve('dist/src/cli/main.js');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sufficiency-progress-'));
const ESC = String.fromCharCode(27);

/** Run the CLI on a pseudo-terminal `columns` wide; `script` copies everything the terminal shows to stdout. */
const onTerminal = (columns: number, args: string[]): string => {
  const command = `stty cols ${columns}; ${process.execPath} ${CLI} ${args.join(' ')}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
};
const inPipe = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const visibleLines = (text: string): string[] =>
  text.split(/\r?\n/).map((l) => l.split('\r').pop()!.replace(new RegExp(`${ESC}(\\[[0-9;?]*[A-Za-z]|[78])`, 'g'), ''));

describe('progress and the terminal', () => {
  it('draws a progress bar with replications, rate and time left on a terminal', () => {
    const shown = onTerminal(120, ['forecast', '--runs', '150', '--years', '1', '--workers', '1', '--out', join(tmp(), 'f')]);
    expect(shown).toMatch(/Forecast \[[^\]]*\] [\d,]+\/150 replications · [\d.,…]+\/s · [^ ]+ left/);
    expect(shown).toContain('Children in care at 31 March');
  });

  it('shows the kilobytes read of SSDA903 files on a terminal, and nothing in a pipe', () => {
    const shown = onTerminal(120, ['ssda903', 'scenarios/examples/ssda903']);
    expect(shown).toMatch(/Reading \[[^\]]*\] [\d,]+\/[\d,]+ kB/);
    const piped = inPipe(['ssda903', 'scenarios/examples/ssda903']);
    expect(piped.status).toBe(0);
    expect(piped.stderr).not.toContain('Reading [');
    expect(piped.stdout).not.toContain('Reading [');
  });

  it('draws nothing in a pipe, and nothing with --quiet on a terminal', () => {
    const r = inPipe(['forecast', '--runs', '150', '--years', '1', '--workers', '1', '--out', join(tmp(), 'f')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('replications ·');
    expect(r.stdout).not.toContain('\r');
    const quiet = onTerminal(120, ['forecast', '--runs', '150', '--years', '1', '--workers', '1', '--quiet', '--out', join(tmp(), 'f')]);
    expect(quiet).toBe('');
  });

  it('fits the forecast and compare tables to the terminal, and to 100 columns in a pipe', () => {
    const dir = tmp();
    // The table's lines: from the header under "Median (5th–95th…" to the blank line before "Wrote".
    const shown = visibleLines(onTerminal(80, ['forecast', '--runs', '20', '--workers', '1', '--out', join(dir, 'f')]));
    const table = shown.slice(shown.findIndex((l) => l.startsWith('Median')) + 1, shown.findIndex((l) => l.startsWith('Wrote')));
    expect(table.filter((l) => l.startsWith('Total spend'))).toHaveLength(3);
    for (const l of table) expect(l.length).toBeLessThanOrEqual(80);
    const piped = inPipe(['compare', 'scenarios/medway-2022.json', 'scenarios/options/emergency-beds.json', '--runs', '20', '--workers', '1', '--out', join(dir, 'c')]);
    expect(piped.status).toBe(0);
    const lines = piped.stdout.split('\n');
    expect(lines.some((l) => l.startsWith('Placed over 20 miles'))).toBe(true);
    for (const l of lines.filter((x) => !x.startsWith('== ') && !x.startsWith('Wrote '))) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('--json prints the summary alone on stdout, for scripts', () => {
    const out = join(tmp(), 'f');
    const r = inPipe(['forecast', '--runs', '5', '--years', '1', '--workers', '1', '--json', '--out', out]);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect([s.runs, s.years.length]).toEqual([5, 1]);
    expect(r.stderr).toContain(`Wrote in ${out}: summary.json`);
  });
});
