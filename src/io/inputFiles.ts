// The files a run reads, so outputs can be kept off them: a scenario and every base it
// `extends`, or every file in a folder. Best effort: reading problems are reported elsewhere.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** `path` and the chain of files it extends (absolute paths after the first). */
export const scenarioInputFiles = (path: string): string[] => {
  const files = [path];
  const seen = new Set([resolve(path)]);
  let current = resolve(path);
  for (;;) {
    let ext: unknown;
    try {
      ext = (JSON.parse(readFileSync(current, 'utf8')) as { extends?: unknown }).extends;
    } catch {
      return files;
    }
    if (typeof ext !== 'string') return files;
    const base = resolve(dirname(current), ext);
    if (seen.has(base) || !existsSync(base)) return files;
    seen.add(base);
    files.push(base);
    current = base;
  }
};

/** Every file in `dir` and its subfolders (`dir` itself when it is a file); [] when unreadable. */
export const filesUnder = (dir: string): string[] => {
  try {
    if (!statSync(dir).isDirectory()) return [dir];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile() === true);
  } catch {
    return [];
  }
};
