// The match as JSON and as CSV, for other systems. Same input, same bytes: fixed key order,
// referrals in urgency order, vacancies in rank order, numbers rounded to fixed precision.
import { NEEDS } from '../domain/vocabulary.js';
import { PLACEMENT_TYPES } from '../domain/vocabulary.js';
import { ENGINE_VERSION } from '../domain/version.js';
import { isoDateOfEpochDay } from '../domain/time.js';
import type { PolicyOutcome } from '../matching/referral/assignBatch.js';
import type { MatchContext } from '../matching/referral/context.js';
import { shownVacancies, type MatchResult } from '../matching/referral/matchReferrals.js';
import type { RankedVacancy } from '../matching/referral/rank.js';
import { SCORE_PARTS } from '../matching/referral/pairScore.js';
import type { Referral } from '../matching/referral/referral.js';
import { toCsv, type CsvCell } from './csv.js';

export interface MatchReportMeta {
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly vacancyCount: number;
  /** Ranked vacancies shown per referral (0: all); assigned ones are always shown. */
  readonly top: number;
  readonly explain: boolean;
}

/** Round to `digits` decimals, without a negative zero. */
const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
};

const typeName = (type: number): string => PLACEMENT_TYPES[type]!;
const needNames = (mask: number): string[] => NEEDS.filter((_, i) => (mask >> i) & 1);

const placementJson = (p: RankedVacancy | undefined) =>
  p === undefined ? null : { vacancy: p.vacancy.id, rank: p.rank, score: round(p.score, 4) };

const outcomeJson = (o: PolicyOutcome) => ({
  referralsPlaced: o.referralsPlaced, childrenPlaced: o.childrenPlaced, totalScore: round(o.totalScore, 4), method: o.method,
  ...(o.policy === 'optimal' ? { provenOptimal: o.exact } : {}),
  ...(o.upperBound === undefined ? {} : { upperBound: { referralsPlaced: o.upperBound.referralsPlaced, totalScore: round(o.upperBound.totalScore, 4) } }),
});

const rankedJson = (x: RankedVacancy) => ({
  rank: x.rank,
  vacancy: x.vacancy.id,
  carer: x.vacancy.carerId,
  type: typeName(x.vacancy.type),
  postcode: x.vacancy.place.code,
  miles: round(x.miles, 1),
  weeklyCost: round(x.vacancy.weeklyCost, 2),
  score: round(x.score, 4),
  parts: Object.fromEntries(SCORE_PARTS.map((k) => [k, round(x.parts[k], 4)])),
  disruptionRisk12Months: x.disruptionRisk === undefined ? null : round(x.disruptionRisk, 4),
  reason: x.reason,
});

const childJson = (r: Referral) => r.children.map((c) => ({ id: c.id, age: c.ageYears, needs: needNames(c.needsMask) }));

/** The whole match as one JSON document (with a final line break). */
export const matchJson = (m: MatchResult, context: MatchContext, meta: MatchReportMeta): string => {
  const { chosen, other, urgencyOrder } = m.assignment;
  const byPolicy = (i: number) => ({ [chosen.policy]: placementJson(chosen.placements[i]), [other.policy]: placementJson(other.placements[i]) });
  const doc = {
    matchDate: isoDateOfEpochDay(context.matchDay),
    scenario: meta.scenario,
    engineVersion: ENGINE_VERSION,
    policy: chosen.policy,
    weights: context.weights,
    settings: { laterDays: context.laterDays, schoolMiles: context.schoolMiles, top: meta.top, explain: meta.explain },
    summary: {
      referrals: m.rankings.length,
      children: m.rankings.reduce((s, rk) => s + rk.referral.children.length, 0),
      vacancies: meta.vacancyCount,
      [chosen.policy]: outcomeJson(chosen),
      [other.policy]: outcomeJson(other),
    },
    referrals: urgencyOrder.map((i) => {
      const rk = m.rankings[i]!;
      const r = rk.referral;
      return {
        id: r.id,
        siblingGroup: r.siblingGroup ?? null,
        children: childJson(r),
        neededBy: r.neededBy,
        urgency: r.urgency,
        neededDate: isoDateOfEpochDay(r.neededDay),
        suitableVacancies: rk.ranked.length,
        assigned: byPolicy(i),
        ranked: shownVacancies(m, i, meta.top).map(rankedJson),
        ...(meta.explain ? { unsuitable: rk.unsuitable.map((u) => ({ vacancy: u.vacancy.id, code: u.code, child: u.child, reason: u.reason })) } : {}),
      };
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};

export const MATCH_CSV_HEADER = [
  'referral', 'siblingGroup', 'children', 'urgency', 'neededDate', 'suitable', 'rank', 'vacancy', 'carer', 'type', 'postcode',
  'miles', 'weeklyCost', 'score', ...SCORE_PARTS.map((p) => `score_${p}`), 'disruptionRisk12Months', 'assignedOptimal', 'assignedGreedy', 'reason',
] as const;

/**
 * One row per referral and vacancy shown: the ranked suitable vacancies (`suitable` yes), then
 * with `explain` the unsuitable ones (`suitable` no, the reason why); a referral with nothing
 * suitable has one row with no vacancy. `assignedOptimal` / `assignedGreedy` mark the vacancy
 * each policy gave. A CSV for people (`toCsv`): `weeklyCost` to the penny, and ids a spreadsheet
 * would run as formulas (`=1+2`) neutralised.
 */
export const matchCsv = (m: MatchResult, meta: MatchReportMeta): string => {
  const rows: CsvCell[][] = [];
  const { chosen, other, urgencyOrder } = m.assignment;
  const optimal = chosen.policy === 'optimal' ? chosen : other;
  const greedy = chosen.policy === 'greedy' ? chosen : other;
  for (const i of urgencyOrder) {
    const rk = m.rankings[i]!;
    const r = rk.referral;
    const head: CsvCell[] = [r.id, r.siblingGroup, r.children.map((c) => c.id).join(';'), r.urgency, isoDateOfEpochDay(r.neededDay)];
    const shown = shownVacancies(m, i, meta.top);
    for (const x of shown) {
      rows.push([
        ...head, 'yes', x.rank, x.vacancy.id, x.vacancy.carerId, typeName(x.vacancy.type), x.vacancy.place.code,
        round(x.miles, 1), round(x.vacancy.weeklyCost, 2), round(x.score, 4), ...SCORE_PARTS.map((p) => round(x.parts[p], 4)), x.disruptionRisk === undefined ? undefined : round(x.disruptionRisk, 4),
        optimal.placements[i]?.rank === x.rank ? 'yes' : '', greedy.placements[i]?.rank === x.rank ? 'yes' : '', x.reason,
      ]);
    }
    if (meta.explain) {
      for (const u of rk.unsuitable) {
        rows.push([...head, 'no', undefined, u.vacancy.id, u.vacancy.carerId, typeName(u.vacancy.type), u.vacancy.place.code,
          ...Array<CsvCell>(3 + SCORE_PARTS.length + 1).fill(undefined), '', '', u.reason]);
      }
    }
    if (shown.length === 0 && !(meta.explain && rk.unsuitable.length > 0)) {
      rows.push([...head, 'no', ...Array<CsvCell>(MATCH_CSV_HEADER.length - head.length - 2).fill(undefined), 'no suitable vacancy']);
    }
  }
  return toCsv(MATCH_CSV_HEADER, rows, { moneyColumns: ['weeklyCost'] });
};
