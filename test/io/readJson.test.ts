import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { lineColumnAt, locateJsonError, readJsonFile, tooDeepAt } from '../../src/io/readJson.js';
import { MAX_JSON_DEPTH } from '../../src/domain/bounds.js';
import { expectRight } from '../fixtures/either.js';

const dir = mkdtempSync(join(tmpdir(), 'readJson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileWith = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const leftOf = (r: E.Either<string[], unknown>): string[] => {
  if (E.isRight(r)) throw new Error('expected a Left');
  return r.left;
};

describe('readJsonFile', () => {
  it('reads a JSON file', () => {
    expect(readJsonFile(fileWith('ok.json', '{"a": [1, 2]}'))).toEqual(E.right({ a: [1, 2] }));
  });

  it('strips a UTF-8 BOM', () => {
    expect(readJsonFile(fileWith('bom.json', '\uFEFF{"name": "x"}\n'))).toEqual(E.right({ name: 'x' }));
  });

  it('says when the file is missing', () => {
    const path = join(dir, 'nope.json');
    expect(leftOf(readJsonFile(path))).toEqual([`${path}: file not found`]);
  });

  it('says when the path is a directory', () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    expect(leftOf(readJsonFile(sub))).toEqual([`${sub}: is a directory, not a file`]);
  });

  it('says when the file cannot be read', () => {
    const path = fileWith('secret.json', '{}');
    chmodSync(path, 0o000);
    const r = readJsonFile(path);
    chmodSync(path, 0o644);
    // root reads the file anyway; anyone else gets the permission message
    if (E.isLeft(r)) expect(r.left).toEqual([`${path}: cannot read the file: permission denied`]);
    else expect(r.right).toEqual({});
  });

  it('gives line and column of a syntax error whose message has no position (Node 20: "Unexpected token")', () => {
    const path = fileWith('bad.json', '{\n  "a": 1,\n  "b": x\n}\n');
    expect(leftOf(readJsonFile(path))).toEqual([`${path}: not valid JSON at line 3, column 8: Unexpected token 'x'`]);
  });

  it('gives line and column of a syntax error whose message has a position', () => {
    const path = fileWith('colon.json', '{\n  "a" 1\n}');
    expect(leftOf(readJsonFile(path))).toEqual([`${path}: not valid JSON at line 2, column 7: Expected ':' after property name`]);
  });

  it('counts columns after a BOM from the first visible character', () => {
    const path = fileWith('bom-bad.json', '\uFEFF[1,]');
    expect(leftOf(readJsonFile(path))).toEqual([`${path}: not valid JSON at line 1, column 4: Unexpected token ']'`]);
  });

  it('points past the end for a truncated file', () => {
    const path = fileWith('short.json', '{\n  "a": [1, 2');
    // line 2 is `  "a": [1, 2` (12 characters): the error is just after it
    expect(leftOf(readJsonFile(path))).toEqual([`${path}: not valid JSON at line 2, column 13: Expected ',' or ']' after array element`]);
  });

  it('says when the file is empty', () => {
    const path = fileWith('empty.json', '  \n');
    expect(leftOf(readJsonFile(path))).toEqual([`${path}: not valid JSON: the file is empty`]);
  });
});

describe('locateJsonError', () => {
  it('accepts valid JSON', () => {
    for (const s of ['{}', '[]', ' 1 ', '-0.5e+3', '"a\\u00e9\\n"', '{"a":[true,false,null,{"b":"c"}]}']) {
      expect(locateJsonError(s)).toBeUndefined();
    }
  });

  it('finds the offending character', () => {
    expect(locateJsonError('{"a":}')).toBe(5);
    expect(locateJsonError('[1,2,]')).toBe(5);
    expect(locateJsonError('{"a":1')).toBe(6);
    expect(locateJsonError('1 2')).toBe(2);
    expect(locateJsonError('"a\nb"')).toBe(2);
  });

  it('agrees with JSON.parse about validity (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string()), (s) => {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(locateJsonError(s) === undefined).toBe(valid);
    }));
  });

  it('lineColumnAt is 1-based and counts \\n', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
  });
});

describe('nesting depth', () => {
  it('refuses JSON nested deeper than the bound with its line and column, never a stack overflow', () => {
    const deep = fileWith('deep.json', `{"a":\n${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(leftOf(readJsonFile(deep))).toEqual([
      `${deep}: line 2, column ${MAX_JSON_DEPTH}: expected arrays and objects nested at most ${MAX_JSON_DEPTH} levels deep (a scenario nests about 7), found deeper nesting`,
    ]);
  });

  it('reads JSON nested exactly as deep as the bound', () => {
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expectRight(readJsonFile(fileWith('ok-deep.json', ok)));
  });

  it('counts brackets outside strings only, escaped quotes included', () => {
    expect(tooDeepAt('{"a": "[[[[[[", "b": "\\"[[[["}', 2)).toBeUndefined();
    expect(tooDeepAt('[[[1]]]', 2)).toBe(2);
    expect(tooDeepAt('[{"a":[1]}]', 2)).toBe(6);
    expect(tooDeepAt('[[1],[2],[3]]', 2)).toBeUndefined();
  });
});
