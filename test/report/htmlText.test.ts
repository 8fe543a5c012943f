import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, raw, scriptText } from '../../src/report/htmlText.js';

const HOSTILE = `<script>alert(1)</script> & co "quoted" 'single'`;

describe('escapeHtml and html``', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co &quot;quoted&quot; &#39;single&#39;');
  });

  it('escapes every interpolated value unless it is already Html; arrays and nested fragments pass through', () => {
    const row = (s: string) => html`<td title="${s}">${s}</td>`;
    expect(html`<tr>${[row(HOSTILE), raw('<td>ok</td>')]}</tr>`.value).toBe(
      `<tr><td title="${escapeHtml(HOSTILE)}">${escapeHtml(HOSTILE)}</td><td>ok</td></tr>`,
    );
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });
});

describe('jsonForScript', () => {
  const value = { name: '</script><script>alert(1)</script>', comment: '<!-- x -->', amp: 'a & b', line: 'a\u2028b\u2029c', n: [1, null] };

  it('is the same JSON value, with no character that could end the script element or open a comment', () => {
    const text = jsonForScript(value).value;
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });
});

describe('scriptText', () => {
  it('leaves no `</script` or `<!--` in the source and means the same program', () => {
    const js = "var a = '</script><script>x</script>', b = \"<!-- c\", r = /<\\/script/i; return [a, b, r.test('</SCRIPT>')];";
    const safe = scriptText(js).value;
    expect(safe).not.toMatch(/<\/script|<!--/i);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    expect(new Function(safe)()).toEqual(new Function(js)());
  });
});
