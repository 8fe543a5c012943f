// Referral and vacancy CSV files + a scenario → everything `rankVacancies` and `assign` need.
// Reads, parses and decodes both files, looks postcodes up, and reports every problem in the
// scenario and both files at once, each naming the file, line and column: cell formats, the rules
// across cells and rows, and unknown postcodes together, in one pass. Never throws for a user
// mistake.
import { E } from '../domain/fp.js';
import type { Gazetteer } from '../domain/geography.js';
import { ReferralRow, REFERRAL_COLUMNS } from '../domain/referral.js';
import { VacancyRow, VACANCY_COLUMNS } from '../domain/vacancy.js';
import { matchContext, type MatchContext, type MatchSettings, type ReferralWeights } from '../matching/referral/context.js';
import { checkMatchRows, resolveMatchInput, type InputProblem, type InputTable, type MatchInput } from '../matching/referral/input.js';
import { scenarioHash } from '../scenario/hash.js';
import { readCsvFile } from './csvParse.js';
import { decodeTableRows, type PartlyDecodedTable, type TableFormat } from './csvRows.js';
import { loadGazetteer } from './geography.js';
import { loadScenarioFile } from './scenarioFile.js';

export const REFERRAL_FORMAT: TableFormat<ReferralRow> = { rowName: 'referral', codec: ReferralRow, columns: REFERRAL_COLUMNS };
export const VACANCY_FORMAT: TableFormat<VacancyRow> = { rowName: 'vacancy', codec: VacancyRow, columns: VACANCY_COLUMNS };

export interface MatchFiles {
  readonly referrals: string;
  readonly vacancies: string;
  readonly scenario: string;
}

export interface LoadedMatch {
  readonly input: MatchInput;
  readonly context: MatchContext;
  readonly scenario: { readonly name: string; readonly hash: string };
  /** Remarks that are not errors: ignored columns, past dates read as today, a sibling group of one, unusual scenario figures. */
  readonly warnings: readonly string[];
}

const readTable = <A>(file: string, format: TableFormat<A>): E.Either<string[], PartlyDecodedTable<A>> => {
  const table = readCsvFile(file);
  return E.isLeft(table) ? table : decodeTableRows(table.right, format);
};

type Tables = { readonly [T in InputTable]: PartlyDecodedTable<unknown> };

const located = (tables: Tables) => (p: InputProblem): string => `${tables[p.table].at(p.row, p.column)}: ${p.message}`;

/** No rows: stands in for a table whose header could not be read, so the other is still checked. */
const NO_ROWS = { rows: [], lines: [], bad: [] };

/**
 * Cell-format problems and the problems of the checks across cells, rows and postcodes, merged
 * into file order: referrals then vacancies, by row, a row's cell formats first.
 */
const everyRowProblem = (
  referrals: E.Either<string[], PartlyDecodedTable<ReferralRow>>, vacancies: E.Either<string[], PartlyDecodedTable<VacancyRow>>,
  gazetteer: Gazetteer, matchDay: number,
): string[] => {
  const r = E.isRight(referrals) ? referrals.right : undefined;
  const v = E.isRight(vacancies) ? vacancies.right : undefined;
  const across = checkMatchRows(r ?? NO_ROWS, v ?? NO_ROWS, gazetteer, { matchDay });
  const lines = (table: InputTable, t: PartlyDecodedTable<unknown> | undefined, header: E.Either<string[], unknown>): string[] => {
    if (t === undefined) return E.isLeft(header) ? header.left : [];
    const merged = [
      ...t.problems.map((p) => ({ row: p.row, order: 0, text: p.message })),
      ...across.filter((p) => p.table === table).map((p) => ({ row: p.row, order: 1, text: `${t.at(p.row, p.column)}: ${p.message}` })),
    ];
    return merged.sort((a, b) => a.row - b.row || a.order - b.order).map((x) => x.text);
  };
  return [...lines('referrals', r, referrals), ...lines('vacancies', v, vacancies)];
};

/**
 * Load a match on `matchDay` (epoch day). Left: every problem found, as lines to print.
 */
export const loadMatchFiles = (
  files: MatchFiles,
  matchDay: number,
  overrides: { readonly weights?: Partial<ReferralWeights>; readonly settings?: Partial<MatchSettings> } = {},
): E.Either<string[], LoadedMatch> => {
  const scenario = loadScenarioFile(files.scenario);
  const referrals = readTable(files.referrals, REFERRAL_FORMAT);
  const vacancies = readTable(files.vacancies, VACANCY_FORMAT);
  const gazetteer = loadGazetteer();
  if (E.isLeft(gazetteer)) return E.left([...(E.isLeft(scenario) ? scenario.left : []), gazetteer.left]);
  const cellProblems = [referrals, vacancies].some((x) => E.isLeft(x) || x.right.problems.length > 0);
  if (E.isLeft(scenario) || cellProblems || E.isLeft(referrals) || E.isLeft(vacancies)) {
    const rows = everyRowProblem(referrals, vacancies, gazetteer.right, matchDay);
    return E.left([...(E.isLeft(scenario) ? scenario.left : []), ...rows]);
  }

  const rs = scenario.right;
  const context = matchContext(rs, matchDay, overrides);
  const tables: Tables = { referrals: referrals.right, vacancies: vacancies.right };
  // No cell problems: every row decoded whole.
  const input = resolveMatchInput(
    { rows: referrals.right.rows as readonly ReferralRow[], lines: referrals.right.lines },
    { rows: vacancies.right.rows as readonly VacancyRow[], lines: vacancies.right.lines },
    gazetteer.right, context,
  );
  if (E.isLeft(input)) return E.left(input.left.map(located(tables)));
  return E.right({
    input: input.right,
    context,
    scenario: { name: rs.name, hash: scenarioHash(rs) },
    warnings: [...rs.warnings, ...referrals.right.warnings, ...vacancies.right.warnings, ...input.right.notes.map(located(tables))],
  });
};
