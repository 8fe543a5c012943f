// Rank every referral's vacancies and assign the batch: what the `match` command shows.
import { assign, type AssignResult, type Policy } from './assignBatch.js';
import type { MatchContext } from './context.js';
import { rankVacancies, type RankedVacancy, type Ranking } from './rank.js';
import type { Referral, Vacancy } from './referral.js';

export interface MatchResult {
  /** By referral, in the order given. */
  readonly rankings: readonly Ranking[];
  readonly assignment: AssignResult;
}

export const matchReferrals = (
  referrals: readonly Referral[], vacancies: readonly Vacancy[], context: MatchContext, policy: Policy, options: { readonly explain?: boolean } = {},
): MatchResult => {
  const rankings = referrals.map((r) => rankVacancies(r, vacancies, context, options));
  return { rankings, assignment: assign(referrals, vacancies, context, policy, { rankings }) };
};

/**
 * The vacancies worth showing for referral `i`: the best `top` (all when `top` is 0), and the
 * ones either policy assigned even if ranked lower, in rank order.
 */
export const shownVacancies = (m: MatchResult, i: number, top: number): readonly RankedVacancy[] => {
  const ranked = m.rankings[i]!.ranked;
  const assigned = new Set([m.assignment.chosen.placements[i]?.rank, m.assignment.other.placements[i]?.rank]);
  return top <= 0 ? ranked : ranked.filter((x) => x.rank <= top || assigned.has(x.rank));
};
