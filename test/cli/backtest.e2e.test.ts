// `backtest --ssda903 DIR --rewind 1` on a synthetic return: calibrate on the past, forecast the
// last year, and score the actuals against the forecast band.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asAtDay } from '../../src/calibrate/ssda903/asAtDay.js';
import { returnsOfTables } from '../../src/calibrate/ssda903/returns.js';
import type { Tables903 } from '../../src/domain/ssda903.js';
import { epochDayOf } from '../../src/domain/time.js';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/src/cli/main.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('sufficiency backtest', () => {
  it('forecasts the last year from the data before it and reports how many actuals fell inside the band', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backtest-'));
    expect(run('forecast', '--runs', '1', '--years', '3', '--export-ssda903', join(dir, '903'), '--quiet', '--out', join(dir, 'fc')).code).toBe(0);
    const r = run('backtest', '--ssda903', join(dir, '903'), '--rewind', '1', '--runs', '60', '--observed-from', '2022-12-31', '--workers', '1');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('calibrated on the data up to 2024-03-31');
    const m = /(\d+) of (\d+) actuals inside the forecast's 5th–95th percentile band/.exec(r.out);
    expect(m).not.toBeNull();
    // The data come from the model itself, so most actuals should fall inside the band.
    expect(Number(m![1]) / Number(m![2])).toBeGreaterThanOrEqual(0.6);
  });

  it('truncates returns to what was known on a day', () => {
    const d = (iso: string) => epochDayOf(iso);
    const tables = {
      header: [], uasc: [],
      episodes: [
        { CHILD: 'a', DECOM: d('2023-01-01'), DEC: d('2023-06-01'), REC: 'X1', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U6' },
        { CHILD: 'a', DECOM: d('2023-06-01'), DEC: d('2024-06-01'), REC: 'E4A', RNE: 'P', LS: 'C2', CIN: 'N1', PLACE: 'U6' },
        { CHILD: 'b', DECOM: d('2024-05-01'), RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'K2' },
      ],
    } as unknown as Tables903;
    const seen: [string, number | undefined, string | undefined][] = [];
    asAtDay(returnsOfTables(tables), d('2024-03-31')).forEachChild((c) => { for (const e of c.episodes) seen.push([e.CHILD, e.DEC, e.REC]); });
    expect(seen).toEqual([['a', d('2023-06-01'), 'X1'], ['a', undefined, undefined]]);
  });
});
