import { describe, expect, it } from 'vitest';
import { dosDateTime, stampZipEntries } from '../../src/report/xlsxZipDates.js';
import { xlsxBytes } from '../../src/report/xlsx.js';

/** Every (time, date) pair in the archive's local headers and central directory. */
const stamps = (zip: Uint8Array): [number, number][] => {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: [number, number][] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) out.push([v.getUint16(i + 10, true), v.getUint16(i + 12, true)]);
    if (sig === 0x02014b50) out.push([v.getUint16(i + 12, true), v.getUint16(i + 14, true)]);
  }
  return out;
};

describe('zip entry dates', () => {
  it('encode a date as MS-DOS time and date (2-second steps), from its UTC fields', () => {
    // 2025-04-01 09:30:10 → time 9<<11 | 30<<5 | 5, date (2025-1980)<<9 | 4<<5 | 1
    expect(dosDateTime(new Date('2025-04-01T09:30:10Z'))).toEqual({ time: (9 << 11) | (30 << 5) | 5, date: (45 << 9) | (4 << 5) | 1 });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ time: 0, date: (1 << 5) | 1 });
  });

  it('put the run date on every entry of a workbook, without changing the input', async () => {
    const when = new Date('2025-04-01T09:30:10Z');
    const bytes = await xlsxBytes({ title: 't', date: when, sheets: [{ name: 'A', columns: [], frozenRows: 0, frozenColumns: 0, rows: [['x', 1]] }] });
    const { time, date } = dosDateTime(when);
    const found = stamps(bytes);
    expect(found.length).toBeGreaterThan(10); // several parts, each in a local header and the directory
    expect(found.every(([t, d]) => t === time && d === date)).toBe(true);
    const copy = bytes.slice();
    const restamped = stampZipEntries(bytes, new Date('2030-01-01T00:00:00Z'));
    expect(bytes).toEqual(copy);
    expect(restamped).not.toEqual(bytes);
  });
});
