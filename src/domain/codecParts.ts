// Small codecs shared by the scenario and lever formats.
import { t } from './fp.js';
import { DATE_YEARS, Weight } from './bounds.js';
import { parseIsoDate } from './time.js';

const DateText = t.brand(
  t.string,
  (s): s is t.Branded<string, { readonly IsoDate: symbol }> => /^\d{4}-\d{2}-\d{2}$/.test(s),
  'IsoDate',
);

const inYears = (s: string): boolean => {
  const year = Number(s.slice(0, 4));
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};
const isDate = (s: string): boolean => inYears(s) && parseIsoDate(s) !== undefined;

/** A calendar date `YYYY-MM-DD` in the years of DATE_YEARS (the model counts days from such dates). */
export const IsoDate = new t.RefinementType<typeof DateText, t.TypeOf<typeof DateText>, string, unknown>(
  'IsoDate',
  (u): u is t.TypeOf<typeof DateText> => DateText.is(u) && isDate(u),
  (u, c) => {
    const text = DateText.validate(u, c);
    if (text._tag === 'Left') return text;
    if (!inYears(text.right)) return t.failure(u, c, DATE_YEARS.why);
    return isDate(text.right) ? text : t.failure(u, c);
  },
  DateText.encode,
  DateText,
  isDate,
);
export type IsoDate = t.TypeOf<typeof IsoDate>;

/** Zone code (postcode sector `ME4 4` or district `ME4`) → non-negative weight. */
export const ZoneWeights = t.record(t.string, Weight, 'ZoneWeights');
/** Categorical distribution over small whole numbers, e.g. `{"1": 0.6, "2": 0.4}`. */
export const CountDistribution = t.record(t.string, Weight, 'CountDistribution');

