// The match as a placements officer reads it on the terminal: for each referral (most urgent
// first) the ranked suitable vacancies with score, miles, weekly cost, type, risk and why; the
// unsuitable ones and why (with --explain); then both policies' assignments side by side.
import { NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import { isoDateOfEpochDay } from '../domain/time.js';
import type { PolicyOutcome } from '../matching/referral/assignBatch.js';
import type { MatchContext } from '../matching/referral/context.js';
import { TYPE_LABELS } from '../matching/referral/explain.js';
import { shownVacancies, type MatchResult } from '../matching/referral/matchReferrals.js';
import type { RankedVacancy } from '../matching/referral/rank.js';
import type { Referral } from '../matching/referral/referral.js';
import type { MatchReportMeta } from './matchOutput.js';

const URGENCY_WORDS = { today: 'needed today', under5days: 'needed within 5 days', later: 'needed later' } as const;

const pounds = (x: number): string => `£${Math.round(x).toLocaleString('en-GB')}`;
const score1 = (x: number): string => (Math.round(x * 10) / 10 + 0).toFixed(1);
const percent = (p: number | undefined): string => (p === undefined ? 'n/a' : `${Math.round(p * 100)}%`);
const typeLabel = (type: number): string => TYPE_LABELS[PLACEMENT_TYPES[type]!];

/** Columns padded to their widest cell; `right` marks right-aligned columns. */
const columns = (rows: readonly (readonly string[])[], right: readonly boolean[], indent: string): string[] => {
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length)));
  return rows.map((r) => indent + r.map((c, k) => (k === r.length - 1 ? c : right[k] ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ').trimEnd());
};

const describeReferral = (r: Referral): string => {
  const kids = r.children.map((c) => {
    const needs = NEEDS.filter((_, i) => (c.needsMask >> i) & 1).join(', ');
    return `${r.children.length > 1 ? `${c.id} ` : ''}age ${c.ageYears}, ${needs}`;
  });
  const when = r.neededBy === 'later' ? `needed later (by ${isoDateOfEpochDay(r.neededDay)})`
    : r.urgency === 'later' ? `needed by ${isoDateOfEpochDay(r.neededDay)}` : URGENCY_WORDS[r.urgency];
  const group = r.siblingGroup === undefined ? '' : ` (sibling group of ${r.children.length})`;
  const homes = [...new Set(r.children.map((c) => c.home.code))].join(', ');
  return `${r.id}${group}: ${kids.join('; ')}; ${when}; home ${homes}`;
};

const placed = (p: RankedVacancy | undefined): string => (p === undefined ? 'none' : `${p.vacancy.id} (#${p.rank}, ${score1(p.score)})`);

const totals = (o: PolicyOutcome, referrals: number, children: number): string =>
  `${o.policy}: ${o.referralsPlaced} of ${referrals} referrals placed (${o.childrenPlaced} of ${children} children), total score ${score1(o.totalScore)}`;

const provenWords = (o: PolicyOutcome): string => {
  if (o.exact) return 'proven optimal';
  const b = o.upperBound;
  if (b === undefined) return 'best found, not proven optimal';
  if (b.referralsPlaced > o.referralsPlaced) return `best found; at most ${b.referralsPlaced} referrals could be placed`;
  const gap = b.totalScore - o.totalScore;
  return `best found, within ${score1(gap)} points (${((100 * gap) / Math.max(1e-9, Math.abs(b.totalScore))).toFixed(2)}%) of an upper bound`;
};

/** The terminal report. */
export const matchTable = (m: MatchResult, context: MatchContext, meta: MatchReportMeta): string => {
  const w = context.weights;
  const { chosen, other, urgencyOrder } = m.assignment;
  const children = m.rankings.reduce((s, rk) => s + rk.referral.children.length, 0);
  const lines: string[] = [
    `Match on ${isoDateOfEpochDay(context.matchDay)}: ${m.rankings.length} referrals (${children} children), ${meta.vacancyCount} vacancies; ${meta.scenario.name}, ${meta.scenario.hash.slice(0, 19)}…`,
    `Score in points, 0 = perfect: −${w.distancePerMile} a mile, −${w.costPer100} per £100 a week, −${w.hierarchyStep} a step down the hierarchy, −${w.spareSpecialism} a spare specialism,`,
    `−${w.notPreferredType} not the preferred kind of placement, −${w.softPreference} a soft preference unmet. Risk: chance of a breakdown within 12 months`,
    `(the scenario's hazard model; n/a: no breakdown rate for that type in the scenario).`,
  ];
  for (const i of urgencyOrder) {
    const rk = m.rankings[i]!;
    lines.push('', describeReferral(rk.referral));
    const shown = shownVacancies(m, i, meta.top);
    if (shown.length === 0) lines.push('  no suitable vacancy');
    else {
      const rows = [['#', 'vacancy', 'type', 'miles', '£/week', 'score', 'risk', 'why'], ...shown.map((x) => [
        String(x.rank), x.vacancy.id, typeLabel(x.vacancy.type), x.miles.toFixed(1), pounds(x.vacancy.weeklyCost), score1(x.score), percent(x.disruptionRisk), x.reason,
      ])];
      lines.push(...columns(rows, [true, false, false, true, true, true, true, false], '  '));
      const hidden = rk.ranked.length - shown.length;
      if (hidden > 0) lines.push(`  … and ${hidden} more suitable (--top 0 shows all)`);
    }
    if (meta.explain && rk.unsuitable.length > 0) {
      lines.push('  not suitable:');
      lines.push(...columns(rk.unsuitable.map((u) => [u.vacancy.id, u.reason]), [false, false], '    '));
    }
    lines.push(`  → ${chosen.policy}: ${placed(chosen.placements[i])}; ${other.policy} would give: ${placed(other.placements[i])}`);
  }
  const proven = chosen.policy === 'optimal' ? chosen : other;
  lines.push('', `Assignment (${chosen.policy}; the other policy for comparison)`);
  const rows = [['referral', 'children', 'urgency', chosen.policy, 'score', other.policy, 'score'], ...urgencyOrder.map((i) => {
    const r = m.rankings[i]!.referral;
    const a = chosen.placements[i];
    const b = other.placements[i];
    return [r.id, String(r.children.length), r.urgency, a?.vacancy.id ?? '—', a === undefined ? '' : score1(a.score), b?.vacancy.id ?? '—', b === undefined ? '' : score1(b.score)];
  })];
  lines.push(...columns(rows, [false, true, false, false, true, false, true], '  '));
  lines.push(
    `  ${totals(chosen, m.rankings.length, children)}`,
    `  ${totals(other, m.rankings.length, children)}`,
    `  optimal = most referrals placed, then the highest total score (${provenWords(proven)}); greedy = most urgent first, each taking its best vacancy left.`,
  );
  return `${lines.join('\n')}\n`;
};
