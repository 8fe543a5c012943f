// Outputs never destroy: only the named files are written, each whole; a file the tool did not
// write, or an input of the run, is never replaced (inputs not even with --force).
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { MANIFEST, planOutputs, writeOutputs, type OutputFile } from '../../src/io/outputDir.js';
import { expectRight } from '../fixtures/either.js';

const root = mkdtempSync(join(tmpdir(), 'outputDir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = (): string => {
  n += 1;
  const dir = join(root, `case${n}`);
  mkdirSync(dir);
  return dir;
};

/** The folder's files and their text; a subfolder reads as '<folder>'. */
const contents = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, statSync(join(dir, f)).isDirectory() ? '<folder>' : readFileSync(join(dir, f), 'utf8')]));

/** Plan and write in one go, as a command does around its run. */
const write = (files: readonly OutputFile[], o: { inputs?: string[]; force?: boolean } = {}): E.Either<string[], void> => {
  const plan = planOutputs(files.map((f) => f.path), { inputs: o.inputs ?? [], force: o.force ?? false });
  return E.isLeft(plan) ? plan : writeOutputs(plan.right, files);
};
const problems = (r: E.Either<string[], unknown>): string[] => {
  if (E.isRight(r)) throw new Error('expected a Left');
  return r.left;
};

describe('planOutputs and writeOutputs', () => {
  it('writes the named files, creating folders, and records them', () => {
    const dir = join(fresh(), 'a', 'b');
    const r = write([{ path: join(dir, 'summary.json'), content: '{}\n' }, { path: join(dir, 'data.bin'), content: new Uint8Array([104, 105]) }]);
    expect(r).toEqual(E.right(undefined));
    const c = contents(dir);
    expect(Object.keys(c)).toEqual([MANIFEST, 'data.bin', 'summary.json']);
    expect(c['summary.json']).toBe('{}\n');
    expect(Object.keys(JSON.parse(c[MANIFEST]!).files)).toEqual(['data.bin', 'summary.json']);
  });

  it('leaves every other file in the folder as it was (an --out of the working folder deletes nothing)', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'my-area.json'), '{"name":"mine"}');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'a.txt'), 'keep');
    expectRight(write([{ path: join(dir, 'summary.json'), content: 'new' }]));
    expect(contents(dir)['my-area.json']).toBe('{"name":"mine"}');
    expect(readFileSync(join(dir, 'notes', 'a.txt'), 'utf8')).toBe('keep');
  });

  it('replaces a file it wrote before, and refuses one it did not write unless forced', () => {
    const dir = fresh();
    const path = join(dir, 'summary.json');
    expectRight(write([{ path, content: 'one' }]));
    expectRight(write([{ path, content: 'two' }]));
    expect(readFileSync(path, 'utf8')).toBe('two');
    const user = join(dir, 'by-year.csv');
    writeFileSync(user, 'the user\'s own');
    const [p] = problems(write([{ path: user, content: 'ours' }]));
    expect(p).toContain(`${user}: refusing to replace a file that sufficiency did not write`);
    expect(p).toContain('--force');
    expect(readFileSync(user, 'utf8')).toBe('the user\'s own');
    expectRight(write([{ path: user, content: 'ours' }], { force: true }));
    expect(readFileSync(user, 'utf8')).toBe('ours');
  });

  it('refuses a file it wrote that has been edited since', () => {
    const dir = fresh();
    const path = join(dir, 'summary.json');
    expectRight(write([{ path, content: 'ours' }]));
    writeFileSync(path, 'edited by hand');
    expect(problems(write([{ path, content: 'again' }]))[0]).toContain('(it has changed since)');
    expect(readFileSync(path, 'utf8')).toBe('edited by hand');
  });

  it('never writes over an input, not even with --force, however it is named', () => {
    const dir = fresh();
    const input = join(dir, 'snapshot.json');
    writeFileSync(input, 'input');
    symlinkSync(input, join(dir, 'link.json'));
    linkSync(input, join(dir, 'hard.json'));
    for (const path of [input, join(dir, '.', 'snapshot.json'), join(dir, 'link.json'), join(dir, 'hard.json')]) {
      const [p] = problems(write([{ path, content: 'output' }], { inputs: [input], force: true }));
      expect(p).toBe(`${path}: refusing to write over the input ${input} (choose another output)`);
    }
    expect(readFileSync(input, 'utf8')).toBe('input');
  });

  it('refuses paths that cannot be written before any work, and lists every problem', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file.txt'), 'x');
    mkdirSync(join(dir, 'summary.json'));
    const ps = problems(planOutputs([join(dir, 'file.txt', 'out', 'a.json'), join(dir, 'summary.json'), join(dir, 'x.csv'), join(dir, 'x.csv'), join(dir, MANIFEST)], { inputs: [], force: true }));
    expect(ps).toEqual([
      `${join(dir, 'file.txt', 'out', 'a.json')}: cannot create its folder: ${join(dir, 'file.txt')} is a file, not a folder`,
      `${join(dir, 'summary.json')}: cannot write: a folder of that name exists`,
      `${join(dir, 'x.csv')}: named twice as an output (two outputs would write the same file)`,
      `${join(dir, MANIFEST)}: that name is kept for sufficiency's record of the files it wrote`,
    ]);
    expect(contents(dir)).toEqual({ 'file.txt': 'x', 'summary.json': '<folder>' });
  });

  it('checks again at write time: a file that appeared during the run is not replaced', () => {
    const dir = fresh();
    const path = join(dir, 'summary.json');
    const plan = planOutputs([path], { inputs: [], force: false });
    if (E.isLeft(plan)) throw new Error(plan.left.join('\n'));
    writeFileSync(path, 'appeared meanwhile');
    expect(problems(writeOutputs(plan.right, [{ path, content: 'ours' }]))[0]).toContain('refusing to replace');
    expect(readFileSync(path, 'utf8')).toBe('appeared meanwhile');
  });

  it('a failure while writing leaves every earlier output as it was and no temporary file', () => {
    const dir = fresh();
    const a = join(dir, 'a', 'summary.json');
    expectRight(write([{ path: a, content: 'old' }]));
    const b = join(dir, 'b', 'c', 'x.csv');
    const plan = planOutputs([a, b], { inputs: [], force: false });
    if (E.isLeft(plan)) throw new Error(plan.left.join('\n'));
    writeFileSync(join(dir, 'b'), 'a file where a folder should go');
    expect(E.isLeft(writeOutputs(plan.right, [{ path: a, content: 'new' }, { path: b, content: 'new' }]))).toBe(true);
    expect(readFileSync(a, 'utf8')).toBe('old');
    expect(readdirSync(join(dir, 'a')).sort()).toEqual([MANIFEST, 'summary.json']);
  });

  it('throws (a bug, not a user mistake) when asked to write a file it did not plan', () => {
    const dir = fresh();
    const plan = planOutputs([join(dir, 'a.json')], { inputs: [], force: false });
    if (E.isLeft(plan)) throw new Error(plan.left.join('\n'));
    expect(() => writeOutputs(plan.right, [{ path: join(dir, 'b.json'), content: '' }])).toThrow(/not planned/);
  });
});
