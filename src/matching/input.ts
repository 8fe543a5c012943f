// Decoded referral and vacancy rows → the referrals and vacancies matching runs on. Pure: the
// postcode geography and the match day are arguments. Checks what a single cell cannot show
// (a date of birth or an age, ages that agree, a school for `sameSchool`, postcodes that exist,
// unique ids, consistent sibling groups, approved age ranges the right way round) and reports
// every problem at once, each tied to a row and a column.
import { E } from '../domain/fp.js';
import type { Gazetteer } from '../domain/geography.js';
import { CARE_ALONGSIDE, RISKS, URGENCIES, type ReferralRow, type Urgency } from '../domain/referral.js';
import { epochDayOf, isoDateOfEpochDay } from '../domain/time.js';
import type { VacancyRow } from '../domain/vacancy.js';
import { NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import type { MatchSettings } from './context.js';
import { TYPE_GROUPS, type Place, type Referral, type ReferredChild, type SoftAttributes, type Vacancy } from './referralTypes.js';

const DAYS_PER_YEAR = 365.25;

export type InputTable = 'referrals' | 'vacancies';

/** A problem (or, in `MatchInput.notes`, a remark) about a row, and the column it is in. */
export interface InputProblem {
  readonly table: InputTable;
  /** 0-based row of the table. */
  readonly row: number;
  readonly column?: string;
  readonly message: string;
}

/** Decoded rows and the file line of each, for messages that point at another row. */
export interface Rows<A> {
  readonly rows: readonly A[];
  readonly lines: readonly number[];
}

export interface MatchInput {
  readonly referrals: readonly Referral[];
  readonly vacancies: readonly Vacancy[];
  /** Remarks that are not errors (a past date treated as today, a sibling group of one). */
  readonly notes: readonly InputProblem[];
}

/** Whole years of age on `day` (epoch days) for a date of birth `dobIso`: birthdays counted on the calendar. */
export const ageOn = (dobIso: string, day: number): number => {
  const on = isoDateOfEpochDay(day);
  const years = Number(on.slice(0, 4)) - Number(dobIso.slice(0, 4));
  return on.slice(5) < dobIso.slice(5) ? years - 1 : years;
};

const maskOf = <K extends string>(all: readonly K[], items: readonly K[] | undefined): number =>
  (items ?? []).reduce((m, k) => m | (1 << all.indexOf(k)), 0);

const soft = (r: { language?: readonly string[]; religion?: readonly string[]; communication?: readonly string[]; culture?: readonly string[] }): SoftAttributes => ({
  language: r.language ?? [], religion: r.religion ?? [], communication: r.communication ?? [], culture: r.culture ?? [],
});

/** Urgency and last start day of a `neededBy` value on `matchDay`. */
export const neededDayOf = (neededBy: string, settings: Pick<MatchSettings, 'laterDays'> & { readonly matchDay: number }): { urgency: Urgency; day: number; past: boolean } => {
  const { matchDay, laterDays } = settings;
  switch (neededBy) {
    case 'today': return { urgency: 'today', day: matchDay, past: false };
    case 'under5days': return { urgency: 'under5days', day: matchDay + 4, past: false };
    case 'later': return { urgency: 'later', day: matchDay + laterDays, past: false };
    default: {
      const d = epochDayOf(neededBy);
      if (d <= matchDay) return { urgency: 'today', day: matchDay, past: d < matchDay };
      return { urgency: d <= matchDay + 4 ? 'under5days' : 'later', day: d, past: false };
    }
  }
};

interface Collector {
  readonly problems: InputProblem[];
  readonly notes: InputProblem[];
}

const placeLookup = (gazetteer: Gazetteer, out: Collector, table: InputTable) => (code: string, row: number, column: string): Place | undefined => {
  const c = gazetteer.get(code);
  if (c !== undefined) return { code, easting: c.easting, northing: c.northing };
  // `ME44` is read as a district; if that district does not exist but the sector `ME4 4` does, say so.
  const asSector = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])$/.exec(code);
  const hint = asSector !== null && !code.includes(' ') && gazetteer.has(`${asSector[1]} ${asSector[2]}`)
    ? `; did you mean the sector "${asSector[1]} ${asSector[2]}" (with a space)?` : '';
  out.problems.push({ table, row, column, message: `unknown postcode ${JSON.stringify(code)}: not a postcode sector or district in the ONS Postcode Directory${hint}` });
  return undefined;
};

const uniqueIds = (table: InputTable, ids: readonly string[], lines: readonly number[], column: string, advice: string, out: Collector): void => {
  const first = new Map<string, number>();
  ids.forEach((id, row) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, row);
    else out.problems.push({ table, row, column, message: `${column} ${JSON.stringify(id)} is already used on line ${lines[seen]}; ${advice}` });
  });
};

interface ResolvedChild {
  readonly child: Omit<ReferredChild, 'ageYears'>;
  /** Whole years of age on a day: by the calendar from a date of birth, else from the estimated one. */
  readonly ageAt: (day: number) => number;
  readonly neededBy: string;
  readonly urgency: Urgency;
  readonly day: number;
}

const resolveChildren = (
  input: Rows<ReferralRow>, lookup: ReturnType<typeof placeLookup>, settings: MatchSettings & { readonly matchDay: number }, out: Collector,
): ResolvedChild[] => {
  const { matchDay } = settings;
  const result: ResolvedChild[] = [];
  input.rows.forEach((r, row) => {
    const problem = (column: string | undefined, message: string): void => void out.problems.push({ table: 'referrals', row, ...(column === undefined ? {} : { column }), message });
    let dobDay = Number.NaN;
    if (r.dateOfBirth !== undefined) {
      dobDay = epochDayOf(r.dateOfBirth);
      const age = ageOn(r.dateOfBirth, matchDay);
      if (dobDay > matchDay) problem('dateOfBirth', `born after the match date ${isoDateOfEpochDay(matchDay)}`);
      else if (age >= 18) problem('dateOfBirth', `the child is ${age} on the match date ${isoDateOfEpochDay(matchDay)}; referrals are for children under 18`);
      else if (r.age !== undefined && r.age !== age) problem('age', `age ${r.age} does not agree with the date of birth ${r.dateOfBirth} (${age} on ${isoDateOfEpochDay(matchDay)}); give one or make them agree`);
    } else if (r.age !== undefined) {
      dobDay = matchDay - (r.age + 0.5) * DAYS_PER_YEAR;
    } else {
      problem('dateOfBirth', 'required: a date of birth or an age (neither is given)');
    }
    if (r.sameSchool === true && r.schoolPostcode === undefined) problem('schoolPostcode', 'required when sameSchool is yes: the school\'s postcode sector or district');
    const home = lookup(r.homePostcode, row, 'homePostcode');
    const school = r.schoolPostcode === undefined ? undefined : lookup(r.schoolPostcode, row, 'schoolPostcode');
    const search = r.searchPostcode === undefined ? undefined : lookup(r.searchPostcode, row, 'searchPostcode');
    const needed = neededDayOf(r.neededBy, settings);
    if (needed.past) out.notes.push({ table: 'referrals', row, column: 'neededBy', message: `${r.neededBy} is before the match date ${isoDateOfEpochDay(matchDay)}: treated as needed today` });
    const needsMask = maskOf(NEEDS, r.needs);
    if (home === undefined || Number.isNaN(dobDay)) return;
    result.push({
      child: {
        id: r.id, row, dobDay, dobKnown: r.dateOfBirth !== undefined, needsMask, primaryNeed: Math.max(0, NEEDS.findIndex((_, i) => (needsMask >> i) & 1)),
        home, school, sameSchool: r.sameSchool === true, search,
        suitability: TYPE_GROUPS.map((g) => r[g] ?? 'suitable'),
        risksMask: maskOf(RISKS, r.risks), careAlongside: r.careAlongside ?? CARE_ALONGSIDE[0], soft: soft(r),
      },
      ageAt: (day) => (r.dateOfBirth !== undefined ? ageOn(r.dateOfBirth, day) : Math.floor((day - dobDay) / DAYS_PER_YEAR)),
      neededBy: r.neededBy, urgency: needed.urgency, day: needed.day,
    });
  });
  return result;
};

const groupReferrals = (
  input: Rows<ReferralRow>, children: readonly ResolvedChild[], out: Collector,
): Referral[] => {
  const ids = new Set(input.rows.map((r) => r.id));
  const groups = new Map<string, number[]>();
  input.rows.forEach((r, row) => {
    if (r.siblingGroup === undefined) return;
    const members = groups.get(r.siblingGroup);
    if (members === undefined) groups.set(r.siblingGroup, [row]);
    else members.push(row);
  });
  for (const [g, rows] of groups) {
    const first = rows[0]!;
    if (ids.has(g) && !rows.some((row) => input.rows[row]!.id === g)) {
      out.problems.push({ table: 'referrals', row: first, column: 'siblingGroup', message: `sibling group ${JSON.stringify(g)} has the same name as another child's id; use a different name for the group` });
    }
    if (rows.length === 1) out.notes.push({ table: 'referrals', row: first, column: 'siblingGroup', message: `sibling group ${JSON.stringify(g)} has only this child: matched as a single referral` });
    else {
      for (const row of rows) {
        if (input.rows[row]!.careAlongside === 'solo') {
          out.problems.push({ table: 'referrals', row, column: 'careAlongside', message: `solo (no other child) contradicts sibling group ${JSON.stringify(g)}, whose ${rows.length} children are placed together` });
        }
      }
    }
  }
  const byRow = new Map(children.map((c) => [c.child.row, c]));
  const referrals: Referral[] = [];
  const done = new Set<string>();
  input.rows.forEach((r, row) => {
    const g = r.siblingGroup;
    if (g !== undefined && done.has(g)) return;
    const rows = g === undefined ? [row] : groups.get(g)!;
    if (g !== undefined) done.add(g);
    const members = rows.map((x) => byRow.get(x));
    if (members.some((m) => m === undefined)) return; // already reported
    const ms = members as ResolvedChild[];
    // The group is needed when its most urgent member is (ties: the earliest day).
    const lead = ms.reduce((a, b) => (URGENCIES.indexOf(b.urgency) < URGENCIES.indexOf(a.urgency) || (b.urgency === a.urgency && b.day < a.day) ? b : a));
    referrals.push({
      id: rows.length > 1 ? g! : r.id,
      siblingGroup: rows.length > 1 ? g : undefined,
      children: ms.map((m) => ({ ...m.child, ageYears: m.ageAt(lead.day) })),
      neededBy: lead.neededBy, urgency: lead.urgency, neededDay: lead.day, row,
    });
  });
  return referrals;
};

const bitCount = (m: number): number => {
  let n = 0;
  for (let x = m; x !== 0; x &= x - 1) n++;
  return n;
};

const resolveVacancies = (input: Rows<VacancyRow>, lookup: ReturnType<typeof placeLookup>, matchDay: number, out: Collector): Vacancy[] => {
  const vacancies: Vacancy[] = [];
  input.rows.forEach((v, row) => {
    if (v.ageMin > v.ageMax) out.problems.push({ table: 'vacancies', row, column: 'ageMax', message: `approved age range upside down: ageMin ${v.ageMin} is above ageMax ${v.ageMax}` });
    const place = lookup(v.postcode, row, 'postcode');
    if (place === undefined) return;
    const needsMask = maskOf(NEEDS, v.needsMet);
    vacancies.push({
      id: v.id, carerId: v.carerId, row, place,
      type: PLACEMENT_TYPES.indexOf(v.type), zone: row, free: v.places, ageMin: v.ageMin, ageMax: v.ageMax,
      needsMask, needCount: bitCount(needsMask), siblingCapacity: v.siblingCapacity ?? v.places, weeklyCost: v.weeklyCost,
      availableFromDay: v.availableFrom === undefined ? matchDay : epochDayOf(v.availableFrom),
      risksMask: maskOf(RISKS, v.risksManaged), currentChildren: v.currentChildren ?? [], soft: soft(v),
      experienceYears: v.experienceYears, hub: v.hubMember === true,
    });
  });
  return vacancies;
};

/**
 * Resolve decoded referral and vacancy rows on `matchDay` (epoch day). Left: every problem in
 * both tables. The vacancies keep their file order (`zone` is the vacancy's index, so a
 * `milesTo(zone)` function can look its place up).
 */
export const resolveMatchInput = (
  referralRows: Rows<ReferralRow>,
  vacancyRows: Rows<VacancyRow>,
  gazetteer: Gazetteer,
  settings: MatchSettings & { readonly matchDay: number },
): E.Either<InputProblem[], MatchInput> => {
  const out: Collector = { problems: [], notes: [] };
  uniqueIds('referrals', referralRows.rows.map((r) => r.id), referralRows.lines, 'id', 'each child needs an id of their own (siblings share a siblingGroup, not an id)', out);
  uniqueIds('vacancies', vacancyRows.rows.map((v) => v.id), vacancyRows.lines, 'id', 'each vacancy needs an id of its own', out);
  uniqueIds('vacancies', vacancyRows.rows.map((v) => v.carerId), vacancyRows.lines, 'carerId', 'list each household or home once, with all its free places in places', out);
  const children = resolveChildren(referralRows, placeLookup(gazetteer, out, 'referrals'), settings, out);
  const referrals = groupReferrals(referralRows, children, out);
  const vacancies = resolveVacancies(vacancyRows, placeLookup(gazetteer, out, 'vacancies'), settings.matchDay, out);
  if (out.problems.length > 0) {
    const order = (p: InputProblem): number => (p.table === 'referrals' ? 0 : 1);
    return E.left([...out.problems].sort((a, b) => order(a) - order(b) || a.row - b.row));
  }
  return E.right({ referrals, vacancies, notes: out.notes });
};
