// SSDA903 ingestion at scale: a generated 1,000,000-row Episodes file (and its Header) in a temp
// folder, read (streamed with csv-parse), validated, cleaned and estimated, as `calibrate
// --ssda903` does. Reports rows per second and the process's peak resident memory
// (`process.resourceUsage().maxRSS`): the file is never held as text, the rows only as columns
// (src/domain/ssda903Store.ts), and each child's history only while it is being tallied.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { estimateFromReturns } from '../src/calibrate/ssda903/estimateFrom903.js';
import { E } from '../src/domain/fp.js';
import { EPISODES_COLUMNS, HEADER_COLUMNS, formatDate903 } from '../src/domain/ssda903.js';
import { loadGazetteer } from '../src/io/geography.js';
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
    // At most 14 at the start, so that every episode (within about four years of it) ends before 18.
    const dob = DAY0 - Math.floor(next() * 14 * 365);
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

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface ReadResult {
  readonly readSeconds: number;
  readonly estimateSeconds: number;
  /** maxRSS of the reading process when it starts (modules loaded) and at the end. */
  readonly startRss: number;
  readonly peakRss: number;
  readonly headerRows: number;
  readonly children: number;
  readonly placements: number;
  readonly columnBytes: number;
}

/** Read, validate, clean and estimate the folder, as `calibrate --ssda903` does (run in a fresh process). */
const readAndEstimate = async (dir: string): Promise<ReadResult> => {
  const startRss = process.resourceUsage().maxRSS * 1024;
  const g = loadGazetteer();
  if (E.isLeft(g)) throw new Error(g.left);
  const t0 = performance.now();
  const read = await read903Directory(dir);
  const t1 = performance.now();
  if (E.isLeft(read)) throw new Error(`benchmark data did not validate: ${read.left.slice(0, 3).join('; ')}`);
  const est = estimateFromReturns(read.right.returns, g.right);
  const t2 = performance.now();
  if (E.isLeft(est)) throw new Error(`benchmark data did not estimate: ${est.left.join('; ')}`);
  return {
    readSeconds: (t1 - t0) / 1000, estimateSeconds: (t2 - t1) / 1000, startRss, peakRss: process.resourceUsage().maxRSS * 1024,
    headerRows: read.right.store.headerRows, children: est.right.cleaning.children, placements: est.right.cleaning.placements,
    columnBytes: read.right.store.columnBytes,
  };
};

/** Generate `rows` rows, then read them in a fresh process, so its peak memory is the reader's alone. */
const measure = async (rows: number): Promise<ReadResult & { readonly bytes: number }> => {
  const dir = mkdtempSync(join(tmpdir(), 'ssda903-bench-'));
  try {
    await writeBigReturn(dir, rows);
    const bytes = statSync(join(dir, 'episodes.csv')).size;
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--read', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the reading process failed: ${child.stderr}`);
    return { ...(JSON.parse(child.stdout.trim().split('\n').pop()!) as ReadResult), bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Read + estimate at a quarter of `rows` and at `rows`: speed, peak memory, and what each extra row costs. */
export const runSsda903Bench = async (rows = 1_000_000): Promise<string[]> => {
  const small = await measure(Math.round(rows / 4));
  const big = await measure(rows);
  const perRow = (big.peakRss - small.peakRss) / (rows - Math.round(rows / 4));
  const seconds = big.readSeconds + big.estimateSeconds;
  return [
    `SSDA903 ingestion: ${rows.toLocaleString('en-GB')} Episodes rows (${mib(big.bytes)} CSV) and ${big.headerRows.toLocaleString('en-GB')} Header rows, read, validated, cleaned and estimated in a fresh process`,
    `  read + validate ${big.readSeconds.toFixed(1)} s, clean + estimate ${big.estimateSeconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s overall (${big.children.toLocaleString('en-GB')} children, ${big.placements.toLocaleString('en-GB')} placements)`,
    `  peak memory (maxRSS) ${mib(big.peakRss)} at ${rows.toLocaleString('en-GB')} rows, ${mib(small.peakRss)} at ${Math.round(rows / 4).toLocaleString('en-GB')} (${mib(big.startRss)} with the code loaded): ${perRow.toFixed(0)} bytes for each extra row; the column store is ${mib(big.columnBytes)} (${(big.columnBytes / rows).toFixed(0)} bytes a row)`,
  ];
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--read') {
    console.log(JSON.stringify(await readAndEstimate(process.argv[3]!)));
  } else {
    const rows = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
    for (const line of await runSsda903Bench(rows)) console.log(line);
  }
}
