// Safe HTML text: a tagged template that escapes every interpolated value unless it is already
// `Html`, so text from input files (scenario names, sources, file names) can only ever show as
// text. Also the one place that embeds JSON and scripts inside `<script>` elements.

/** A fragment of HTML known to be safe (built by `html` or `raw`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text, safe in element content and in quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const render = (p: Part): string => {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return (p as readonly Part[]).map(render).join('');
  return escapeHtml(String(p));
};

/** `html\`<td>${name}</td>\`` escapes `name`; nested `html` fragments and arrays of them pass through. */
export const html = (strings: TemplateStringsArray, ...values: readonly Part[]): Html => {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
};

/** Trusted markup written in this package (never text from an input file). */
export const raw = (s: string): Html => new Html(s);

/**
 * JSON for a `<script type="application/json">` element. `<`, `>` and `&` become `\u003c`,
 * `\u003e`, `\u0026` (still the same JSON value), so no string in the data can close the
 * element (`</script>`) or open a comment (`<!--`); U+2028 and U+2029 are escaped too.
 */
export const jsonForScript = (value: unknown): Html =>
  new Html(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );

/**
 * JavaScript source for an inline `<script>`: `</script` and `<!--` cannot appear literally, or
 * the HTML parser would end the element early. esbuild already writes `<\/script` in strings; this
 * also covers comments and any text the bundle carries, by escaping `<` as `\x3C`, which means
 * the same inside the string and template literals where such text occurs.
 */
export const scriptText = (js: string): Html => new Html(js.replace(/<(\/script|!--)/gi, '\\x3C$1'));
