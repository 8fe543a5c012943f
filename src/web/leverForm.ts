// The explorer's lever controls as data: each card lists labelled fields (with defaults drawn from
// the scenario) and builds lever objects in the scenario format (src/domain/lever.ts) from what
// the user typed. A field left at zero leaves its lever out. Values are kept as typed: a number
// that does not parse goes into the lever as text, so the codec's own message names it. Pure.
import type { Need, AgeBand, PlacementType } from '../domain/vocabulary.js';

/** What the user typed, by field id: text for inputs and selects, a list for checkbox sets. */
export type Values = Readonly<Record<string, string | readonly string[]>>;

/** What the defaults and choices depend on: the scenario loaded and the horizon. */
export interface FormContext {
  readonly startDate: string;
  /** Financial years of the horizon (`2023/24`), in order. */
  readonly financialYears: readonly string[];
  /** The in-house foster weekly fee at start prices (£). */
  readonly inHouseWeekly: number;
  /** Zones where the authority's children live, most first: for homes and beds. */
  readonly zones: readonly string[];
}

export type FieldKind = 'count' | 'number' | 'money' | 'percent' | 'date' | 'zone' | 'year' | 'age' | 'needs' | 'bands';

export interface FieldDef {
  readonly id: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly hint?: string;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly initial: (ctx: FormContext) => string | readonly string[];
}

export interface FieldGroup {
  /** Shown as the group's legend; none for a card's single group. */
  readonly legend?: string;
  readonly fields: readonly FieldDef[];
}

/** A lever built from a card, with the field each lever key came from (to mark it when invalid). */
export interface BuiltLever {
  readonly card: string;
  /** Names the lever in messages: the card's title, and the row or home for several. */
  readonly title: string;
  readonly lever: Record<string, unknown>;
  readonly fieldOf: Readonly<Record<string, string>>;
}

export interface CardDef {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The groups shown; a card with repeated groups (homes) shows as many as its count field says. */
  readonly groups: (values: Values) => readonly FieldGroup[];
  readonly build: (values: Values, ctx: FormContext) => readonly BuiltLever[];
}

export const NEED_CHOICES: readonly (readonly [Need, string])[] = [
  ['standard', 'Standard'], ['complex', 'Complex (emotional and behavioural)'], ['disability', 'Disability'], ['parentAndChild', 'Parent and child'], ['uasc', 'UASC'],
];
export const BAND_CHOICES: readonly (readonly [AgeBand, string])[] = [
  ['under1', 'Under 1'], ['1to4', '1 to 4'], ['5to9', '5 to 9'], ['10to15', '10 to 15'], ['16plus', '16 and 17'],
];
/** Placement types whose price a market change usually moves. */
export const PRICED_TYPES: readonly (readonly [PlacementType, string])[] = [
  ['ifa', 'IFA foster care'], ['residentialPrivate', 'Private residential'], ['supported', 'Supported accommodation'],
  ['parentAndChild', 'Parent and child'], ['secure', 'Secure'],
];

const text = (v: string | readonly string[] | undefined): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: string | readonly string[] | undefined): string[] => (Array.isArray(v) ? [...v] : []);

/** A number as typed, or the text itself when it is not one (the codec then says what was expected). */
const num = (v: string | readonly string[] | undefined): number | string => {
  const s = text(v);
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
};
/** A percentage typed as 15 → 0.15 (rounded to hide binary noise); text passes through. */
const pct = (v: string | readonly string[] | undefined): number | string => {
  const n = num(v);
  return typeof n === 'number' ? Math.round(n * 1e6) / 1e8 : n;
};
/** Off when empty or zero; on for anything else (including text, so its error is shown). */
const isOn = (v: string | readonly string[] | undefined): boolean => {
  const s = text(v);
  return s !== '' && Number(s) !== 0;
};
const optionalDate = (v: string | readonly string[] | undefined, key = 'from'): Record<string, string> => (text(v) === '' ? {} : { [key]: text(v) });

/** The first 1 April after the start (or the start itself on 1 April): when most changes begin. */
export const firstAprilAfter = (startDate: string): string => {
  const y = Number(startDate.slice(0, 4));
  return startDate.slice(5) <= '04-01' ? `${y}-04-01` : `${y + 1}-04-01`;
};

const f = (id: string, label: string, kind: FieldKind, initial: FieldDef['initial'], extra: Partial<FieldDef> = {}): FieldDef => ({ id, label, kind, initial, ...extra });
const zero = (): string => '0';
const fixed = (v: string) => (): string => v;

// —— Recruitment: three kinds of in-house carer, each its own pool of new households. ——
const RECRUIT_ROWS = [
  { key: 'young', legend: 'Carers for children aged 0–10', ageRange: [0, 10], needs: ['standard', 'disability'], extra: 0 },
  { key: 'teen', legend: 'Carers for young people aged 10–17, including complex needs', ageRange: [10, 17], needs: ['standard', 'complex', 'uasc'], extra: 100 },
  { key: 'disability', legend: 'Carers for disabled children aged 0–17', ageRange: [0, 17], needs: ['disability', 'standard'], extra: 250 },
] as const;

const recruit: CardDef = {
  id: 'recruit',
  title: 'Recruit in-house foster carers',
  summary: 'New fostering households approved each year, after the assessment pipeline; each takes one child.',
  groups: () => [
    ...RECRUIT_ROWS.map((r) => ({
      legend: r.legend,
      fields: [
        f(`recruit_${r.key}_households`, 'Households a year', 'number', zero, { min: 0, max: 10_000, step: 1 }),
        f(`recruit_${r.key}_fee`, 'Weekly fee (£)', 'money', (c) => String(c.inHouseWeekly + r.extra), { min: 0, step: 10 }),
      ],
    })),
    {
      legend: 'For all new carers',
      fields: [
        f('recruit_approval', 'Cost of recruiting and approving a household (£)', 'money', fixed('12000'), { min: 0, step: 500 }),
        f('recruit_pipeline', 'Assessment time (days)', 'count', fixed('180'), { min: 0, max: 6575, step: 1 }),
        f('recruit_from', 'Recruiting from', 'date', () => '', { hint: 'Empty: from the start of the forecast.' }),
      ],
    },
  ],
  build: (v) => RECRUIT_ROWS.filter((r) => isOn(v[`recruit_${r.key}_households`])).map((r) => ({
    card: 'recruit',
    title: `Recruit in-house foster carers (${r.legend.replace('Carers for ', '')})`,
    lever: {
      lever: 'recruitInHouse', label: `${r.key === 'young' ? 'younger children' : r.key === 'teen' ? '10+ carers' : 'disabled children'}`,
      householdsPerYear: num(v[`recruit_${r.key}_households`]), places: 1, ageRange: [...r.ageRange], needs: [...r.needs],
      pipelineDays: num(v.recruit_pipeline), costPerApproval: num(v.recruit_approval), weeklyCost: num(v[`recruit_${r.key}_fee`]),
      ...optionalDate(v.recruit_from),
    },
    fieldOf: {
      householdsPerYear: `recruit_${r.key}_households`, weeklyCost: `recruit_${r.key}_fee`, pipelineDays: 'recruit_pipeline',
      costPerApproval: 'recruit_approval', from: 'recruit_from',
    },
  })),
};

const retention: CardDef = {
  id: 'retention',
  title: 'Keep in-house carers longer',
  summary: 'Support that cuts the share of in-house carers who stop fostering each year.',
  groups: () => [{
    fields: [
      f('retention_reduction', 'Fewer carers leaving (%)', 'percent', zero, { min: 0, max: 100, step: 5 }),
      f('retention_cost', 'Cost a household a year (£)', 'money', fixed('1500'), { min: 0, step: 100 }),
    ],
  }],
  build: (v) => (isOn(v.retention_reduction)
    ? [{
      card: 'retention', title: 'Keep in-house carers longer',
      lever: {
        lever: 'retention', label: 'retention',
        deregistrationMultiplier: typeof pct(v.retention_reduction) === 'number' ? Math.round((1 - (pct(v.retention_reduction) as number)) * 1e6) / 1e6 : pct(v.retention_reduction),
        costPerHouseholdPerYear: num(v.retention_cost),
      },
      fieldOf: { deregistrationMultiplier: 'retention_reduction', costPerHouseholdPerYear: 'retention_cost' },
    }]
    : []),
};

export const MAX_HOMES = 4;
const homeFields = (i: number): FieldDef[] => [
  f(`home${i}_places`, 'Beds', 'count', fixed(i === 1 ? '4' : '3'), { min: 1, max: 100, step: 1 }),
  f(`home${i}_opens`, 'Opens on', 'date', (c) => firstAprilAfter(c.startDate)),
  f(`home${i}_zone`, 'Postcode sector', 'zone', (c) => c.zones[0] ?? ''),
  f(`home${i}_ageFrom`, 'Youngest age', 'age', fixed('8'), { min: 0, max: 17, step: 1 }),
  f(`home${i}_ageTo`, 'Oldest age', 'age', fixed('17'), { min: 0, max: 17, step: 1 }),
  f(`home${i}_needs`, 'Needs it can meet', 'needs', () => ['complex', 'disability']),
  f(`home${i}_running`, 'Running cost a year (£)', 'money', fixed('1000000'), { min: 0, step: 10_000 }),
  f(`home${i}_capital`, 'Capital cost (£)', 'money', fixed('1500000'), { min: 0, step: 10_000 }),
];

const homes: CardDef = {
  id: 'homes',
  title: "Open in-house children's homes",
  summary: 'Homes the authority runs; paid for whether the beds are full or not.',
  groups: (v) => {
    const n = Math.max(0, Math.min(MAX_HOMES, Math.floor(Number(text(v.homes_count)) || 0)));
    return [
      { fields: [f('homes_count', 'Homes to open', 'count', zero, { min: 0, max: MAX_HOMES, step: 1 })] },
      ...Array.from({ length: n }, (_, k) => ({ legend: `Home ${k + 1}`, fields: homeFields(k + 1) })),
    ];
  },
  build: (v) => {
    const n = Math.max(0, Math.min(MAX_HOMES, Math.floor(Number(text(v.homes_count)) || 0)));
    return Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      const id = (s: string): string => `home${i}_${s}`;
      return {
        card: 'homes', title: `Open in-house children's homes (home ${i})`,
        lever: {
          lever: 'inHouseHome', label: `home ${i}`, places: num(v[id('places')]), opens: text(v[id('opens')]), zone: text(v[id('zone')]),
          ageRange: [num(v[id('ageFrom')]), num(v[id('ageTo')])], needs: list(v[id('needs')]),
          runningCostPerYear: num(v[id('running')]), capitalCost: num(v[id('capital')]),
        },
        fieldOf: {
          places: id('places'), opens: id('opens'), zone: id('zone'), ageRange: id('ageFrom'), needs: id('needs'),
          runningCostPerYear: id('running'), capitalCost: id('capital'),
        },
      };
    });
  },
};

const emergency: CardDef = {
  id: 'emergency',
  title: 'Emergency beds',
  summary: 'Short-stay beds that take a child at once while the search for a placement goes on.',
  groups: () => [{
    fields: [
      f('emergency_beds', 'Beds', 'count', zero, { min: 0, max: 100, step: 1 }),
      f('emergency_zone', 'Postcode sector', 'zone', (c) => c.zones[0] ?? ''),
      f('emergency_stay', 'Longest stay (nights)', 'count', fixed('7'), { min: 1, max: 6575, step: 1 }),
      f('emergency_cost', 'Running cost a bed a year (£)', 'money', fixed('300000'), { min: 0, step: 10_000 }),
      f('emergency_ageFrom', 'Youngest age', 'age', fixed('8'), { min: 0, max: 17, step: 1 }),
      f('emergency_from', 'Open from', 'date', () => '', { hint: 'Empty: from the start of the forecast.' }),
    ],
  }],
  build: (v) => {
    if (!isOn(v.emergency_beds)) return [];
    const beds = num(v.emergency_beds);
    const perBed = num(v.emergency_cost);
    return [{
      card: 'emergency', title: 'Emergency beds',
      lever: {
        lever: 'emergencyBeds', label: 'emergency beds', places: beds, zone: text(v.emergency_zone), maxStayDays: num(v.emergency_stay),
        runningCostPerYear: typeof beds === 'number' && typeof perBed === 'number' ? beds * perBed : perBed,
        ageRange: [num(v.emergency_ageFrom), 17], ...optionalDate(v.emergency_from),
      },
      fieldOf: { places: 'emergency_beds', zone: 'emergency_zone', maxStayDays: 'emergency_stay', runningCostPerYear: 'emergency_cost', ageRange: 'emergency_ageFrom', from: 'emergency_from' },
    }];
  },
};

const hub: CardDef = {
  id: 'hub',
  title: 'Fostering hubs (Mockingbird-style)',
  summary: 'In-house carers grouped around a hub home carer; hub placements break down less and hub carers stay longer.',
  groups: () => [{
    fields: [
      f('hub_share', 'In-house carers in a hub (%)', 'percent', zero, { min: 0, max: 100, step: 5 }),
      f('hub_breakdown', 'Fewer breakdowns in hub placements (%)', 'percent', fixed('25'), { min: 0, max: 100, step: 5 }),
      f('hub_leaving', 'Fewer hub carers leaving (%)', 'percent', fixed('45'), { min: 0, max: 100, step: 5 }),
      f('hub_size', 'Households in a hub', 'count', fixed('10'), { min: 1, step: 1 }),
      f('hub_cost', 'Cost a hub a year (£)', 'money', fixed('60000'), { min: 0, step: 5000 }),
    ],
  }],
  build: (v) => {
    if (!isOn(v.hub_share)) return [];
    const less = (x: number | string): number | string => (typeof x === 'number' ? Math.round((1 - x) * 1e6) / 1e6 : x);
    return [{
      card: 'hub', title: 'Fostering hubs',
      lever: {
        lever: 'hubSupport', label: 'hubs', share: pct(v.hub_share), hazardMultiplier: less(pct(v.hub_breakdown)),
        deregistrationMultiplier: less(pct(v.hub_leaving)), householdsPerHub: num(v.hub_size), costPerHubPerYear: num(v.hub_cost),
      },
      fieldOf: { share: 'hub_share', hazardMultiplier: 'hub_breakdown', deregistrationMultiplier: 'hub_leaving', householdsPerHub: 'hub_size', costPerHubPerYear: 'hub_cost' },
    }];
  },
};

const prevention: CardDef = {
  id: 'prevention',
  title: 'Edge-of-care prevention',
  summary: 'Support that keeps some children who would have entered care safely at home.',
  groups: () => [{
    fields: [
      f('prevention_reduction', 'Fewer children entering care (%)', 'percent', zero, { min: 0, max: 100, step: 1 }),
      f('prevention_bands', 'Age bands it reaches', 'bands', () => ['10to15']),
      f('prevention_cost', 'Programme cost a year (£)', 'money', fixed('450000'), { min: 0, step: 10_000 }),
      f('prevention_from', 'Starting', 'date', (c) => firstAprilAfter(c.startDate)),
    ],
  }],
  build: (v) => (isOn(v.prevention_reduction)
    ? [{
      card: 'prevention', title: 'Edge-of-care prevention',
      lever: {
        lever: 'prevention', label: 'edge of care', reduction: pct(v.prevention_reduction), ageBands: list(v.prevention_bands),
        costPerYear: num(v.prevention_cost), ...optionalDate(v.prevention_from),
      },
      fieldOf: { reduction: 'prevention_reduction', ageBands: 'prevention_bands', costPerYear: 'prevention_cost', from: 'prevention_from' },
    }]
    : []),
};

const stepDown: CardDef = {
  id: 'stepDown',
  title: 'Step-down from residential to foster care',
  summary: 'Children settled in residential care are reviewed; some move to a foster family when a suitable one is free.',
  groups: () => [{
    fields: [
      f('stepDown_success', 'Reviews that lead to a move (%)', 'percent', zero, { min: 0, max: 100, step: 5 }),
      f('stepDown_after', 'Review after (months in residential care)', 'count', fixed('12'), { min: 1, max: 216, step: 1 }),
      f('stepDown_bands', 'Age bands', 'bands', () => ['10to15', '16plus']),
      f('stepDown_cost', 'Cost of each move (£)', 'money', fixed('5000'), { min: 0, step: 500 }),
    ],
  }],
  build: (v) => (isOn(v.stepDown_success)
    ? [{
      card: 'stepDown', title: 'Step-down from residential',
      lever: {
        lever: 'stepDown', label: 'step-down', afterMonths: num(v.stepDown_after), successProbability: pct(v.stepDown_success),
        costPerStepDown: num(v.stepDown_cost), ageBands: list(v.stepDown_bands),
      },
      fieldOf: { afterMonths: 'stepDown_after', successProbability: 'stepDown_success', costPerStepDown: 'stepDown_cost', ageBands: 'stepDown_bands' },
    }]
    : []),
};

const market: CardDef = {
  id: 'market',
  title: 'Price changes',
  summary: 'Prices above or below inflation from a financial year on: +8 is 8% dearer, −10 is 10% cheaper.',
  groups: () => [{
    fields: [
      ...PRICED_TYPES.map(([type, label]) => f(`market_${type}`, `${label} (%)`, 'percent', zero, { min: -99, max: 1000, step: 1 })),
      f('market_from', 'From financial year', 'year', (c) => c.financialYears[1] ?? c.financialYears[0] ?? ''),
    ],
  }],
  build: (v) => {
    const changed = PRICED_TYPES.filter(([type]) => isOn(v[`market_${type}`]));
    if (changed.length === 0) return [];
    return [{
      card: 'market', title: 'Price changes',
      lever: {
        lever: 'market', label: 'prices', from: text(v.market_from),
        priceChanges: Object.fromEntries(changed.map(([type]) => [type, pct(v[`market_${type}`])])),
      },
      fieldOf: { from: 'market_from', ...Object.fromEntries(changed.map(([type]) => [`priceChanges.${type}`, `market_${type}`])) },
    }];
  },
};

export const CARDS: readonly CardDef[] = [recruit, homes, emergency, hub, prevention, stepDown, market, retention];

/** Every field's starting value for a scenario (the homes' fields included, shown or not). */
export const initialValues = (ctx: FormContext): Record<string, string | readonly string[]> => {
  const out: Record<string, string | readonly string[]> = {};
  const all = (v: Values): FieldDef[] => CARDS.flatMap((c) => c.groups(v).flatMap((g) => g.fields));
  for (const field of all({ homes_count: String(MAX_HOMES) })) out[field.id] = field.initial(ctx);
  return out;
};

/** The levers the form describes, in card order. */
export const buildLevers = (values: Values, ctx: FormContext): BuiltLever[] => CARDS.flatMap((c) => c.build(values, ctx));

/** Percent fields out of their range, as messages in the codec's style (before the value is divided by 100). */
export const percentProblems = (values: Values): { readonly field: string; readonly message: string }[] =>
  CARDS.flatMap((c) => c.groups(values).flatMap((g) => g.fields))
    .filter((fd) => fd.kind === 'percent')
    .flatMap((fd) => {
      const n = num(values[fd.id]);
      if (typeof n !== 'number') return [];
      const lo = fd.min ?? 0;
      const hi = fd.max ?? 100;
      return n < lo || n > hi ? [{ field: fd.id, message: `${fd.label}: expected a percentage from ${lo} to ${hi}, found ${n}` }] : [];
    });
