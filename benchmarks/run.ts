// `npm run bench`: every benchmark, one after the other, in compiled JavaScript.
import { runAssignmentBench } from './assignment.bench.js';
import { runCalibrate903Bench } from './calibrate903.bench.js';
import { runCrnBench } from './crn.bench.js';
import { runExplorerBench } from './explorer.bench.js';
import { runForecastBench } from './forecast.bench.js';
import { runMatchBench } from './match.bench.js';
import { runOutputsBench } from './outputs.bench.js';
import { runSsda903Bench } from './ssda903.bench.js';

const print = (lines: readonly string[]): void => lines.forEach((l) => console.log(l));

print(runForecastBench());
print(await runOutputsBench());
print(await runCrnBench());
print(await runAssignmentBench());
print(runMatchBench());
print(await runSsda903Bench());
print(await runCalibrate903Bench());
print(await runExplorerBench());
