// Builds the chart runtime that every report.html inlines: src/report/runtime.ts with vega,
// vega-lite and vega-embed, bundled by esbuild for browsers as one minified IIFE, written to
// dist/report/charts.js (read back by src/io/reportRuntime.ts). Run by `npm run build`.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'report', 'charts.js');

await build({
  entryPoints: [join(root, 'src', 'report', 'runtime.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

if (!process.argv.includes('--quiet')) {
  console.log(`${relative(process.cwd(), outfile)}: ${(statSync(outfile).size / 1024).toFixed(0)} KiB`);
}
