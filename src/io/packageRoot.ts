// The package's own folder and the files shipped in it (the Medway baseline, the option
// scenarios, the match examples, the postcode geography). An installed `sufficiency` runs from
// any folder: its defaults are found here, inside the package, while every path a user types
// stays relative to the folder they run it in.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E } from '../domain/fp.js';

const here = dirname(fileURLToPath(import.meta.url));
let found: E.Either<string, string> | undefined;

/**
 * The package root: the nearest folder above this module holding a `package.json`. The same
 * from `src/io/` (tsx, vitest), `dist/src/io/` in a clone, and an installed copy under
 * `node_modules` (npm keeps `package.json` at the package's top).
 */
export const packageRoot = (): E.Either<string, string> => {
  if (found !== undefined) return found;
  let dir = here;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (found = E.right(dir));
    const parent = dirname(dir);
    if (parent === dir) return (found = E.left(`placement-sufficiency: no package.json found above ${here}; the package is incomplete, reinstall it`));
    dir = parent;
  }
};

/**
 * The absolute path of a file shipped with the package, from its path inside the package
 * (`scenarios/medway-2022.json`). If the package root cannot be found the path is returned as
 * given, so reading it fails with the usual "file not found" naming it.
 */
export const shippedFile = (pathInPackage: string): string => {
  const root = packageRoot();
  return E.isRight(root) ? join(root.right, pathInPackage) : pathInPackage;
};

/** A relative `path` that names no file from `cwd` but does name one inside the package. */
const shippedCopyOf = (path: string, cwd: string): string | undefined => {
  if (isAbsolute(path) || existsSync(resolve(cwd, path))) return undefined;
  const root = packageRoot();
  if (E.isLeft(root)) return undefined;
  const inPackage = resolve(root.right, path);
  const rel = relative(root.right, inPackage);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return existsSync(inPackage) ? inPackage : undefined;
};

const NOT_FOUND = /^(.+?): (?:file not found|no such directory)\b/;

/**
 * Error lines with a hint after each "PATH: file not found" (or "no such directory") whose
 * relative PATH exists inside the package: a user who types `scenarios/medway-2022.json` in
 * another folder learns where the shipped copy is. Nothing is substituted: the command still
 * fails, and the user decides.
 */
export const withShippedCopyHints = (lines: readonly string[], cwd: string = process.cwd()): string[] =>
  lines.flatMap((line) => {
    const path = NOT_FOUND.exec(line)?.[1];
    const copy = path === undefined ? undefined : shippedCopyOf(path, cwd);
    return copy === undefined
      ? [line]
      : [line, `  (a path is read from the folder you run in, ${cwd}; the package's own ${path} is ${copy}: give that path to use it)`];
  });
