// SSDA903 returns held as columns rather than one object per row, so a large authority's history
// (or a generated million-row file) stays small in memory: about 37 bytes an episode row against
// ~600 for a decoded object. Dates are epoch days, codes their index in the 903 code lists, child
// ids and postcodes indexes into shared string tables; each column grows in fixed chunks, so growing
// never copies what is already stored. Per child: the date of birth (the last Header row read
// wins, as in datesOfBirth) and a UASC flag. Rows come back as Episode903 objects one child at a
// time (`returnsOfStore`), which is all cleaning needs.
//
// The store is filled by the reader (src/io/ssda903Files.ts) and read-only after that; the
// mutable builder functions below are the only writers.
import {
  CIN_CODES, LS_CODES, PLACE_CODES, PLACE_PROVIDER_CODES, REASON_PLACE_CHANGE_CODES, REC_CODES, RNE_CODES,
  type Episode903, type EpisodeRow,
} from './ssda903.js';
import type { ChildRows, ReadQuality, Returns903 } from './ssda903Returns.js';

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** "No date": DEC of an open episode, DOB of a child with no Header row. */
const NONE = -2147483648;

type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** A growable column of numbers in chunks of 65,536. */
class Column<T extends Typed> {
  private readonly chunks: T[] = [];
  constructor(private readonly make: (n: number) => T, private readonly fill = 0) {}
  /** The value at `i`; the fill value where nothing was set yet. */
  get(i: number): number {
    const chunk = this.chunks[i >>> CHUNK_BITS];
    return chunk === undefined ? this.fill : chunk[i & MASK]!;
  }
  set(i: number, v: number): void {
    const k = i >>> CHUNK_BITS;
    while (k >= this.chunks.length) {
      const chunk = this.make(CHUNK);
      if (this.fill !== 0) chunk.fill(this.fill);
      this.chunks.push(chunk);
    }
    this.chunks[k]![i & MASK] = v;
  }
  get bytes(): number {
    return this.chunks.reduce((s, c) => s + c.byteLength, 0);
  }
}

/** Strings numbered in order of first sight; index 0 stands for "none". */
class StringTable {
  readonly strings: (string | undefined)[] = [undefined];
  private readonly index = new Map<string, number>();
  id(s: string | undefined): number {
    if (s === undefined) return 0;
    const hit = this.index.get(s);
    if (hit !== undefined) return hit;
    const id = this.strings.length;
    this.strings.push(s);
    this.index.set(s, id);
    return id;
  }
  has(s: string): boolean {
    return this.index.has(s);
  }
  indexOf(s: string): number | undefined {
    return this.index.get(s);
  }
}

/** A code list as a column: index + 1 of the code (0: blank). */
const codeNumbers = (codes: readonly string[]): ReadonlyMap<string | undefined, number> => new Map(codes.map((c, i) => [c, i + 1]));
const RNE = codeNumbers(RNE_CODES);
const LS = codeNumbers(LS_CODES);
const CIN = codeNumbers(CIN_CODES);
const PLACE = codeNumbers(PLACE_CODES);
const PROVIDER = codeNumbers(PLACE_PROVIDER_CODES);
const REC = codeNumbers(REC_CODES);
const REASON = codeNumbers(REASON_PLACE_CHANGE_CODES);
const codeOf = (numbers: ReadonlyMap<string | undefined, number>, c: string | undefined): number => numbers.get(c) ?? 0;
const codeAt = <C extends string>(codes: readonly C[], k: number): C | undefined => (k === 0 ? undefined : codes[k - 1]);

export class Store903 {
  /** Episode rows stored. */
  episodeRows = 0;
  headerRows = 0;
  /** Header rows repeating a child already seen. */
  headerRepeats = 0;
  /** Children whose DOB differs between Header rows, and the first few of them. */
  dobConflicts = 0;
  readonly dobConflictExamples: string[] = [];

  /** Child ids (all tables) numbered from 1 in order of first sight. */
  readonly children = new StringTable();
  /** Postcodes and URNs. */
  private readonly texts = new StringTable();

  private readonly child = new Column((n) => new Uint32Array(n));
  private readonly decom = new Column((n) => new Int32Array(n));
  private readonly dec = new Column((n) => new Int32Array(n));
  private readonly rne = new Column((n) => new Uint8Array(n));
  private readonly ls = new Column((n) => new Uint8Array(n));
  private readonly cin = new Column((n) => new Uint8Array(n));
  private readonly place = new Column((n) => new Uint8Array(n));
  private readonly provider = new Column((n) => new Uint8Array(n));
  private readonly rec = new Column((n) => new Uint8Array(n));
  private readonly reason = new Column((n) => new Uint8Array(n));
  private readonly homePost = new Column((n) => new Uint32Array(n));
  private readonly plPost = new Column((n) => new Uint32Array(n));
  private readonly urn = new Column((n) => new Uint32Array(n));
  private readonly src = new Column((n) => new Uint16Array(n));
  private readonly line = new Column((n) => new Uint32Array(n));

  /** By child index. */
  private readonly dob = new Column((n) => new Int32Array(n), NONE);
  private readonly flags = new Column((n) => new Uint8Array(n));
  private readonly otherDob = new Map<number, number>();

  /** An episode row, from file `src` (the reader's numbering) at `line`. */
  addEpisode(e: EpisodeRow, src = 0, line = 0): void {
    const i = this.episodeRows++;
    this.child.set(i, this.children.id(e.CHILD));
    this.decom.set(i, e.DECOM);
    this.dec.set(i, e.DEC ?? NONE);
    this.rne.set(i, codeOf(RNE, e.RNE));
    this.ls.set(i, codeOf(LS, e.LS));
    this.cin.set(i, codeOf(CIN, e.CIN));
    this.place.set(i, codeOf(PLACE, e.PLACE));
    this.provider.set(i, codeOf(PROVIDER, e.PLACE_PROVIDER));
    this.rec.set(i, codeOf(REC, e.REC));
    this.reason.set(i, codeOf(REASON, e.REASON_PLACE_CHANGE));
    this.homePost.set(i, this.texts.id(e.HOME_POST));
    this.plPost.set(i, this.texts.id(e.PL_POST));
    this.urn.set(i, this.texts.id(e.URN));
    this.src.set(i, src);
    this.line.set(i, line);
  }

  /** A Header row: the DOB it gives replaces any earlier one (the latest return wins). */
  addHeader(child: string, dob: number): void {
    this.headerRows++;
    const k = this.children.id(child);
    const seen = this.dob.get(k);
    if (seen !== NONE) {
      this.headerRepeats++;
      if (seen !== dob && (this.flags.get(k) & 2) === 0) {
        this.flags.set(k, this.flags.get(k) | 2);
        this.dobConflicts++;
        if (this.dobConflictExamples.length < 3) this.dobConflictExamples.push(child);
      }
    }
    this.dob.set(k, dob);
  }

  /** A DOB from a table other than Header (lenient reading): used only for a child with no Header row. */
  addOtherDob(child: string, dob: number): void {
    this.otherDob.set(this.children.id(child), dob);
  }

  /** A row of a UASC table: the child is UASC, whatever other years say. */
  addUasc(child: string): void {
    const k = this.children.id(child);
    this.flags.set(k, this.flags.get(k) | 1);
  }

  // ---- reading ----

  childIndexAt(i: number): number {
    return this.child.get(i);
  }
  childId(k: number): string {
    return this.children.strings[k]!;
  }
  decomAt(i: number): number {
    return this.decom.get(i);
  }
  decAt(i: number): number | undefined {
    const d = this.dec.get(i);
    return d === NONE ? undefined : d;
  }
  srcAt(i: number): number {
    return this.src.get(i);
  }
  lineAt(i: number): number {
    return this.line.get(i);
  }
  dobOf(k: number): number | undefined {
    const d = this.dob.get(k);
    return d === NONE ? undefined : d;
  }
  isUasc(k: number): boolean {
    return (this.flags.get(k) & 1) === 1;
  }
  hasDobConflict(k: number): boolean {
    return (this.flags.get(k) & 2) === 2;
  }
  otherDobOf(k: number): number | undefined {
    return this.otherDob.get(k);
  }

  /** Row `i` as an object, exactly as it was added. */
  episodeAt(i: number): Episode903 {
    const text = this.texts.strings;
    const e: Record<string, unknown> = {
      CHILD: this.childId(this.child.get(i)), DECOM: this.decom.get(i),
      RNE: codeAt(RNE_CODES, this.rne.get(i)), LS: codeAt(LS_CODES, this.ls.get(i)),
      CIN: codeAt(CIN_CODES, this.cin.get(i)), PLACE: codeAt(PLACE_CODES, this.place.get(i)),
    };
    const provider = codeAt(PLACE_PROVIDER_CODES, this.provider.get(i));
    if (provider !== undefined) e.PLACE_PROVIDER = provider;
    const dec = this.decAt(i);
    if (dec !== undefined) e.DEC = dec;
    const rec = codeAt(REC_CODES, this.rec.get(i));
    if (rec !== undefined) e.REC = rec;
    const reason = codeAt(REASON_PLACE_CHANGE_CODES, this.reason.get(i));
    if (reason !== undefined) e.REASON_PLACE_CHANGE = reason;
    const home = text[this.homePost.get(i)];
    if (home !== undefined) e.HOME_POST = home;
    const pl = text[this.plPost.get(i)];
    if (pl !== undefined) e.PL_POST = pl;
    const urn = text[this.urn.get(i)];
    if (urn !== undefined) e.URN = urn;
    e.src = this.src.get(i);
    e.line = this.line.get(i);
    return e as unknown as Episode903;
  }

  /**
   * Rows [from, to) grouped by child: `rows` holds row numbers child by child (each child's in the
   * order they were added), `offsets[k]..offsets[k + 1]` those of child index k. A counting sort:
   * two integer arrays, no object per row.
   */
  rowsByChild(from = 0, to = this.episodeRows): { readonly offsets: Int32Array; readonly rows: Int32Array } {
    const n = this.children.strings.length;
    const offsets = new Int32Array(n + 1);
    for (let i = from; i < to; i++) offsets[this.child.get(i) + 1]!++;
    for (let k = 0; k < n; k++) offsets[k + 1]! += offsets[k]!;
    const next = offsets.slice(0, n);
    const rows = new Int32Array(to - from);
    for (let i = from; i < to; i++) rows[next[this.child.get(i)]!++] = i;
    return { offsets, rows };
  }

  /** Bytes held by the columns (not the string tables). */
  get columnBytes(): number {
    return [this.child, this.decom, this.dec, this.rne, this.ls, this.cin, this.place, this.provider, this.rec, this.reason,
      this.homePost, this.plPost, this.urn, this.src, this.line, this.dob, this.flags].reduce((s, c) => s + c.bytes, 0);
  }
}

/** The store as cleaning reads it: children sorted by CHILD, each child's rows in the order read. */
export const returnsOfStore = (store: Store903, quality?: ReadQuality): Returns903 => ({
  ...(quality === undefined ? {} : { quality }),
  headerRows: store.headerRows,
  headerRepeats: store.headerRepeats,
  dobConflicts: store.dobConflicts,
  forEachChild: (visit: (c: ChildRows) => void): void => {
    const { offsets, rows } = store.rowsByChild();
    const withRows: number[] = [];
    for (let k = 1; k + 1 < offsets.length; k++) if (offsets[k + 1]! > offsets[k]!) withRows.push(k);
    const ids = withRows.map((k) => store.childId(k));
    const order = withRows.map((_, j) => j).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    for (const j of order) {
      const k = withRows[j]!;
      const episodes: Episode903[] = [];
      for (let r = offsets[k]!; r < offsets[k + 1]!; r++) episodes.push(store.episodeAt(rows[r]!));
      const otherDob = store.otherDobOf(k);
      visit({
        child: ids[j]!, dob: store.dobOf(k), uasc: store.isUasc(k), episodes,
        ...(otherDob === undefined ? {} : { otherDob }), ...(store.hasDobConflict(k) ? { dobConflict: true } : {}),
      });
    }
  },
});
