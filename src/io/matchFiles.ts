// Referral and vacancy CSV files + a scenario → everything `rankVacancies` and `assign` need.
// Reads, parses and decodes both files, looks postcodes up, and reports every problem in the
// scenario and both files at once, each naming the file, line and column. Never throws for a
// user mistake.
import { E } from '../domain/fp.js';
import { ReferralRow, REFERRAL_COLUMNS } from '../domain/referral.js';
import { VacancyRow, VACANCY_COLUMNS } from '../domain/vacancy.js';
import { matchContext, type MatchContext, type MatchSettings, type ReferralWeights } from '../matching/context.js';
import { resolveMatchInput, type InputProblem, type MatchInput } from '../matching/input.js';
import { scenarioHash } from '../scenario/hash.js';
import { readCsvFile } from './csvParse.js';
import { decodeTable, type DecodedTable, type TableFormat } from './csvRows.js';
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
  /** Remarks that are not errors: ignored columns, past dates read as today, a sibling group of one. */
  readonly warnings: readonly string[];
}

const readTable = <A>(file: string, format: TableFormat<A>): E.Either<string[], DecodedTable<A>> => {
  const table = readCsvFile(file);
  return E.isLeft(table) ? table : decodeTable(table.right, format);
};

const located = (tables: { readonly referrals: DecodedTable<unknown>; readonly vacancies: DecodedTable<unknown> }) => (p: InputProblem): string =>
  `${tables[p.table].at(p.row, p.column)}: ${p.message}`;

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
  const problems = [scenario, referrals, vacancies].flatMap((x) => (E.isLeft(x) ? x.left : []));
  if (E.isLeft(gazetteer)) problems.push(gazetteer.left);
  if (E.isLeft(scenario) || E.isLeft(referrals) || E.isLeft(vacancies) || E.isLeft(gazetteer)) return E.left(problems);

  const rs = scenario.right;
  const context = matchContext(rs, matchDay, overrides);
  const tables = { referrals: referrals.right, vacancies: vacancies.right };
  const input = resolveMatchInput(
    { rows: referrals.right.rows, lines: referrals.right.lines },
    { rows: vacancies.right.rows, lines: vacancies.right.lines },
    gazetteer.right, context,
  );
  if (E.isLeft(input)) return E.left(input.left.map(located(tables)));
  return E.right({
    input: input.right,
    context,
    scenario: { name: rs.name, hash: scenarioHash(rs) },
    warnings: [...referrals.right.warnings, ...vacancies.right.warnings, ...input.right.notes.map(located(tables))],
  });
};
