// Units in the types (src/domain/units.ts): a mix-up fails to compile. `tsc --noEmit` checks the
// `@ts-expect-error` lines (each must be an error, or the build fails); vitest checks the
// `expectTypeOf` lines and that the brands cost nothing at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { distanceMiles } from '../../src/domain/geography.js';
import { epochDayOf, financialYearsFrom, isoDateOfEpochDay } from '../../src/domain/time.js';
import {
  days, epochDay, miles, poundsPerWeek, ratePerYear, simDay, toEpochDay, toSimDay,
  type Days, type EpochDay, type Miles, type PoundsPerWeek, type RatePerYear, type SimDay,
} from '../../src/domain/units.js';
import type { HouseholdIndex, PoolIndex, ResolvedScenario, ZoneIndex } from '../../src/scenario/resolved.js';
import type { SimChild } from '../../src/sim/state.js';
import { eighteenthBirthday } from '../../src/sim/hazards.js';

const start = epochDayOf('2022-12-31');

describe('units in the types', () => {
  it('are plain numbers at run time', () => {
    expect(miles(2.5)).toBe(2.5);
    expect(toSimDay(epochDay(19_360), epochDay(19_357))).toBe(3);
    expect(toEpochDay(simDay(3), epochDay(19_357))).toBe(19_360);
    expect(typeof poundsPerWeek(900)).toBe('number');
  });

  it('keep each unit apart from the others', () => {
    expectTypeOf(miles(1)).toEqualTypeOf<Miles>();
    expectTypeOf(start).toEqualTypeOf<EpochDay>();
    expectTypeOf(financialYearsFrom(start, 1)[0]!.endDay).toEqualTypeOf<SimDay>();
    expectTypeOf(distanceMiles({ easting: 0, northing: 0 }, { easting: 1609, northing: 0 })).toEqualTypeOf<Miles>();
    expectTypeOf<Miles>().not.toEqualTypeOf<PoundsPerWeek>();
    expectTypeOf<SimDay>().not.toMatchTypeOf<EpochDay>();
    expectTypeOf<EpochDay>().not.toMatchTypeOf<SimDay>();
    expectTypeOf<Days>().not.toMatchTypeOf<SimDay>();
    expectTypeOf<RatePerYear>().not.toMatchTypeOf<PoundsPerWeek>();
    // A unit's value is still a number for arithmetic; the result is a plain number.
    expectTypeOf(miles(1) + miles(2)).toEqualTypeOf<number>();
    expectTypeOf<Miles>().toMatchTypeOf<number>();
  });

  it('refuse a mix-up at compile time', () => {
    const day = simDay(10);
    const cost: PoundsPerWeek = poundsPerWeek(950);
    // @ts-expect-error a simulation day is not a calendar day
    financialYearsFrom(day, 1);
    // @ts-expect-error a simulation day is not a calendar day
    isoDateOfEpochDay(day);
    // @ts-expect-error a calendar day is not a simulation day
    toEpochDay(start, start);
    // @ts-expect-error the arguments swapped: (dobDay: SimDay, startEpochDay: EpochDay)
    eighteenthBirthday(start, day);
    // @ts-expect-error a scenario starts on a calendar day
    const _rs: Pick<ResolvedScenario, 'startEpochDay'> = { startEpochDay: day };
    // @ts-expect-error £ a week is not miles
    const _far: Miles = cost;
    // @ts-expect-error a rate is not a duration
    const _stay: Days = ratePerYear(2);
    // @ts-expect-error a plain number has no unit until it is given one
    const _d: Days = 28;
    expect(days(28)).toBe(28);
    const zone = 3 as ZoneIndex;
    // @ts-expect-error a zone is not a household
    const _h: HouseholdIndex = zone;
    // @ts-expect-error a child's household is a household index, not a pool's
    const _c: Pick<SimChild, 'household'> = { household: 0 as PoolIndex };
    // @ts-expect-error miles where a child's weekly cost belongs
    const _w: Pick<SimChild, 'weekly'> = { weekly: miles(12) };
    isoDateOfEpochDay(19_357); // a plain number is still taken here (the 903 and matching code, see EpochDayLike)
  });
});
