// Mutation runs only (vitest.mutation.config.ts adds this file when MUTATION_FC_RUNS is set): caps the
// number of generated cases of every fast-check property, whatever the test asks for. Stryker runs the
// covering tests once per mutant, and the matching and engine property tests (hundreds of cases, brute
// force inside) would make src/matching alone take hours on 2 cores. Fewer cases can only let a mutant
// survive that more cases would have killed, so the score is a lower bound; `npm test` is unaffected.
import { vi } from 'vitest';

vi.mock('fast-check', async (importOriginal) => {
  const fc = await importOriginal<typeof import('fast-check')>();
  const cap = Number(process.env.MUTATION_FC_RUNS);
  const assert: typeof fc.assert = ((property: Parameters<typeof fc.assert>[0], params?: Parameters<typeof fc.assert>[1]) =>
    fc.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? fc.readConfigureGlobal().numRuns ?? 100, cap) })) as typeof fc.assert;
  const capped = { ...fc, assert };
  return { ...capped, default: capped };
});
