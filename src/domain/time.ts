// Dates. Inside the model time is an integer number of days since the scenario start date;
// calendar dates only appear at the edges (inputs, financial years, outputs).

const MS_PER_DAY = 86_400_000;

/** Parse `YYYY-MM-DD` as a UTC calendar date; undefined if it is not a real date. */
export const parseIsoDate = (s: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
};

/** Days since 1970-01-01 (UTC) of an ISO date known to be valid. */
export const epochDayOf = (iso: string): number => {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`internal: invalid date ${iso}`);
  return d;
};

export const isoDateOfEpochDay = (epochDay: number): string =>
  new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);

/** The financial year (1 April – 31 March) containing an epoch day, as `2024/25`. */
export const financialYearOf = (epochDay: number): string => {
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
  readonly startDay: number;
  /** Days since the scenario start of 31 March (the snapshot day, inclusive end). */
  readonly endDay: number;
}

/**
 * The financial years a forecast reports: the first is the one whose 31 March is the first
 * 31 March on or after the start date (DESIGN.md: snapshot measures at 31 March).
 */
export const financialYearsFrom = (startEpochDay: number, years: number): FinancialYear[] => {
  const start = new Date(startEpochDay * MS_PER_DAY);
  const y = start.getUTCFullYear();
  const firstEndYear = start.getUTCMonth() > 2 || (start.getUTCMonth() === 2 && start.getUTCDate() > 31) ? y + 1 : y;
  const out: FinancialYear[] = [];
  for (let k = 0; k < years; k++) {
    const endYear = firstEndYear + k;
    const endEpoch = Date.UTC(endYear, 2, 31) / MS_PER_DAY;
    const startEpoch = Date.UTC(endYear - 1, 3, 1) / MS_PER_DAY;
    out.push({
      label: financialYearLabel(endYear - 1),
      yearEnd: isoDateOfEpochDay(endEpoch),
      startDay: startEpoch - startEpochDay,
      endDay: endEpoch - startEpochDay,
    });
  }
  return out;
};

export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_WEEK = 7;

/** The 18th birthday of a child born on an epoch day, as an epoch day (born 29 February: 1 March). */
export const eighteenthBirthdayOf = (dobEpochDay: number): number => {
  const born = new Date(dobEpochDay * 86_400_000);
  return Date.UTC(born.getUTCFullYear() + 18, born.getUTCMonth(), born.getUTCDate()) / 86_400_000;
};
