import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATCH_EXAMPLE_END, MATCH_EXAMPLE_START, matchExample } from '../../src/docs/matchDocs.js';
import { MATCH_FORMAT_END, MATCH_FORMAT_START, matchFormatReference } from '../../src/docs/matchFormatReference.js';
import { textBetweenMarkers } from '../../src/docs/formatReference.js';
import { REFERRAL_COLUMNS } from '../../src/domain/referral.js';
import { VACANCY_COLUMNS } from '../../src/domain/vacancy.js';

const readme = readFileSync('docs/matching.md', 'utf8');
// The scenario hash changes whenever the scenario format or resolution changes anywhere; the
// example is about matching, so it is compared without it.
const withoutHash = (s: string | undefined): string | undefined => s?.replace(/sha256:[0-9a-f]{12}…/g, 'sha256:…');

describe('docs/matching.md (run `npm run docs -- --quick` to regenerate)', () => {
  it('documents the referral and vacancy formats as the codecs define them', () => {
    const ref = matchFormatReference();
    for (const c of [...Object.keys(REFERRAL_COLUMNS), ...Object.keys(VACANCY_COLUMNS)]) expect(ref).toContain(`| \`${c}\``);
    expect(ref).toContain('| `dateOfBirth` (also `dob`) | no | date as DD/MM/YYYY or YYYY-MM-DD |');
    expect(textBetweenMarkers(readme, MATCH_FORMAT_START, MATCH_FORMAT_END)).toBe(ref);
  });

  it('shows the real output of the command on the example files', () => {
    expect(withoutHash(textBetweenMarkers(readme, MATCH_EXAMPLE_START, MATCH_EXAMPLE_END))).toBe(withoutHash(matchExample(process.cwd())));
  });

  it('has the example files the page links to, with the columns documented', () => {
    const header = (f: string) => readFileSync(f, 'utf8').split('\n')[0]!.split(',');
    expect(header('scenarios/examples/referrals.csv')).toEqual(Object.keys(REFERRAL_COLUMNS));
    expect(header('scenarios/examples/vacancies.csv')).toEqual(Object.keys(VACANCY_COLUMNS));
  });
});
