// The postcode gazetteer as the explorer carries it: scripts/build-explorer.mjs reads
// data/geography/*.csv at build time and embeds them in this compact form (one string, about
// half the size of the CSVs); the worker turns it back into the same Gazetteer map the CLI loads
// with src/io/geography.ts, in the same order and with the same values.
import type { Centroid, Gazetteer } from '../domain/geography.js';

/**
 * Zones as `code,easting,northing,la` joined by `;`: `code` already normalised (`ME4 4`), the
 * coordinates as written in the CSV, `la` an index into `laCodes` or empty when the CSV has none.
 * Sectors first, then districts, each in file order.
 */
export interface CompactGazetteer {
  readonly laCodes: readonly string[];
  readonly zones: string;
}

export const gazetteerFromCompact = (c: CompactGazetteer): Gazetteer => {
  const map = new Map<string, Centroid>();
  for (const entry of c.zones.split(';')) {
    if (entry === '') continue;
    const [code, easting, northing, la] = entry.split(',') as [string, string, string, string];
    const laCode = la === '' ? undefined : c.laCodes[Number(la)];
    map.set(code, Object.freeze(laCode === undefined ? { easting: Number(easting), northing: Number(northing) } : { easting: Number(easting), northing: Number(northing), laCode }));
  }
  return map;
};
