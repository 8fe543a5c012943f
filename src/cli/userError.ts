// What every command shares: user mistakes as a typed error the CLI turns into exit code 2,
// and option parsers with plain messages.
import { InvalidArgumentError, type Command } from 'commander';
import { E } from '../domain/fp.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;

/** A user mistake (bad file, bad option): printed line by line, exit code `exitCode`. */
export class UserError extends Error {
  constructor(readonly lines: readonly string[], readonly exitCode: number = EXIT_INVALID) {
    super(lines.join('\n'));
  }
}

export const orFail = <A>(r: E.Either<readonly string[], A>): A => {
  if (E.isLeft(r)) throw new UserError(r.left);
  return r.right;
};

export const wholeNumber = (name: string, min: number, max: number) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max} for ${name}, found ${JSON.stringify(value)}`);
  }
  return n;
};

/** The options every command that runs the model shares: replications, seed, years, workers, output. */
export const runOptions = (command: Command, o: { minRuns: number; out: string; years: string }): Command =>
  forceOption(command
    .option('--runs <n>', 'replications', wholeNumber('--runs', o.minRuns, 1_000_000), 1000)
    .option('--seed <s>', 'random seed', wholeNumber('--seed', 0, 2 ** 31), 1)
    .option('--years <y>', o.years, wholeNumber('--years', 1, 50))
    .option('--workers <w>', 'worker threads (default: the number of CPU cores; results are identical for any number)', wholeNumber('--workers', 1, 256))
    .option('--out <dir>', 'output folder (created if needed; other files in it are left as they are)', o.out))
    .option('--quiet', 'print nothing but errors')
    .option('--json', 'print the results as JSON on stdout (the table is left out; files are still written)')
    .option('--no-html', 'do not write report.html (charts and tables for people, one file that opens offline)')
    .option('--no-xlsx', 'do not write the Excel workbook (<scenario>.xlsx)');

export const forceOption = (command: Command): Command =>
  command.option('--force', 'replace existing output files that sufficiency did not write (never an input of the run)');
