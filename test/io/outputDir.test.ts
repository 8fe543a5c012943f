import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { writeOutputFiles } from '../../src/io/outputDir.js';

const root = mkdtempSync(join(tmpdir(), 'outputDir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = (): string => {
  n += 1;
  const parent = join(root, `case${n}`);
  mkdirSync(parent);
  return parent;
};

const contents = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

const expectLeft = (r: E.Either<string, void>, out: string): string => {
  if (E.isRight(r)) throw new Error('expected a Left');
  expect(r.left.startsWith(`${out}: cannot write output: `)).toBe(true);
  return r.left;
};

describe('writeOutputFiles', () => {
  it('writes the files, creating parent directories', () => {
    const parent = fresh();
    const out = join(parent, 'a', 'b', 'out');
    const r = writeOutputFiles(out, [
      { name: 'summary.json', content: '{}\n' },
      { name: 'data.bin', content: new Uint8Array([104, 105]) },
    ]);
    expect(r).toEqual(E.right(undefined));
    expect(contents(out)).toEqual({ 'data.bin': 'hi', 'summary.json': '{}\n' });
    expect(readdirSync(join(parent, 'a', 'b'))).toEqual(['out']);
  });

  it('replaces an existing directory as a whole (old files do not linger)', () => {
    const parent = fresh();
    const out = join(parent, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.csv'), 'old');
    writeFileSync(join(out, 'summary.json'), 'old');
    expect(E.isRight(writeOutputFiles(out, [{ name: 'summary.json', content: 'new' }]))).toBe(true);
    expect(contents(out)).toEqual({ 'summary.json': 'new' });
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('on a failure part-way through writing, leaves the previous output intact and no temporary directory', () => {
    const parent = fresh();
    const out = join(parent, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), 'previous');
    // the second file's content is not writable: the first has already gone into the temporary directory
    const r = writeOutputFiles(out, [
      { name: 'summary.json', content: 'new' },
      { name: 'by-year.csv', content: 42 as unknown as string },
    ]);
    expectLeft(r, out);
    expect(contents(out)).toEqual({ 'summary.json': 'previous' });
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('rejects names with a path separator or that are not plain names before writing anything', () => {
    const parent = fresh();
    const out = join(parent, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), 'previous');
    for (const name of ['missing/nested.csv', '..', '', 'a\\b']) {
      const message = expectLeft(writeOutputFiles(out, [{ name: 'ok.txt', content: 'x' }, { name, content: 'x' }]), out);
      expect(message).toContain(`not a plain file name: ${JSON.stringify(name)}`);
    }
    expect(expectLeft(writeOutputFiles(out, [{ name: 'a', content: '1' }, { name: 'a', content: '2' }]), out))
      .toContain('file name given twice: "a"');
    expect(contents(out)).toEqual({ 'summary.json': 'previous' });
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('refuses to replace a file with a directory', () => {
    const parent = fresh();
    const out = join(parent, 'out');
    writeFileSync(out, 'a file');
    expect(expectLeft(writeOutputFiles(out, [{ name: 'x', content: 'x' }]), out)).toContain('it exists and is not a directory');
    expect(readFileSync(out, 'utf8')).toBe('a file');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('fails cleanly when a parent is a file', () => {
    const parent = fresh();
    writeFileSync(join(parent, 'blocker'), 'x');
    const out = join(parent, 'blocker', 'out');
    expectLeft(writeOutputFiles(out, [{ name: 'x', content: 'x' }]), out);
    expect(readdirSync(parent)).toEqual(['blocker']);
  });

  it('writes an empty directory for no files', () => {
    const parent = fresh();
    const out = join(parent, 'out');
    expect(E.isRight(writeOutputFiles(out, []))).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });
});
