// The vacancy CSV format: one row per household or home with free places today (in-house carers,
// IFA offers from a framework, children's home beds). The codec is the single source of truth,
// as for referrals (see referral.ts); VACANCY_COLUMNS documents each column.
import { t } from './fp.js';
import {
  AgeCell, ChoiceList, Choice, DateCell, NonNegativeNumber, Pounds, Postcode, Text, TextList, WholeNumber, WholeNumberList, YesNo,
} from './csvCells.js';
import { CARER_EXPERIENCE_YEARS, POUNDS_PER_WEEK } from './bounds.js';
import type { ColumnDoc } from './referral.js';
import { RISKS } from './referral.js';
import { CARER_TYPES, NEEDS } from './vocabulary.js';

/** More places than any household or home has; a sanity bound that catches typing slips. */
export const MAX_PLACES = 99;

export const VacancyRow = t.intersection([
  t.type({
    id: Text,
    carerId: Text,
    type: Choice(CARER_TYPES),
    postcode: Postcode,
    places: WholeNumber(0, MAX_PLACES),
    ageMin: AgeCell,
    ageMax: AgeCell,
    needsMet: ChoiceList(NEEDS),
    weeklyCost: Pounds(POUNDS_PER_WEEK),
  }),
  t.partial({
    siblingCapacity: WholeNumber(1, MAX_PLACES),
    availableFrom: DateCell,
    risksManaged: ChoiceList(RISKS),
    currentChildren: WholeNumberList(0, 25),
    language: TextList,
    religion: TextList,
    communication: TextList,
    culture: TextList,
    experienceYears: NonNegativeNumber(CARER_EXPERIENCE_YEARS),
    hubMember: YesNo,
  }),
], 'VacancyRow');
export type VacancyRow = t.TypeOf<typeof VacancyRow>;

/** Every column of the vacancy CSV, in the order the README and the example file list them. */
export const VACANCY_COLUMNS: { readonly [K in keyof Required<VacancyRow>]: ColumnDoc } = {
  id: { meaning: 'The vacancy\'s identifier; unique in the file.', example: 'V01', aliases: ['vacancyId'] },
  carerId: { meaning: 'The household or home offering it (the foster carer\'s or the home\'s reference; for a home, Ofsted URN will do). One row per household or home: put all its free places in `places`.', example: 'IH-0412', aliases: ['homeId', 'urn'] },
  type: { meaning: 'Placement type.', example: 'inHouseFoster', aliases: ['placementType'] },
  postcode: { meaning: 'Postcode sector or district of the household or home.', example: 'ME5 8', aliases: ['plPost'] },
  places: { meaning: 'Free places now.', example: '2' },
  ageMin: { meaning: 'Youngest age approved for, whole years.', example: '0' },
  ageMax: { meaning: 'Oldest age approved for, whole years.', example: '9' },
  needsMet: { meaning: 'Needs the household or home is approved to meet.', example: 'standard; disability' },
  weeklyCost: { meaning: 'Cost per child per week, £ (fee and allowance).', example: '£520' },
  siblingCapacity: { meaning: 'Largest sibling group taken together (default: `places`).', example: '2' },
  availableFrom: { meaning: 'First day a child can move in (default: now).', example: '01/03/2025' },
  risksManaged: { meaning: 'Risks the carer or home is able to manage (a child with a risk not listed here is not suitable).', example: 'missing; selfHarm' },
  currentChildren: { meaning: 'Ages of the children already living there (the carer\'s own too; up to 25 for young people staying put), checked against the referral\'s `careAlongside`.', example: '4; 7' },
  language: { meaning: 'Languages spoken in the home other than English.', example: 'Polish; Russian' },
  religion: { meaning: 'Faiths the carer practises or can support.', example: 'Christian' },
  communication: { meaning: 'Communication skills of the carer, e.g. BSL, Makaton.', example: 'BSL' },
  culture: { meaning: 'Cultural identities the carer shares or supports.', example: 'Eritrean' },
  experienceYears: { meaning: 'Years the carer has been approved (children with complex needs or risks are better with 2 years or more).', example: '6' },
  hubMember: { meaning: '`yes` if the household is in a Mockingbird-style hub (lowers the predicted breakdown risk).', example: 'no' },
};
