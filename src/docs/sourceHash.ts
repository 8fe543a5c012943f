// The hash of every file a generated example's output can depend on: the code (all of src/ except
// the browser-only src/web, which the commands never load, and the generator in src/docs), the shipped scenarios and examples, the
// postcode geography, and the package version (printed in every output). Any change to one of them
// makes every block that comes from a real run stale until `npm run docs` runs again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const HASHED = ['src', 'scenarios', 'data'];
/** src/web never runs in the commands; src/docs does not change what a command prints (the calibration table's own code is in its inputs). */
const LEFT_OUT = ['src/web', 'src/docs'];

const filesUnder = (root: string, dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    const rel = relative('.', path).split(sep).join('/');
    if (LEFT_OUT.includes(rel)) return [];
    return e.isDirectory() ? filesUnder(root, path) : [rel];
  });

/** SHA-256 (first 16 hex digits) over the sorted paths and bytes of the hashed files, and the package version. */
export const sourceHash = (root: string): string => {
  const h = createHash('sha256');
  const files = HASHED.flatMap((d) => filesUnder(root, d)).sort();
  for (const f of files) h.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  h.update(`version ${version}`);
  return h.digest('hex').slice(0, 16);
};
