// Write one file all-or-nothing: the content goes to a temporary sibling, which is then renamed
// over the target (a rename within a directory is atomic), so a reader never sees half a file and
// a failure leaves any previous file as it was. Never throws.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { E } from '../domain/fp.js';

let counter = 0;

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Write `content` to `path`, creating parent directories. Left holds a message naming `path`.
 *
 * @example writeFileAtomically('out/scenario.json', '{}\n')
 */
export const writeFileAtomically = (path: string, content: string): E.Either<string, void> => {
  const target = resolve(path);
  const fail = (why: string): E.Either<string, void> => E.left(`${path}: cannot write: ${why}`);
  try {
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) return fail('it is a directory');
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    return fail(reason(e));
  }
  counter += 1;
  const tmp = `${target}.tmp-${process.pid}-${counter}`;
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // best effort: the failure that matters is reported below
    }
    return fail(reason(e));
  }
  return E.right(undefined);
};
