// Dates. Inside the model time is an integer number of days since the scenario start date;
// calendar dates only appear at the edges (inputs, financial years, outputs). The two kinds of
// day are different types (`SimDay`, `EpochDay`, src/domain/units.ts).
import { toSimDay, type EpochDay, type EpochDayLike, type SimDay } from './units.js';

const MS_PER_DAY = 86_400_000;

/** Parse `YYYY-MM-DD` as a UTC calendar date; undefined if it is not a real date. */
export const parseIsoDate = (s: string): EpochDay | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return (ms / MS_PER_DAY) as EpochDay;
};

/** Days since 1970-01-01 (UTC) of an ISO date known to be valid. */
export const epochDayOf = (iso: string): EpochDay => {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`internal: invalid date ${iso}`);
  return d;
};

export const isoDateOfEpochDay = (epochDay: EpochDayLike): string =>
  new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);

/** The financial year (1 April – 31 March) containing an epoch day, as `2024/25`. */
export const financialYearOf = (epochDay: EpochDayLike): string => {
  const d = new Date(epochDay * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const startYear = d.getUTCMonth() >= 3 ? y : y - 1;
  return financialYearLabel(startYear);
};

export const financialYearLabel = (startYear: number): string =>
  `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

export interface FinancialYear {
  readonly label: string; // `2022/23`
  readonly yearEnd: string; // `2023-03-31`
  /** Days since the scenario start of 1 April (may be negative for the first year). */
  readonly startDay: SimDay;
  /** Days since the scenario start of 31 March (the snapshot day, inclusive end). */
  readonly endDay: SimDay;
}

/**
 * The financial years a forecast reports: the first is the one whose 31 March is the first
 * 31 March on or after the start date (DESIGN.md: snapshot measures at 31 March).
 */
export const financialYearsFrom = (startEpochDay: EpochDay, years: number): FinancialYear[] => {
  const start = new Date(startEpochDay * MS_PER_DAY);
  const y = start.getUTCFullYear();
  const firstEndYear = start.getUTCMonth() > 2 || (start.getUTCMonth() === 2 && start.getUTCDate() > 31) ? y + 1 : y;
  const out: FinancialYear[] = [];
  for (let k = 0; k < years; k++) {
    const endYear = firstEndYear + k;
    const endEpoch = (Date.UTC(endYear, 2, 31) / MS_PER_DAY) as EpochDay;
    const startEpoch = (Date.UTC(endYear - 1, 3, 1) / MS_PER_DAY) as EpochDay;
    out.push({
      label: financialYearLabel(endYear - 1),
      yearEnd: isoDateOfEpochDay(endEpoch),
      startDay: toSimDay(startEpoch, startEpochDay),
      endDay: toSimDay(endEpoch, startEpochDay),
    });
  }
  return out;
};

/** The mean length of a year in days (leap years included): the one conversion between yearly and daily rates and ages. */
export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_WEEK = 7;

/**
 * Year, month (1–12) and day of an epoch day, in whole-number arithmetic (Hinnant's
 * civil_from_days): the engine asks once per child, and a `Date` cost 2% of a replication.
 */
const civilOf = (epochDay: EpochDayLike): { y: number; m: number; d: number } => {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
};

/** The epoch day of a year, month (1–12) and day, rolling over as `Date.UTC` does (Hinnant's days_from_civil). */
const epochDayOfCivil = (year: number, month: number, day: number): EpochDay => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return (era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468) as EpochDay;
};

/** The 18th birthday of a child born on an epoch day, as an epoch day (born 29 February: 1 March). */
export const eighteenthBirthdayOf = (dobEpochDay: EpochDayLike): EpochDay => {
  const { y, m, d } = civilOf(dobEpochDay);
  return epochDayOfCivil(y + 18, m, d);
};
