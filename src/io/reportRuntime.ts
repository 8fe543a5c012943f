// The chart runtime that report.html inlines: dist/report/charts.js in the package, built by
// `npm run build` (scripts/build-report-runtime.mjs). Read once and cached; missing → a Left
// that says how to build it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E, pipe } from '../domain/fp.js';
import { packageRoot } from './packageRoot.js';

export const REPORT_RUNTIME_PATH = join('dist', 'report', 'charts.js');

let cached: E.Either<string, string> | undefined;

/** The runtime's JavaScript source, from the package folder (works from src/, dist/ and an installed copy). */
export const readReportRuntime = (): E.Either<string, string> => {
  if (cached !== undefined && E.isRight(cached)) return cached;
  const read = pipe(
    packageRoot(),
    E.chain((root) => {
      const file = join(root, REPORT_RUNTIME_PATH);
      return E.tryCatch(
        () => readFileSync(file, 'utf8'),
        (err) => ((err as NodeJS.ErrnoException).code === 'ENOENT'
          ? `report.html: the chart runtime is not built (${file} not found); run \`npm run build\` in ${root}, or pass --no-html`
          : `report.html: cannot read the chart runtime ${file} (${err instanceof Error ? err.message : String(err)})`),
      );
    }),
  );
  cached = read;
  return read;
};
