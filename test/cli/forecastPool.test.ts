// The warm pool of `calibrate` and `backtest`: a forecast on the pool is the forecast of this
// thread, byte for byte, for any number of workers, forecast after forecast on the same threads;
// and a fit driven on the pool is the fit driven in this thread. (Workers load dist/: `npm test`
// builds first.)
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../src/calibrate/decodeSnapshot.js';
import { fitProcess, fitScenario } from '../../src/calibrate/fit.js';
import { inputsFromSnapshot } from '../../src/calibrate/inputs.js';
import { fitOnWorkers, openForecastPool, type ForecastPool } from '../../src/cli/forecastPool.js';
import { slicesOf } from '../../src/cli/workers.js';
import { loadGazetteer } from '../../src/io/geography.js';
import { forecast } from '../../src/sim/forecast.js';
import { rightOf } from '../fixtures/either.js';
import { tinyScenario } from '../fixtures/tinyScenario.js';

describe('slicesOf', () => {
  it('cuts the replications into contiguous slices that cover each once, in order', () => {
    expect(slicesOf({ from: 0, to: 10 }, 3)).toEqual([{ from: 0, to: 3 }, { from: 3, to: 6 }, { from: 6, to: 10 }]);
    expect(slicesOf({ from: 0, to: 2 }, 3)).toEqual([{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: 1, to: 2 }]);
    expect(slicesOf({ from: 5, to: 12 }, 1)).toEqual([{ from: 5, to: 12 }]);
    expect(slicesOf({ from: 4, to: 9 }, 2)).toEqual([{ from: 4, to: 6 }, { from: 6, to: 9 }]);
  });
});

describe('a forecast on the pool', () => {
  const pools: ForecastPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it.each([1, 2, 3])('equals the forecast of this thread on %i worker(s), forecast after forecast on the same threads', async (workers) => {
    const pool = openForecastPool(workers);
    pools.push(pool);
    const rs = tinyScenario();
    for (const opts of [{ seed: 4, runs: 13, years: 2 }, { seed: 9, runs: 2, years: 3 }, { seed: 4, runs: 13, years: 2 }]) {
      expect(JSON.stringify(await pool.run(rs, opts))).toBe(JSON.stringify(forecast(rs, opts)));
    }
  });
});

describe('a fit on the pool', () => {
  it('is the fit of this thread: the same scenario, measures and iterations (Medway 2022 snapshot, 3 fitting forecasts of 40)', async () => {
    const file = 'scenarios/snapshots/medway-2022.json';
    const gazetteer = rightOf(loadGazetteer());
    const snapshot = rightOf(decodeSnapshot(JSON.parse(readFileSync(file, 'utf8')), file));
    const inputs = rightOf(inputsFromSnapshot(snapshot, gazetteer, file));
    const options = { seed: 2, runs: 40, maxIterations: 3 };
    const here = fitScenario(inputs, gazetteer, options);
    const onPool = await fitOnWorkers(fitProcess(inputs, gazetteer, options), 2);
    expect(JSON.stringify(onPool)).toBe(JSON.stringify(here));
  });
});
