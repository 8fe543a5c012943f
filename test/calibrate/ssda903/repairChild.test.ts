import { describe, expect, it } from 'vitest';
import {
  dateOfBirth, latestRevision, overlapsOf, postcodesNotKnown, repairChild, resolveMissingRec, withinChildhood, type RepairContext,
} from '../../../src/calibrate/ssda903/repairChild.js';
import { lastDayBefore18 } from '../../../src/domain/ssda903Checks.js';
import { day, ep } from '../../fixtures/ssda903/rows.js';

// Files 0 and 1 are the 2022/23 and 2023/24 Episodes returns.
const ctx: RepairContext = { yearOfSrc: new Map([[0, 2022], [1, 2023]]) };
const at = (src: number, line: number) => ({ src, line });

describe('dateOfBirth', () => {
  it('the Header\'s; else another table\'s; else none', () => {
    expect(dateOfBirth({ child: 'a', dob: 5, uasc: false, episodes: [] })).toEqual({ dob: 5 });
    expect(dateOfBirth({ child: 'a', dob: 5, uasc: false, episodes: [], dobConflict: true })).toEqual({ dob: 5, rule: 'conflicting-dob' });
    expect(dateOfBirth({ child: 'a', dob: undefined, otherDob: 7, uasc: false, episodes: [] })).toEqual({ dob: 7, rule: 'dob-from-other-table' });
    expect(dateOfBirth({ child: 'a', dob: undefined, uasc: false, episodes: [] })).toEqual({ dob: undefined, rule: 'no-date-of-birth' });
  });
});

describe('withinChildhood', () => {
  const dob = day('2005-06-15');
  const last = lastDayBefore18(dob);
  it('the last day is the 18th birthday (or the model\'s fractional one, if later)', () => {
    // 18 × 365.25 days after 15/06/2005 is half way through 15/06/2023: the model leaves care on the 16th.
    expect(last).toBe(day('2023-06-16'));
    expect(lastDayBefore18(day('2004-02-01'))).toBe(day('2022-02-01')); // five leap days: the calendar's is as late
  });
  it('drops episodes before birth and from the 18th birthday; closes one that runs past it', () => {
    const before = ep('a', '2005-01-01', '2005-02-01');
    const past = ep('a', '2022-01-01', '2023-09-01', { REASON_PLACE_CHANGE: 'CARPL' });
    const after = ep('a', '2023-06-16');
    const fine = ep('a', '2021-01-01', '2022-01-01');
    const r = withinChildhood([before, fine, past, after], dob, ctx);
    expect(r.found.map(([rule, e]) => [rule, e])).toEqual([['starts-before-birth', before], ['runs-past-18', past], ['starts-after-18', after]]);
    expect(r.kept).toEqual([fine, { ...ep('a', '2022-01-01'), DEC: last, REC: 'E8' }]);
  });
  it('an open episode is past 18 only if the 18th birthday comes before the end of its return', () => {
    const open22 = ep('a', '2022-01-01', undefined, at(0, 2)); // 2022/23 return ends 31/03/2023: still 17
    const open23 = ep('a', '2022-01-01', undefined, at(1, 2)); // 2023/24 return ends 31/03/2024: 18 by then
    expect(withinChildhood([open22], dob, ctx).found).toEqual([]);
    expect(withinChildhood([open23], dob, ctx).found.map(([r]) => r)).toEqual(['runs-past-18']);
    expect(withinChildhood([open23], dob, ctx).kept[0]!.DEC).toBe(last);
  });
});

describe('latestRevision', () => {
  it('keeps the latest return\'s copy where returns disagree on DEC', () => {
    const old = ep('a', '2022-05-01', '2022-09-01', at(0, 3));
    const revised = ep('a', '2022-05-01', '2022-10-01', at(1, 7));
    expect(latestRevision([old, revised], ctx)).toEqual({ kept: [revised], revised: [old] });
    expect(latestRevision([revised, old], ctx)).toEqual({ kept: [revised], revised: [old] });
  });
  it('an older open copy of an episode a later return closes is no revision', () => {
    const open = ep('a', '2022-05-01', undefined, at(0, 3));
    const closed = ep('a', '2022-05-01', '2023-05-01', at(1, 7));
    expect(latestRevision([open, closed], ctx)).toEqual({ kept: [open, closed], revised: [] });
  });
  it('the latest return wins even when it has the episode open again', () => {
    const closed = ep('a', '2022-05-01', '2022-09-01', at(0, 3));
    const open = ep('a', '2022-05-01', undefined, at(1, 7));
    expect(latestRevision([closed, open], ctx).kept).toEqual([open]);
  });
});

describe('overlapsOf and resolveMissingRec', () => {
  it('names open episodes followed by another, and episodes ending after the next starts', () => {
    const open = ep('a', '2022-01-01');
    const long = ep('a', '2022-03-01', '2022-06-01');
    const next = ep('a', '2022-05-01', '2022-07-01');
    const last = ep('a', '2022-07-01');
    expect(overlapsOf([open, long, next, last])).toEqual([['open-episode-followed', open], ['overlapping-episodes', long]]);
    expect(overlapsOf([long])).toEqual([]);
  });
  it('a closed episode with no REC is X1 when the next starts that day, else E8', () => {
    const { REC: _a, ...noRec1 } = ep('a', '2022-01-01', '2022-03-01');
    const { REC: _b, ...noRec2 } = ep('a', '2022-03-01', '2022-04-01');
    const out = resolveMissingRec([noRec1, noRec2, ep('a', '2022-06-01')]);
    expect(out.map((e) => e.REC)).toEqual(['X1', 'E8', undefined]);
  });
});

describe('postcodesNotKnown and repairChild', () => {
  const known = (p: string): boolean => p.startsWith('ME');
  it('a blank or unknown postcode, either one', () => {
    const ok = ep('a', '2022-01-01', undefined, { HOME_POST: 'ME4 4', PL_POST: 'ME5 0' });
    const blank = ep('a', '2022-02-01', undefined, { HOME_POST: 'ME4 4' });
    const fake = ep('a', '2022-03-01', undefined, { HOME_POST: 'ZZ99 9', PL_POST: 'ME5 0' });
    expect(postcodesNotKnown([ok, blank, fake], known)).toEqual([blank, fake]);
  });
  it('a child with no date of birth anywhere: every row found, nothing kept', () => {
    const rows = [ep('a', '2022-01-01', undefined, at(0, 2)), ep('a', '2022-01-01', undefined, at(1, 2))];
    const r = repairChild({ child: 'a', dob: undefined, uasc: false, episodes: rows }, ctx);
    expect(r).toEqual({ dob: undefined, episodes: [], findings: [{ rule: 'no-date-of-birth', child: 'a', src: 0, line: 2, column: 'CHILD' }, { rule: 'no-date-of-birth', child: 'a', src: 1, line: 2, column: 'CHILD' }] });
  });
  it('a clean child comes back as it was, with no finding', () => {
    const rows = [ep('a', '2022-01-01', '2022-05-01', { ...at(0, 2), HOME_POST: 'ME4 4', PL_POST: 'ME5 0' })];
    expect(repairChild({ child: 'a', dob: day('2010-01-01'), uasc: false, episodes: rows }, { ...ctx, knownPostcode: known })).toEqual({ dob: day('2010-01-01'), episodes: rows, findings: [] });
  });
});
