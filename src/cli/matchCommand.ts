// `sufficiency match referrals.csv vacancies.csv`: the ranked, explained vacancies for each
// referral and the joint assignment of the batch, on the terminal, as JSON or as CSV.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DateCell } from '../domain/csvCells.js';
import { E } from '../domain/fp.js';
import { epochDayOf } from '../domain/time.js';
import { days, miles } from '../domain/units.js';
import { loadMatchFiles } from '../io/matchFiles.js';
import { matchCsv, matchJson, type MatchReportMeta } from '../io/matchOutput.js';
import { matchTable } from '../io/matchTable.js';
import { shippedFile } from '../io/packageRoot.js';
import { outputPath } from '../io/outputDir.js';
import { scenarioInputFiles } from '../io/inputFiles.js';
import { planOrFail, wroteLine, writeOrFail } from './outputs.js';
import { POLICIES, type Policy } from '../matching/referral/assignBatch.js';
import { DEFAULT_SETTINGS, DEFAULT_TOOL_WEIGHTS, type ReferralWeights } from '../matching/referral/context.js';
import { matchReferrals } from '../matching/referral/matchReferrals.js';
import { UserError, forceOption, orFail, wholeNumber } from './userError.js';

export const MATCH_DEFAULT_SCENARIO = 'scenarios/medway-2022.json';
export const MATCH_DEFAULT_TOP = 5;

const nonNegative = (name: string, unit: string) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n)) {
    throw new InvalidArgumentError(`expected a number ≥ 0 (${unit}) for ${name}, found ${JSON.stringify(value)}`);
  }
  return n;
};

const matchDate = (value: string): string => {
  const d = DateCell.decode(value);
  if (E.isLeft(d)) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD or DD/MM/YYYY for --date, found ${JSON.stringify(value)}`);
  return d.right;
};

/** Today's date on the user's calendar (the one clock read of the command). */
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Command-line weight options → the score weight they set. */
const SCENARIOS = 'the scenario\'s matching.weights';
const WEIGHT_OPTIONS: readonly (readonly [flag: string, key: keyof ReferralWeights, meaning: string, byDefault: string])[] = [
  ['--weight-distance', 'distancePerMile', 'points lost per mile from home (or from the search location)', `${SCENARIOS}.distancePerMile`],
  ['--weight-cost', 'costPer100', 'points lost per £100 a week', `${SCENARIOS}.costPer100`],
  ['--weight-hierarchy', 'hierarchyStep', 'points lost per step down the placement hierarchy', `${SCENARIOS}.hierarchyStep`],
  ['--weight-specialism', 'spareSpecialism', 'points lost per specialism of the carer the child does not need', `${SCENARIOS}.spareSpecialism`],
  ['--weight-preference', 'notPreferredType', 'points lost when the placement is not of a kind the child prefers', String(DEFAULT_TOOL_WEIGHTS.notPreferredType)],
  ['--weight-soft', 'softPreference', 'points lost per soft preference not met', String(DEFAULT_TOOL_WEIGHTS.softPreference)],
];

interface MatchOptions {
  readonly policy: Policy;
  readonly explain?: boolean;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly scenario: string;
  readonly date?: string;
  readonly top: number;
  readonly laterDays: number;
  readonly schoolMiles: number;
  readonly out?: string;
  readonly force?: boolean;
  readonly [weight: string]: unknown;
}

const camel = (flag: string): string => flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export const registerMatch = (program: Command, out: (s: string) => void): void => {
  const command = program
    .command('match')
    .description('Rank the suitable vacancies for each referral, say why the others are not, and assign the batch (optimal or greedy).')
    .argument('<referrals>', 'referrals CSV file (one row per child; format: docs/matching.md)')
    .argument('<vacancies>', 'vacancies CSV file (one row per household or home)')
    .addOption(new Option('--policy <policy>', 'assignment shown first: optimal (most referrals placed, then the best total score) or greedy (most urgent first)').choices(POLICIES).default('optimal'))
    .option('--explain', 'also say why each unsuitable vacancy cannot take the child')
    .option('--json', 'print JSON instead of the table')
    .option('--csv', 'print CSV (one row per referral and vacancy) instead of the table')
    .addOption(new Option('--scenario <file>', 'scenario giving the hierarchy, allowed types, weights and the disruption hazard model')
      .default(shippedFile(MATCH_DEFAULT_SCENARIO), `the shipped Medway 2022 baseline, ${MATCH_DEFAULT_SCENARIO}`))
    .option('--date <date>', 'match date: "today" in the referrals means this day (default: today)', matchDate)
    .option('--top <n>', 'ranked vacancies shown per referral, 0 for all (assigned ones are always shown)', wholeNumber('--top', 0, 1_000_000), MATCH_DEFAULT_TOP)
    .option('--later-days <n>', 'days within which a referral needed "later" must start', wholeNumber('--later-days', 5, 3650), DEFAULT_SETTINGS.laterDays)
    .option('--school-miles <n>', 'farthest a home may be from the school of a child who must keep it, miles', nonNegative('--school-miles', 'miles'), DEFAULT_SETTINGS.schoolMiles);
  for (const [flag, , meaning, byDefault] of WEIGHT_OPTIONS) command.option(`${flag} <n>`, `${meaning} (default: ${byDefault})`, nonNegative(flag, 'points'));
  forceOption(command
    .option('--out <dir>', 'also write match.json and match.csv to this folder (created if needed; other files in it are left as they are)'))
    .action((referrals: string, vacancies: string, o: MatchOptions) => {
      if (o.json === true && o.csv === true) throw new UserError(['--json and --csv cannot be used together: choose one (--out writes both files)']);
      const weights: Partial<ReferralWeights> = Object.fromEntries(
        WEIGHT_OPTIONS.flatMap(([flag, key]) => (typeof o[camel(flag)] === 'number' ? [[key, o[camel(flag)]]] : [])),
      );
      const outputs = o.out === undefined ? [] : ['match.json', 'match.csv'].map((n) => outputPath(o.out!, n));
      const plan = planOrFail(outputs, [referrals, vacancies, ...scenarioInputFiles(o.scenario)], o.force);
      const date = o.date ?? today();
      const loaded = orFail(loadMatchFiles({ referrals, vacancies, scenario: o.scenario }, epochDayOf(date), {
        weights, settings: { laterDays: days(o.laterDays), schoolMiles: miles(o.schoolMiles) },
      }));
      const { input, context } = loaded;
      const result = matchReferrals(input.referrals, input.vacancies, context, o.policy, { explain: o.explain === true });
      const meta: MatchReportMeta = { scenario: loaded.scenario, vacancyCount: input.vacancies.length, top: o.top, explain: o.explain === true };
      for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
      const json = (): string => matchJson(result, context, meta);
      const csv = (): string => matchCsv(result, meta);
      if (o.out !== undefined) writeOrFail(plan, [{ path: outputs[0]!, content: json() }, { path: outputs[1]!, content: csv() }]);
      const wrote = o.out === undefined ? '' : `${wroteLine(outputs)}\n`;
      if (o.json === true) out(json());
      else if (o.csv === true) out(csv());
      else out(`${matchTable(result, context, meta)}${wrote === '' ? '' : `\n${wrote}`}`);
      if (wrote !== '' && (o.json === true || o.csv === true)) process.stderr.write(wrote);
    });
};
