// The referral CSV format: one row per child needing a placement. The codec is the single source
// of truth: the TypeScript type comes from it, the CSV decoder uses it and the README's format
// reference is generated from it and from REFERRAL_COLUMNS (meaning and example of each column).
// Fields follow what the regional and national placement referral standards collect.
import { t } from './fp.js';
import {
  AgeCell, Choice, ChoiceList, DateCell, Postcode, Text, TextList, YesNo, codeKey, type CellCodec, type IsoDateText,
} from './csvCells.js';
import { NEEDS } from './vocabulary.js';

/** How soon the placement is needed, most urgent first (the order of the greedy policy). */
export const URGENCIES = ['today', 'under5days', 'later'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** When the placement is needed: an urgency, or a date (`YYYY-MM-DD`). */
export type NeededBy = Urgency | IsoDateText;

/** `today`, `under5days`, `later` (any case, spaces allowed: `Under 5 days`) or a date. */
export const NeededByCell: CellCodec<NeededBy> = new t.Type<NeededBy, string, unknown>(
  'today, under5days, later, or a date as DD/MM/YYYY or YYYY-MM-DD',
  (u): u is NeededBy => typeof u === 'string',
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const urgency = URGENCIES.find((x) => codeKey(x) === codeKey(u));
    if (urgency !== undefined) return t.success(urgency);
    const date = DateCell.validate(u, c);
    return date._tag === 'Right' ? date : t.failure(u, c, /\d/.test(u) ? (date.left[0]?.message ?? 'not a date') : 'not an urgency or a date');
  },
  (x) => x,
);

/** How suitable a kind of placement is for the child. */
export const SUITABILITIES = ['preferred', 'suitable', 'unsuitable'] as const;
export type Suitability = (typeof SUITABILITIES)[number];

/** Risks a carer or home must be able to manage. */
export const RISKS = ['missing', 'exploitation', 'selfHarm', 'harmToOthers', 'substanceMisuse', 'fireSetting'] as const;
export type Risk = (typeof RISKS)[number];

/** Who the child can live alongside (other than their own siblings placed with them). */
export const CARE_ALONGSIDE = ['withOthers', 'solo', 'onlyOlder', 'onlyYounger'] as const;
export type CareAlongside = (typeof CARE_ALONGSIDE)[number];

export const ReferralRow = t.intersection([
  t.type({
    id: Text,
    needs: ChoiceList(NEEDS),
    neededBy: NeededByCell,
    homePostcode: Postcode,
  }),
  t.partial({
    siblingGroup: Text,
    dateOfBirth: DateCell,
    age: AgeCell,
    schoolPostcode: Postcode,
    sameSchool: YesNo,
    searchPostcode: Postcode,
    fosterCare: Choice(SUITABILITIES),
    residentialCare: Choice(SUITABILITIES),
    supportedAccommodation: Choice(SUITABILITIES),
    risks: ChoiceList(RISKS),
    careAlongside: Choice(CARE_ALONGSIDE),
    language: TextList,
    religion: TextList,
    communication: TextList,
    culture: TextList,
  }),
], 'ReferralRow');
export type ReferralRow = t.TypeOf<typeof ReferralRow>;

/** What a column means and an example value; `aliases` are other header spellings accepted. */
export interface ColumnDoc {
  readonly meaning: string;
  readonly example: string;
  readonly aliases?: readonly string[];
}

/** Every column of the referral CSV, in the order the README and the example file list them. */
export const REFERRAL_COLUMNS: { readonly [K in keyof Required<ReferralRow>]: ColumnDoc } = {
  id: { meaning: 'The child\'s identifier (a case number or pseudonym, never a name); unique in the file.', example: 'R101', aliases: ['childId', 'child'] },
  siblingGroup: { meaning: 'Sibling group identifier: rows with the same value are siblings to be placed together, in one home. Leave empty for a child placed alone.', example: 'G1' },
  dateOfBirth: { meaning: 'Date of birth. Give this or `age`; the age on the day the placement is needed is checked against approved age ranges.', example: '14/03/2011', aliases: ['dob'] },
  age: { meaning: 'Age in whole years on the match date, when the date of birth is not given. If both are given they must agree.', example: '13' },
  needs: { meaning: 'The child\'s needs; the home must be approved for every one.', example: 'complex' },
  neededBy: { meaning: 'When the placement is needed: `today` (an emergency), `under5days`, `later` (within `--later-days`, default 28) or a date.', example: 'today', aliases: ['whenNeeded', 'urgency'] },
  homePostcode: { meaning: 'Postcode sector or district of the child\'s home; distances (DfE method) are measured from it.', example: 'ME4 4', aliases: ['homePost'] },
  schoolPostcode: { meaning: 'Postcode sector or district of the child\'s school.', example: 'ME7 1' },
  sameSchool: { meaning: '`yes` if the child must keep the same school: only homes within `--school-miles` (default 10) of the school are suitable.', example: 'yes', aliases: ['keepSchool'] },
  searchPostcode: { meaning: 'Where to search (preferred location); the distance part of the score is measured from here instead of the home.', example: 'ME5 8', aliases: ['preferredLocation'] },
  fosterCare: { meaning: 'Foster care (in-house or IFA) for this child: `preferred`, `suitable` (the default) or `unsuitable`.', example: 'preferred' },
  residentialCare: { meaning: 'A children\'s home for this child: `preferred`, `suitable` (the default) or `unsuitable`.', example: 'unsuitable' },
  supportedAccommodation: { meaning: 'Supported accommodation (16+) for this child: `preferred`, `suitable` (the default) or `unsuitable`.', example: 'unsuitable' },
  risks: { meaning: 'Risks the carer or home must be able to manage: going missing, exploitation, self-harm, harm to others, substance misuse, fire setting.', example: 'missing; exploitation' },
  careAlongside: { meaning: 'Who the child can live with: `withOthers` (the default), `solo` (no other child), `onlyOlder` or `onlyYounger` children. Siblings placed together are exempt.', example: 'onlyYounger' },
  language: { meaning: 'Language(s) the child needs a carer to speak, other than English (soft preference: any one is enough).', example: 'Polish' },
  religion: { meaning: 'Faith the child wishes to practise, to be supported by the carer (soft preference).', example: 'Muslim' },
  communication: { meaning: 'Communication needs the carer should meet, e.g. BSL, Makaton (soft preference: each one unmet counts).', example: 'Makaton' },
  culture: { meaning: 'Cultural identity the carer should share or support (soft preference).', example: 'Roma' },
};
