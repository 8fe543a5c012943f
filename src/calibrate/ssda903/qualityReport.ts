// The data-quality report of a leniently read extract: for each rule that found something, how
// many rows and children it touched and what was done; and the children in, used and dropped per
// collection year and in total, so a child dropped by cleaning is counted, never silently lost
// (in = used + dropped, and the dropped add up by reason). Pure.
import { QUALITY_RULES, type QualityAction, type QualityFinding, type QualityRuleId } from '../../domain/ssda903Quality.js';
import type { ReadQuality } from '../../domain/ssda903Returns.js';

/** Why a child that was read is not used. */
export type DropReason = 'noDateOfBirth' | 'everyEpisodeDropped' | 'shortBreaksOnly';
export const DROP_REASONS: readonly DropReason[] = ['noDateOfBirth', 'everyEpisodeDropped', 'shortBreaksOnly'];

export interface RuleCount {
  readonly id: QualityRuleId;
  readonly finds: string;
  readonly done: string;
  readonly action: QualityAction;
  readonly guidance: string;
  readonly dfeRule?: string;
  /** Rows the rule touched (a DOB conflict: one a child). */
  readonly rows: number;
  readonly children: number;
}

export interface ChildrenCount {
  readonly in: number;
  readonly used: number;
  readonly dropped: number;
}

export interface QualityReport {
  /** Rules that found something, most rows first (ties in catalogue order). */
  readonly rules: readonly RuleCount[];
  readonly children: {
    /** Per collection year: the children with a row in that year's Episodes files. */
    readonly byYear: readonly (ChildrenCount & { readonly collectionYear: number })[];
    /** Distinct children over every year. */
    readonly total: ChildrenCount;
    readonly droppedBy: Readonly<Record<DropReason, number>>;
    /** Children touched by any rule, and their share of the children in. */
    readonly affected: number;
    readonly affectedShare: number;
  };
}

/** What cleaning adds to the reader's findings: its own, and which children it used or dropped and why. */
export interface CleaningOutcome {
  readonly findings: readonly QualityFinding[];
  readonly used: ReadonlySet<string>;
  readonly dropped: ReadonlyMap<string, DropReason>;
}

/** @example qualityReport(read.returns.quality, outcome).children.total // { in: 1500, used: 1493, dropped: 7 } */
export const qualityReport = (read: ReadQuality, outcome: CleaningOutcome): QualityReport => {
  const rows = new Map<QualityRuleId, number>();
  const children = new Map<QualityRuleId, Set<string>>();
  const affected = new Set<string>();
  for (const f of [...read.findings, ...outcome.findings]) {
    rows.set(f.rule, (rows.get(f.rule) ?? 0) + 1);
    if (f.child === undefined) continue;
    const set = children.get(f.rule) ?? new Set<string>();
    set.add(f.child);
    children.set(f.rule, set);
    affected.add(f.child);
  }
  const rules: RuleCount[] = QUALITY_RULES.flatMap((r) => {
    const n = rows.get(r.id) ?? 0;
    return n === 0 ? [] : [{ ...r, rows: n, children: children.get(r.id)?.size ?? 0 }];
  }).sort((a, b) => b.rows - a.rows);

  const all = new Set<string>(outcome.used);
  for (const c of outcome.dropped.keys()) all.add(c);
  for (const year of read.childrenByYear.values()) for (const c of year) all.add(c);
  const reasonOf = (c: string): DropReason | undefined => (outcome.used.has(c) ? undefined : outcome.dropped.get(c) ?? 'everyEpisodeDropped');
  const droppedBy: Record<DropReason, number> = { noDateOfBirth: 0, everyEpisodeDropped: 0, shortBreaksOnly: 0 };
  for (const c of all) {
    const why = reasonOf(c);
    if (why !== undefined) droppedBy[why]++;
  }
  const count = (set: Iterable<string>): ChildrenCount => {
    let n = 0;
    let used = 0;
    for (const c of set) {
      n++;
      if (outcome.used.has(c)) used++;
    }
    return { in: n, used, dropped: n - used };
  };
  const byYear = [...read.childrenByYear.entries()].sort((a, b) => a[0] - b[0]).map(([collectionYear, set]) => ({ collectionYear, ...count(set) }));
  const total = count(all);
  let touched = 0;
  for (const c of affected) if (all.has(c)) touched++;
  return {
    rules,
    children: { byYear, total, droppedBy, affected: touched, affectedShare: total.in === 0 ? 0 : touched / total.in },
  };
};
