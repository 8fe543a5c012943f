// Output files that never destroy: a command names the files it will write before it starts,
// `planOutputs` checks them (not over an input, not over a file the tool did not write, a folder
// that can be written), and `writeOutputs` writes exactly those files after the run, each
// atomically, creating folders as needed and deleting nothing else.
//
// Ownership is recorded per folder in `.sufficiency-outputs.json`: the files sufficiency wrote
// there and the SHA-256 of what it wrote. A file listed with the same content may be replaced by
// a later run; any other existing file is refused unless the user passes --force. A file that is
// an input of the run is refused even then.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { E } from '../domain/fp.js';

export const MANIFEST = '.sufficiency-outputs.json';

export interface OutputFile {
  /** Where the file goes, as the user wrote it (relative to the working folder, or absolute). */
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** The checked output paths of one run. Only `writeOutputs` makes one, from `planOutputs`. */
export interface OutputPlan {
  readonly paths: readonly string[];
  readonly force: boolean;
  readonly inputs: readonly string[];
}

export interface PlanOptions {
  /** Files the run reads: never written over, with or without --force. */
  readonly inputs: readonly string[];
  /** Replace existing files the tool did not write (never inputs). */
  readonly force: boolean;
}

/** `dir` + a plain file name, as a path to show the user (`out/forecast/summary.json`). */
export const outputPath = (dir: string, name: string): string => join(dir, name);

/** A path as the user reads it: relative to the working folder when inside it, else absolute. */
const shown = (abs: string): string => {
  const rel = relative(process.cwd(), abs);
  return rel === '' || rel.startsWith('..') ? abs : rel;
};

const reason = (e: unknown): string => (e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e));

const sha256 = (content: string | Uint8Array): string => `sha256:${createHash('sha256').update(content).digest('hex')}`;

/** The file's status, or undefined when nothing is there (a file in the path counts as nothing). */
const statOrNone = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
};

/** The same file on disk: the same path once links are followed, or the same inode. */
const identity = (path: string): string | undefined => {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
};
const canonical = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

interface Manifest {
  readonly files: Readonly<Record<string, readonly string[]>>;
}

const readManifest = (dir: string): E.Either<string, Manifest> => {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return E.right({ files: {} });
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    const files = json.files;
    if (typeof files !== 'object' || files === null || Array.isArray(files)
      || !Object.values(files).every((v) => Array.isArray(v) && v.every((h) => typeof h === 'string'))) {
      throw new Error('not the record sufficiency keeps');
    }
    return E.right({ files: files as Record<string, string[]> });
  } catch (e) {
    return E.left(`${file}: cannot read the record of files sufficiency wrote here (${reason(e)}); move it away or pass --force`);
  }
};

const manifestText = (files: Readonly<Record<string, readonly string[]>>): string => {
  const sorted = Object.fromEntries(Object.keys(files).sort().map((k) => [k, [...new Set(files[k])].sort()]));
  return `${JSON.stringify({
    about: 'Files the sufficiency command wrote in this folder, with the SHA-256 of what it wrote. A later run may replace a file listed here while its content is unchanged; it refuses to replace any other file without --force.',
    files: sorted,
  }, null, 2)}\n`;
};

/** The nearest folder that exists at or above `dir`, or a message when a file is in the way. */
const existingAncestor = (dir: string): E.Either<string, string> => {
  let d = resolve(dir);
  for (;;) {
    const s = statOrNone(d);
    if (s !== undefined) return s.isDirectory() ? E.right(d) : E.left(`${shown(d)} is a file, not a folder`);
    const up = dirname(d);
    if (up === d) return E.left('no such folder');
    d = up;
  }
};

let counter = 0;
const tempName = (path: string): string => {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.partial-${process.pid}-${counter}`);
};

/** Can a file be created in `dir` (which exists)? Tried for real: permissions alone mislead as root. */
const probeWritable = (dir: string): string | undefined => {
  const probe = tempName(join(dir, 'probe'));
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
    return undefined;
  } catch (e) {
    return reason(e);
  }
};

/** Problems with writing `path` now: an input, a folder, or a file the tool did not write. */
const pathProblems = (path: string, o: PlanOptions, manifests: Map<string, E.Either<string, Manifest>>): string[] => {
  const abs = resolve(path);
  const problems: string[] = [];
  const id = identity(abs);
  const canon = canonical(abs);
  for (const input of o.inputs) {
    if (canonical(input) === canon || (id !== undefined && identity(input) === id)) {
      problems.push(`${path}: refusing to write over the input ${input} (choose another output)`);
    }
  }
  if (problems.length > 0) return problems;
  const dir = dirname(abs);
  const existing = statOrNone(abs);
  if (existing !== undefined) {
    if (existing.isDirectory()) return [`${path}: cannot write: a folder of that name exists`];
    if (!o.force) {
      if (!manifests.has(dir)) manifests.set(dir, readManifest(dir));
      const m = manifests.get(dir)!;
      if (E.isLeft(m)) return [`${path}: cannot write: ${m.left}`];
      const accepted = m.right.files[basename(abs)] ?? [];
      let ours = false;
      try {
        ours = accepted.includes(sha256(readFileSync(abs)));
      } catch (e) {
        return [`${path}: cannot write: ${reason(e)}`];
      }
      if (!ours) {
        return [`${path}: refusing to replace a file that sufficiency did not write${accepted.length > 0 ? ' (it has changed since)' : ''}; choose another output, move the file away, or pass --force`];
      }
    }
  }
  return problems;
};

/**
 * Check every output path before any work starts. Left lists every problem, each naming the file.
 *
 * @example planOutputs(['out/forecast/summary.json'], { inputs: ['my-area.json'], force: false })
 */
export const planOutputs = (paths: readonly string[], o: PlanOptions): E.Either<string[], OutputPlan> => {
  const problems: string[] = [];
  const seen = new Set<string>();
  const manifests = new Map<string, E.Either<string, Manifest>>();
  const probed = new Map<string, string | undefined>();
  for (const path of paths) {
    const abs = resolve(path);
    if (seen.has(abs)) {
      problems.push(`${path}: named twice as an output (two outputs would write the same file)`);
      continue;
    }
    seen.add(abs);
    if (basename(abs) === MANIFEST) {
      problems.push(`${path}: that name is kept for sufficiency's record of the files it wrote`);
      continue;
    }
    const ancestor = existingAncestor(dirname(abs));
    if (E.isLeft(ancestor)) {
      problems.push(`${path}: cannot create its folder: ${ancestor.left}`);
      continue;
    }
    if (!probed.has(ancestor.right)) probed.set(ancestor.right, probeWritable(ancestor.right));
    const unwritable = probed.get(ancestor.right);
    if (unwritable !== undefined) {
      problems.push(`${path}: cannot write in ${shown(ancestor.right)}: ${unwritable}`);
      continue;
    }
    problems.push(...pathProblems(path, o, manifests));
  }
  return problems.length > 0 ? E.left(problems) : E.right({ paths: [...paths], force: o.force, inputs: [...o.inputs] });
};

const writeWhole = (path: string, content: string | Uint8Array): void => {
  const tmp = tempName(path);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
};

/**
 * Write the planned files: each to a temporary sibling first, then renamed into place, so no file
 * is ever seen half-written and a failure before the renames changes nothing. The folder's
 * record lists both the old and the new content while the renames happen, so an interrupted run
 * leaves files a later run may still replace. Left names the file that failed.
 */
export const writeOutputs = (plan: OutputPlan, files: readonly OutputFile[]): E.Either<string[], void> => {
  const planned = new Set(plan.paths.map((p) => resolve(p)));
  const unplanned = files.filter((f) => !planned.has(resolve(f.path)));
  if (unplanned.length > 0) throw new Error(`writeOutputs: not planned: ${unplanned.map((f) => f.path).join(', ')}`);
  // The world may have changed during a long run: check again.
  const manifests = new Map<string, E.Either<string, Manifest>>();
  const again = files.flatMap((f) => pathProblems(f.path, plan, manifests));
  if (again.length > 0) return E.left(again);

  const byDir = new Map<string, OutputFile[]>();
  for (const f of files) {
    const dir = dirname(resolve(f.path));
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const temps: { tmp: string; target: string; shown: string }[] = [];
  try {
    for (const [dir, fs] of byDir) {
      mkdirSync(dir, { recursive: true });
      for (const f of fs) {
        const target = resolve(f.path);
        const tmp = tempName(target);
        temps.push({ tmp, target, shown: f.path });
        writeFileSync(tmp, f.content, { flag: 'wx' });
      }
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    return E.left([`${temps[temps.length - 1]?.shown ?? files[0]?.path}: cannot write: ${reason(e)}`]);
  }
  let current = '';
  try {
    for (const [dir, fs] of byDir) {
      const old = readManifest(dir);
      const before = E.isRight(old) ? old.right.files : {};
      const hashes = Object.fromEntries(fs.map((f) => [basename(resolve(f.path)), sha256(f.content)]));
      current = join(dir, MANIFEST);
      writeWhole(current, manifestText({
        ...before, ...Object.fromEntries(Object.entries(hashes).map(([n, h]) => [n, [...(before[n] ?? []), h]])),
      }));
      for (const t of temps.filter((x) => dirname(x.target) === dir)) {
        current = t.shown;
        renameSync(t.tmp, t.target);
      }
      current = join(dir, MANIFEST);
      writeWhole(current, manifestText({ ...before, ...Object.fromEntries(Object.entries(hashes).map(([n, h]) => [n, [h]])) }));
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    return E.left([`${current}: cannot write: ${reason(e)}`]);
  }
  return E.right(undefined);
};
