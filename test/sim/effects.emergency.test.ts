// The emergency factor's duration (`disruption.multipliers.emergencyDays`): the breakdown rate of
// an emergency placement is × `emergency` for its first days only. The 12-month risk it gives is
// worked out here from the piecewise-constant hazard (S(t) = exp(−∫h), h constant between
// breakpoints), independently of the engine's code, for the simulation's hazard walk and for the
// `match` tool's predicted risk on the README's example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { E } from '../../src/domain/fp.js';
import { epochDayOf } from '../../src/domain/time.js';
import { PLACEMENT_TYPES } from '../../src/domain/vocabulary.js';
import { loadMatchFiles } from '../../src/io/matchFiles.js';
import { loadScenarioFile } from '../../src/io/scenarioFile.js';
import { breakdownRisk, RISK_HORIZON_DAYS } from '../../src/matching/referral/disruptionRisk.js';
import { matchContext, type DisruptionModel } from '../../src/matching/referral/context.js';
import { rankVacancies } from '../../src/matching/referral/rank.js';
import { bandAndStepHazardTime, withFactorForFirstDays } from '../../src/sim/hazards.js';

const Y = 365.25;
const MEDWAY = 'scenarios/medway-2022.json';
const medwayJson = JSON.parse(readFileSync(MEDWAY, 'utf8')) as Record<string, any>;

/** 1 − S(T) for a hazard `perYear` on [from, to) pieces (days), summed: the piecewise-constant survival. */
const riskOf = (pieces: readonly { from: number; to: number; perYear: number }[]): number =>
  1 - Math.exp(-pieces.reduce((a, p) => a + (p.perYear * (p.to - p.from)) / Y, 0));

describe('withFactorForFirstDays', () => {
  const close = (got: { stepDays: readonly number[]; multipliers: readonly number[] }, days: number[], mults: number[]): void => {
    expect(got.stepDays).toEqual(days);
    expect(got.multipliers).toHaveLength(mults.length);
    got.multipliers.forEach((x, i) => expect(x).toBeCloseTo(mults[i]!, 12));
  };

  it('merges the window into the time-in-placement steps', () => {
    close(withFactorForFirstDays([0, 183], [2.2, 0.9], 28, 4), [0, 28, 183], [8.8, 2.2, 0.9]);
    // No steps: × factor, then × 1.
    close(withFactorForFirstDays([], [], 28, 4), [0, 28], [4, 1]);
    // A window ending on a step, and one past the last step.
    close(withFactorForFirstDays([0, 183], [2.2, 0.9], 183, 3), [0, 183], [6.6, 0.9]);
    close(withFactorForFirstDays([0, 183, 731], [2.2, 0.9, 0.2], 1000, 2), [0, 183, 731, 1000], [4.4, 1.8, 0.4, 0.2]);
  });

  it('gives the breakdown time a hand-worked hazard gives', () => {
    // Rate 0.5 a year, steps × 2.2 for 183 days then × 0.9; × 4 for the first 28 days.
    const { stepDays, multipliers } = withFactorForFirstDays([0, 183], [2.2, 0.9], 28, 4);
    const perDay = (): number => 0.5 / Y;
    const dob = -12 * Y; // 10to15 throughout
    const h1 = (0.5 / Y) * 2.2 * 4; // days 0–28
    const h2 = (0.5 / Y) * 2.2; // days 28–183
    const h3 = (0.5 / Y) * 0.9; // after
    // A budget spent inside the window, one spent in the second piece, one in the third.
    expect(bandAndStepHazardTime(0.1, 0, 1e5, dob, perDay, 0, stepDays, multipliers)).toBeCloseTo(0.1 / h1, 9);
    expect(28 * h1).toBeCloseTo(0.337, 3);
    expect(bandAndStepHazardTime(0.4, 0, 1e5, dob, perDay, 0, stepDays, multipliers)).toBeCloseTo(28 + (0.4 - 28 * h1) / h2, 9);
    const b = 28 * h1 + 155 * h2 + 0.05;
    expect(bandAndStepHazardTime(b, 0, 1e5, dob, perDay, 0, stepDays, multipliers)).toBeCloseTo(183 + 0.05 / h3, 9);
  });
});

describe('the 12-month breakdown risk of an emergency placement (match tool)', () => {
  const rs = loadScenarioFile(MEDWAY);
  if (E.isLeft(rs)) throw new Error(rs.left.join('\n'));
  const model: DisruptionModel = matchContext(rs.right, epochDayOf('2025-02-03')).disruption;
  const day = epochDayOf('2025-02-03');
  const inHouse = PLACEMENT_TYPES.indexOf('inHouseFoster');
  const dob14 = day - 14.5 * Y; // 10to15 for the whole year
  const rate = medwayJson.disruption.base.inHouseFoster['10to15'] as number;
  const steps = medwayJson.disruption.byMonthsInPlacement as { fromMonths: number; multiplier: number }[];
  const m = medwayJson.disruption.multipliers as { emergency: number; emergencyDays: number; hub: number; over20Miles: number };
  const stepDay = Math.round((steps[1]!.fromMonths * Y) / 12); // 183: the 6-month step (the next is at 24 months)

  it('the Medway scenario limits the × 4 to the first 28 days', () => {
    expect([m.emergency, m.emergencyDays, steps[0]!.multiplier, steps[1]!.multiplier, stepDay]).toEqual([4, 28, 2.2, 0.9, 183]);
    expect(model.multipliers.emergencyDays).toBe(28);
  });

  it('is 1 − S(365.25) of the piecewise-constant hazard: 46% for a 14-year-old in in-house foster care, not 84%', () => {
    const expected = riskOf([
      { from: 0, to: 28, perYear: rate * 2.2 * 4 },
      { from: 28, to: stepDay, perYear: rate * 2.2 },
      { from: stepDay, to: RISK_HORIZON_DAYS, perYear: rate * 0.9 },
    ]);
    const risk = breakdownRisk(model, inHouse, dob14, day, { milesFromHome: 2, emergency: true, hub: false });
    expect(risk).toBeCloseTo(expected, 12);
    expect(risk).toBeCloseTo(0.4605, 4);
    // The whole-placement factor gave 1 − exp(−4 × 0.3 × 1.551) = 84%; no factor, 37%.
    const whole = riskOf([{ from: 0, to: stepDay, perYear: rate * 2.2 * 4 }, { from: stepDay, to: RISK_HORIZON_DAYS, perYear: rate * 0.9 * 4 }]);
    expect(whole).toBeCloseTo(0.8446, 4);
    const planned = breakdownRisk(model, inHouse, dob14, day, { milesFromHome: 2, emergency: false, hub: false });
    expect(planned).toBeCloseTo(riskOf([{ from: 0, to: stepDay, perYear: rate * 2.2 }, { from: stepDay, to: RISK_HORIZON_DAYS, perYear: rate * 0.9 }]), 12);
    expect(planned).toBeLessThan(risk);
    expect(risk).toBeLessThan(whole);
  });

  it('multiplies the other factors over the whole year: over 20 miles and a hub household', () => {
    const expected = riskOf([
      { from: 0, to: 28, perYear: rate * 2.2 * 4 * m.over20Miles * m.hub },
      { from: 28, to: stepDay, perYear: rate * 2.2 * m.over20Miles * m.hub },
      { from: stepDay, to: RISK_HORIZON_DAYS, perYear: rate * 0.9 * m.over20Miles * m.hub },
    ]);
    expect(breakdownRisk(model, inHouse, dob14, day, { milesFromHome: 25, emergency: true, hub: true })).toBeCloseTo(expected, 12);
  });

  it('follows the age band across a birthday inside the window', () => {
    // A child turning 10 on day 10 of an emergency IFA placement (IFA 5to9 0.16 a year, 10to15 0.32).
    const ifa = PLACEMENT_TYPES.indexOf('ifa');
    const r9 = medwayJson.disruption.base.ifa['5to9'] as number;
    const r10 = medwayJson.disruption.base.ifa['10to15'] as number;
    const dob = day + 10 - 10 * Y;
    const expected = riskOf([
      { from: 0, to: 10, perYear: r9 * 2.2 * 4 },
      { from: 10, to: 28, perYear: r10 * 2.2 * 4 },
      { from: 28, to: stepDay, perYear: r10 * 2.2 },
      { from: stepDay, to: RISK_HORIZON_DAYS, perYear: r10 * 0.9 },
    ]);
    expect(breakdownRisk(model, ifa, dob, day, { milesFromHome: 5, emergency: true, hub: false })).toBeCloseTo(expected, 12);
  });

  it('left out, the factor applies all year (today\'s behaviour for scenarios that do not set it)', () => {
    const { emergencyDays: _, ...rest } = model.multipliers;
    const whole: DisruptionModel = { ...model, multipliers: rest };
    const expected = riskOf([{ from: 0, to: stepDay, perYear: rate * 2.2 * 4 }, { from: stepDay, to: RISK_HORIZON_DAYS, perYear: rate * 0.9 * 4 }]);
    expect(breakdownRisk(whole, inHouse, dob14, day, { milesFromHome: 2, emergency: true, hub: false })).toBeCloseTo(expected, 12);
  });

  it('on the README example, no child needed today is shown a 77–84% risk any more', () => {
    const loaded = loadMatchFiles(
      { referrals: 'scenarios/examples/referrals.csv', vacancies: 'scenarios/examples/vacancies.csv', scenario: MEDWAY }, day,
    );
    if (E.isLeft(loaded)) throw new Error(loaded.left.join('\n'));
    const { input, context } = loaded.right;
    const today = input.referrals.filter((r) => r.urgency === 'today');
    expect(today.map((r) => r.id)).toEqual(['R101', 'R102', 'G1', 'R108']);
    const risks = new Map(today.map((r) => [r.id, new Map(rankVacancies(r, input.vacancies, context).ranked.map((x) => [x.vacancy.id, x.disruptionRisk]))]));
    // R101 (14, complex) with V04 (in-house foster, not in a hub, 2.0 miles): the worked 46%, was 84%.
    expect(risks.get('R101')!.get('V04')).toBeCloseTo(riskOf([
      { from: 0, to: 28, perYear: rate * 2.2 * 4 },
      { from: 28, to: stepDay, perYear: rate * 2.2 },
      { from: stepDay, to: RISK_HORIZON_DAYS, perYear: rate * 0.9 },
    ]), 12);
    // In-house foster placements for children needed today: 26–46% (were 62–84%).
    for (const [id, byVacancy] of risks) {
      for (const [v, r] of byVacancy) {
        const vacancy = input.vacancies.find((x) => x.id === v)!;
        if (vacancy.type !== inHouse || r === undefined) continue;
        expect([id, v, r < 0.5]).toEqual([id, v, true]);
      }
    }
  });
});
