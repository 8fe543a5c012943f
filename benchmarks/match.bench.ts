// Match pipeline benchmark: 500 referrals (sibling groups, risks, "who can live together" rules,
// schools, preferences) × 5,000 vacancies around Medway, through the library functions the
// `match` command uses — rankVacancies for every referral, then assign (optimal and greedy) —
// under the Medway 2022 scenario's rules. Deterministic instance; one core.
// Run: `npx tsx benchmarks/match.bench.ts` or, compiled, `node dist/benchmarks/match.bench.js`.
import { pathToFileURL } from 'node:url';
import { E } from '../src/domain/fp.js';
import { RISKS, type CareAlongside, type Suitability, type Urgency } from '../src/domain/referral.js';
import { CARER_TYPES, NEEDS, PLACEMENT_TYPES, type CarerType, type Need } from '../src/domain/vocabulary.js';
import { loadScenarioFile } from '../src/io/scenarioFile.js';
import { assign, type PolicyOutcome } from '../src/matching/referral/assignBatch.js';
import { matchContext, type MatchContext } from '../src/matching/referral/context.js';
import { rankVacancies } from '../src/matching/referral/rank.js';
import type { Place, Referral, ReferredChild, Vacancy } from '../src/matching/referral/referral.js';

const lcg = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
};

const MATCH_DAY = 20_122; // 2025-02-03
const YEAR = 365.25;
const NO_SOFT = { language: [], religion: [], communication: [], culture: [] };

export interface MatchBenchInstance {
  readonly referrals: readonly Referral[];
  readonly vacancies: readonly Vacancy[];
}

/** Vacancies and referrals spread over a 100 × 100 km square centred on Medway. */
export const generateMatchInstance = (referralCount = 500, vacancyCount = 5000, seed = 20250203): MatchBenchInstance => {
  const rnd = lcg(seed);
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rnd() * xs.length)]!;
  const at = (): Place => ({ code: 'X', easting: 527_000 + rnd() * 100_000, northing: 118_000 + rnd() * 100_000 });
  const mask = (ns: readonly Need[]): number => ns.reduce((m, n) => m | (1 << NEEDS.indexOf(n)), 0);
  const vacancies: Vacancy[] = [];
  for (let j = 0; j < vacancyCount; j++) {
    const u = rnd();
    const type: CarerType = u < 0.45 ? 'inHouseFoster' : u < 0.8 ? 'ifa' : u < 0.88 ? 'residentialPrivate' : u < 0.93 ? 'supported' : pick(CARER_TYPES);
    const foster = type === 'inHouseFoster' || type === 'ifa';
    const free = foster ? 1 + Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 4);
    const ageMin = type === 'supported' ? 16 : type === 'parentAndChild' ? 0 : pick([0, 0, 0, 5, 8, 11]);
    const needs = type === 'parentAndChild' ? ['parentAndChild'] as Need[] : (['standard', ...(['complex', 'disability', 'uasc'] as Need[]).filter(() => rnd() < 0.3)] as Need[]);
    const needsMask = mask(needs);
    vacancies.push({
      id: `V${String(j + 1).padStart(5, '0')}`, carerId: `C${j + 1}`, row: j, zone: j, place: at(), type: PLACEMENT_TYPES.indexOf(type), free,
      ageMin, ageMax: type === 'parentAndChild' ? 0 : 17, needsMask, needCount: needs.length, siblingCapacity: foster ? free : 1,
      weeklyCost: type === 'residentialPrivate' ? 4000 + rnd() * 3000 : foster ? 450 + rnd() * 900 : 1000 + rnd() * 800,
      availableFromDay: MATCH_DAY + (rnd() < 0.85 ? 0 : Math.floor(rnd() * 60)),
      risksMask: Math.floor(rnd() * (1 << RISKS.length)), currentChildren: rnd() < 0.3 ? [Math.floor(rnd() * 18)] : [],
      soft: rnd() < 0.2 ? { ...NO_SOFT, language: [pick(['Polish', 'Arabic', 'Tigrinya'])] } : NO_SOFT,
      experienceYears: foster ? Math.floor(rnd() * 15) : undefined, hub: rnd() < 0.2,
    });
  }
  const referrals: Referral[] = [];
  let row = 0;
  for (let i = 0; i < referralCount; i++) {
    const u = rnd();
    const size = u < 0.85 ? 1 : u < 0.95 ? 2 : 3;
    const home = at();
    const urgency: Urgency = pick(['today', 'under5days', 'later']);
    const children: ReferredChild[] = [];
    for (let k = 0; k < size; k++) {
      const age = size > 1 ? Math.floor(rnd() * 14) : Math.floor(rnd() * 18);
      const need: Need = size > 1 ? 'standard' : rnd() < 0.7 ? 'standard' : pick(['complex', 'disability', 'uasc'] as Need[]);
      const v = rnd();
      const careAlongside: CareAlongside = size > 1 || v < 0.94 ? 'withOthers' : v < 0.97 ? 'solo' : pick(['onlyOlder', 'onlyYounger'] as CareAlongside[]);
      children.push({
        id: `R${row + 1}`, row, dobDay: MATCH_DAY - (age + 0.5) * YEAR, dobKnown: false, ageYears: age,
        needsMask: mask([need]), primaryNeed: NEEDS.indexOf(need), home, school: rnd() < 0.2 ? at() : undefined, sameSchool: false, search: undefined,
        suitability: [rnd() < 0.5 ? 'preferred' : 'suitable', rnd() < 0.3 ? 'unsuitable' : 'suitable', 'suitable'] as Suitability[],
        risksMask: rnd() < 0.2 ? 1 << Math.floor(rnd() * RISKS.length) : 0, careAlongside,
        soft: rnd() < 0.1 ? { ...NO_SOFT, language: [pick(['Polish', 'Arabic', 'Tigrinya'])] } : NO_SOFT,
      });
      row++;
    }
    referrals.push({
      id: size > 1 ? `G${i + 1}` : children[0]!.id, siblingGroup: size > 1 ? `G${i + 1}` : undefined, children,
      neededBy: urgency, urgency, neededDay: MATCH_DAY + (urgency === 'today' ? 0 : urgency === 'under5days' ? 4 : 28), row: children[0]!.row,
    });
  }
  return { referrals, vacancies };
};

const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

const proof = (o: PolicyOutcome): string => {
  if (o.exact) return 'proven optimal';
  const b = o.upperBound;
  if (b === undefined || b.referralsPlaced !== o.referralsPlaced) return 'not proven';
  return `not proven; ${((100 * (b.totalScore - o.totalScore)) / Math.abs(b.totalScore)).toFixed(2)}% below the upper bound ${b.totalScore.toFixed(1)}`;
};

export const runMatchBench = (context?: MatchContext): string[] => {
  const ctx = context ?? (() => {
    const rs = loadScenarioFile('scenarios/medway-2022.json');
    if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
    return matchContext(rs.right, MATCH_DAY);
  })();
  const { referrals, vacancies } = generateMatchInstance();
  const [rankings, rankMs] = timed(() => referrals.map((r) => rankVacancies(r, vacancies, ctx)));
  const [result, assignMs] = timed(() => assign(referrals, vacancies, ctx, 'optimal', { rankings }));
  const pairs = rankings.reduce((s, rk) => s + rk.ranked.length, 0);
  const children = referrals.reduce((s, r) => s + r.children.length, 0);
  const restricted = referrals.filter((r) => r.children.some((c) => c.careAlongside !== 'withOthers')).length;
  const { chosen: opt, other: greedy } = result;
  const total = rankMs + assignMs;
  return [
    `Match pipeline benchmark (rankVacancies + assign, Medway 2022 rules): ${referrals.length} referrals (${children} children, ${referrals.filter((r) => r.children.length > 1).length} sibling groups, ${restricted} with "who can live together" rules) × ${vacancies.length} vacancies, ${pairs} suitable pairs (${((100 * pairs) / (referrals.length * vacancies.length)).toFixed(1)}%)`,
    `  rank every referral: ${rankMs.toFixed(0)} ms (${((1000 * referrals.length * vacancies.length) / rankMs / 1e6).toFixed(1)} M pairs checked/s)`,
    `  assign, optimal and greedy: ${assignMs.toFixed(0)} ms; optimal (${opt.method}, ${proof(opt)}) places ${opt.referralsPlaced} referrals / ${opt.childrenPlaced} children, score ${opt.totalScore.toFixed(1)}; greedy ${greedy.referralsPlaced} / ${greedy.childrenPlaced}, score ${greedy.totalScore.toFixed(1)}`,
    `  total ${(total / 1000).toFixed(2)} s; under 5 s on one core: ${total < 5000 ? 'yes' : 'NO'}`,
  ];
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) for (const line of runMatchBench()) console.log(line);
