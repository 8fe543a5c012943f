import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_HELP_END, CLI_HELP_START, cliReference } from '../../src/docs/cliReference.js';
import { textBetweenMarkers } from '../../src/docs/formatReference.js';

describe('the command reference in docs/cli.md', () => {
  it('is the commands\' own help text (run `npm run docs -- --quick` after changing an option)', () => {
    const ref = cliReference();
    expect(ref).toContain('sufficiency forecast --help');
    expect(ref).toContain('--workers <w>');
    expect(textBetweenMarkers(readFileSync('docs/cli.md', 'utf8'), CLI_HELP_START, CLI_HELP_END)).toBe(ref);
  });
});
