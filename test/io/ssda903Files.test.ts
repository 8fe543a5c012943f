import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { EPISODES_COLUMNS } from '../../src/domain/ssda903.js';
import { MAX_MESSAGES, read903Directory, read903Sources } from '../../src/io/ssda903Files.js';
import { list903Files } from '../../src/io/ssda903Sources.js';
import { columnLetter } from '../../src/io/csvRows.js';
import { BAD_CASES, HEADER_OK, goodEpisode } from '../fixtures/ssda903/badFiles.js';
import { episodesCsv, writeFiles } from '../fixtures/ssda903/csv903.js';
import { KNOWN_FILES } from '../fixtures/ssda903/knownHistories.js';
import { rightOf } from '../fixtures/either.js';

const NO_UASC = 'no UASC table found: no child is counted as an unaccompanied asylum-seeking child (that need comes only from the UASC table)';
const tmp = (): string => mkdtempSync(join(tmpdir(), 'ssda903-'));

describe('read903Directory', () => {
  it('finds the CSVs in every folder and recognises them by their columns, whatever their names', async () => {
    const dir = tmp();
    writeFiles(dir, { ...KNOWN_FILES, 'notes/readme.txt': 'not a csv', '.hidden/x.csv': 'CHILD,DECOM\n' });
    const r = await read903Directory(dir);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    expect(r.right.files).toEqual([
      { name: '2022-23/episodes.csv', table: 'Episodes', rows: 14, collectionYear: 2022 },
      { name: '2022-23/header.csv', table: 'Header', rows: 9 },
      { name: '2022-23/uasc.csv', table: 'UASC', rows: 1 },
      { name: '2023-24/2023_UASC.csv', table: 'UASC', rows: 1 },
      { name: '2023-24/SSDA903_2023_Episodes.csv', table: 'Episodes', rows: 10, collectionYear: 2023 },
      { name: '2023-24/SSDA903_2023_Header.csv', table: 'Header', rows: 8 },
    ]);
    expect(r.right.store.episodeRows).toBe(24);
    expect(r.right.store.episodeAt(0)).toMatchObject({ CHILD: 'A', RNE: 'S', PLACE: 'U4', src: 0, line: 2 });
  });

  it('reads a BOM, CRLF line ends, quoted cells, blank lines and columns in any order', async () => {
    const cols = [...EPISODES_COLUMNS].reverse();
    const text = `\uFEFF${cols.join(',')}\r\n${cols.map((c) => (c === 'URN' ? '"SC1,2"' : c === 'CHILD' ? '1' : (goodEpisode() as Record<string, string | undefined>)[c] ?? '')).join(',')}\r\n\r\n,,,,,,,,,,,,\r\n`;
    const r = await read903Sources([{ name: 'e.csv', text }, { name: 'h.csv', text: HEADER_OK }]);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    expect(r.right.store.episodeRows).toBe(1);
    expect(r.right.store.episodeAt(0)).toEqual(expect.objectContaining({ CHILD: '1', URN: 'SC1,2', HOME_POST: 'ME4 4', line: 2 }));
  });

  it('skips other 903 tables and other CSVs with a note', async () => {
    const r = await read903Sources([
      { name: 'e.csv', text: episodesCsv([goodEpisode()]) }, { name: 'h.csv', text: HEADER_OK },
      { name: 'reviews.csv', text: 'CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,01/06/2023,PN1\n' },
      { name: 'budget.csv', text: 'line,amount\n1,2\n' },
    ]);
    if (E.isLeft(r)) throw new Error(r.left.join('\n'));
    expect(r.right.warnings).toEqual(['reviews.csv: the 903 Reviews table, not needed for calibration: skipped', 'budget.csv: not an SSDA903 table (columns line, amount): skipped', NO_UASC]);
  });

  it.each(BAD_CASES)('$rule: a Left naming the file, line and column', async ({ episodes, message }) => {
    const r = await read903Sources([{ name: 'episodes.csv', text: episodes }, { name: 'header.csv', text: HEADER_OK }]);
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    if (typeof message === 'string') expect(r.left).toContain(message);
    else expect(r.left.some((m) => message.test(m))).toBe(true);
  });

  it('collects every problem of every file, not just the first', async () => {
    const r = await read903Sources(BAD_CASES.slice(0, 6).map((c, i) => ({ name: `y${i}/episodes.csv`, text: c.episodes })).concat([{ name: 'header.csv', text: HEADER_OK }]));
    expect(E.isLeft(r) && r.left.length).toBeGreaterThanOrEqual(6);
  });

  it(`shows the first ${MAX_MESSAGES} problems and counts the rest`, async () => {
    const rows = Array.from({ length: MAX_MESSAGES + 50 }, (_, i) => goodEpisode({ CHILD: String(1000 + i), PLACE: 'X9' }));
    const r = await read903Sources([{ name: 'e.csv', text: episodesCsv(rows) }, { name: 'h.csv', text: HEADER_OK }]);
    if (E.isRight(r)) throw new Error('expected a Left');
    expect(r.left).toHaveLength(MAX_MESSAGES + 1);
    expect(r.left[MAX_MESSAGES]).toBe(`… and 50 more problems (${MAX_MESSAGES + 50} in all)`);
  });

  it('an unreadable or unrecognised directory is a clear Left', async () => {
    const empty = tmp();
    expect(await read903Directory(empty)).toEqual(E.left([`${empty}: no CSV or Excel (.xlsx) files found (looked in every folder below it); expected the 903 Header and Episodes tables`]));
    expect(await read903Directory(join(empty, 'nope'))).toEqual(E.left([`${join(empty, 'nope')}: no such directory`]));
    const file = join(empty, 'f.csv');
    writeFileSync(file, 'a,b\n');
    expect(await read903Directory(file)).toEqual(E.left([`${file}: not a directory; give the folder holding the 903 files (Header, Episodes, UASC as CSV or .xlsx)`]));
    const r = await read903Directory(empty);
    expect(E.isLeft(r)).toBe(true);
    mkdirSync(join(empty, 'sub'));
    writeFileSync(join(empty, 'sub', 'other.csv'), 'x,y\n1,2\n');
    const other = await read903Directory(empty);
    expect(E.isLeft(other) && other.left[0]).toMatch(/^no SSDA903 Episodes file found among 2 files \(f\.csv, sub\/other\.csv\): expected a CSV or worksheet whose header line names the columns CHILD, DECOM, RNE/);
    const noHeader = await read903Sources([{ name: 'e.csv', text: episodesCsv([goodEpisode()]) }]);
    expect(E.isLeft(noHeader) && noHeader.left[0]).toMatch(/^no SSDA903 Header file found/);
  });

  it('list903Files and columnLetter', () => {
    const dir = tmp();
    writeFiles(dir, { 'b/2.CSV': '', 'a.csv': '', 'b/1.csv': '', 'c.txt': '' });
    expect(list903Files(dir)).toEqual(E.right(['a.csv', 'b/1.csv', 'b/2.CSV']));
    expect([0, 5, 25, 26, 27].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'AB']);
  });
});

describe('a 903 file saved with another delimiter', () => {
  const semicolons = (csv: string, d: string, quoted = false): string =>
    csv.split('\n').map((l) => (l === '' ? l : l.split(',').map((c) => (quoted ? `"${c}"` : c)).join(d))).join('\n');

  it('says what was found and what to do, instead of "no Episodes file found"', async () => {
    const r = await read903Sources([{ name: 'returns/episodes.csv', text: semicolons(episodesCsv([goodEpisode()]), ';') }, { name: 'header.csv', text: HEADER_OK }]);
    expect(r).toEqual(E.left(['returns/episodes.csv: looks like a ;-separated file (header "CHILD;DECOM;…"), the 903 Episodes table; save it as comma-separated CSV']));
  });

  it('tab-separated and quoted names too; every such file is named', async () => {
    const r = await read903Directory((() => {
      const dir = tmp();
      writeFiles(dir, {
        'episodes.csv': semicolons(episodesCsv([goodEpisode()]), '\t'),
        'header.csv': semicolons(HEADER_OK, ';', true),
      });
      return dir;
    })());
    expect(r).toEqual(E.left([
      'episodes.csv: looks like a tab-separated file (header "CHILD\\tDECOM\\t…"), the 903 Episodes table; save it as comma-separated CSV',
      'header.csv: looks like a ;-separated file (header "\\"CHILD\\";\\"SEX\\";…"), the 903 Header table; save it as comma-separated CSV',
    ]));
  });

  it('another ;-separated CSV that is not a 903 table is skipped with a note saying so', async () => {
    const r = await read903Sources([
      { name: 'e.csv', text: episodesCsv([goodEpisode()]) }, { name: 'h.csv', text: HEADER_OK }, { name: 'budget.csv', text: 'line;amount;note\n1;2;x\n' },
    ]);
    expect(rightOf(r).warnings).toEqual(['budget.csv: looks like a ;-separated file (header "line;amount;…"), and not an SSDA903 table: skipped', NO_UASC]);
  });
});

describe('read leniently', () => {
  it('a folder with nothing to estimate from is still a Left that says what it holds, in both modes', async () => {
    const noDates = episodesCsv([goodEpisode({ DECOM: 'soon' }), goodEpisode({ CHILD: '2', DECOM: '' })]);
    for (const lenient of [true, false]) {
      const r = await read903Sources([{ name: 'e.csv', text: noDates }, { name: 'h.csv', text: HEADER_OK }], { lenient });
      expect(E.isLeft(r)).toBe(true);
    }
    const lenient = await read903Sources([{ name: 'e.csv', text: noDates }, { name: 'h.csv', text: HEADER_OK }], { lenient: true });
    expect(lenient).toEqual(E.left(['no usable episode rows: the Episodes files (e.csv) hold 2 rows, none with a readable CHILD and DECOM']));
    const noDob = await read903Sources([{ name: 'e.csv', text: episodesCsv([goodEpisode()]) }, { name: 'h.csv', text: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,n/k,WBRI,,,\n' }], { lenient: true });
    expect(noDob).toEqual(E.left(['no usable Header rows: the Header files (h.csv) hold no row with a readable CHILD and DOB, and dates of birth are needed for age bands']));
  });

  it('a table missing a column it can do without: a warning, the cells read as blank; one it cannot: a Left', async () => {
    const cols = EPISODES_COLUMNS.filter((c) => c !== 'LS');
    const text = `${cols.join(',')}\n${cols.map((c) => (goodEpisode() as Record<string, string | undefined>)[c] ?? '').join(',')}\n`;
    const r = rightOf(await read903Sources([{ name: 'e.csv', text }, { name: 'h.csv', text: HEADER_OK }], { lenient: true }));
    expect(r.warnings).toContain('e.csv: the 903 Episodes table without column LS: read as blank in every row');
    expect(r.returns.quality?.findings).toEqual([{ rule: 'unknown-ls', src: 0, line: 2, column: 'LS', child: '1' }]);
    const noDecom = EPISODES_COLUMNS.filter((c) => c !== 'DECOM');
    const bad = await read903Sources([{ name: 'e.csv', text: `${noDecom.join(',')}\n` }, { name: 'h.csv', text: HEADER_OK }], { lenient: true });
    expect(E.isLeft(bad) && bad.left[0]).toMatch(/^e\.csv, line 1: recognised as the 903 Episodes table, but column DECOM is missing/);
  });

  it('reads a date of birth from another 903 table for a child with no Header row', async () => {
    const r = rightOf(await read903Sources([
      { name: 'e.csv', text: episodesCsv([goodEpisode({ CHILD: '7' })]) }, { name: 'h.csv', text: HEADER_OK },
      { name: 'reviews.csv', text: 'CHILD,DOB,REVIEW,REVIEW_CODE\n7,01/01/2011,01/06/2023,PN1\n' },
    ], { lenient: true }));
    expect(r.store.otherDobOf(r.store.children.indexOf('7')!)).toBe(Date.UTC(2011, 0, 1) / 86_400_000);
  });
});
