// `sufficiency ssda903 <dir>`: read an authority's SSDA903 returns (Header, Episodes, UASC CSVs,
// one folder per year or all in one), validate them, clean them and print the estimates a
// calibration needs, with small numbers suppressed; `--out` also writes them as JSON (and the
// data-quality report as quality.csv beside it). Faults are cleaned and reported; with --strict,
// exit 2 with every problem found when the files are not valid 903 data, and nothing is written.
import { InvalidArgumentError, type Command } from 'commander';
import { estimateFromReturns } from '../calibrate/ssda903/estimateFrom903.js';
import { publishEstimates } from '../calibrate/ssda903/publish.js';
import { qualityLines, reportLines } from '../calibrate/ssda903/report.js';
import { dirname, join } from 'node:path';
import { qualityCsv, QUALITY_FILE } from '../io/qualityCsv.js';
import { E } from '../domain/fp.js';
import { parseDate903 } from '../domain/ssda903.js';
import { isoDateOfEpochDay } from '../domain/time.js';
import { filesUnder } from '../io/inputFiles.js';
import { planOrFail, wroteLine, writeOrFail } from './outputs.js';
import { readWithProgress } from './progress.js';
import { loadGazetteer } from '../io/geography.js';
import { read903Directory } from '../io/ssda903Files.js';
import { UserError, orFail } from './userError.js';

interface Ssda903Options {
  readonly out?: string;
  readonly asAt?: string;
  readonly observedFrom?: string;
  readonly priorEvents?: number;
  readonly quiet?: boolean;
  readonly force?: boolean;
  readonly strict?: boolean;
}

const date = (name: string) => (value: string): string => {
  const d = parseDate903(value.trim());
  if (d === undefined) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD or DD/MM/YYYY for ${name}, found ${JSON.stringify(value)}`);
  return isoDateOfEpochDay(d);
};

const nonNegative = (name: string) => (value: string): number => {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1000) throw new InvalidArgumentError(`expected a number from 0 to 1000 for ${name}, found ${JSON.stringify(value)}`);
  return x;
};

export const registerSsda903 = (program: Command, out: (s: string) => void): void => {
  program
    .command('ssda903')
    .description('Read, validate and clean SSDA903 returns and estimate what a calibration needs: children in care at the snapshot, entry rates, exit hazards, placement mix, placement moves and distance (small numbers suppressed).')
    .argument('<dir>', 'folder with the 903 files (Header, Episodes, UASC as CSV or .xlsx workbooks; searched recursively; recognised by their columns, not their names)')
    .option('--out <file>', 'also write the estimates as JSON')
    .option('--as-at <date>', 'snapshot date (default: the 31 March ending the latest return)', date('--as-at'))
    .option('--observed-from <date>', 'first day whose starts and exits are all in the data (default: 1 April of the earliest return with an ended episode)', date('--observed-from'))
    .option('--prior-events <n>', 'weight of the national priors that sparse cells are smoothed towards, in events (0: raw rates where there are data)', nonNegative('--prior-events'), 2)
    .option('--strict', 'refuse the data on any fault (exit 2 naming file, line and column) instead of cleaning it and reporting what was done')
    .option('--quiet', 'print nothing but errors')
    .option('--force', 'replace an existing --out file that sufficiency did not write (never an input)')
    .action(async (dir: string, o: Ssda903Options) => {
      const qualityPath = o.out === undefined || o.strict === true ? undefined : join(dirname(o.out), QUALITY_FILE);
      const plan = planOrFail(o.out === undefined ? [] : [o.out, ...(qualityPath === undefined ? [] : [qualityPath])], filesUnder(dir), o.force);
      const read = orFail(await readWithProgress(o, (progress) => read903Directory(dir, { progress, lenient: o.strict !== true })));
      const gazetteer = orFail(E.mapLeft((m: string) => [m])(loadGazetteer()));
      const estimates = orFail(estimateFromReturns(read.returns, gazetteer, {
        ...(o.asAt === undefined ? {} : { asAt: o.asAt }),
        ...(o.observedFrom === undefined ? {} : { observedFrom: o.observedFrom }),
        ...(o.priorEvents === undefined ? {} : { priorEvents: o.priorEvents }),
      }));
      const published = publishEstimates(estimates);
      if (o.out !== undefined) {
        const json = { source: { directory: dir, files: read.files, mode: o.strict === true ? 'strict' : 'lenient' }, ...published };
        writeOrFail(plan, [
          { path: o.out, content: `${JSON.stringify(json, null, 2)}\n` },
          ...(qualityPath === undefined || published.quality === undefined ? [] : [{ path: qualityPath, content: qualityCsv(published.quality) }]),
        ]);
      }
      if (o.quiet) return;
      const lines = reportLines(dir, read.files, published, read.warnings);
      if (published.quality !== undefined) lines.push('', ...qualityLines(published.quality, 8, qualityPath));
      if (o.out !== undefined) lines.push(wroteLine([o.out, ...(qualityPath === undefined ? [] : [qualityPath])]));
      out(`${lines.join('\n')}\n`);
    });
};
