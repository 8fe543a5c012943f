// What a report says about the scenarios behind it: key parameters, levers, sources and notes,
// drawn from the decoded scenario. Pure: the CLI adds the date run (a clock is an effect).
import type { Lever } from '../domain/lever.js';
import type { Scenario } from '../domain/scenario.js';
import { CARER_TYPES, PLACEMENT_TYPES, type CarerType } from '../domain/vocabulary.js';
import { PLACEMENT_TYPE_LABELS, percent, whole, words } from './labels.js';

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

export interface SourceNote {
  readonly key: string;
  readonly figure: string;
  readonly source: string;
}

export interface ScenarioAbout {
  readonly name: string;
  /** The scenario file as the user named it (shown, never opened). */
  readonly file?: string;
  readonly description?: string;
  readonly startDate: string;
  readonly keyParameters: readonly LabelledValue[];
  /** The options' levers (for a base, its own levers if any). */
  readonly levers: readonly LabelledValue[];
  readonly sources: readonly SourceNote[];
  readonly notes: readonly string[];
}

/** Everything a report shows beyond the results: the first scenario is the one forecast, or the base. */
export interface ReportAbout {
  /** When the run was made, `YYYY-MM-DD` or an ISO timestamp. */
  readonly dateRun: string;
  readonly scenarios: readonly ScenarioAbout[];
  /** The command that reproduces the run, if the caller knows it. */
  readonly command?: string;
}

const LEVER_LABELS: Readonly<Record<Lever['lever'], string>> = {
  recruitInHouse: 'Recruit in-house carers', retention: 'Carer retention', blockContract: 'Block contract',
  inHouseHome: "In-house children's home", emergencyBeds: 'Emergency beds', hubSupport: 'Hub support (Mockingbird-style)',
  prevention: 'Edge-of-care prevention', stepDown: 'Residential step-down', market: 'Market change',
};


const valueText = (key: string, v: unknown): string => {
  if (Array.isArray(v)) {
    return key === 'ageRange' && v.length === 2 ? `${String(v[0])}–${String(v[1])} years` : v.map((x) => String(x)).join(', ');
  }
  if (typeof v === 'object' && v !== null) return Object.entries(v).map(([k, x]) => `${k} ${String(x)}`).join(', ');
  if (typeof v === 'number') return Math.abs(v) >= 1000 ? whole(v) : String(v);
  return String(v);
};

export const describeLever = (l: Lever): LabelledValue => ({
  label: l.label === undefined ? LEVER_LABELS[l.lever] : `${LEVER_LABELS[l.lever]}: ${l.label}`,
  value: Object.entries(l).filter(([k]) => k !== 'lever' && k !== 'label').map(([k, v]) => `${words(k).toLowerCase()} ${valueText(k, v)}`).join('; '),
});

const meanOf = (places: number | Readonly<Record<string, number>>): number => {
  if (typeof places === 'number') return places;
  const entries = Object.entries(places);
  const total = entries.reduce((a, [, w]) => a + w, 0);
  return total === 0 ? 0 : entries.reduce((a, [k, w]) => a + Number(k) * w, 0) / total;
};

const carerSummary = (s: Scenario, type: CarerType): string | undefined => {
  const pools = s.carers.filter((c) => c.type === type && c.emergencyOnly === undefined);
  if (pools.length === 0) return undefined;
  const households = pools.reduce((a, c) => a + c.households, 0);
  const places = pools.reduce((a, c) => a + c.households * meanOf(c.places), 0);
  return `${whole(households)} households or homes, about ${whole(places)} places (${pools.length} pool${pools.length === 1 ? '' : 's'})`;
};

export const keyParameters = (s: Scenario): LabelledValue[] => {
  const start = (s.initialPopulation.counts ?? []).reduce((a, c) => a + c.count, 0) + (s.initialPopulation.children ?? []).length;
  const entries = s.entries.rates.reduce((a, r) => a + r.perYear, 0);
  const trend = s.entries.annualTrend ?? 0;
  const external = (s.externalDemand ?? []).map((e) => `${PLACEMENT_TYPE_LABELS[e.carerType]} ${whole(e.arrivalsPerYear)}`);
  const weekly = PLACEMENT_TYPES.flatMap((p) => (s.costs.weekly[p] === undefined ? [] : [`${PLACEMENT_TYPE_LABELS[p]} £${whole(s.costs.weekly[p]!)}`]));
  return [
    { label: 'Start date', value: s.startDate },
    ...(s.years === undefined ? [] : [{ label: 'Default horizon', value: `${s.years} financial years` }]),
    { label: 'Children in care at the start', value: whole(start) },
    { label: 'Children entering care a year', value: `${whole(entries)}${trend === 0 ? ', no trend' : `, changing ${percent(trend)} a year`}` },
    ...CARER_TYPES.flatMap((c) => {
      const v = carerSummary(s, c);
      return v === undefined ? [] : [{ label: PLACEMENT_TYPE_LABELS[c], value: v }];
    }),
    ...(external.length === 0 ? [] : [{ label: 'Other authorities placing locally, children a year', value: external.join('; ') }]),
    { label: 'Weekly cost at start prices', value: weekly.join('; ') },
    { label: 'Price rise each April', value: percent(s.costs.annualInflation) },
    { label: 'Placement hierarchy', value: s.matching.hierarchy.map((c) => PLACEMENT_TYPE_LABELS[c]).join(' → ') },
  ];
};

const sourcesOf = (s: Scenario, base: Scenario | undefined): SourceNote[] =>
  Object.entries(s.sources ?? {})
    .filter(([k, v]) => base?.sources?.[k]?.figure !== v.figure || base?.sources?.[k]?.source !== v.source)
    .map(([key, v]) => ({ key, figure: v.figure, source: v.source }));

/**
 * What the report shows of a scenario. With `base` (an option of a comparison), only what the
 * option adds: its levers beyond the base's, and sources and notes the base does not have.
 */
export const scenarioAbout = (s: Scenario, file?: string, base?: Scenario): ScenarioAbout => {
  const baseLevers = new Set((base?.levers ?? []).map((l) => JSON.stringify(l)));
  const baseNotes = new Set(base?.notes ?? []);
  return {
    name: s.name,
    ...(file === undefined ? {} : { file }),
    ...(s.description === undefined ? {} : { description: s.description }),
    startDate: s.startDate,
    keyParameters: base === undefined ? keyParameters(s) : [],
    levers: (s.levers ?? []).filter((l) => !baseLevers.has(JSON.stringify(l))).map(describeLever),
    sources: sourcesOf(s, base),
    notes: (s.notes ?? []).filter((n) => !baseNotes.has(n)),
  };
};
