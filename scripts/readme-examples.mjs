#!/usr/bin/env node
// Re-runs every command shown in the README's ```console blocks (lines starting "$ ") from the
// project root and puts its real output under it, so example output is generated, never pasted.
// Blocks inside generated sections that src/cli/docs.ts owns (match-example) are left to it.
// Usage: node scripts/readme-examples.mjs [README.md]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = resolve(process.argv[2] ?? join(root, 'README.md'));
const lines = readFileSync(file, 'utf8').split('\n');
const OWNED = [['<!-- match-example:start -->', '<!-- match-example:end -->']];

const run = (command) => {
  process.stderr.write(`$ ${command}\n`);
  const r = spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}\nexit ${r.status}: ${command}\n`);
    process.exit(1);
  }
  // npm prints a banner ("> pkg@1.0.0 script", "> command") and a blank line before the output.
  const out = r.stdout.split('\n');
  while (out.length > 0 && (out[0].startsWith('> ') || out[0] === '')) out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

const result = [];
let owned = false;
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  if (OWNED.some(([s]) => line === s)) owned = true;
  if (OWNED.some(([, e]) => line === e)) owned = false;
  result.push(line);
  if (owned || line !== '```console') continue;
  // A console block: keep each "$ " line, replace what follows it up to the next "$ " or the fence.
  i++;
  while (i < lines.length && lines[i] !== '```') {
    const l = lines[i];
    if (l.startsWith('$ ')) {
      result.push(l, ...run(l.slice(2)));
    }
    i++;
  }
  result.push('```');
}
writeFileSync(file, result.join('\n'));
process.stderr.write(`${file}: example output regenerated\n`);
