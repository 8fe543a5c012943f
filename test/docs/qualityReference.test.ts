import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUALITY_RULES } from '../../src/domain/ssda903Quality.js';
import { textBetweenMarkers } from '../../src/docs/formatReference.js';
import { QUALITY_RULES_END, QUALITY_RULES_START, qualityRulesReference } from '../../src/docs/qualityReference.js';

describe('the data-quality rules in docs/ssda903.md', () => {
  it('are the catalogue\'s, a row each (run `npm run docs -- --quick` after changing a rule)', () => {
    const ref = qualityRulesReference();
    for (const r of QUALITY_RULES) expect(ref).toContain(`| \`${r.id}\` | ${r.finds.replace(/\|/g, '\\|')} |`);
    expect(ref.split('\n')).toHaveLength(QUALITY_RULES.length + 2);
    expect(textBetweenMarkers(readFileSync('docs/ssda903.md', 'utf8'), QUALITY_RULES_START, QUALITY_RULES_END)).toBe(ref);
  });

  it('every rule has an id of its own, a line on what it finds and what is done', () => {
    expect(new Set(QUALITY_RULES.map((r) => r.id)).size).toBe(QUALITY_RULES.length);
    for (const r of QUALITY_RULES) expect([r.id, r.finds.length > 10, r.done.length > 3, r.guidance.length > 5]).toEqual([r.id, true, true, true]);
  });
});
