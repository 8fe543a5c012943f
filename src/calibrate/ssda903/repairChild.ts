// The data-quality rules that need a child's rows together (src/domain/ssda903Quality.ts), run by
// cleaning before its own rules when the returns were read leniently. Each is a small function of
// one child's episodes that returns what it kept and what it found; `repairChild` runs them in
// order. Pure.
import { lastDayBefore18, endOfCollectionYear } from '../../domain/ssda903Checks.js';
import type { Episode903 } from '../../domain/ssda903.js';
import type { QualityFinding, QualityRuleId } from '../../domain/ssda903Quality.js';
import type { ChildRows } from '../../domain/ssda903Returns.js';

export interface RepairContext {
  /** Collection year of each Episodes file (by source index). */
  readonly yearOfSrc: ReadonlyMap<number, number>;
  /** Whether the gazetteer knows a postcode (sector or district); undefined: postcodes not checked. */
  readonly knownPostcode?: (postcode: string) => boolean;
}

export interface Repaired {
  /** The date of birth used, or undefined: the child cannot be used. */
  readonly dob: number | undefined;
  readonly episodes: readonly Episode903[];
  readonly findings: readonly QualityFinding[];
}

export const qualityFinding = (rule: QualityRuleId, child: string, e: Episode903 | undefined, column?: string): QualityFinding => ({
  rule, child, ...(e?.src === undefined ? {} : { src: e.src }), ...(e?.line === undefined ? {} : { line: e.line }), ...(column === undefined ? {} : { column }),
});

/** Where a row's return stands: its collection year, then the order the files were read. */
const rankOf = (ctx: RepairContext, e: Episode903): readonly [number, number] =>
  [ctx.yearOfSrc.get(e.src ?? -1) ?? Number.NEGATIVE_INFINITY, e.src ?? -1];
const later = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** The date of birth: the Header's, else another table's, else none (the child is dropped). */
export const dateOfBirth = (c: ChildRows): { readonly dob: number | undefined; readonly rule?: QualityRuleId } => {
  if (c.dob !== undefined) return c.dobConflict === true ? { dob: c.dob, rule: 'conflicting-dob' } : { dob: c.dob };
  if (c.otherDob !== undefined) return { dob: c.otherDob, rule: 'dob-from-other-table' };
  return { dob: undefined, rule: 'no-date-of-birth' };
};

/**
 * Episodes before birth or starting at 18 or later are dropped; one running past the 18th birthday
 * (ending after it, or still open at the end of its return) is closed on it.
 */
export const withinChildhood = (episodes: readonly Episode903[], dob: number, ctx: RepairContext): { readonly kept: Episode903[]; readonly found: readonly [QualityRuleId, Episode903][] } => {
  const last = lastDayBefore18(dob);
  const kept: Episode903[] = [];
  const found: [QualityRuleId, Episode903][] = [];
  // An open episode followed by a later one is closed by it (cleaning's overlap rule), not at 18.
  let latestStart = Number.NEGATIVE_INFINITY;
  for (const e of episodes) if (e.DECOM >= dob && e.DECOM < last) latestStart = Math.max(latestStart, e.DECOM);
  for (const e of episodes) {
    if (e.DECOM < dob) { found.push(['starts-before-birth', e]); continue; }
    if (e.DECOM >= last) { found.push(['starts-after-18', e]); continue; }
    const year = ctx.yearOfSrc.get(e.src ?? -1);
    const pastEnd = e.DEC === undefined ? e.DECOM >= latestStart && year !== undefined && endOfCollectionYear(year) > last : e.DEC > last;
    if (!pastEnd) { kept.push(e); continue; }
    found.push(['runs-past-18', e]);
    const { REASON_PLACE_CHANGE: _reason, ...rest } = e;
    kept.push({ ...rest, DEC: last, REC: 'E8' });
  }
  return { kept, found };
};

/**
 * The same episode (CHILD, DECOM) in several returns with DECs that disagree: the latest return's
 * copy is kept, the older ones dropped. An older open copy of an episode a later return closes is
 * the normal course of returns, not a revision (cleaning's own rule 3 keeps the closed one).
 */
export const latestRevision = (episodes: readonly Episode903[], ctx: RepairContext): { readonly kept: Episode903[]; readonly revised: readonly Episode903[] } => {
  const latest = new Map<number, Episode903>();
  for (const e of episodes) {
    const seen = latest.get(e.DECOM);
    if (seen === undefined || !later(rankOf(ctx, seen), rankOf(ctx, e))) latest.set(e.DECOM, e);
  }
  const revised: Episode903[] = [];
  const kept = episodes.filter((e) => {
    const l = latest.get(e.DECOM)!;
    if (l === e || e.DEC === undefined || e.DEC === l.DEC || !later(rankOf(ctx, l), rankOf(ctx, e))) return true;
    revised.push(e);
    return false;
  });
  return { kept, revised };
};

/** Episodes, sorted by start, that run into the next one: open ones, and ones ending after it starts. */
export const overlapsOf = (sorted: readonly Episode903[]): readonly [QualityRuleId, Episode903][] => {
  const out: [QualityRuleId, Episode903][] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const e = sorted[i]!;
    if (e.DEC === undefined) out.push(['open-episode-followed', e]);
    else if (e.DEC > sorted[i + 1]!.DECOM) out.push(['overlapping-episodes', e]);
  }
  return out;
};

/** A closed episode with no readable REC: X1 when the next episode starts that day, else E8 (other). */
export const resolveMissingRec = (sorted: readonly Episode903[]): Episode903[] =>
  sorted.map((e, i) => (e.DEC === undefined || e.REC !== undefined ? e : { ...e, REC: sorted[i + 1]?.DECOM === e.DEC ? 'X1' : 'E8' }));

/** Rows whose HOME_POST or PL_POST is blank or unknown: distance "not known". */
export const postcodesNotKnown = (episodes: readonly Episode903[], known: (p: string) => boolean): Episode903[] =>
  episodes.filter((e) => e.HOME_POST === undefined || e.PL_POST === undefined || !known(e.HOME_POST) || !known(e.PL_POST));

/**
 * One child's rows before cleaning's own rules: the date of birth, episodes within childhood,
 * revisions between returns resolved, and postcodes checked. Overlaps and missing REC codes
 * are handled after cleaning's de-duplication (`overlapsOf`, `resolveMissingRec`).
 */
export const repairChild = (c: ChildRows, ctx: RepairContext): Repaired => {
  const findings: QualityFinding[] = [];
  const born = dateOfBirth(c);
  // A conflicting DOB is one finding a child (its rows are Header rows); a missing one touches every episode row.
  if (born.rule === 'conflicting-dob') findings.push(qualityFinding(born.rule, c.child, undefined));
  else if (born.rule !== undefined) for (const e of c.episodes) findings.push(qualityFinding(born.rule, c.child, e, 'CHILD'));
  if (ctx.knownPostcode !== undefined) for (const e of postcodesNotKnown(c.episodes, ctx.knownPostcode)) findings.push(qualityFinding('postcode-not-known', c.child, e, e.HOME_POST === undefined || !ctx.knownPostcode(e.HOME_POST) ? 'HOME_POST' : 'PL_POST'));
  if (born.dob === undefined) return { dob: undefined, episodes: [], findings };
  const childhood = withinChildhood(c.episodes, born.dob, ctx);
  for (const [rule, e] of childhood.found) findings.push(qualityFinding(rule, c.child, e, rule === 'runs-past-18' ? 'DEC' : 'DECOM'));
  const revisions = latestRevision(childhood.kept, ctx);
  for (const e of revisions.revised) findings.push(qualityFinding('revised-episode', c.child, e, 'DEC'));
  return { dob: born.dob, episodes: revisions.kept, findings };
};

