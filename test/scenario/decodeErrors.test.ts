import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E, t } from '../../src/domain/fp.js';
import { CarerPool, EntryRate, InitialChild, IsoDate, PopulationCell, Scenario } from '../../src/domain/scenario.js';
import { decodeWith, formatDecodeErrors, formatPath, renderFound } from '../../src/scenario/decodeErrors.js';
import { tinyScenarioJson } from '../fixtures/tinyScenario.js';
import { expectRight } from '../fixtures/either.js';

const FILE = 'scenario.json';

const linesOf = <A>(codec: t.Type<A, unknown, unknown>, value: unknown): string[] => {
  const r = decodeWith(codec, value, FILE);
  if (E.isRight(r)) throw new Error('expected the value not to decode');
  return r.left;
};

const goodCarer = (): Record<string, unknown> => ({
  id: 'ifa', type: 'ifa', households: 8, zones: { NEAR: 1 }, places: 2, ageRange: [0, 17], needs: ['standard'],
});

const PLACEMENT_TYPE_LIST =
  'connected, inHouseFoster, ifa, residentialInHouse, residentialPrivate, supported, parentAndChild, placedWithParents, adoption, secure, other, unregistered';

describe('formatDecodeErrors, one problem at a time', () => {
  it('a negative rate', () => {
    expect(linesOf(EntryRate, { ageBand: '5to9', need: 'standard', perYear: -3 })).toEqual([
      'scenario.json: $.perYear: expected NonNegative (number ≥ 0), found -3',
    ]);
  });

  it('a probability of 1.5', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), hubShare: 1.5 })).toEqual([
      'scenario.json: $.hubShare: expected Probability (number from 0 to 1), found 1.5',
    ]);
  });

  it('an unknown placement type lists the allowed ones', () => {
    expect(linesOf(PopulationCell, { ageBand: '5to9', need: 'standard', placementType: 'fostr', count: 2 })).toEqual([
      `scenario.json: $.placementType: expected one of ${PLACEMENT_TYPE_LIST}, found "fostr"`,
    ]);
  });

  it('a missing required field', () => {
    expect(linesOf(EntryRate, { ageBand: '5to9', perYear: 3 })).toEqual([
      'scenario.json: $.need: required field missing (expected one of standard, complex, disability, parentAndChild, uasc)',
    ]);
  });

  it('an age of 19 in a tuple', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), ageRange: [10, 19] })).toEqual([
      'scenario.json: $.ageRange[1]: expected AgeYears (whole number 0–17), found 19',
    ]);
  });

  it('a missing tuple item', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), ageRange: [10] })).toEqual([
      'scenario.json: $.ageRange[1]: item missing (expected AgeYears (whole number 0–17))',
    ]);
  });

  it('a string where a number belongs', () => {
    expect(linesOf(EntryRate, { ageBand: '5to9', need: 'standard', perYear: '3' })).toEqual([
      'scenario.json: $.perYear: expected NonNegative (number ≥ 0), found "3"',
    ]);
  });

  it('a date that does not exist', () => {
    expect(linesOf(IsoDate, '2022-02-30')).toEqual(['scenario.json: $: expected IsoDate (date YYYY-MM-DD), found "2022-02-30"']);
    expect(linesOf(InitialChild, {
      id: 'c1', dateOfBirth: '2022-02-30', need: 'standard', placementType: 'ifa', homeZone: 'ME4 4', entryDate: '2023-01-01',
    })).toEqual(['scenario.json: $.dateOfBirth: expected IsoDate (date YYYY-MM-DD), found "2022-02-30"']);
  });

  it('a date outside the years the model counts from (years below 100 would crash Date.UTC arithmetic)', () => {
    expect(linesOf(IsoDate, '0050-01-01')).toEqual(['scenario.json: $: expected IsoDate (date YYYY-MM-DD), found "0050-01-01" (a year from 1900 to 2199)']);
    expect(linesOf(IsoDate, '9999-12-31')).toEqual(['scenario.json: $: expected IsoDate (date YYYY-MM-DD), found "9999-12-31" (a year from 1900 to 2199)']);
    expectRight(IsoDate.decode('2199-12-31'));
    expectRight(IsoDate.decode('1900-01-01'));
  });

  it('a value of the wrong kind for an object', () => {
    expect(linesOf(Scenario, 3)).toEqual(['scenario.json: $: expected Scenario (object), found 3']);
    expect(linesOf(t.array(EntryRate), { a: 1 })).toEqual(['scenario.json: $: expected array of EntryRate, found {"a":1}']);
  });
});

describe('formatDecodeErrors, plausible bounds', () => {
  it('a figure beyond its bound says the range and the reason; one of the wrong kind keeps the usual message', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), households: 55_000 })).toEqual([
      'scenario.json: $.households: expected whole number from 0 to 50,000, found 55000 (more than every approved fostering household in England, about 44,000: a typing slip?)',
    ]);
    expect(linesOf(CarerPool, { ...goodCarer(), households: -1 })).toEqual([
      'scenario.json: $.households: expected NonNegativeInt (whole number ≥ 0), found -1',
    ]);
  });
});

describe('formatDecodeErrors, unions and intersections', () => {
  it('a union that fails as a whole gives one line, not one per alternative', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), places: -3 })).toEqual([
      'scenario.json: $.places: expected PositiveInt (whole number ≥ 1) or CountDistribution (object), found -3',
    ]);
    expect(linesOf(CarerPool, { ...goodCarer(), places: 1.5 })).toEqual([
      'scenario.json: $.places: expected PositiveInt (whole number ≥ 1) or CountDistribution (object), found 1.5',
    ]);
  });

  it('a value of one alternative\'s type beyond that alternative\'s bound says the bound and why', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), places: 500 })).toEqual([
      'scenario.json: $.places: expected whole number from 1 to 100, found 500 (no household or home has that many places; describe a large provider as several households)',
    ]);
  });

  it('a missing union field says it is missing', () => {
    const { places: _omit, ...carer } = goodCarer();
    expect(linesOf(CarerPool, carer)).toEqual([
      'scenario.json: $.places: required field missing (expected PositiveInt (whole number ≥ 1) or CountDistribution (object))',
    ]);
  });

  it('a value shaped like one alternative is reported inside that alternative', () => {
    expect(linesOf(CarerPool, { ...goodCarer(), places: { '1': 0.5, '2': -0.5 } })).toEqual([
      'scenario.json: $.places["2"]: expected NonNegative (number ≥ 0), found -0.5',
    ]);
  });

  it('an intersection failing in every member gives one line', () => {
    expect(linesOf(CarerPool, 'x')).toEqual(['scenario.json: $: expected CarerPool (object), found "x"']);
    const json = tinyScenarioJson();
    json.geography = [];
    expect(linesOf(Scenario, json)).toEqual(['scenario.json: $.geography: expected Geography (object), found []']);
  });
});

describe('formatDecodeErrors on a whole scenario', () => {
  it('reports every problem at once, sorted by path', () => {
    const json = tinyScenarioJson() as Record<string, any>;
    delete json.name;
    json.startDate = '2022-02-30';
    json.entries.rates[0].perYear = -3;
    json.entries.emergencyShare = 1.5;
    json.initialPopulation.counts[0].placementType = 'fostr';
    json.carers[2].ageRange = [8, 19];
    json.carers[1].places = -3;
    json.costs.moveCost = '1500';
    json.geography.homeZones = { 'ME4 4': -1, HOME1: 1 };
    expect(linesOf(Scenario, json)).toEqual([
      'scenario.json: $.carers[1].places: expected PositiveInt (whole number ≥ 1) or CountDistribution (object), found -3',
      'scenario.json: $.carers[2].ageRange[1]: expected AgeYears (whole number 0–17), found 19',
      'scenario.json: $.costs.moveCost: expected NonNegative (number ≥ 0), found "1500"',
      'scenario.json: $.entries.emergencyShare: expected Probability (number from 0 to 1), found 1.5',
      'scenario.json: $.entries.rates[0].perYear: expected NonNegative (number ≥ 0), found -3',
      'scenario.json: $.geography.homeZones["ME4 4"]: expected NonNegative (number ≥ 0), found -1',
      `scenario.json: $.initialPopulation.counts[0].placementType: expected one of ${PLACEMENT_TYPE_LIST}, found "fostr"`,
      'scenario.json: $.name: required field missing (expected string)',
      'scenario.json: $.startDate: expected IsoDate (date YYYY-MM-DD), found "2022-02-30"',
    ]);
  });

  it('orders array indices numerically', () => {
    const json = tinyScenarioJson() as Record<string, any>;
    json.entries.rates = Array.from({ length: 12 }, () => ({ ageBand: '5to9', need: 'standard', perYear: 1 }));
    json.entries.rates[2].perYear = -1;
    json.entries.rates[10].perYear = -1;
    expect(linesOf(Scenario, json)).toEqual([
      'scenario.json: $.entries.rates[2].perYear: expected NonNegative (number ≥ 0), found -1',
      'scenario.json: $.entries.rates[10].perYear: expected NonNegative (number ≥ 0), found -1',
    ]);
  });

  it('decodes a good scenario to Right', () => {
    expectRight(decodeWith(Scenario, tinyScenarioJson(), FILE));
  });

  it('every line names the file and a $-path, with no duplicates (property)', () => {
    const keys = ['name', 'startDate', 'entries', 'carers', 'costs', 'geography', 'matching', 'exits'];
    const junk = fc.oneof(fc.constant(undefined), fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));
    fc.assert(fc.property(fc.constantFrom(...keys), junk, (key, value) => {
      const json: Record<string, unknown> = { ...tinyScenarioJson(), [key]: value };
      const r = Scenario.decode(json);
      if (E.isRight(r)) return;
      const lines = formatDecodeErrors(r.left, FILE);
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines).size).toBe(lines.length);
      for (const line of lines) expect(line.startsWith(`${FILE}: $.${key}`)).toBe(true);
    }));
  });
});

describe('helpers', () => {
  it('formatPath writes identifiers with dots, indices and other keys in brackets', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath([{ kind: 'key', key: 'carers' }, { kind: 'index', index: 2 }, { kind: 'key', key: 'ageRange' }, { kind: 'index', index: 1 }]))
      .toBe('$.carers[2].ageRange[1]');
    expect(formatPath([{ kind: 'key', key: 'zones' }, { kind: 'key', key: 'ME4 4' }, { kind: 'key', key: '10to15' }]))
      .toBe('$.zones["ME4 4"]["10to15"]');
  });

  it('renderFound is compact JSON, at most 60 characters, and "nothing" for undefined', () => {
    expect(renderFound(undefined)).toBe('nothing');
    expect(renderFound(null)).toBe('null');
    expect(renderFound({ a: [1, 2] })).toBe('{"a":[1,2]}');
    const long = renderFound('x'.repeat(100));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});
