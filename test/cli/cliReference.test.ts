import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_HELP_END, CLI_HELP_START, cliReference } from '../../src/cli/cliReference.js';
import { textBetweenMarkers } from '../../src/io/formatReference.js';

describe('CLI reference in the README', () => {
  it('is the commands\' own help text (run `npx tsx src/cli/docs.ts` after changing an option)', () => {
    const ref = cliReference();
    expect(ref).toContain('sufficiency forecast --help');
    expect(ref).toContain('--workers <w>');
    expect(textBetweenMarkers(readFileSync('README.md', 'utf8'), CLI_HELP_START, CLI_HELP_END)).toBe(ref);
  });
});
