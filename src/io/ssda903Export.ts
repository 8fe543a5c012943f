// A replication's history as an SSDA903 return (Header, Episodes, UASC), so users get realistic
// test data with no real child in it, and the calibration can be checked on data whose true
// parameters are known. Codes follow shared/domain/ssda903.md (DfE 903 guidance as reflected in
// the Data to Insight validator); PLACE codes change on 28 October 2023 (H5 retired, K3 added).
import { epochDayOf, isoDateOfEpochDay } from '../domain/time.js';
import { NEEDS, PLACEMENT_TYPES, type ExitReason } from '../domain/vocabulary.js';
import { processStream } from '../random/rng.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { ReplicationTrace } from '../sim/replication.js';
import { toDataCsv } from './csv.js';

export const HEADER_COLUMNS = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] as const;
export const EPISODE_COLUMNS = ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'] as const;
export const UASC_COLUMNS = ['CHILD', 'SEX', 'DOB', 'DUC'] as const;

const K3_FROM = epochDayOf('2023-10-28');

/** PLACE and PLACE_PROVIDER for a placement type on a date. `unregistered` has no 903 code: Z1 (other), as many authorities record it. */
export const placeCodes = (type: string, epochDay: number): [string, string] => {
  switch (type) {
    case 'connected': return ['U3', 'PR1'];
    case 'inHouseFoster': return ['U6', 'PR1'];
    case 'ifa': return ['U6', 'PR4'];
    case 'residentialInHouse': return ['K2', 'PR1'];
    case 'residentialPrivate': return ['K2', 'PR4'];
    case 'supported': return [epochDay >= K3_FROM ? 'K3' : 'H5', 'PR4'];
    case 'parentAndChild': return ['R3', 'PR4'];
    case 'placedWithParents': return ['P1', 'PR0'];
    case 'adoption': return ['A4', 'PR1'];
    case 'secure': return ['K1', 'PR1'];
    default: return ['Z1', ''];
  }
};

/** REC for leaving care: returned home (E4A), special guardianship to relatives (E44), adopted (E11), independent living at 18 (E5), other (E8). */
export const REC_CODES: Readonly<Record<ExitReason, string>> = {
  returnHome: 'E4A', specialGuardianship: 'E44', adoption: 'E11', turned18: 'E5', other: 'E8',
};

const REASON_PLACE_CHANGE: Readonly<Record<string, string>> = {
  breakdown: 'CREQB', planned: 'CARPL', carerLeft: 'CLOSE', found: 'CARPL', stepDown: 'CARPL', PLACE: 'PLACE',
};

const ddmmyyyy = (epochDay: number): string => {
  const [y, m, d] = isoDateOfEpochDay(epochDay).split('-');
  return `${d}/${m}/${y}`;
};

/**
 * The three tables as CSV text. Data for 903 readers, not a report for people, so written as a
 * case-management system writes a return (`toDataCsv`): no byte order mark (the text is ASCII, so
 * a spreadsheet shows it correctly without one, and a reader that does not strip a BOM, such as
 * Python's `csv` or pandas with `utf-8`, would see the first column as "\uFEFFCHILD"), and no
 * formula neutralisation (an apostrophe would change the codes and postcodes the reader reads back).
 */
export interface SyntheticReturn {
  readonly header: string;
  readonly episodes: string;
  readonly uasc: string;
}

/**
 * The return for one replication. Sex is not modelled, so it is drawn (56% male, DfE 2025) from
 * its own stream; ethnicity is `NOBT` (not yet obtained). Children in care at the start carry
 * their current placement from its real start; their earlier placements are not known.
 */
export const syntheticReturn = (rs: ResolvedScenario, trace: ReplicationTrace, seed: number, replication: number): SyntheticReturn => {
  const sexStream = processStream(seed, replication, 'export/sex');
  const id = (c: number): string => `R${replication + 1}C${c + 1}`;
  const uascNeed = NEEDS.indexOf('uasc');
  const disability = NEEDS.indexOf('disability');
  const day = (d: number): number => rs.startEpochDay + d;
  const byChild = new Map<number, typeof trace.segments[number][]>();
  for (const s of trace.segments) byChild.set(s.child, [...(byChild.get(s.child) ?? []), s]);
  const header: (string | number)[][] = [];
  const episodes: (string | number)[][] = [];
  const uasc: (string | number)[][] = [];
  trace.children.forEach((c, i) => {
    const sex = sexStream.next() < 0.56 ? '1' : '2';
    const segs = (byChild.get(i) ?? []).slice().sort((a, b) => a.from - b.from);
    if (!c.entered || segs.length === 0) return;
    header.push([id(i), sex, ddmmyyyy(day(c.dobDay)), 'NOBT', '', '', '']);
    if (segs.some((s) => s.need === uascNeed)) uasc.push([id(i), sex, ddmmyyyy(day(c.dobDay)), ddmmyyyy(day(Math.floor(c.dobDay + 18 * 365.25)))]);
    // A supported-accommodation placement running across 28 October 2023 is recorded as the DfE
    // transition was: the H5 episode ends and a K3 episode continues with the same carer
    // (RNE T, reason PLACE: a change in placement status only).
    const parts = segs.flatMap((s) => {
      const split = PLACEMENT_TYPES[s.type] === 'supported' && day(s.from) < K3_FROM && (s.ended === 'open' ? true : day(s.to) > K3_FROM);
      if (!split) return [{ s, from: s.from, to: s.to, ended: s.ended as string, rne: undefined as string | undefined }];
      const cut = K3_FROM - rs.startEpochDay;
      return [{ s, from: s.from, to: cut, ended: 'PLACE', rne: undefined }, { s, from: cut, to: s.to, ended: s.ended as string, rne: 'T' }];
    });
    parts.forEach((p, j) => {
      const [place, provider] = placeCodes(PLACEMENT_TYPES[p.s.type]!, day(p.from));
      const rne = p.rne ?? (j === 0 && p.from === c.entryDay ? 'S' : 'P');
      const open = p.ended === 'open';
      episodes.push([
        id(i), ddmmyyyy(day(p.from)), rne, p.s.need === uascNeed ? 'V2' : 'C2', p.s.need === disability ? 'N2' : 'N1', place, provider,
        open ? '' : ddmmyyyy(day(p.to)),
        open ? '' : p.ended === 'exit' ? REC_CODES[c.exitReason] : 'X1',
        open || p.ended === 'exit' ? '' : REASON_PLACE_CHANGE[p.ended] ?? 'OTHER',
        rs.zones[c.homeZone]?.code ?? '', rs.zones[p.s.zone]?.code ?? '', '',
      ]);
    });
  });
  return {
    header: toDataCsv([...HEADER_COLUMNS], header),
    episodes: toDataCsv([...EPISODE_COLUMNS], episodes),
    uasc: toDataCsv([...UASC_COLUMNS], uasc),
  };
};
