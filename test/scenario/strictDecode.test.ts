import { describe, expect, it } from 'vitest';
import { E, t } from '../../src/domain/fp.js';
import { Lever } from '../../src/domain/lever.js';
import { CarerPool, Scenario } from '../../src/domain/scenario.js';
import { formatIssues } from '../../src/scenario/decodeErrors.js';
import { decodeStrict, strictIssues } from '../../src/scenario/strictDecode.js';
import { tinyScenarioJson } from '../fixtures/tinyScenario.js';
import { rightOf } from '../fixtures/either.js';

const FILE = 'scenario.json';
const unknownLines = (codec: t.Mixed, value: unknown, rootKeys?: readonly string[]): string[] =>
  formatIssues(strictIssues(codec, value, rootKeys === undefined ? {} : { rootKeys }).unknown, FILE);
const warningLines = (codec: t.Mixed, value: unknown): string[] => formatIssues(strictIssues(codec, value).warnings, FILE);

const goodCarer = (): Record<string, unknown> => ({
  id: 'ifa', type: 'ifa', households: 8, zones: { NEAR: 1 }, places: 2, ageRange: [0, 17], needs: ['standard'],
});
const scenario = (): Record<string, any> => tinyScenarioJson() as Record<string, any>;

describe('unknown keys', () => {
  it('a misspelt optional field is an error naming its path, with the field meant', () => {
    expect(unknownLines(CarerPool, { ...goodCarer(), deregistation: { perYear: 0.1 } })).toEqual([
      'scenario.json: $.deregistation: unknown key "deregistation"; did you mean `deregistration`?',
    ]);
  });

  it('a key near nothing lists the fields the object has', () => {
    expect(unknownLines(CarerPool, { ...goodCarer(), colour: 'blue' })).toEqual([
      'scenario.json: $.colour: unknown key "colour": expected one of id, type, households, zones, places, ageRange, needs, siblingCapacity, weeklyCost, hubShare, paidWhenEmpty, recruitment, deregistration, opens, closes, emergencyOnly, costPerHouseholdPerYear (CarerPool)',
    ]);
  });

  it('every unknown key of a whole scenario at once, at any depth: in lists, inline objects and vocabulary maps', () => {
    const json = scenario();
    json.carers[0].deregistation = { perYear: 0.1 };
    json.carers[0].recruitment.pipelineDay = 120;
    json.carers[3].Households = 3;
    json.costs.weekly.ifaa = 900;
    json.exits.hazards['10to16'] = [];
    json.entries.rates[4].foo = 1;
    json.disruption.multipliers.over20miles = 1.2;
    json.scenarioName = 'x';
    expect(unknownLines(Scenario, json)).toEqual([
      'scenario.json: $.carers[0].deregistation: unknown key "deregistation"; did you mean `deregistration`?',
      'scenario.json: $.carers[0].recruitment.pipelineDay: unknown key "pipelineDay"; did you mean `pipelineDays`?',
      'scenario.json: $.carers[3].Households: unknown key "Households"; did you mean `households`?',
      'scenario.json: $.costs.weekly.ifaa: unknown key "ifaa"; did you mean `ifa`?',
      'scenario.json: $.disruption.multipliers.over20miles: unknown key "over20miles"; did you mean `over20Miles`?',
      'scenario.json: $.entries.rates[4].foo: unknown key "foo": expected one of ageBand, need, perYear (EntryRate)',
      'scenario.json: $.exits.hazards["10to16"]: unknown key "10to16"; did you mean `10to15`?',
      'scenario.json: $.scenarioName: unknown key "scenarioName": expected one of name, startDate, geography, initialPopulation, entries, routes, exits, carers, disruption, costs, matching, description, years, externalDemand, sources, notes, levers (Scenario)',
    ]);
  });

  it('objects used as maps keep free keys: zones, weights, sources, count distributions', () => {
    const json = scenario();
    json.geography.zones.ANYWHERE = { easting: 500000, northing: 150000 };
    json.geography.homeZones.ANYWHERE = 1;
    json.sources = { 'any label at all': { figure: '1', source: 'here' } };
    json.carers[0].places = { '1': 0.5, '4': 0.5 };
    expect(unknownLines(Scenario, json)).toEqual([]);
    // …but the objects inside a map are checked.
    json.sources['any label at all'].sorce = 'typo';
    json.geography.zones.ANYWHERE.insde = true;
    expect(unknownLines(Scenario, json)).toEqual([
      'scenario.json: $.geography.zones.ANYWHERE.insde: unknown key "insde"; did you mean `inside`?',
      'scenario.json: $.sources["any label at all"].sorce: unknown key "sorce"; did you mean `source`?',
    ]);
  });

  it('a lever is checked against its own kind, told by its `lever` field, even when it does not decode', () => {
    const lever = { lever: 'prevention', reduction: 0.1, costPerYear: 1000, ageBand: ['10to15'] };
    expect(unknownLines(t.array(Lever), [lever])).toEqual([
      'scenario.json: $[0].ageBand: unknown key "ageBand"; did you mean `ageBands`?',
    ]);
    expect(unknownLines(t.array(Lever), [{ ...lever, reduction: 7 }])).toEqual([
      'scenario.json: $[0].ageBand: unknown key "ageBand"; did you mean `ageBands`?',
    ]);
  });

  it('a key allowed at the top level only is allowed there only', () => {
    const json: Record<string, any> = { ...scenario(), extends: '../base.json' };
    expect(unknownLines(Scenario, json, ['extends'])).toEqual([]);
    expect(unknownLines(Scenario, json)).toHaveLength(1);
    json.costs.extends = 'x';
    expect(unknownLines(Scenario, json, ['extends'])).toEqual([
      'scenario.json: $.costs.extends: unknown key "extends": expected one of weekly, annualInflation, moveCost, needUplift (Costs)',
    ]);
  });

  it('values of the wrong kind are passed over (decoding reports them)', () => {
    expect(unknownLines(Scenario, 7)).toEqual([]);
    expect(unknownLines(Scenario, { ...scenario(), carers: 'none', costs: [1, 2] })).toEqual([]);
  });
});

describe('warnings', () => {
  it('a figure above a warning level, within the bound, is a warning with the reason', () => {
    const json = scenario();
    json.carers[1].households = 3000;
    json.costs.weekly.residentialPrivate = 30_000;
    expect(warningLines(Scenario, json)).toEqual([
      'scenario.json: $.carers[1].households: 3000 is above 2,000: more than any one authority has; fine for a regional or national market, and runs take longer',
      'scenario.json: $.costs.weekly.residentialPrivate: 30000 is above 25,000: above the dearest placements commonly reported, about £20,000 a week',
    ]);
  });

  it('none for the tiny fixture; none above the bound itself (that is an error, not a warning)', () => {
    expect(warningLines(Scenario, scenario())).toEqual([]);
    const json = scenario();
    json.carers[1].households = 55_000;
    expect(warningLines(Scenario, json)).toEqual([]);
  });
});

describe('decodeStrict', () => {
  it('reports wrong types, bounds and unknown keys together, sorted by path', () => {
    const json = scenario();
    json.carers[0].deregistation = { perYear: 0.1 };
    json.carers[1].households = 55_000;
    json.costs.moveCost = 'a lot';
    const r = decodeStrict(Scenario, json, FILE);
    expect(r).toEqual(E.left([
      'scenario.json: $.carers[0].deregistation: unknown key "deregistation"; did you mean `deregistration`?',
      'scenario.json: $.carers[1].households: expected whole number from 0 to 50,000, found 55000 (more than every approved fostering household in England, about 44,000: a typing slip?)',
      'scenario.json: $.costs.moveCost: expected NonNegative (number ≥ 0), found "a lot"',
    ]));
  });

  it('gives the value and its warnings when there is no problem', () => {
    const json = scenario();
    json.entries.annualTrend = 0.25;
    const r = decodeStrict(Scenario, json, FILE);
    expect(rightOf(r).warnings).toEqual([
      'scenario.json: $.entries.annualTrend: 0.25 is above 0.2: more than a fifth a year, compounding over the forecast',
    ]);
    expect(rightOf(r).value.name).toBe('Tiny test authority');
  });
});
