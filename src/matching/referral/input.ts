// Decoded referral and vacancy rows → the referrals and vacancies matching runs on. Pure: the
// postcode geography and the match day are arguments. Checks what a single cell cannot show
// (a date of birth or an age, ages that agree, a school for `sameSchool`, postcodes that exist,
// unique ids, consistent sibling groups, approved age ranges the right way round) and reports
// every problem at once, each tied to a row and a column. The checks also run on rows whose
// cells did not all decode (`checkMatchRows`), each where the cells it needs did, so a file's
// cell-format errors and these problems are reported together.
import { E } from '../../domain/fp.js';
import type { Gazetteer } from '../../domain/geography.js';
import { CARE_ALONGSIDE, RISKS, URGENCIES, type ReferralRow, type Urgency } from '../../domain/referral.js';
import { DAYS_PER_YEAR, epochDayOf, isoDateOfEpochDay } from '../../domain/time.js';
import type { VacancyRow } from '../../domain/vacancy.js';
import { NEEDS, PLACEMENT_TYPES } from '../../domain/vocabulary.js';
import type { MatchSettings } from './context.js';
import { TYPE_GROUPS, type Place, type Referral, type ReferredChild, type SoftAttributes, type Vacancy } from './referral.js';

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

/** Rows as far as their cells decoded: a cell that did not is left out of its row and named in `bad`. */
export interface PartialRows<A> {
  readonly rows: readonly Partial<A>[];
  readonly lines: readonly number[];
  /** By row: the columns whose cell did not decode (a row of the wrong width has every column bad). */
  readonly bad: readonly ReadonlySet<string>[];
}

/** Full rows as partial rows with no bad cells, so the same checks run on both. */
const asPartial = <A>(rows: Rows<A>): PartialRows<A> => ({ rows: rows.rows, lines: rows.lines, bad: rows.rows.map(() => new Set<string>()) });

/** True when the cell of `column` in `row` did not decode: a check that needs it is skipped. */
const isBad = (rows: PartialRows<unknown>, row: number, column: string): boolean => rows.bad[row]?.has(column) === true;

// ---- Checks: what a single cell cannot show. Each runs on whatever cells of a row decoded. ----------

const hint = (gazetteer: Gazetteer, code: string): string => {
  // `ME44` is read as a district; if that district does not exist but the sector `ME4 4` does, say so.
  const asSector = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])$/.exec(code);
  return asSector !== null && !code.includes(' ') && gazetteer.has(`${asSector[1]} ${asSector[2]}`)
    ? `; did you mean the sector "${asSector[1]} ${asSector[2]}" (with a space)?` : '';
};

/** A postcode that is not in the geography. */
const checkPostcode = (gazetteer: Gazetteer, table: InputTable, row: number, column: string, code: string | undefined, out: Collector): void => {
  if (code === undefined || gazetteer.get(code) !== undefined) return;
  out.problems.push({ table, row, column, message: `unknown postcode ${JSON.stringify(code)}: not a postcode sector or district in the ONS Postcode Directory${hint(gazetteer, code)}` });
};

/** The same value twice in a column that must be unique. */
const uniqueIds = (table: InputTable, ids: readonly (string | undefined)[], lines: readonly number[], column: string, advice: string, out: Collector): void => {
  const first = new Map<string, number>();
  ids.forEach((id, row) => {
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, row);
    else out.problems.push({ table, row, column, message: `${column} ${JSON.stringify(id)} is already used on line ${lines[seen]}; ${advice}` });
  });
};

/** A child's age: a date of birth or an age, under 18 on the match day, the two agreeing. */
const checkAge = (input: PartialRows<ReferralRow>, row: number, matchDay: number, out: Collector): void => {
  const r = input.rows[row]!;
  const problem = (column: string, message: string): void => void out.problems.push({ table: 'referrals', row, column, message });
  if (isBad(input, row, 'dateOfBirth')) return;
  if (r.dateOfBirth !== undefined) {
    const age = ageOn(r.dateOfBirth, matchDay);
    if (epochDayOf(r.dateOfBirth) > matchDay) problem('dateOfBirth', `born after the match date ${isoDateOfEpochDay(matchDay)}`);
    else if (age >= 18) problem('dateOfBirth', `the child is ${age} on the match date ${isoDateOfEpochDay(matchDay)}; referrals are for children under 18`);
    else if (r.age !== undefined && r.age !== age) problem('age', `age ${r.age} does not agree with the date of birth ${r.dateOfBirth} (${age} on ${isoDateOfEpochDay(matchDay)}); give one or make them agree`);
  } else if (r.age === undefined && !isBad(input, row, 'age')) {
    problem('dateOfBirth', 'required: a date of birth or an age (neither is given)');
  }
};

/** A child who must keep their school needs the school's postcode. */
const checkSchool = (input: PartialRows<ReferralRow>, row: number, out: Collector): void => {
  const r = input.rows[row]!;
  if (r.sameSchool === true && r.schoolPostcode === undefined && !isBad(input, row, 'schoolPostcode')) {
    out.problems.push({ table: 'referrals', row, column: 'schoolPostcode', message: 'required when sameSchool is yes: the school\'s postcode sector or district' });
  }
};

/** Rows of each sibling group, in file order. */
const siblingGroups = (rows: readonly Partial<ReferralRow>[]): Map<string, number[]> => {
  const groups = new Map<string, number[]>();
  rows.forEach((r, row) => {
    if (r.siblingGroup === undefined) return;
    const members = groups.get(r.siblingGroup);
    if (members === undefined) groups.set(r.siblingGroup, [row]);
    else members.push(row);
  });
  return groups;
};

/** A group named like another child, and a child who must live alone in a group placed together. */
const checkSiblingGroups = (input: PartialRows<ReferralRow>, out: Collector): void => {
  const ids = new Set(input.rows.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  for (const [g, rows] of siblingGroups(input.rows)) {
    if (ids.has(g) && !rows.some((row) => input.rows[row]!.id === g)) {
      out.problems.push({ table: 'referrals', row: rows[0]!, column: 'siblingGroup', message: `sibling group ${JSON.stringify(g)} has the same name as another child's id; use a different name for the group` });
    }
    if (rows.length === 1) continue;
    for (const row of rows) {
      if (input.rows[row]!.careAlongside === 'solo') {
        out.problems.push({ table: 'referrals', row, column: 'careAlongside', message: `solo (no other child) contradicts sibling group ${JSON.stringify(g)}, whose ${rows.length} children are placed together` });
      }
    }
  }
};

/** Every rule across cells, rows and the postcode geography, on whatever cells decoded; problems in file order. */
const checkRows = (
  referrals: PartialRows<ReferralRow>, vacancies: PartialRows<VacancyRow>, gazetteer: Gazetteer, matchDay: number,
): InputProblem[] => {
  const out: Collector = { problems: [], notes: [] };
  uniqueIds('referrals', referrals.rows.map((r) => r.id), referrals.lines, 'id', 'each child needs an id of their own (siblings share a siblingGroup, not an id)', out);
  uniqueIds('vacancies', vacancies.rows.map((v) => v.id), vacancies.lines, 'id', 'each vacancy needs an id of its own', out);
  uniqueIds('vacancies', vacancies.rows.map((v) => v.carerId), vacancies.lines, 'carerId', 'list each household or home once, with all its free places in places', out);
  referrals.rows.forEach((r, row) => {
    checkAge(referrals, row, matchDay, out);
    checkSchool(referrals, row, out);
    checkPostcode(gazetteer, 'referrals', row, 'homePostcode', r.homePostcode, out);
    checkPostcode(gazetteer, 'referrals', row, 'schoolPostcode', r.schoolPostcode, out);
    checkPostcode(gazetteer, 'referrals', row, 'searchPostcode', r.searchPostcode, out);
  });
  checkSiblingGroups(referrals, out);
  vacancies.rows.forEach((v, row) => {
    if (v.ageMin !== undefined && v.ageMax !== undefined && v.ageMin > v.ageMax) {
      out.problems.push({ table: 'vacancies', row, column: 'ageMax', message: `approved age range upside down: ageMin ${v.ageMin} is above ageMax ${v.ageMax}` });
    }
    checkPostcode(gazetteer, 'vacancies', row, 'postcode', v.postcode, out);
  });
  const order = (p: InputProblem): number => (p.table === 'referrals' ? 0 : 1);
  return [...out.problems].sort((a, b) => order(a) - order(b) || a.row - b.row);
};

/**
 * The rules across cells, rows and the postcode geography, on rows whose cells did not all decode:
 * each check runs where the cells it needs decoded, so a file's problems can all be reported in
 * one pass, with its cell-format errors. Problems are in file order (referrals, then vacancies).
 */
export const checkMatchRows = (
  referrals: PartialRows<ReferralRow>, vacancies: PartialRows<VacancyRow>, gazetteer: Gazetteer, settings: { readonly matchDay: number },
): InputProblem[] => checkRows(referrals, vacancies, gazetteer, settings.matchDay);

// ---- Building: checked rows → referrals and vacancies --------------------------------------------

const placeOf = (gazetteer: Gazetteer, code: string): Place => {
  const c = gazetteer.get(code)!; // every postcode was checked
  return { code, easting: c.easting, northing: c.northing };
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
  input: Rows<ReferralRow>, gazetteer: Gazetteer, settings: MatchSettings & { readonly matchDay: number }, out: Collector,
): ResolvedChild[] => {
  const { matchDay } = settings;
  return input.rows.map((r, row) => {
    // Checked: a date of birth or an age is given.
    const dobDay = r.dateOfBirth !== undefined ? epochDayOf(r.dateOfBirth) : matchDay - (r.age! + 0.5) * DAYS_PER_YEAR;
    const needed = neededDayOf(r.neededBy, settings);
    if (needed.past) out.notes.push({ table: 'referrals', row, column: 'neededBy', message: `${r.neededBy} is before the match date ${isoDateOfEpochDay(matchDay)}: treated as needed today` });
    const needsMask = maskOf(NEEDS, r.needs);
    return {
      child: {
        id: r.id, row, dobDay, dobKnown: r.dateOfBirth !== undefined, needsMask, primaryNeed: Math.max(0, NEEDS.findIndex((_, i) => (needsMask >> i) & 1)),
        home: placeOf(gazetteer, r.homePostcode),
        school: r.schoolPostcode === undefined ? undefined : placeOf(gazetteer, r.schoolPostcode),
        sameSchool: r.sameSchool === true,
        search: r.searchPostcode === undefined ? undefined : placeOf(gazetteer, r.searchPostcode),
        suitability: TYPE_GROUPS.map((g) => r[g] ?? 'suitable'),
        risksMask: maskOf(RISKS, r.risks), careAlongside: r.careAlongside ?? CARE_ALONGSIDE[0], soft: soft(r),
      },
      ageAt: (day: number) => (r.dateOfBirth !== undefined ? ageOn(r.dateOfBirth, day) : Math.floor((day - dobDay) / DAYS_PER_YEAR)),
      neededBy: r.neededBy, urgency: needed.urgency, day: needed.day,
    };
  });
};

const groupReferrals = (input: Rows<ReferralRow>, children: readonly ResolvedChild[], out: Collector): Referral[] => {
  const groups = siblingGroups(input.rows);
  for (const [g, rows] of groups) {
    if (rows.length === 1) out.notes.push({ table: 'referrals', row: rows[0]!, column: 'siblingGroup', message: `sibling group ${JSON.stringify(g)} has only this child: matched as a single referral` });
  }
  const referrals: Referral[] = [];
  const done = new Set<string>();
  input.rows.forEach((r, row) => {
    const g = r.siblingGroup;
    if (g !== undefined && done.has(g)) return;
    const rows = g === undefined ? [row] : groups.get(g)!;
    if (g !== undefined) done.add(g);
    const ms = rows.map((x) => children[x]!);
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

const resolveVacancies = (input: Rows<VacancyRow>, gazetteer: Gazetteer, matchDay: number): Vacancy[] =>
  input.rows.map((v, row) => {
    const needsMask = maskOf(NEEDS, v.needsMet);
    return {
      id: v.id, carerId: v.carerId, row, place: placeOf(gazetteer, v.postcode),
      type: PLACEMENT_TYPES.indexOf(v.type), zone: row, free: v.places, ageMin: v.ageMin, ageMax: v.ageMax,
      needsMask, needCount: bitCount(needsMask), siblingCapacity: v.siblingCapacity ?? v.places, weeklyCost: v.weeklyCost,
      availableFromDay: v.availableFrom === undefined ? matchDay : epochDayOf(v.availableFrom),
      risksMask: maskOf(RISKS, v.risksManaged), currentChildren: v.currentChildren ?? [], soft: soft(v),
      experienceYears: v.experienceYears, hub: v.hubMember === true,
    };
  });

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
  const problems = checkRows(asPartial(referralRows), asPartial(vacancyRows), gazetteer, settings.matchDay);
  if (problems.length > 0) return E.left(problems);
  const out: Collector = { problems: [], notes: [] };
  const children = resolveChildren(referralRows, gazetteer, settings, out);
  const referrals = groupReferrals(referralRows, children, out);
  const vacancies = resolveVacancies(vacancyRows, gazetteer, settings.matchDay);
  return E.right({ referrals, vacancies, notes: out.notes });
};
