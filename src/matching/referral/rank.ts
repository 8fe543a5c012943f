// The ranked list a placements officer asks for: every vacancy that can take the referral, best
// score first, with the score and its parts, miles, weekly cost, placement type, predicted
// disruption risk and a one-line reason; and, on request, why each other vacancy cannot.
import type { MatchContext } from './context.js';
import type { Miles } from '../../domain/units.js';
import { rankReason, unsuitableReason } from './explain.js';
import { preparedIneligibility, prepareReferral, type ReferralIneligibilityCode } from './suitability.js';
import { preparedScore, type PairScore } from './pairScore.js';
import type { Referral, Vacancy } from './referral.js';

export interface RankedVacancy extends PairScore {
  /** 1 = best. */
  readonly rank: number;
  readonly vacancy: Vacancy;
  /** Position of the vacancy in the list passed in. */
  readonly index: number;
  /** Why it ranks here, in a line (worded when first read). */
  readonly reason: string;
}

export interface UnsuitableVacancy {
  readonly vacancy: Vacancy;
  readonly index: number;
  readonly code: ReferralIneligibilityCode;
  /** Id of the child the reason concerns. */
  readonly child: string;
  readonly reason: string;
}

export interface Ranking {
  readonly referral: Referral;
  readonly ranked: readonly RankedVacancy[];
  /** With `explain`: every unsuitable vacancy and why, by vacancy id; otherwise empty. */
  readonly unsuitable: readonly UnsuitableVacancy[];
}

export interface RankOptions {
  /** Also say why each unsuitable vacancy cannot take the referral. */
  readonly explain?: boolean;
}

const byId = (a: Vacancy, b: Vacancy): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Best first: higher score, then (exact ties) the vacancy id, so the order never depends on the order of the file. */
export const compareRanked = (a: { readonly score: number; readonly vacancy: Vacancy }, b: { readonly score: number; readonly vacancy: Vacancy }): number =>
  b.score - a.score || byId(a.vacancy, b.vacancy);

/**
 * A ranked vacancy whose one-line reason is worded only when first read (most never are: the
 * text is a getter, and `toJSON` includes it).
 */
class Ranked implements RankedVacancy {
  readonly score: number;
  readonly parts: PairScore['parts'];
  readonly miles: Miles;
  readonly disruptionRisk: number | undefined;
  readonly unmet: PairScore['unmet'];
  readonly notPreferredType: boolean;
  readonly #referral: Referral;
  readonly #best: { readonly v: Vacancy; readonly s: PairScore };
  #reason: string | undefined;

  constructor(readonly rank: number, readonly vacancy: Vacancy, readonly index: number, s: PairScore, referral: Referral, best: { readonly v: Vacancy; readonly s: PairScore }) {
    this.score = s.score;
    this.parts = s.parts;
    this.miles = s.miles;
    this.disruptionRisk = s.disruptionRisk;
    this.unmet = s.unmet;
    this.notPreferredType = s.notPreferredType;
    this.#referral = referral;
    this.#best = best;
  }

  get reason(): string {
    this.#reason ??= rankReason(this.#referral, this.vacancy, this, this.rank, this.#best);
    return this.#reason;
  }

  toJSON(): RankedVacancy {
    const { rank, vacancy, index, score, parts, miles, disruptionRisk, unmet, notPreferredType, reason } = this;
    return { rank, vacancy, index, score, parts, miles, disruptionRisk, unmet, notPreferredType, reason };
  }
}

/**
 * Rank the vacancies for one referral (a child or a sibling group). Pure and deterministic: the
 * result depends on the set of vacancies, not their order.
 *
 * @example rankVacancies(referral, vacancies, matchContext(resolved, matchDay)).ranked[0]?.vacancy.id
 */
export const rankVacancies = (referral: Referral, vacancies: readonly Vacancy[], context: MatchContext, options: RankOptions = {}): Ranking => {
  const prepared = prepareReferral(context, referral);
  const suitable: { vacancy: Vacancy; index: number; score: number; s: PairScore }[] = [];
  const unsuitable: UnsuitableVacancy[] = [];
  for (let index = 0; index < vacancies.length; index++) {
    const vacancy = vacancies[index]!;
    const u = preparedIneligibility(context, prepared, vacancy);
    if (u === undefined) {
      const s = preparedScore(context, prepared, vacancy);
      suitable.push({ vacancy, index, score: s.score, s });
    } else if (options.explain === true) {
      unsuitable.push({ vacancy, index, code: u.code, child: referral.children[u.child]!.id, reason: unsuitableReason(context, referral, vacancy, u) });
    }
  }
  suitable.sort(compareRanked);
  const top = suitable[0];
  const best = top === undefined ? undefined : { v: top.vacancy, s: top.s };
  const ranked = suitable.map((x, i): RankedVacancy => new Ranked(i + 1, x.vacancy, x.index, x.s, referral, best!));
  unsuitable.sort((a, b) => byId(a.vacancy, b.vacancy));
  return { referral, ranked, unsuitable };
};
