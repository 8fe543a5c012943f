// Write a set of output files all-or-nothing: everything goes into a fresh temporary sibling
// directory, which is then swapped into place. A failure at any point leaves any previous
// output directory as it was and no temporary directory behind. Never throws.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { E } from '../domain/fp.js';

export interface OutputFile {
  /** A plain file name inside the output directory (no path separators). */
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Makes temporary names unique within this process; the pid makes them unique across processes. */
let counter = 0;

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const removeQuietly = (path: string): void => {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // best effort: the caller already reports the failure that matters
  }
};

/** A problem with the requested file names, found before anything is written. */
const nameProblems = (files: ReadonlyArray<OutputFile>): string[] => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { name } of files) {
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name) || basename(name) !== name) {
      problems.push(`not a plain file name: ${JSON.stringify(name)}`);
    } else if (seen.has(name)) {
      problems.push(`file name given twice: ${JSON.stringify(name)}`);
    }
    seen.add(name);
  }
  return problems;
};

/**
 * Write `files` into directory `dir`, replacing its previous contents as one step.
 * Parent directories are created. Left holds a message naming `dir`.
 *
 * @example writeOutputFiles('out', [{ name: 'summary.json', content: '{}\n' }])
 */
export const writeOutputFiles = (
  dir: string,
  files: ReadonlyArray<{ name: string; content: string | Uint8Array }>,
): E.Either<string, void> => {
  const fail = (why: string): E.Either<string, void> => E.left(`${dir}: cannot write output: ${why}`);
  const problems = nameProblems(files);
  if (problems.length > 0) return fail(problems.join('; '));

  const target = resolve(dir);
  if (dirname(target) === target) return fail('refusing to replace a filesystem root');
  try {
    if (existsSync(target) && !statSync(target).isDirectory()) return fail('it exists and is not a directory');
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    return fail(reason(e));
  }

  counter += 1;
  const tmp = `${target}.tmp-${process.pid}-${counter}`;
  const old = `${target}.old-${process.pid}-${counter}`;
  try {
    mkdirSync(tmp);
  } catch (e) {
    return fail(reason(e));
  }
  try {
    for (const f of files) writeFileSync(join(tmp, f.name), f.content, { flag: 'wx' });
  } catch (e) {
    removeQuietly(tmp);
    return fail(reason(e));
  }

  let movedAside = false;
  try {
    if (existsSync(target)) {
      renameSync(target, old);
      movedAside = true;
    }
    renameSync(tmp, target);
  } catch (e) {
    if (movedAside) {
      try {
        renameSync(old, target);
      } catch (restore) {
        removeQuietly(tmp);
        return fail(`${reason(e)}; the previous output is kept at ${old} (${reason(restore)})`);
      }
    }
    removeQuietly(tmp);
    return fail(reason(e));
  }
  if (movedAside) removeQuietly(old);
  return E.right(undefined);
};
