// `sufficiency match` as a user runs it: the compiled CLI in a child process (npm test builds
// first). The example files, the machine-readable outputs, and every kind of bad CSV.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/src/cli/main.js';
const REFERRALS = 'scenarios/examples/referrals.csv';
const VACANCIES = 'scenarios/examples/vacancies.csv';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SUFFICIENCY_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sufficiency-match-'));
const write = (dir: string, name: string, content: string | Buffer): string => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const exampleReferrals = readFileSync(REFERRALS, 'utf8');
const exampleVacancies = readFileSync(VACANCIES, 'utf8');

describe('sufficiency match on the example files', () => {
  it('prints the ranked vacancies, the reasons and both policies\' assignments', () => {
    const r = run('match', REFERRALS, VACANCIES, '--date', '2025-02-03', '--explain');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Match on 2025-02-03: 9 referrals (11 children), 15 vacancies; Medway 2022 baseline');
    expect(r.out).toContain('approved for 0–9, child is 14');
    expect(r.out).toContain('cannot meet complex needs');
    expect(r.out).toContain('2 places, sibling group of 3');
    expect(r.out).toContain('no vacancy until 2025-03-01');
    expect(r.out).toMatch(/G1\s+3\s+today\s+V03\s+-41\.1\s+—/);
    expect(r.out).toContain('optimal: 9 of 9 referrals placed (11 of 11 children)');
  });

  it('--json and --csv are deterministic and agree; --out writes both and nothing else', () => {
    const args = ['match', REFERRALS, VACANCIES, '--date', '2025-02-03', '--explain', '--top', '0'];
    const j1 = run(...args, '--json');
    const j2 = run(...args, '--json');
    expect(j1.code).toBe(0);
    expect(j1.out).toBe(j2.out);
    const doc = JSON.parse(j1.out);
    expect(doc.summary.optimal).toMatchObject({ referralsPlaced: 9, childrenPlaced: 11, provenOptimal: true });
    expect(doc.summary.greedy).toMatchObject({ referralsPlaced: 8, childrenPlaced: 8 });
    const g1 = doc.referrals.find((x: { id: string }) => x.id === 'G1');
    expect(g1.assigned).toEqual({ optimal: { vacancy: 'V03', rank: 1, score: -41.1 }, greedy: null });
    const csv = run(...args, '--csv');
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFreferral,siblingGroup,children,urgency,neededDate,suitable,rank,vacancy,carer,type,postcode,miles,weeklyCost,score,score_distance,score_cost,score_hierarchy,score_specialism,score_typePreference,score_soft,disruptionRisk12Months,assignedOptimal,assignedGreedy,reason');
    const rankedRows = lines.filter((l) => l.includes(',yes,') && /,yes,\d+,/.test(l));
    const rankedInJson = doc.referrals.reduce((s: number, x: { ranked: unknown[] }) => s + x.ranked.length, 0);
    expect(rankedRows.length).toBe(rankedInJson);
    expect(lines.length - 1).toBe(doc.referrals.reduce((s: number, x: { ranked: unknown[]; unsuitable: unknown[] }) => s + x.ranked.length + x.unsuitable.length, 0));
    const out = join(tmp(), 'match');
    const w = run(...args, '--out', out, '--json');
    expect(w.code).toBe(0);
    expect(w.err).toContain(`Wrote in ${out}: match.json and match.csv`);
    expect(readFileSync(join(out, 'match.json'), 'utf8')).toBe(j1.out);
    expect(readFileSync(join(out, 'match.csv'), 'utf8')).toBe(csv.out);
  });

  it('weights from the command line change the score; the greedy policy can be shown first', () => {
    const doc = JSON.parse(run('match', REFERRALS, VACANCIES, '--date', '2025-02-03', '--json', '--weight-cost', '0', '--weight-soft', '20', '--policy', 'greedy').out);
    expect(doc.weights).toMatchObject({ costPer100: 0, softPreference: 20, distancePerMile: 1 });
    expect(doc.policy).toBe('greedy');
    const r101 = doc.referrals.find((x: { id: string }) => x.id === 'R101');
    expect(r101.ranked[0].parts.cost).toBe(0);
  });

  it('the same output, byte for byte, whatever the order of the vacancy rows', () => {
    const dir = tmp();
    const [head, ...rows] = exampleVacancies.trimEnd().split('\n');
    const reversed = write(dir, 'vacancies.csv', `${[head, ...rows.reverse()].join('\n')}\n`);
    const args = ['--date', '2025-02-03', '--json', '--explain', '--top', '0'];
    expect(run('match', REFERRALS, reversed, ...args).out).toBe(run('match', REFERRALS, VACANCIES, ...args).out);
  });

  it('reads Windows line endings, a byte order mark and quoted values as the same data', () => {
    const dir = tmp();
    const crlf = write(dir, 'referrals.csv', `\uFEFF${exampleReferrals.replace(/\n/g, '\r\n')}`);
    const quoted = write(dir, 'vacancies.csv', exampleVacancies.replace(/,V0(\d),/g, ',"V0$1",'));
    const a = run('match', REFERRALS, VACANCIES, '--date', '2025-02-03', '--json');
    const b = run('match', crlf, quoted, '--date', '2025-02-03', '--json');
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
  });
});

describe('bad CSV files: exit 2, every problem named by file, line and column, nothing written', () => {
  const expectRejected = (referrals: string, vacancies: string, ...fragments: string[]): string => {
    const dir = tmp();
    const rf = write(dir, 'referrals.csv', referrals);
    const vf = write(dir, 'vacancies.csv', vacancies);
    const out = join(dir, 'out');
    const r = run('match', rf, vf, '--date', '2025-02-03', '--out', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    for (const f of fragments) expect(r.err).toContain(f.replace('$R', rf).replace('$V', vf));
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    return r.err;
  };
  const header = exampleReferrals.split('\n')[0]!;

  it('missing columns', () => {
    expectRejected(exampleReferrals.replace('neededBy', 'whenever'), exampleVacancies.replace(',weeklyCost,', ',fee,'),
      '$R, line 1: missing required column neededBy',
      '$V, line 1: missing required column weeklyCost');
  });

  it('bad dates, unknown codes, bad numbers: all reported at once, in both files', () => {
    const bad = `${header}\nX1,,31/02/2015,,standard,today,ME4 4,,,,,,,,,,,,\nX2,,01/02/2015,,autism,tomorrow,ME4 4,,,,fostering,,,,,,,,\nX3,,,,standard,today,ME4 4,,,,,,,,,,,,\n`;
    const err = expectRejected(bad, exampleVacancies.replace('V02,IH-0388,inHouseFoster', 'V02,IH-0388,fosterCarer'),
      '$R, line 2, column C (dateOfBirth): expected date as DD/MM/YYYY or YYYY-MM-DD, found "31/02/2015" (no such date; DD/MM/YYYY is read day first)',
      '$R, line 3, column E (needs): expected list of standard, complex, disability, parentAndChild, uasc, separated by ;, found "autism" (unknown: "autism")',
      '$R, line 3, column F (neededBy): expected today, under5days, later, or a date as DD/MM/YYYY or YYYY-MM-DD, found "tomorrow"',
      '$R, line 3, column K (fosterCare): expected one of preferred, suitable, unsuitable, found "fostering"',
      '$V, line 3, column C (type): expected one of inHouseFoster, ifa, residentialInHouse, residentialPrivate, supported, parentAndChild, found "fosterCarer"',
      // Rules across cells are checked in the same pass, on the rows whose cells they need decoded.
      '$R, line 4, column C (dateOfBirth): required: a date of birth or an age (neither is given)');
    expect(err.split('\n').filter((l) => l !== '')).toHaveLength(6);
  });

  it('unknown postcodes, duplicate ids, age and date of birth missing', () => {
    const refs = `${exampleReferrals}R101,,01/02/2015,,standard,today,ZZ9 9,,,,,,,,,,,,\nR200,,,,standard,today,ME4 4,,,,,,,,,,,,\n`;
    expectRejected(refs, exampleVacancies,
      '$R, line 13, column A (id): id "R101" is already used on line 2',
      '$R, line 13, column G (homePostcode): unknown postcode "ZZ9 9"',
      '$R, line 14, column C (dateOfBirth): required: a date of birth or an age (neither is given)');
  });

  it('an empty file, a header alone, a wrong delimiter, broken quotes, a short row', () => {
    expectRejected('', exampleVacancies, '$R: the file is empty');
    expectRejected(`${header}\n`, exampleVacancies, '$R: no referral rows, only the header line');
    expectRejected(exampleReferrals.replace(/,/g, ';'), exampleVacancies, '$R, line 1: the columns are separated by semicolons (";"), not commas');
    expectRejected(exampleReferrals, exampleVacancies.replace(/,/g, '\t'), '$V, line 1: the columns are separated by tabs, not commas');
    expectRejected(exampleReferrals, exampleVacancies.replace('V05,IFA-GRN-112', 'V05,IFA "GRN" 112'), '$V, line 6: not readable as CSV');
    expectRejected(exampleReferrals.replace('R102,,,10,standard', 'R102,10,standard'), exampleVacancies, '$R, line 3: 17 values, expected 19 as in the header');
  });

  it('valid rows are never dropped: every row is matched or reported', () => {
    const r = run('match', REFERRALS, VACANCIES, '--date', '2025-02-03', '--json');
    const doc = JSON.parse(r.out);
    const ids = doc.referrals.flatMap((x: { children: { id: string }[] }) => x.children.map((c) => c.id)).sort();
    expect(ids).toEqual(exampleReferrals.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]).sort());
  });

  it('bad options', () => {
    const a = run('match', REFERRALS, VACANCIES, '--policy', 'best');
    expect(a.code).toBe(2);
    expect(a.err).toContain('--policy');
    const b = run('match', REFERRALS, VACANCIES, '--json', '--csv');
    expect(b.code).toBe(2);
    expect(b.err).toContain('--json and --csv cannot be used together');
    expect(run('match', REFERRALS, VACANCIES, '--date', '31/02/2025').err).toContain('expected a date');
    expect(run('match', REFERRALS, VACANCIES, '--weight-cost', '-1').code).toBe(2);
  });
});
