// Escalation after a breakdown (src/sim/moves.ts) for needs other than standard and complex: only a
// standard-needs child becomes complex. The worked authority (test/fixtures/workedScenario.ts): U, an
// unaccompanied 12-year-old (uasc), with `first` (IFA) since 1 April 2023; the placement breaks down on
// its 91st day (hazard 0 for three months, then 100 × 52 a year), with escalation to complex certain.
import { describe, expect, it } from 'vitest';
import { NEEDS } from '../../src/domain/vocabulary.js';
import { runReplication } from '../../src/sim/replication.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';
import { blankScenarioJson, childInCare, oneHousehold } from '../fixtures/workedScenario.js';

describe('escalation after a breakdown, for other needs', () => {
  it('an unaccompanied child stays uasc after a breakdown at escalation 1', () => {
    const s = blankScenarioJson();
    s.matching.allowedTypes = { uasc: ['ifa'], complex: ['ifa'] };
    s.disruption.base = { ifa: { '10to15': 52 } };
    s.disruption.byMonthsInPlacement = [{ fromMonths: 0, multiplier: 0 }, { fromMonths: 3, multiplier: 100 }];
    s.disruption.escalationToComplex = 1;
    s.carers = [
      oneHousehold('first', 'ifa', 'TOWN', 1, [0, 17], ['uasc']),
      oneHousehold('second', 'ifa', 'EDGE', 1, [0, 17], ['uasc', 'complex']),
    ];
    s.initialPopulation.children = [childInCare('U', '2011-01-01', 'uasc', 'ifa', '2022-10-01', '2023-04-01', { placementZone: 'TOWN' })];
    const r = runReplication(resolveFixture(s), { seed: 1, replication: 0, years: 1, trace: true });
    const segs = r.trace!.segments.filter((x) => x.child === 0).sort((a, b) => a.from - b.from);
    expect(segs.slice(0, 2).map((x) => [x.from, x.ended, NEEDS[x.need]])).toEqual([[0, 'breakdown', 'uasc'], [91, segs[1]!.ended, 'uasc']]);
    expect(NEEDS[r.trace!.children[0]!.need]).toBe('uasc');
  });
});
