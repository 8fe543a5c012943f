// A batch of referrals assigned to the vacancies, under the policy the team chooses, with what
// each referral would have got under the other policy so the trade-off is visible:
//   greedy  — referrals in order of urgency (needed today, then under 5 days, then later; ties by
//             their order in the referral list, then id), each taking the best-ranked vacancy
//             still free that it can share with whoever is already placed there;
//   optimal — jointly, to place as many referrals as possible and then maximise the total score
//             (`optimalJoint`: exact min-cost flow / branch and bound, sibling groups kept together
//             in one home, "who can live together" rules respected). Never worse than greedy.
// A sibling group counts as one referral placed (the group is one decision); its score is the
// sum over its children.
import { URGENCIES } from '../../domain/referral.js';
import type { MatchContext } from './context.js';
import { greedyJoint, optimalJoint, type JointProblem, type JointResult } from '../optimiser/conflictSearch.js';
import { rankVacancies, type RankedVacancy, type Ranking } from './rank.js';
import { canShareHome, isRestricted } from './suitability.js';
import type { Referral, Vacancy } from './referral.js';

export const POLICIES = ['optimal', 'greedy'] as const;
export type Policy = (typeof POLICIES)[number];

export interface PolicyOutcome {
  readonly policy: Policy;
  /** By referral (same order as passed in): the vacancy given, with its score and details, or undefined (no suitable vacancy left). */
  readonly placements: readonly (RankedVacancy | undefined)[];
  readonly referralsPlaced: number;
  readonly childrenPlaced: number;
  /** Sum of the placed referrals' scores (points). */
  readonly totalScore: number;
  /** How the answer was found: `greedy (urgency order)`, or the optimal solver's method. */
  readonly method: string;
  /** Optimal only: proven optimal (greedy: false). */
  readonly exact: boolean;
  /** Optimal only: an upper bound on the best possible (referrals placed, total score); equal to the answer when proven. */
  readonly upperBound?: { readonly referralsPlaced: number; readonly totalScore: number };
}

export interface AssignResult {
  readonly policy: Policy;
  /** The assignment under `policy`. */
  readonly chosen: PolicyOutcome;
  /** The same referrals under the other policy. */
  readonly other: PolicyOutcome;
  /** Referral indices in urgency order (the greedy order). */
  readonly urgencyOrder: readonly number[];
}

export interface AssignOptions {
  /** Rankings already computed with rankVacancies for these referrals (same order), to save work. */
  readonly rankings?: readonly Ranking[];
  /** Assignment solves allowed when "who can live together" rules conflict (default 40). */
  readonly maxSolves?: number;
  /** Work allowed resolving such conflicts exactly, candidate pairs × solves (default 2e6). */
  readonly conflictWork?: number;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Referral indices, most urgent first; ties by position in the referral list, then id. */
export const urgencyOrder = (referrals: readonly Referral[]): number[] =>
  referrals.map((_, i) => i).sort((a, b) => {
    const x = referrals[a]!;
    const y = referrals[b]!;
    return URGENCIES.indexOf(x.urgency) - URGENCIES.indexOf(y.urgency) || x.row - y.row || compareText(x.id, y.id);
  });

const outcome = (
  policy: Policy, referrals: readonly Referral[], rankings: readonly Ranking[], colOfRow: readonly (number | undefined)[], vacancyOfCol: readonly number[],
  method: string, exact: boolean, upperBound?: PolicyOutcome['upperBound'],
): PolicyOutcome => {
  const placements = colOfRow.map((c, r) => (c === undefined ? undefined : rankings[r]!.ranked.find((x) => x.index === vacancyOfCol[c])));
  let totalScore = 0;
  let referralsPlaced = 0;
  let childrenPlaced = 0;
  // Summed in referral order, so the total does not depend on the solver's internals.
  placements.forEach((p, r) => {
    if (p === undefined) return;
    totalScore += p.score;
    referralsPlaced++;
    childrenPlaced += referrals[r]!.children.length;
  });
  const bound = upperBound === undefined ? {} : { upperBound: exact ? { referralsPlaced, totalScore } : upperBound };
  return { policy, placements, referralsPlaced, childrenPlaced, totalScore, method, exact, ...bound };
};

/**
 * Assign `referrals` to `vacancies` under `policy`, and under the other policy for comparison.
 * Pure and deterministic; the optimal result does not depend on the order of the vacancies.
 *
 * @example assign(referrals, vacancies, context, 'optimal').chosen.placements[0]?.vacancy.id
 */
export const assign = (
  referrals: readonly Referral[], vacancies: readonly Vacancy[], context: MatchContext, policy: Policy, options: AssignOptions = {},
): AssignResult => {
  const rankings = options.rankings ?? referrals.map((r) => rankVacancies(r, vacancies, context));
  if (rankings.length !== referrals.length) throw new RangeError('assign: one ranking per referral expected');
  // Columns in vacancy-id order, so ties are broken the same whatever the order of the file.
  const vacancyOfCol = vacancies.map((_, i) => i).sort((a, b) => compareText(vacancies[a]!.id, vacancies[b]!.id));
  const colOfVacancy = new Int32Array(vacancies.length);
  vacancyOfCol.forEach((v, c) => (colOfVacancy[v] = c));
  const scores = rankings.map((rk) => new Map(rk.ranked.map((x) => [colOfVacancy[x.index]!, x.score])));
  const restricted = referrals.map(isRestricted);
  const problem: JointProblem = {
    rows: referrals.length,
    cols: vacancies.length,
    rowSize: referrals.map((r) => r.children.length),
    colCapacity: vacancyOfCol.map((v) => vacancies[v]!.free),
    // Candidates best first, as ranked, and only the best `referrals.length` of each: that keeps
    // an optimal assignment (and the greedy one). If a referral sat in a vacancy below its first
    // n (n referrals), one of those n would hold no other referral — n − 1 others fill at most
    // n − 1 vacancies — so it could move there, alone, with a score at least as high.
    candidates: rankings.map((rk) => rk.ranked.slice(0, referrals.length).map((x) => colOfVacancy[x.index]!)),
    score: (r, c) => scores[r]!.get(c),
    restricted,
    canShare: (a, b) => canShareHome(referrals[a]!, referrals[b]!),
  };
  const order = urgencyOrder(referrals);
  const greedy = greedyJoint(problem, order);
  const optimal: JointResult = optimalJoint(problem, {
    urgencyOrder: order,
    ...(options.maxSolves === undefined ? {} : { maxSolves: options.maxSolves }),
    ...(options.conflictWork === undefined ? {} : { conflictWork: options.conflictWork }),
  });
  const greedyOutcome = outcome('greedy', referrals, rankings, greedy.colOfRow, vacancyOfCol, 'greedy (urgency order)', false);
  const optimalOutcome = outcome('optimal', referrals, rankings, optimal.colOfRow, vacancyOfCol, optimal.method, optimal.exact,
    { referralsPlaced: optimal.upperBound.assignedCount, totalScore: optimal.upperBound.totalScore });
  return policy === 'optimal'
    ? { policy, chosen: optimalOutcome, other: greedyOutcome, urgencyOrder: order }
    : { policy, chosen: greedyOutcome, other: optimalOutcome, urgencyOrder: order };
};
