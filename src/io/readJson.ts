// Read a JSON file into an unknown value, or a readable message naming the file and, for a
// syntax error or nesting deeper than any input of ours (bounds.ts MAX_JSON_DEPTH), the line and
// column. Nothing here throws for a user mistake.
import { readFileSync } from 'node:fs';
import { MAX_JSON_DEPTH } from '../domain/bounds.js';
import { E } from '../domain/fp.js';

const BOM = '\uFEFF';

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Why a file could not be read, in words (also for workbooks, src/io/xlsxSheets.ts). */
export const readFailure = (e: unknown): string => {
  switch (errorCode(e)) {
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'file not found (a part of the path is not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    default:
      return `cannot read the file: ${errorMessage(e)}`;
  }
};

/** 1-based line and column of a UTF-16 offset in `text` (lines end at `\n`). */
export const lineColumnAt = (text: string, offset: number): { line: number; column: number } => {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
};

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/**
 * The offset of the first JSON syntax error in `text` (RFC 8259), or undefined if it is valid.
 * Used when the engine's SyntaxError message does not say where (V8 in Node 20 often doesn't).
 */
export const locateJsonError = (text: string): number | undefined => {
  let i = 0;
  const fail = (at: number = i): never => {
    throw new JsonSyntaxAt(at);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text.charAt(i) !== ch) fail();
      i += 1;
    }
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text.charAt(i))) fail();
    while (/[0-9]/.test(text.charAt(i))) i += 1;
  };
  const number = (): void => {
    if (text.charAt(i) === '-') i += 1;
    if (text.charAt(i) === '0') i += 1;
    else digits();
    if (text.charAt(i) === '.') {
      i += 1;
      digits();
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i += 1;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i += 1;
      digits();
    }
  };
  const string = (): void => {
    i += 1; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const next = text.charAt(i + 1);
        if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else if (next === 'u') {
          for (let k = i + 2; k < i + 6; k += 1) if (!/[0-9a-fA-F]/.test(text.charAt(k))) fail(k);
          i += 6;
        } else fail(i + 1);
      } else i += 1;
    }
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i += 1;
      ws();
      if (text.charAt(i) === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        if (text.charAt(i) !== ':') fail();
        i += 1;
        value();
        ws();
        if (text.charAt(i) === ',') i += 1;
        else if (text.charAt(i) === '}') {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i += 1;
      ws();
      if (text.charAt(i) === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ',') i += 1;
        else if (text.charAt(i) === ']') {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || /[0-9]/.test(c)) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxAt) return e.offset;
    return undefined; // e.g. nesting too deep for the stack: no location
  }
};

/** The engine's reason without its location and without the quoted snippet of the input. */
const syntaxReason = (message: string): string => {
  const token = /^(Unexpected token .+?), (?:\.\.\.)?".*" is not valid JSON$/s.exec(message);
  const base = token?.[1] ?? message;
  return base
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s+in JSON at position \d+/, '')
    .replace(/\s+at position \d+/, '')
    .replace(/\s+/g, ' ')
    .trim();
};

const syntaxOffset = (message: string, text: string): number => {
  const m = /at position (\d+)/.exec(message);
  if (m?.[1] !== undefined) return Number(m[1]);
  return locateJsonError(text) ?? text.length;
};

/**
 * The offset of the first `[` or `{` nested deeper than `max` levels (strings skipped), or
 * undefined. A linear scan, so it works on any depth, before the parser has to recurse.
 */
export const tooDeepAt = (text: string, max: number): number | undefined => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return undefined;
};

/** Parse JSON text (a leading UTF-8 BOM is ignored); `label` names the source in messages. */
export const parseJsonText = (text: string, label: string): E.Either<string[], unknown> => {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (body.trim() === '') return E.left([`${label}: not valid JSON: the file is empty`]);
  const deep = tooDeepAt(body, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    const { line, column } = lineColumnAt(body, deep);
    return E.left([`${label}: line ${line}, column ${column}: expected arrays and objects nested at most ${MAX_JSON_DEPTH} levels deep (a scenario nests about 7), found deeper nesting`]);
  }
  try {
    return E.right(JSON.parse(body) as unknown);
  } catch (e) {
    const message = errorMessage(e);
    const { line, column } = lineColumnAt(body, syntaxOffset(message, body));
    return E.left([`${label}: not valid JSON at line ${line}, column ${column}: ${syntaxReason(message)}`]);
  }
};

/**
 * Read and parse a JSON file.
 *
 * @example readJsonFile('missing.json') // left(['missing.json: file not found'])
 */
export const readJsonFile = (path: string): E.Either<string[], unknown> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return E.left([`${path}: ${readFailure(e)}`]);
  }
  return parseJsonText(text, path);
};
