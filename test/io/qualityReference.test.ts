import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUALITY_RULES } from '../../src/domain/ssda903Quality.js';
import { textBetweenMarkers } from '../../src/io/formatReference.js';
import { QUALITY_RULES_END, QUALITY_RULES_START, qualityRulesReference } from '../../src/io/qualityReference.js';

describe('the data-quality rules in the README', () => {
  it('are the catalogue\'s, a row each (run `npx tsx src/cli/docs.ts` after changing a rule)', () => {
    const ref = qualityRulesReference();
    for (const r of QUALITY_RULES) expect(ref).toContain(`| \`${r.id}\` | ${r.finds.replace(/\|/g, '\\|')} |`);
    expect(ref.split('\n')).toHaveLength(QUALITY_RULES.length + 2);
    expect(textBetweenMarkers(readFileSync('README.md', 'utf8'), QUALITY_RULES_START, QUALITY_RULES_END)).toBe(ref);
  });

  it('every rule has an id of its own, a line on what it finds and what is done', () => {
    expect(new Set(QUALITY_RULES.map((r) => r.id)).size).toBe(QUALITY_RULES.length);
    for (const r of QUALITY_RULES) expect([r.id, r.finds.length > 10, r.done.length > 3, r.guidance.length > 5]).toEqual([r.id, true, true, true]);
  });
});
