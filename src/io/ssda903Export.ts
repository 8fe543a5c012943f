// A replication's history as an SSDA903 return (Header, Episodes, UASC), so users get realistic
// test data with no real child in it, and the calibration can be checked on data whose true
// parameters are known. The columns and the codes written (`placeCodesOf`, `REC_OF_EXIT`,
// `reasonPlaceChangeOf`) are the 903 vocabulary in src/domain/ssda903.ts; this module lays the
// history out as the three tables. PLACE codes change on 28 October 2023 (H5 retired, K3 added).
import {
  EPISODES_COLUMNS, HEADER_COLUMNS, REC_OF_EXIT, SUPPORTED_ACCOMMODATION_CHANGE, UASC_COLUMNS, placeCodesOf, reasonPlaceChangeOf,
} from '../domain/ssda903.js';
import { epochDayOf, isoDateOfEpochDay } from '../domain/time.js';
import { NEEDS, PLACEMENT_TYPES } from '../domain/vocabulary.js';
import { processStream } from '../random/rng.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { ReplicationTrace } from '../sim/replication.js';
import { toDataCsv } from './csv.js';

const K3_FROM = epochDayOf(SUPPORTED_ACCOMMODATION_CHANGE);

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
      const { PLACE: place, PLACE_PROVIDER: provider = '' } = placeCodesOf(PLACEMENT_TYPES[p.s.type]!, day(p.from));
      const rne = p.rne ?? (j === 0 && p.from === c.entryDay ? 'S' : 'P');
      const open = p.ended === 'open';
      episodes.push([
        id(i), ddmmyyyy(day(p.from)), rne, p.s.need === uascNeed ? 'V2' : 'C2', p.s.need === disability ? 'N2' : 'N1', place, provider,
        open ? '' : ddmmyyyy(day(p.to)),
        open ? '' : p.ended === 'exit' ? REC_OF_EXIT[c.exitReason] : 'X1',
        open || p.ended === 'exit' ? '' : reasonPlaceChangeOf(p.ended),
        rs.zones[c.homeZone]?.code ?? '', rs.zones[p.s.zone]?.code ?? '', '',
      ]);
    });
  });
  return {
    header: toDataCsv([...HEADER_COLUMNS], header),
    episodes: toDataCsv([...EPISODES_COLUMNS], episodes),
    uasc: toDataCsv([...UASC_COLUMNS], uasc),
  };
};
