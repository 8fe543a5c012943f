// The greedy step used inside a replication: the best eligible vacancy for one request.
import type { Rng } from '../../random/rng.js';
import { allowedTypesFor, type EligibilityOptions } from './eligibility.js';
import { matchScore } from './matchScore.js';
import type { MatchRequest, MatchRules, VacancyView } from './types.js';

/**
 * Index of the highest-scoring eligible vacancy, or -1 if none is eligible. Exact ties (common:
 * several households in one zone at one fee) are broken uniformly at random with `rng`, so no
 * household is favoured by its position in the list. `candidates`, when given, lists the indices
 * worth looking at (the simulation passes the households that have a free place); `exclude`, when
 * not -1, is one index never chosen (the household a moving child has just left).
 */
export const bestVacancy = (
  rules: MatchRules,
  req: MatchRequest,
  vacancies: readonly VacancyView[],
  milesTo: (zone: number) => number,
  rng: Rng,
  options?: EligibilityOptions,
  candidates?: readonly number[],
  exclude = -1,
): number => {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let ties = 0;
  // `isEligible`'s tests, worked out once per search and inlined (it is the inner loop of every
  // search): the same vacancies pass, so the scores, tie draws and choice are unchanged.
  const needs = req.needsMask ?? 1 << req.need;
  const allowed = req.needsMask === undefined ? rules.allowedTypesMask[req.need] ?? 0 : allowedTypesFor(rules, needs);
  const checkNeed = options?.ignoreNeed !== true;
  const { size, day, ageYears } = req;
  const n = candidates === undefined ? vacancies.length : candidates.length;
  for (let k = 0; k < n; k++) {
    const i = candidates === undefined ? k : candidates[k]!;
    if (i === exclude) continue;
    const v = vacancies[i]!;
    if (v.free < size || (allowed & (1 << v.type)) === 0 || v.availableFromDay > day || ageYears < v.ageMin || ageYears > v.ageMax) continue;
    if ((size > 1 && v.siblingCapacity < size) || (checkNeed && (v.needsMask & needs) !== needs)) continue;
    const s = matchScore(rules, v, milesTo(v.zone));
    if (s > bestScore) {
      best = i;
      bestScore = s;
      ties = 1;
    } else if (s === bestScore) {
      ties++;
      if (rng.next() * ties < 1) best = i;
    }
  }
  return best;
};
