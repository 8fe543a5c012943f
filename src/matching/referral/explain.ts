// Plain words for a placements officer: why a vacancy is unsuitable ("approved for 0–9, child is
// 14", "cannot meet complex needs", "2 places, sibling group of 3", "no vacancy until
// 2025-03-01"), and a one-line reason for a suitable vacancy's rank.
import { NEEDS, PLACEMENT_TYPES, type Need, type PlacementType } from '../../domain/vocabulary.js';
import { RISKS, type Risk } from '../../domain/referral.js';
import { isoDateOfEpochDay } from '../../domain/time.js';
import type { MatchContext } from './context.js';
import { allowedTypesFor } from '../rules/eligibility.js';
import { canLiveAlongside, milesToSchool, rulesFor, typeGroupIndex, type Unsuitability } from './suitability.js';
import type { MatchScoreParts, PairScore, UnmetPreference } from './pairScore.js';
import type { Referral, Vacancy } from './referral.js';

export const TYPE_LABELS: Readonly<Record<PlacementType, string>> = {
  connected: 'connected carers', inHouseFoster: 'in-house foster', ifa: 'IFA foster',
  residentialInHouse: 'in-house children\'s home', residentialPrivate: 'private children\'s home', supported: 'supported accommodation',
  parentAndChild: 'parent and child', placedWithParents: 'placed with parents', adoption: 'adoption', secure: 'secure', other: 'other',
  unregistered: 'unregistered',
};

const NEED_LABELS: Readonly<Record<Need, string>> = {
  standard: 'standard', complex: 'complex', disability: 'disability', parentAndChild: 'parent-and-child', uasc: 'UASC',
};

const RISK_LABELS: Readonly<Record<Risk, string>> = {
  missing: 'going missing', exploitation: 'exploitation', selfHarm: 'self-harm', harmToOthers: 'harm to others',
  substanceMisuse: 'substance misuse', fireSetting: 'fire setting',
};

const GROUP_LABELS = ['foster care', 'residential care', 'supported accommodation'] as const;

const typeLabel = (type: number): string => TYPE_LABELS[PLACEMENT_TYPES[type]!];

const and = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;

const needsIn = (mask: number): string[] => NEEDS.filter((_, i) => (mask >> i) & 1).map((n) => NEED_LABELS[n]);
const risksIn = (mask: number): string[] => RISKS.filter((_, i) => (mask >> i) & 1).map((k) => RISK_LABELS[k]);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const miles1 = (m: number): string => m.toFixed(1);
const pounds = (x: number): string => `£${Math.round(x).toLocaleString('en-GB')}`;

/** Why `v` cannot take the referral, in words. */
export const unsuitableReason = (ctx: MatchContext, r: Referral, v: Vacancy, u: Unsuitability): string => {
  const c = r.children[u.child]!;
  const size = r.children.length;
  const who = size > 1 ? `${c.id}: ` : '';
  const childIs = size > 1 ? c.id : 'child';
  switch (u.code) {
    case 'notYetAvailable':
      return `no vacancy until ${isoDateOfEpochDay(v.availableFromDay)}`;
    case 'noPlaces':
      if (v.free === 0) return 'no free places';
      return `${plural(v.free, 'place')}, sibling group of ${size}`;
    case 'siblingCapacity':
      return `takes siblings only in groups of up to ${v.siblingCapacity}, sibling group of ${size}`;
    case 'ageRange':
      return `approved for ${v.ageMin === v.ageMax ? `age ${v.ageMin} only` : `${v.ageMin}–${v.ageMax}`}, ${childIs} is ${c.ageYears}`;
    case 'typeNotAllowed': {
      const rules = rulesFor(ctx, c);
      const blocking = NEEDS.filter((_, i) => ((c.needsMask >> i) & 1) && (allowedTypesFor(rules, 1 << i) & (1 << v.type)) === 0);
      return `${who}${typeLabel(v.type)} is not an allowed placement for ${and(blocking.map((n) => NEED_LABELS[n]))} needs`;
    }
    case 'need':
      return `${who}cannot meet ${and(needsIn(c.needsMask & ~v.needsMask))} needs`;
    case 'typeUnsuitable':
      return `${who}${GROUP_LABELS[typeGroupIndex(v.type)!]} marked unsuitable`;
    case 'risk':
      return `${who}cannot manage ${and(risksIn(c.risksMask & ~v.risksMask))}`;
    case 'careAlongside': {
      const others = v.currentChildren.filter((age) => !canLiveAlongside(c.careAlongside, c.ageYears, age));
      if (c.careAlongside === 'solo') return `${who}must live with no other child, ${plural(v.currentChildren.length, 'child', 'children')} already there`;
      const kind = c.careAlongside === 'onlyOlder' ? 'older' : 'younger';
      return `${who}can live only with ${kind} children, ${and(others.map((a) => `a ${a}-year-old`))} already there`;
    }
    case 'school':
      return `${who}${miles1(milesToSchool(c, v) ?? 0)} miles from school ${c.school?.code ?? ''}, must keep the same school (limit ${ctx.schoolMiles} miles)`;
  }
};

const UNMET_LABELS: Readonly<Record<UnmetPreference['kind'], (wish: string) => string>> = {
  language: (w) => `no ${w} speaker`,
  religion: (w) => `no support for ${w} faith`,
  communication: (w) => `no ${w}`,
  culture: (w) => `no ${w} cultural match`,
  experience: () => 'carer approved under 2 years',
};

/** Unmet soft preferences in words, e.g. `no polish speaker; no makaton`. */
export const unmetInWords = (unmet: readonly UnmetPreference[], multipleChildren: boolean): string[] =>
  unmet.map((u) => `${multipleChildren ? `${u.child}: ` : ''}${UNMET_LABELS[u.kind](u.wish)}`);

/** Threshold below which a difference in a score part is not worth mentioning, points. */
const NOTABLE = 0.05;

const loss = (part: keyof MatchScoreParts, mine: PairScore, best: PairScore, v: Vacancy, bestV: Vacancy, search: boolean): string | undefined => {
  switch (part) {
    case 'distance': return search ? 'further from the search area' : `${miles1(mine.miles - best.miles)} miles further`;
    case 'cost': return `${pounds(v.weeklyCost - bestV.weeklyCost)} a week dearer`;
    case 'hierarchy': return `${typeLabel(v.type)} is lower in the hierarchy`;
    case 'specialism': return 'a specialist place another child may need';
    case 'typePreference': return 'not the preferred kind of placement';
    case 'soft': return undefined; // listed separately
  }
};

const gain = (part: keyof MatchScoreParts, v: Vacancy, bestV: Vacancy, mine: PairScore, best: PairScore, search: boolean): string | undefined => {
  switch (part) {
    case 'distance': return search ? 'nearer the search area' : `${miles1(best.miles - mine.miles)} miles nearer`;
    case 'cost': return `${pounds(bestV.weeklyCost - v.weeklyCost)} a week cheaper`;
    case 'hierarchy': return `${typeLabel(v.type)} is higher in the hierarchy`;
    case 'specialism': return 'no specialist place used';
    case 'typePreference': return 'the preferred kind of placement';
    case 'soft': return 'meets more preferences';
  }
};

/**
 * A one-line reason for a suitable vacancy's rank: for the first, what it offers; for the others,
 * what puts them below the first (the largest score losses), and their main advantage if any.
 */
export const rankReason = (r: Referral, v: Vacancy, s: PairScore, rank: number, best: { readonly v: Vacancy; readonly s: PairScore }): string => {
  const notes = unmetInWords(s.unmet, r.children.length > 1);
  if (s.notPreferredType && rank === 1) notes.unshift('not the preferred kind of placement');
  const cost = `${pounds(v.weeklyCost)} a week`;
  if (rank === 1) {
    return [`best score: ${typeLabel(v.type)}, ${miles1(s.miles)} miles, ${cost}`, ...notes].join('; ');
  }
  const search = r.children.some((c) => c.search !== undefined);
  const parts = Object.keys(s.parts) as (keyof MatchScoreParts)[];
  const diffs = parts.map((p) => ({ p, d: s.parts[p] - best.s.parts[p] }));
  const losses = diffs.filter((x) => x.d < -NOTABLE).sort((a, b) => a.d - b.d || parts.indexOf(a.p) - parts.indexOf(b.p))
    .map((x) => loss(x.p, s, best.s, v, best.v, search)).filter((x): x is string => x !== undefined).slice(0, 3);
  const gains = diffs.filter((x) => x.d > NOTABLE).sort((a, b) => b.d - a.d || parts.indexOf(a.p) - parts.indexOf(b.p))
    .map((x) => gain(x.p, v, best.v, s, best.s, search)).filter((x): x is string => x !== undefined).slice(0, 1);
  const behind = best.s.score - s.score;
  const head = behind <= NOTABLE ? 'level with #1' : `${behind.toFixed(1)} below #1`;
  const why = losses.length > 0 ? `: ${losses.join(', ')}` : '';
  return [`${head}${why}${gains.length > 0 ? `; but ${gains[0]}` : ''}`, ...notes].join('; ');
};
