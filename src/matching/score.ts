// The match score: higher is better, 0 is a perfect match. Units of each weight are in
// MatchWeights: score lost per mile, per £100 a week, per hierarchy step, per spare specialism.
import type { MatchRules, VacancyView } from './types.js';

export interface ScoreParts {
  readonly distance: number;
  readonly cost: number;
  readonly hierarchy: number;
  readonly specialism: number;
}

export const scoreParts = (rules: MatchRules, v: VacancyView, miles: number): ScoreParts => {
  const w = rules.weights;
  const rank = rules.hierarchyRank[v.type] ?? Number.POSITIVE_INFINITY;
  return {
    distance: -w.distancePerMile * miles,
    cost: -w.costPer100 * (v.weeklyCost / 100),
    // A type missing from the hierarchy ranks after every listed one.
    hierarchy: -w.hierarchyStep * (Number.isFinite(rank) ? rank : rules.hierarchyRank.length),
    // Spare a specialist place for the child who needs it: a carer meeting several needs scores lower.
    specialism: -w.spareSpecialism * Math.max(0, v.needCount - 1),
  };
};

export const matchScore = (rules: MatchRules, v: VacancyView, miles: number): number => {
  const p = scoreParts(rules, v, miles);
  return p.distance + p.cost + p.hierarchy + p.specialism;
};
