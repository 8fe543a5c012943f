// The match score: higher is better, 0 is a perfect match. Units of each weight are in
// MatchWeights: score lost per mile, per £100 a week, per hierarchy step, per spare specialism.
import type { MatchRules, VacancyView } from './types.js';

export interface ScoreParts {
  readonly distance: number;
  readonly cost: number;
  readonly hierarchy: number;
  readonly specialism: number;
}

/** Set bits of a 32-bit mask. */
const bitCount = (m: number): number => {
  let x = m - ((m >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/**
 * The score in parts (each ≤ 0). `childNeedsMask`, when given, counts the carer's specialisms the
 * child does not need exactly (a child with several needs); without it, every approved need but
 * one is spare (the simulation: one need, which the eligible carer meets).
 */
export const scoreParts = (rules: MatchRules, v: VacancyView, miles: number, childNeedsMask?: number): ScoreParts => {
  const w = rules.weights;
  const rank = rules.hierarchyRank[v.type] ?? Number.POSITIVE_INFINITY;
  return {
    distance: -w.distancePerMile * miles,
    cost: -w.costPer100 * (v.weeklyCost / 100),
    // A type missing from the hierarchy ranks after every listed one.
    hierarchy: -w.hierarchyStep * (Number.isFinite(rank) ? rank : rules.hierarchyRank.length),
    // Spare a specialist place for the child who needs it: a carer meeting several needs scores lower.
    specialism: -w.spareSpecialism * (childNeedsMask === undefined ? Math.max(0, v.needCount - 1) : bitCount(v.needsMask & ~childNeedsMask)),
  };
};

export const matchScore = (rules: MatchRules, v: VacancyView, miles: number): number => {
  const p = scoreParts(rules, v, miles);
  return p.distance + p.cost + p.hierarchy + p.specialism;
};
