// What the explorer's worker computes, as plain functions (they run in Node too, where the tests
// hold them to the CLI's bytes): scenario JSON → resolved scenario with the CLI's checks and
// messages, then the base and an option on the same seeds (common random numbers), summarised and
// compared exactly as `sufficiency forecast` and `sufficiency compare` do. No DOM, no Node.
import { E } from '../domain/fp.js';
import type { Gazetteer } from '../domain/geography.js';
import { Scenario } from '../domain/scenario.js';
import { financialYearsFrom } from '../domain/time.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { compareOption, type ComparisonReport } from '../metrics/compare.js';
import { ReplicationColumns } from '../metrics/summary.js';
import { decodeIssues, describe, formatIssues } from '../scenario/decodeErrors.js';
import { scenarioHash } from '../scenario/hash.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { strictIssues } from '../scenario/strictDecode.js';
import { runReplicationRange, summarise, type ForecastOptions, type ForecastSummary } from '../sim/forecast.js';

/** A scenario as the page holds it: `extends` already followed (see scenarioFiles.ts). */
export interface ScenarioInput {
  /** The file name shown in messages and recorded in the comparison (`medway-2022.json`). */
  readonly file: string;
  readonly json: unknown;
}

/**
 * Decode strictly and resolve, as src/io/scenarioFile.ts `loadScenarioFile` does once the JSON is
 * read: wrong types, values beyond their bounds and unknown keys all reported, then the cross-field
 * rules. Right: the resolved scenario, with its warnings.
 */
export const resolveInput = (input: ScenarioInput, gazetteer: Gazetteer, years: number | undefined): E.Either<string[], ResolvedScenario> => {
  const decoded = Scenario.decode(input.json);
  const found = strictIssues(Scenario, input.json);
  const problems = formatIssues([...found.unknown, ...(E.isLeft(decoded) ? decodeIssues(decoded.left) : [])], input.file);
  if (E.isLeft(decoded) || problems.length > 0) {
    return E.left(problems.length > 0 ? problems : [`${input.file}: $: does not match ${describe(Scenario)}`]);
  }
  const warnings = formatIssues(found.warnings, input.file);
  const resolved = resolveScenario(decoded.right, gazetteer, { file: input.file, ...(years === undefined ? {} : { years }) });
  return E.isLeft(resolved) ? resolved : E.right({ ...resolved.right, warnings: [...warnings, ...resolved.right.warnings] });
};

/** summary.json's bytes: the same function as src/io/forecastFiles.ts `summaryJson` (which the page may not import). */
export const summaryText = (s: ForecastSummary): string => `${JSON.stringify(s, null, 2)}\n`;

/** Every replication's metric rows in this thread, reporting each one done. */
export const runColumns = (rs: ResolvedScenario, opts: ForecastOptions, done: (n: number) => void): { columns: ReplicationColumns; events: number } => {
  const columns = new ReplicationColumns(opts.runs, opts.years);
  let events = 0;
  let n = 0;
  runReplicationRange(rs, opts, 0, opts.runs, (r, rows, ev) => {
    columns.add(r, rows);
    events += ev;
    done(++n);
  });
  return { columns, events };
};

export interface RunRequest {
  readonly base: ScenarioInput;
  /** The base with the page's levers; absent when nothing was changed. */
  readonly option?: ScenarioInput;
  readonly seed: number;
  readonly runs: number;
  /** Financial years; absent: the base scenario's own horizon. */
  readonly years?: number;
}

/** One forecast's results as the page uses them. */
export interface ScenarioResult {
  /** summary.json, byte for byte as the CLI writes it. */
  readonly summaryJson: string;
  readonly name: string;
  readonly startDate: string;
  /** The decoded scenario's sources and notes (for the workbook's About sheet). */
  readonly sources: NonNullable<Scenario['sources']>;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface RunResult {
  readonly years: number;
  readonly base: ScenarioResult;
  readonly option?: ScenarioResult;
  readonly comparison?: ComparisonReport;
}

export type Phase = 'base' | 'option';

/** Progress: replications done of the whole run (base and option together). */
export type RunProgress = (done: number, total: number, phase: Phase) => void;

const resultOf = (rs: ResolvedScenario, summary: ForecastSummary): ScenarioResult => ({
  summaryJson: summaryText(summary), name: rs.name, startDate: summary.startDate,
  sources: rs.scenario.sources ?? {}, notes: rs.scenario.notes ?? [], warnings: rs.warnings,
});

/** Resolve both scenarios (every problem at once), run them on the same seeds, summarise and compare. */
export const runRequest = (req: RunRequest, gazetteer: Gazetteer, progress: RunProgress): E.Either<string[], RunResult> => {
  const base = resolveInput(req.base, gazetteer, req.years);
  const option = req.option === undefined ? undefined : resolveInput(req.option, gazetteer, req.years);
  const problems = [...(E.isLeft(base) ? base.left : []), ...(option !== undefined && E.isLeft(option) ? option.left : [])];
  if (E.isLeft(base) || (option !== undefined && E.isLeft(option))) return E.left(problems);
  const rsBase = base.right;
  const rsOption = option?.right;
  if (rsOption !== undefined && rsOption.startEpochDay !== rsBase.startEpochDay) {
    return E.left([`${req.option!.file}: $.startDate: expected the base's start date ${rsBase.scenario.startDate} (options are compared year by year), found ${rsOption.scenario.startDate}`]);
  }
  const years = req.years ?? rsBase.defaultYears;
  const opts: ForecastOptions = { seed: req.seed, runs: req.runs, years };
  const total = req.runs * (rsOption === undefined ? 1 : 2);
  const b = runColumns(rsBase, opts, (n) => progress(n, total, 'base'));
  const baseSummary = summarise(rsBase, opts, b.columns, b.events);
  if (rsOption === undefined) return E.right({ years, base: resultOf(rsBase, baseSummary) });
  const o = runColumns(rsOption, opts, (n) => progress(req.runs + n, total, 'option'));
  const optionSummary = summarise(rsOption, opts, o.columns, o.events);
  const comparison: ComparisonReport = {
    base: { name: rsBase.name, hash: scenarioHash(rsBase), file: req.base.file },
    seed: req.seed, runs: req.runs, engineVersion: ENGINE_VERSION, commonRandomNumbers: true,
    options: [{
      name: rsOption.name, hash: scenarioHash(rsOption), file: req.option!.file,
      comparison: compareOption(b.columns, o.columns, financialYearsFrom(rsBase.startEpochDay, years)),
    }],
  };
  return E.right({ years, base: resultOf(rsBase, baseSummary), option: resultOf(rsOption, optionSummary), comparison });
};
