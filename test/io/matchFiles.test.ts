import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { epochDayOf } from '../../src/domain/time.js';
import { loadMatchFiles } from '../../src/io/matchFiles.js';
import { rightOf } from '../fixtures/either.js';

const DAY = epochDayOf('2025-02-03');
const SCENARIO = 'scenarios/medway-2022.json';
const referrals = readFileSync('scenarios/examples/referrals.csv', 'utf8');
const vacancies = readFileSync('scenarios/examples/vacancies.csv', 'utf8');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'matchFiles-'));
const write = (dir: string, name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

describe('loadMatchFiles: every problem in one pass', () => {
  it('reports cell formats, rules across cells and rows, and postcodes together, in file order', () => {
    const dir = tmp();
    const [head, r1, r2, ...rest] = lines(referrals);
    const rows = [
      head!,
      r1!.replace('12/06/2010', '31/02/2010'), // line 2: a bad date (a cell format)
      r2!.replace('ME8 0', 'ZZ9 9'), // line 3: an unknown postcode (the geography)
      ...rest,
      r1!.replace(',complex,', ',autism,'), // last line: a bad need and an id used on line 2 (across rows)
    ];
    const rf = write(dir, 'referrals.csv', `${rows.join('\n')}\n`);
    const [vh, v1, ...vrest] = lines(vacancies);
    const vf = write(dir, 'vacancies.csv', `${[vh!, v1!.replace(',0,11,', ',12,4,'), ...vrest].join('\n')}\n`);
    const r = loadMatchFiles({ referrals: rf, vacancies: vf, scenario: SCENARIO }, DAY);
    const last = rows.length;
    expect(r).toEqual(E.left([
      `${rf}, line 2, column C (dateOfBirth): expected date as DD/MM/YYYY or YYYY-MM-DD, found "31/02/2010" (no such date; DD/MM/YYYY is read day first)`,
      `${rf}, line 3, column G (homePostcode): unknown postcode "ZZ9 9": not a postcode sector or district in the ONS Postcode Directory`,
      `${rf}, line ${last}, column E (needs): expected list of standard, complex, disability, parentAndChild, uasc, separated by ;, found "autism" (unknown: "autism")`,
      `${rf}, line ${last}, column A (id): id "R101" is already used on line 2; each child needs an id of their own (siblings share a siblingGroup, not an id)`,
      `${vf}, line 2, column G (ageMax): approved age range upside down: ageMin 12 is above ageMax 4`,
    ]));
  });

  it('checks the files even when the scenario is refused', () => {
    const dir = tmp();
    const s = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    s.matching.weight = s.matching.weights;
    const sf = write(dir, 'scenario.json', JSON.stringify(s));
    const [head, r1, ...rest] = lines(referrals);
    const rf = write(dir, 'referrals.csv', `${[head!, r1!.replace('ME4 4', 'ZZ9 9'), ...rest].join('\n')}\n`);
    const r = loadMatchFiles({ referrals: rf, vacancies: 'scenarios/examples/vacancies.csv', scenario: sf }, DAY);
    expect(E.isLeft(r) && r.left).toEqual([
      `${sf}: $.matching.weight: unknown key "weight"; did you mean \`weights\`?`,
      `${rf}, line 2, column G (homePostcode): unknown postcode "ZZ9 9": not a postcode sector or district in the ONS Postcode Directory`,
    ]);
  });

  it('passes the scenario\'s warnings on with the files\' remarks', () => {
    const dir = tmp();
    const s = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    s.carers[3].households = 2500;
    const sf = write(dir, 'scenario.json', JSON.stringify(s));
    const r = loadMatchFiles({ referrals: 'scenarios/examples/referrals.csv', vacancies: 'scenarios/examples/vacancies.csv', scenario: sf }, DAY);
    expect(rightOf(r).warnings.filter((w) => w.startsWith(sf))).toEqual([
      `${sf}: $.carers[3].households: 2500 is above 2,000: more than any one authority has; fine for a regional or national market, and runs take longer`,
    ]);
  });
});
