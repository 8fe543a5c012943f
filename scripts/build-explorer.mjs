// `npm run explorer`: builds dist/explorer/index.html, the in-browser explorer, as ONE file that
// opens from disk with no server and fetches nothing.
//
//   1. The postcode gazetteer (data/geography/*.csv) is parsed here and embedded in compact form
//      (src/web/gazetteer.ts reads it back into the Gazetteer the CLI loads).
//   2. The worker (src/web/worker.ts: the engine + the gazetteer) is bundled by esbuild into a
//      string; the page starts it from a Blob URL.
//   3. The page script (src/web/main.ts: UI, vega charts, exceljs workbook, the Medway baseline
//      read here from scenarios/medway-2022.json, and the worker's source) is bundled.
//   4. src/web/page.ts, bundled and run here, wraps the script in the HTML page.
//
// The build is deterministic: the same sources give the same bytes.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXPLORER_PATH = join(root, 'dist', 'explorer', 'index.html');

const SECTORS = { file: 'postcode-sectors.csv', header: 'sector,easting,northing,laCode,laShare,postcodes' };
const DISTRICTS = { file: 'postcode-districts.csv', header: 'district,easting,northing,laCode,laShare,postcodes' };
const COORDINATE = /^-?\d+(\.\d+)?$/;

/**
 * The gazetteer CSVs in `dir` → `{ laCodes, zones }` as src/web/gazetteer.ts reads it, with the
 * checks src/io/geography.ts makes (header, six fields, numeric coordinates, no repeated zone):
 * a bad file stops the build with its name and line.
 */
export const compactGazetteer = (dir) => {
  const laCodes = [];
  const laIndex = new Map();
  const seen = new Set();
  const zones = [];
  for (const { file, header } of [SECTORS, DISTRICTS]) {
    const path = join(dir, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    const first = (lines[0] ?? '').replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (first !== header) throw new Error(`${path}:1: expected header "${header}", found "${first}"`);
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i].replace(/\r$/, '');
      if (line.trim() === '') continue;
      const fields = line.split(',');
      if (fields.length !== 6) throw new Error(`${path}:${i + 1}: expected 6 comma-separated fields, found ${fields.length}`);
      const code = fields[0].trim().toUpperCase().replace(/\s+/g, ' ');
      const easting = fields[1].trim();
      const northing = fields[2].trim();
      const la = fields[3].trim();
      if (code === '' || !COORDINATE.test(easting) || !COORDINATE.test(northing)) throw new Error(`${path}:${i + 1}: bad zone ${JSON.stringify(line)}`);
      if (seen.has(code)) throw new Error(`${path}:${i + 1}: zone ${code} appears more than once`);
      seen.add(code);
      if (la !== '' && !laIndex.has(la)) {
        laIndex.set(la, laCodes.length);
        laCodes.push(la);
      }
      zones.push(`${code},${easting},${northing},${la === '' ? '' : laIndex.get(la)}`);
    }
  }
  return { laCodes, zones: zones.join(';') };
};

/** An esbuild plugin that answers `explorer:<name>` imports with generated modules. */
const virtualModules = (modules) => ({
  name: 'explorer-virtual-modules',
  setup(b) {
    b.onResolve({ filter: /^explorer:/ }, (args) => ({ path: args.path, namespace: 'explorer-virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'explorer-virtual' }, (args) => {
      const name = args.path.slice('explorer:'.length);
      if (!(name in modules)) return { errors: [{ text: `unknown build-time module ${args.path}` }] };
      return { contents: `export default ${JSON.stringify(modules[name])};`, loader: 'js' };
    });
  },
});

const BROWSERS = ['chrome100', 'firefox100', 'safari15', 'edge100'];

const bundle = async (entry, modules, extra = {}) => {
  const out = await build({
    entryPoints: [join(root, 'src', 'web', entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: BROWSERS,
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    plugins: [virtualModules(modules)],
    ...extra,
  });
  return out.outputFiles[0].text;
};

export const buildExplorer = async (outfile = EXPLORER_PATH) => {
  const gazetteer = compactGazetteer(join(root, 'data', 'geography'));
  const medway = JSON.parse(readFileSync(join(root, 'scenarios', 'medway-2022.json'), 'utf8'));
  const workerSource = await bundle('worker.ts', { gazetteer });
  const script = await bundle('main.ts', { medway, 'worker-source': workerSource });
  // The page template is TypeScript (it shares the report's styles and escaping): bundle it for
  // Node and import it from memory.
  const page = await build({
    entryPoints: [join(root, 'src', 'web', 'page.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
  });
  const { explorerHtml } = await import(`data:text/javascript;base64,${Buffer.from(page.outputFiles[0].text).toString('base64')}`);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, explorerHtml(script));
  return { outfile, bytes: statSync(outfile).size, workerBytes: Buffer.byteLength(workerSource), scriptBytes: Buffer.byteLength(script) };
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await buildExplorer();
  if (!process.argv.includes('--quiet')) {
    const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(`${relative(process.cwd(), r.outfile)}: ${kib(r.bytes)} (page script ${kib(r.scriptBytes)}, of which the engine worker ${kib(r.workerBytes)})`);
  }
}
