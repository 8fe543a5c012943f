// The referral and vacancy CSV formats in the README, generated from the row codecs (what each
// column accepts is the codec's own description) and the column docs, so the documentation
// cannot drift from what the decoder accepts. Pure: text out.
import type { ColumnDoc } from '../domain/referral.js';
import { ReferralRow, REFERRAL_COLUMNS } from '../domain/referral.js';
import { VacancyRow, VACANCY_COLUMNS } from '../domain/vacancy.js';
import { LIST_SEPARATOR } from '../domain/csvCells.js';
import type { t } from '../domain/fp.js';
import { codecColumns } from '../io/csvRows.js';

export const MATCH_FORMAT_START = '<!-- match-format:start -->';
export const MATCH_FORMAT_END = '<!-- match-format:end -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

const codecOf = (codec: t.Mixed, column: string): t.Mixed | undefined => {
  for (const part of (codec as unknown as { types: readonly { props: Record<string, t.Mixed> }[] }).types) {
    const c = part.props[column];
    if (c !== undefined) return c;
  }
  return undefined;
};

const columnTable = (codec: t.Mixed, docs: Readonly<Record<string, ColumnDoc>>): string[] => {
  const { required } = codecColumns(codec);
  return [
    '| column | required | accepts | meaning | example |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(docs).map(([name, d]) => {
      const aliases = d.aliases === undefined || d.aliases.length === 0 ? '' : ` (also ${d.aliases.map((a) => `\`${a}\``).join(', ')})`;
      return `| \`${name}\`${aliases} | ${required.includes(name) ? 'yes' : 'no'} | ${cell(codecOf(codec, name)?.name ?? '')} | ${cell(d.meaning)} | \`${cell(d.example)}\` |`;
    }),
  ];
};

/** The Markdown reference of both CSV formats, starting and ending with a line break. */
export const matchFormatReference = (): string => {
  const lines = [
    '<!-- Generated from the codecs in src/domain/referral.ts and src/domain/vacancy.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    'Both files are CSV as a spreadsheet saves it ("CSV UTF-8"): a header line naming the columns, then one line per row.',
    '',
    '- Columns may come in any order; header names are matched ignoring case, spaces, underscores and hyphens (`Date of birth` = `dateOfBirth`). Other columns are ignored, with a warning.',
    '- An empty cell means "not given". A row is either read whole or reported: a file with any problem is rejected (exit code 2) with every problem listed by file, line and column, and nothing is written.',
    `- Lists in one cell are separated by \`${LIST_SEPARATOR}\`, e.g. \`missing${LIST_SEPARATOR} exploitation\`. Codes are matched ignoring case and spaces (\`Under 5 days\` = \`under5days\`).`,
    '- Dates are DD/MM/YYYY, as in the SSDA903 return, or YYYY-MM-DD.',
    '- Postcodes are a sector (`ME4 4`, as HOME_POST and PL_POST in the 903) or a district (`ME4`); a full postcode is cut to its sector. Distances use the sector or district centroid (DfE method).',
    '- Money is £ a week (`£1,250` and `1250` both read).',
    '',
    '#### Referrals',
    '',
    'One row per child. Siblings to be placed together share a `siblingGroup` and are matched as one referral: every child must fit the home, and the home must have the places and the sibling capacity for all of them.',
    '',
    ...columnTable(ReferralRow, REFERRAL_COLUMNS),
    '',
    '#### Vacancies',
    '',
    'One row per household or home with free places. Placement types are those of the placement vocabulary that carers provide.',
    '',
    ...columnTable(VacancyRow, VACANCY_COLUMNS),
  ];
  return `\n${lines.join('\n')}\n`;
};
