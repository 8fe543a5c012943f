// Small codecs shared by the scenario and lever formats.
import { t } from './fp.js';
import { NonNegative } from './units.js';

export const IsoDate = t.brand(
  t.string,
  (s): s is t.Branded<string, { readonly IsoDate: symbol }> => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1;
  },
  'IsoDate',
);
export type IsoDate = t.TypeOf<typeof IsoDate>;

/** Zone code (postcode sector `ME4 4` or district `ME4`) → non-negative weight. */
export const ZoneWeights = t.record(t.string, NonNegative, 'ZoneWeights');
/** Categorical distribution over small whole numbers, e.g. `{"1": 0.6, "2": 0.4}`. */
export const CountDistribution = t.record(t.string, NonNegative, 'CountDistribution');

