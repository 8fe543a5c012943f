// The vacancy lists (src/sim/households.ts, setFree): matching and other authorities' children look
// only at `vacant` (emergency beds at `emergencyVacant`), so each must hold exactly the households with
// a free place, once each, whatever order places are taken and given back in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layOutHouseholds } from '../../src/sim/carers.js';
import { setFree } from '../../src/sim/households.js';
import { createState } from '../../src/sim/state.js';
import { resolveFixture } from '../fixtures/tinyScenario.js';
import { blankScenarioJson, oneHousehold } from '../fixtures/workedScenario.js';

const laidOut = () => {
  const s = blankScenarioJson();
  s.costs.weekly.residentialInHouse = 3000;
  s.carers = [
    { ...oneHousehold('foster', 'inHouseFoster', 'TOWN', 2, [0, 17], ['standard']), households: 5 },
    { ...oneHousehold('beds', 'residentialInHouse', 'HOME', 1, [0, 17], ['standard'], { emergencyOnly: { maxStayDays: 5 } }), households: 3 },
  ];
  const st = createState(resolveFixture(s), { seed: 1, replication: 0, years: 1 });
  layOutHouseholds(st);
  return st;
};

describe('setFree keeps the vacancy lists exact', () => {
  it('after any sequence of places taken and given back: each list holds exactly its households with a free place, once, at the position vacantAt records', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(7), fc.integer({ min: 0, max: 2 })), { maxLength: 60 }), (steps) => {
      const st = laidOut();
      steps.forEach(([id, free], day) => setFree(st, st.households[id]!, Math.min(free, st.households[id]!.places), day));
      for (const [list, emergency] of [[st.vacant, false], [st.emergencyVacant, true]] as const) {
        const expected = st.households.filter((h) => h.emergencyOnly === emergency && h.free > 0).map((h) => h.id).sort((a, b) => a - b);
        expect([...list].sort((a, b) => a - b)).toEqual(expected);
        list.forEach((id, at) => expect(st.vacantAt[id]).toBe(at));
      }
      for (const h of st.households) if (h.free <= 0) expect(st.vacantAt[h.id]).toBe(-1);
    }), { numRuns: 200, seed: 3 });
  });

  it('on the layout: every household free, in its list in the order laid out', () => {
    const st = laidOut();
    expect([st.vacant, st.emergencyVacant]).toEqual([[0, 1, 2, 3, 4], [5, 6, 7]]);
    expect(st.vacantAt).toEqual([0, 1, 2, 3, 4, 0, 1, 2]);
  });
});
