// Cleaning rule 6: one child's episodes (sorted, not overlapping) → periods of care. An episode
// continues the period of the one before when that one ended with REC X1 ("new episode the same
// day") on the day it starts; otherwise it begins a new period. A period's start is known when
// its first episode has RNE S, or when the data show the child leaving care before it (a return).
// A period ends when its last episode ceased with a reason other than X1; data that stop without
// one (X1 with nothing after, or a gap) censor the period there.
import type { Episode903, Rec } from '../../domain/ssda903.js';

export interface EpisodePeriod {
  readonly episodes: readonly Episode903[];
  readonly start: number;
  readonly startKnown: boolean;
  readonly end: number | undefined;
  readonly rec: Rec | undefined;
  readonly censoredAt: number | undefined;
}

const continues = (prev: Episode903, next: Episode903): boolean =>
  prev.REC === 'X1' && prev.DEC !== undefined && prev.DEC === next.DECOM;

/** @example periodsOfCare([s, p, x]) // one period when s and p end with X1 on the day the next starts */
export const periodsOfCare = (sorted: readonly Episode903[]): EpisodePeriod[] => {
  const out: EpisodePeriod[] = [];
  let group: Episode903[] = [];
  let leftCareBefore = false;
  const close = (): void => {
    const first = group[0];
    const last = group[group.length - 1];
    if (first === undefined || last === undefined) return;
    const ended = last.DEC !== undefined && last.REC !== undefined && last.REC !== 'X1';
    out.push({
      episodes: group,
      start: first.DECOM,
      startKnown: first.RNE === 'S' || leftCareBefore,
      end: ended ? last.DEC : undefined,
      rec: ended ? last.REC : undefined,
      censoredAt: !ended && last.DEC !== undefined ? last.DEC : undefined,
    });
    leftCareBefore = ended;
    group = [];
  };
  for (const e of sorted) {
    const prev = group[group.length - 1];
    if (prev !== undefined && !continues(prev, e)) close();
    group.push(e);
  }
  close();
  return out;
};
