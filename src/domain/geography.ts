// Zones (postcode sectors or districts) and the DfE distance method.
import type { Miles } from './units.js';

/** OS national grid centroid of a postcode sector or district, metres. */
export interface Centroid {
  readonly easting: number;
  readonly northing: number;
  /** ONS lower-tier local authority code that most of the zone's postcodes fall in. */
  readonly laCode?: string;
}

export type Gazetteer = ReadonlyMap<string, Centroid>;

const METRES_PER_KM = 1000;
const KM_PER_MILE = 1.6093;

/**
 * DfE method: straight-line distance between the two centroids on the OS grid, in miles,
 * rounded to 0.1 mile as DfE publishes it.
 */
export const distanceMiles = (a: Centroid, b: Centroid): Miles => {
  const dx = a.easting - b.easting;
  const dy = a.northing - b.northing;
  return (Math.round((Math.sqrt(dx * dx + dy * dy) / METRES_PER_KM / KM_PER_MILE) * 10) / 10) as Miles;
};

export const OVER_20_MILES = 20 as Miles;

export type LocationCategory =
  | 'insideUpTo20Miles' | 'insideOver20Miles' | 'outsideUpTo20Miles' | 'outsideOver20Miles' | 'notKnown';

/** DfE location categories: inside/outside the authority's boundary × ≤ 20 / > 20 miles. */
export const locationCategory = (miles: number | undefined, inside: boolean | undefined): LocationCategory => {
  if (miles === undefined || inside === undefined || !Number.isFinite(miles)) return 'notKnown';
  const far = miles > OVER_20_MILES;
  if (inside) return far ? 'insideOver20Miles' : 'insideUpTo20Miles';
  return far ? 'outsideOver20Miles' : 'outsideUpTo20Miles';
};

/** Normalise a postcode sector or district as users type it: `me4  4` → `ME4 4`. */
export const normaliseZoneCode = (s: string): string => s.trim().toUpperCase().replace(/\s+/g, ' ');
