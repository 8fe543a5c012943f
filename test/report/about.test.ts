// What the report says about the scenarios, from the real Medway files.
import { describe, expect, it } from 'vitest';
import { describeLever, keyParameters, scenarioAbout } from '../../src/report/about.js';
import { BASE_FILE, load, OPTION_FILE } from './fixtures.js';

describe('scenarioAbout', () => {
  const base = load(BASE_FILE, 3).scenario;
  const option = load(OPTION_FILE, 3).scenario;

  it('gives the key parameters of the Medway baseline as a reader wants them', () => {
    const p = Object.fromEntries(keyParameters(base).map((x) => [x.label, x.value]));
    expect(p['Start date']).toBe('2022-12-31');
    expect(p['Children in care at the start']).toBe('458');
    expect(p['Children entering care a year']).toBe('181, no trend');
    expect(p['Price rise each April']).toBe('4.0%');
    expect(p['Placement hierarchy']).toMatch(/^In-house foster → IFA foster/);
  });

  it('for an option, lists only what it adds to the base: its levers, sources and notes', () => {
    const a = scenarioAbout(option, OPTION_FILE, base);
    expect(a.keyParameters).toEqual([]);
    expect(a.levers).toEqual([describeLever(option.levers![option.levers!.length - 1]!)]);
    expect(a.levers[0]!.label).toBe('Recruit in-house carers: teen carers');
    expect(a.levers[0]!.value).toContain('households per year 10');
    expect(a.levers[0]!.value).toContain('age range 10–17 years');
    expect(a.sources.map((s) => s.key).sort()).toEqual(['costs', 'strategy']);
    expect(a.notes).toEqual([]);
    expect(scenarioAbout(base, BASE_FILE).sources.length).toBe(Object.keys(base.sources!).length);
  });
});
