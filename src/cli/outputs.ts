// What every command that writes files shares: plan the outputs before the work (refusing inputs
// and files the tool did not write, unless --force), write them after, and say what was written.
import { basename, dirname } from 'node:path';
import { E } from '../domain/fp.js';
import { planOutputs, writeOutputs, type OutputFile, type OutputPlan } from '../io/outputDir.js';
import { UserError, orFail } from './userError.js';

export const planOrFail = (paths: readonly string[], inputs: readonly string[], force: boolean | undefined): OutputPlan =>
  orFail(planOutputs(paths, { inputs, force: force === true }));

export const writeOrFail = (plan: OutputPlan, files: readonly OutputFile[]): void => {
  const r = writeOutputs(plan, files);
  if (E.isLeft(r)) throw new UserError(r.left);
};

const andList = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** "Wrote a and b", or "Wrote in out/forecast: a, b and c" when they share a folder. */
export const wroteLine = (paths: readonly string[]): string => {
  const dirs = new Set(paths.map((p) => dirname(p)));
  if (paths.length < 2 || dirs.size > 1) return `Wrote ${andList(paths)}`;
  return `Wrote in ${[...dirs][0]}: ${andList(paths.map((p) => basename(p)))}`;
};

/** Columns a terminal table may use: the terminal's width, or 100 when it is not known (a pipe, a file). */
export const terminalWidth = (): number => (process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : 100);

/** A scenario name as a file name: `Medway 2022 baseline` → `medway-2022-baseline`. */
export const fileSlug = (name: string): string =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'scenario';

/** The run's date and time for provenance (the one clock read of a command). */
export const runDateNow = (): string => new Date().toISOString();

export const REPORT_FILE = 'report.html';

/** The command as the report's footer shows it: the run's settings, not every flag typed. */
export const commandLine = (command: string, files: string | readonly string[], o: { runs: number; seed: number; years?: number }): string =>
  ['sufficiency', command, ...(typeof files === 'string' ? [files] : files), '--runs', String(o.runs), '--seed', String(o.seed), ...(o.years === undefined ? [] : ['--years', String(o.years)])].join(' ');
