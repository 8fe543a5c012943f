// The generated parts of docs/matching.md: the CSV format
// reference (from the codecs) and the worked example (the real output of the `match` command on
// the example files). `npm run docs` regenerates them; test/docs/matchDocs.test.ts
// checks they are current.
import { join } from 'node:path';
import { MATCH_FORMAT_END, MATCH_FORMAT_START, matchFormatReference } from './matchFormatReference.js';
import { buildProgram } from '../cli/main.js';

export const MATCH_EXAMPLE_START = '<!-- match-example:start -->';
export const MATCH_EXAMPLE_END = '<!-- match-example:end -->';

export const EXAMPLE_REFERRALS = 'scenarios/examples/referrals.csv';
export const EXAMPLE_VACANCIES = 'scenarios/examples/vacancies.csv';
/** A fixed match date, so the example's "today" does not move. */
export const EXAMPLE_DATE = '2025-02-03';

/** Run `sufficiency match …` in-process from `root` and return what it prints. */
const runMatch = (root: string, extra: readonly string[]): string => {
  let text = '';
  const program = buildProgram((s) => void (text += s), () => undefined);
  program.parse(['match', join(root, EXAMPLE_REFERRALS), join(root, EXAMPLE_VACANCIES), '--scenario', join(root, 'scenarios/medway-2022.json'), '--date', EXAMPLE_DATE, ...extra], { from: 'user' });
  return text;
};

/** The blocks of the report (separated by blank lines) whose first line starts with one of `ids`. */
const blocksOf = (report: string, ids: readonly string[]): string[] =>
  report.trimEnd().split('\n\n').filter((b) => ids.some((id) => b.startsWith(`${id}:`) || b.startsWith(`${id} `)));

/** The worked example: the full report, then two referrals with `--explain`. */
export const matchExample = (root: string): string => {
  const command = `npm run sufficiency -- match ${EXAMPLE_REFERRALS} ${EXAMPLE_VACANCIES} --date ${EXAMPLE_DATE}`;
  const explained = blocksOf(runMatch(root, ['--explain', '--top', '3']), ['R101', 'G1']);
  return [
    '',
    '```console',
    `$ ${command}`,
    runMatch(root, []).trimEnd(),
    '```',
    '',
    'With `--explain` each referral also lists the vacancies that cannot take the child, and why (two referrals shown, `--top 3`):',
    '',
    '```console',
    `$ ${command} --explain --top 3`,
    '…',
    explained.join('\n\n'),
    '…',
    '```',
    '',
  ].join('\n');
};

/** [start marker, end marker, generator] for each generated part of the matching section. */
export const matchReadmeSections = (root: string): [string, string, () => string][] => [
  [MATCH_FORMAT_START, MATCH_FORMAT_END, matchFormatReference],
  [MATCH_EXAMPLE_START, MATCH_EXAMPLE_END, () => matchExample(root)],
];
