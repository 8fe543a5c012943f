// SSDA903 ingestion at scale: a generated 1,000,000-row Episodes file (and its Header) in a temp
// folder, read (streamed with csv-parse), validated and cleaned. Reports rows per second and the
// process's peak resident memory (`process.resourceUsage().maxRSS`): the file is never held in
// memory as text, only as compact decoded rows.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clean903 } from '../src/calibrate/ssda903/clean903.js';
import { E } from '../src/domain/fp.js';
import { EPISODES_COLUMNS, HEADER_COLUMNS, formatDate903 } from '../src/domain/ssda903.js';
import { read903Directory } from '../src/io/ssda903Files.js';

const DAY0 = Date.UTC(2021, 3, 1) / 86_400_000;
const PLACES: readonly (readonly [string, string])[] = [['U4', 'PR1'], ['U6', 'PR4'], ['K2', 'PR4'], ['U3', 'PR1'], ['U6', 'PR1']];
const REASONS = ['CREQB', 'CARPL', 'CHILD', 'OTHER', 'CARPL'];
const SECTORS = ['ME1 1', 'ME1 2', 'ME2 2', 'ME4 4', 'ME5 0', 'ME7 1', 'ME8 0', 'CT1 1', 'TN1 1'];

/** A small deterministic generator (no Math.random): xorshift32. */
const xorshift = (seed: number): (() => number) => {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
};

/** Write `rows` episode rows (5 per child: S, P, L, P, then open or ceased) and the Header, streaming. */
export const writeBigReturn = async (dir: string, rows: number): Promise<void> => {
  const next = xorshift(903);
  const episodes = createWriteStream(join(dir, 'episodes.csv'));
  const header = createWriteStream(join(dir, 'header.csv'));
  const write = async (s: ReturnType<typeof createWriteStream>, text: string): Promise<void> => {
    if (!s.write(text)) await once(s, 'drain');
  };
  await write(episodes, `${EPISODES_COLUMNS.join(',')}\n`);
  await write(header, `${HEADER_COLUMNS.join(',')}\n`);
  const children = Math.ceil(rows / 5);
  let written = 0;
  let chunk: string[] = [];
  let heads: string[] = [];
  for (let c = 0; c < children && written < rows; c++) {
    const id = `C${100000 + c}`;
    const dob = DAY0 - Math.floor(next() * 17 * 365);
    let t = Math.max(dob + 30, DAY0 + Math.floor(next() * 700));
    const home = SECTORS[Math.floor(next() * SECTORS.length)]!;
    heads.push(`${id},${next() < 0.56 ? 1 : 2},${formatDate903(dob)},WBRI,,,`);
    for (let k = 0; k < 5 && written < rows; k++, written++) {
      const [place, provider] = PLACES[Math.floor(next() * PLACES.length)]!;
      const last = k === 4 || written === rows - 1;
      const len = 20 + Math.floor(next() * 120);
      const open = last && next() < 0.5;
      const dec = open ? '' : formatDate903(t + len);
      const rec = open ? '' : last ? 'E4A' : 'X1';
      const reason = !open && !last && k !== 1 ? REASONS[Math.floor(next() * REASONS.length)]! : '';
      const rne = k === 0 ? 'S' : k === 2 ? 'L' : 'P';
      chunk.push(`${id},${formatDate903(t)},${rne},C2,N1,${place},${provider},${dec},${rec},${reason},${home},${SECTORS[Math.floor(next() * SECTORS.length)]},`);
      t += len;
    }
    if (chunk.length >= 20_000) {
      await write(episodes, `${chunk.join('\n')}\n`);
      await write(header, `${heads.join('\n')}\n`);
      chunk = [];
      heads = [];
    }
  }
  await write(episodes, chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await write(header, heads.length > 0 ? `${heads.join('\n')}\n` : '');
  episodes.end();
  header.end();
  await Promise.all([once(episodes, 'finish'), once(header, 'finish')]);
};

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

export const runSsda903Bench = async (rows = 1_000_000): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'ssda903-bench-'));
  try {
    const rssBefore = process.resourceUsage().maxRSS;
    await writeBigReturn(dir, rows);
    const bytes = statSync(join(dir, 'episodes.csv')).size;
    const t0 = performance.now();
    const read = await read903Directory(dir);
    const t1 = performance.now();
    if (E.isLeft(read)) throw new Error(`benchmark data did not validate: ${read.left.slice(0, 3).join('; ')}`);
    const cleaned = clean903(read.right.tables);
    const t2 = performance.now();
    const peak = process.resourceUsage().maxRSS;
    const seconds = (t2 - t0) / 1000;
    return [
      `SSDA903 ingestion: ${rows.toLocaleString('en-GB')} Episodes rows (${(bytes / 2 ** 20).toFixed(0)} MiB CSV) and ${read.right.tables.header.length.toLocaleString('en-GB')} Header rows, streamed from a temp folder`,
      `  read + validate ${((t1 - t0) / 1000).toFixed(1)} s, clean ${((t2 - t1) / 1000).toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s overall (${cleaned.counts.children.toLocaleString('en-GB')} children, ${cleaned.counts.placements.toLocaleString('en-GB')} placements)`,
      `  peak memory (maxRSS) ${mib(peak)} (${mib(rssBefore)} before generating); the decoded rows, not the file text, are what stays in memory`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  for (const line of await runSsda903Bench(rows)) console.log(line);
}
