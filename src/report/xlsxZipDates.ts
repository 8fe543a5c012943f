// An .xlsx file is a zip archive, and the zip library inside exceljs stamps every entry with the
// time it was written. Same input, same bytes (STYLE.md habit 10): this puts one given date on
// every entry instead, in both the local headers and the central directory. Pure: the input is
// copied, never changed.

const EOCD = 0x06054b50; // end of central directory record
const CENTRAL = 0x02014b50; // central directory file header
const LOCAL = 0x04034b50; // local file header

/** MS-DOS time and date as zip stores them (2-second resolution, years 1980–2107), from the UTC fields. */
export const dosDateTime = (date: Date): { time: number; date: number } => {
  const year = date.getUTCFullYear();
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 }; // the earliest a zip can say: 1980-01-01 00:00
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((Math.min(year, 2107) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
};

const findEndOfCentralDirectory = (v: DataView): number => {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = v.byteLength - 22; at >= Math.max(0, v.byteLength - 22 - 0xffff); at--) {
    if (v.getUint32(at, true) === EOCD) return at;
  }
  throw new Error('internal: not a zip archive (no end of central directory record)');
};

export const stampZipEntries = (zip: Uint8Array, when: Date): Uint8Array => {
  const out = zip.slice();
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, date } = dosDateTime(when);
  const end = findEndOfCentralDirectory(v);
  const entries = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (v.getUint32(at, true) !== CENTRAL) throw new Error(`internal: zip central directory entry ${i} not where expected`);
    v.setUint16(at + 12, time, true);
    v.setUint16(at + 14, date, true);
    const local = v.getUint32(at + 42, true);
    if (v.getUint32(local, true) !== LOCAL) throw new Error(`internal: zip local header of entry ${i} not where expected`);
    v.setUint16(local + 10, time, true);
    v.setUint16(local + 12, date, true);
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
};
