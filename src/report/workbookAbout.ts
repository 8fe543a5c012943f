// The "About" sheet: where every figure in the workbook came from (scenario, hash, seed, runs,
// engine version, date run) and the scenario's own `sources` and `notes`, so a finance officer
// can reproduce or question any number without the command line.
import type { Scenario } from '../domain/scenario.js';
import { heading } from './workbookCells.js';
import type { CellInput, SheetSpec } from './xlsx.js';

export interface ScenarioSource {
  readonly figure: string;
  readonly source: string;
}

/** What the workbook says about the run that the summary itself does not carry. */
export interface WorkbookAbout {
  /** When the run was made, ISO 8601 (`2025-04-01T09:30:00.000Z`); also the workbook's created and modified dates. The caller reads the clock, not src/report. */
  readonly runDate: string;
  /** The scenario file as the user named it. */
  readonly scenarioFile: string;
  /** The scenario's `sources`: key → the figure used and where it came from. */
  readonly sources: Readonly<Record<string, ScenarioSource>>;
  readonly notes: readonly string[];
}

/** The About details of a scenario (its `sources` and `notes`; a resolved scenario's, so `extends` is already followed). */
export const workbookAbout = (scenario: Pick<Scenario, 'sources' | 'notes'>, scenarioFile: string, runDate: string): WorkbookAbout => ({
  runDate, scenarioFile, sources: scenario.sources ?? {}, notes: scenario.notes ?? [],
});

/** The run date as a Date for the workbook's properties; a malformed one is a caller's bug. */
export const runDateOf = (about: Pick<WorkbookAbout, 'runDate'>): Date => {
  const d = new Date(about.runDate);
  if (Number.isNaN(d.getTime())) throw new Error(`internal: run date is not an ISO 8601 date: ${JSON.stringify(about.runDate)}`);
  return d;
};

export const STATISTICS_NOTE = 'mean, and 5th, 50th (median) and 95th percentiles across replications (percentiles by linear interpolation between order statistics, R type 7). An empty cell: the measure is not defined that year (e.g. a fraction of no children).';
export const UNITS_NOTE = 'money in nominal £ for the financial year (1 April to 31 March); fractions shown as %; distances in miles; snapshot measures (children in care, distance, occupancy) at 31 March.';

export type AboutItem = readonly [label: string, value: CellInput];

/** Label–value lines, then sources (key, figure, source) and notes. */
export const aboutSheet = (items: readonly AboutItem[], about: Pick<WorkbookAbout, 'sources' | 'notes'>, extra: readonly (readonly CellInput[])[] = []): SheetSpec => {
  const sources = Object.entries(about.sources);
  const rows: (readonly CellInput[])[] = [
    [heading('About this workbook: where the figures come from')],
    ...items.map(([label, value]) => [heading(label), value]),
    ...extra,
    [],
    [heading('Sources'), heading('Figure'), heading('Source')],
    ...(sources.length === 0 ? [['(none given in the scenario file)']] : sources.map(([key, s]) => [key, s.figure, s.source])),
    [],
    [heading('Notes')],
    ...(about.notes.length === 0 ? [['(none)']] : about.notes.map((note, i) => [`Note ${i + 1}`, note])),
  ];
  return {
    name: 'About',
    columns: [{ width: 26 }, { width: 80, wrap: true }, { width: 80, wrap: true }],
    frozenRows: 1,
    frozenColumns: 0,
    rows,
  };
};
