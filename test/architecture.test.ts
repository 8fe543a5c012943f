// The import rules of the architecture (DESIGN.md; issue 14): dependencies point one way, toward
// `domain`. `domain` and `random` import no other folder; the pure core imports nothing from the
// effects shell (`io`, `cli`), the browser (`web`) or the report renderer, and no Node built-in;
// the report imports no Node built-in (the explorer runs it in a browser) and the explorer never
// imports `io` or `cli`. The documentation generator (`docs`) is the outermost layer: it may
// import every folder the Node build compiles (the core, `io`, `report`, and `cli` for the
// commands' own help text and the match example run in-process), but never `web` (browser code,
// left out of the Node build by tsconfig.build.json), and no other folder imports it, so the
// shipped commands never load documentation code. Imports are read with TypeScript's own
// pre-processor, dynamic ones too.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = ['domain', 'scenario', 'random', 'sim', 'matching', 'metrics', 'calibrate'];
/** Packages the core may use: pure libraries that run anywhere. */
const CORE_PACKAGES = ['fp-ts', 'io-ts', 'seedrandom', 'simple-statistics'];

interface Rule {
  readonly folders: readonly string[];
  readonly why: string;
  /** True when `folder` (or undefined: a package, `node` a Node built-in) may not be imported. */
  readonly forbids: (target: { readonly folder?: string; readonly pkg?: string; readonly node: boolean }) => boolean;
}

const RULES: readonly Rule[] = [
  { folders: ['domain'], why: 'domain is the bottom layer: it imports no other folder', forbids: (t) => t.node || (t.folder !== undefined && t.folder !== 'domain') || (t.pkg !== undefined && !CORE_PACKAGES.includes(t.pkg)) },
  { folders: ['random'], why: 'random streams stand alone: random imports no other folder', forbids: (t) => t.node || (t.folder !== undefined && t.folder !== 'random') || (t.pkg !== undefined && !CORE_PACKAGES.includes(t.pkg)) },
  { folders: CORE, why: 'the core is pure: no io, cli, web or report, no Node built-in, only pure packages', forbids: (t) => t.node || ['io', 'cli', 'web', 'report'].includes(t.folder ?? '') || (t.pkg !== undefined && !CORE_PACKAGES.includes(t.pkg)) },
  { folders: ['report'], why: 'the report also renders in the browser: no Node built-in, no io, cli or web', forbids: (t) => t.node || ['io', 'cli', 'web'].includes(t.folder ?? '') },
  { folders: ['web'], why: 'the explorer runs in a browser: no Node built-in, no io or cli', forbids: (t) => t.node || ['io', 'cli'].includes(t.folder ?? '') },
  { folders: ['docs'], why: 'the documentation generator runs in Node: never web (browser code, not in the Node build)', forbids: (t) => t.folder === 'web' },
  { folders: [...CORE, 'io', 'cli', 'report', 'web'], why: 'docs is the outermost layer: nothing imports the documentation generator', forbids: (t) => t.folder === 'docs' },
];

interface Source { readonly path: string; readonly text: string }

const folderOf = (path: string): string | undefined => {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
};

const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const NODE = new Set(builtinModules);

/** Every import that breaks a rule: `from → to (why)`. */
const importViolations = (sources: readonly Source[]): string[] => {
  const out: string[] = [];
  for (const s of sources) {
    const folder = folderOf(s.path);
    const rules = RULES.filter((r) => folder !== undefined && r.folders.includes(folder));
    if (rules.length === 0) continue;
    for (const { fileName: spec } of ts.preProcessFile(s.text, true, true).importedFiles) {
      const target = spec.startsWith('.')
        ? { folder: folderOf(normalize(join(dirname(s.path), spec)).split(sep).join('/')), node: false }
        : { pkg: packageOf(spec), node: spec.startsWith('node:') || NODE.has(packageOf(spec)) };
      for (const r of rules) if (r.forbids(target)) out.push(`${s.path} → ${spec} (${r.why})`);
    }
  }
  return out;
};

const sourcesUnder = (dir: string): Source[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(path);
    return e.name.endsWith('.ts') ? [{ path: relative('.', path).split(sep).join('/'), text: readFileSync(path, 'utf8') }] : [];
  });

describe('the architecture', () => {
  it('every import in src/ follows the rules', () => {
    const sources = sourcesUnder('src');
    expect(sources.length).toBeGreaterThan(100);
    expect(importViolations(sources)).toEqual([]);
  });

  it('the checker catches each kind of wrong import, static and dynamic', () => {
    expect(importViolations([
      { path: 'src/domain/a.ts', text: "import { x } from '../sim/b.js';" },
      { path: 'src/random/a.ts', text: "import { y } from '../domain/b.js';" },
      { path: 'src/sim/a.ts', text: "import { readFileSync } from 'node:fs';\nimport { z } from '../io/c.js';\nconst m = await import('../cli/d.js');" },
      { path: 'src/calibrate/a.ts', text: "import { stringify } from 'csv-stringify/sync';\nimport { createHash } from 'crypto';" },
      { path: 'src/report/a.ts', text: "import { w } from '../io/e.js';" },
      { path: 'src/web/a.ts', text: "import { v } from '../io/f.js';\nimport { u } from '../report/g.js';" },
      { path: 'src/io/a.ts', text: "import { readFileSync } from 'node:fs';\nimport { t } from '../sim/h.js';" },
      { path: 'src/docs/a.ts', text: "import { readFileSync } from 'node:fs';\nimport { p } from '../cli/main.js';\nimport { q } from '../web/page.js';" },
      { path: 'src/cli/a.ts', text: "import { r } from '../docs/main.js';" },
    ]).map((v) => v.split(' (')[0])).toEqual([
      'src/domain/a.ts → ../sim/b.js',
      'src/random/a.ts → ../domain/b.js',
      'src/sim/a.ts → node:fs', 'src/sim/a.ts → ../io/c.js', 'src/sim/a.ts → ../cli/d.js',
      // src/io may import anything; src/web may import report.
      'src/calibrate/a.ts → csv-stringify/sync', 'src/calibrate/a.ts → crypto',
      'src/report/a.ts → ../io/e.js',
      'src/web/a.ts → ../io/f.js',
      // src/docs may import Node, io and cli, but not web; nothing may import src/docs.
      'src/docs/a.ts → ../web/page.js',
      'src/cli/a.ts → ../docs/main.js',
    ]);
  });
});
