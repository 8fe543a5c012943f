// Distance from home of the children in care at the snapshot, by the DfE method: straight-line
// distance between the HOME_POST and PL_POST centroids on the OS grid, in miles to 0.1
// (src/domain/geography.ts). A postcode is looked up as a sector (`ME4 4`), then as its district
// (`ME4`). A blank postcode or one the gazetteer does not know puts the child in the DfE "not
// known" category and is reported; it is never an error. Inside / outside the authority: the
// placement's local authority (ONS code of its zone) among the authority's codes, which are given
// or else the most common code among the children's home postcodes.
import { distanceMiles, locationCategory, OVER_20_MILES, type Centroid, type Gazetteer, type LocationCategory } from '../../domain/geography.js';
import { normalisePostcode } from '../../domain/ssda903.js';
import type { PlacementType } from '../../domain/vocabulary.js';
import type { ChildAtAsAt } from './childrenAtAsAt.js';

export const DISTANCE_BINS: readonly { readonly label: string; readonly upTo: number }[] = [
  { label: '0-5', upTo: 5 }, { label: '5-10', upTo: 10 }, { label: '10-20', upTo: 20 },
  { label: '20-50', upTo: 50 }, { label: '50-100', upTo: 100 }, { label: 'over100', upTo: Number.POSITIVE_INFINITY },
];

export interface DistanceEstimate {
  readonly children: number;
  /** Children with both postcodes found in the gazetteer. */
  readonly known: number;
  readonly notKnown: { readonly blankPostcode: number; readonly unknownPostcode: number };
  /** Postcodes not in the gazetteer, distinct and sorted (for the report). */
  readonly unknownPostcodes: readonly string[];
  /** Children by distance band (miles; each band includes its upper limit). */
  readonly bins: Readonly<Record<string, number>>;
  /** DfE location categories (inside / outside the boundary × ≤ 20 / > 20 miles, not known). */
  readonly locationCategories: Readonly<Record<LocationCategory, number>>;
  /** Share of children with a known distance placed more than 20 miles from home. */
  readonly placedOver20Miles: number | undefined;
  /** The middle known distance (mean of the two middle ones for an even count), miles. */
  readonly medianMiles: number | undefined;
  readonly byPlacementType: Readonly<Partial<Record<PlacementType, { readonly known: number; readonly over20Miles: number }>>>;
  /** The authority's ONS codes used for inside / outside. */
  readonly laCodes: readonly string[];
}

/** A 903 partial postcode → its centroid: the sector if known, else its district. */
export const zoneOf = (g: Gazetteer, postcode: string): { code: string; centroid: Centroid } | undefined => {
  const code = normalisePostcode(postcode);
  const sector = g.get(code);
  if (sector !== undefined) return { code, centroid: sector };
  const district = code.split(' ')[0]!;
  const d = g.get(district);
  return d === undefined ? undefined : { code: district, centroid: d };
};

/** The most common ONS code among the home postcodes (ties: the smaller code). */
export const authorityLaCodes = (children: readonly ChildAtAsAt[], g: Gazetteer): string[] => {
  const n = new Map<string, number>();
  for (const c of children) {
    const la = c.homePost === undefined ? undefined : zoneOf(g, c.homePost)?.centroid.laCode;
    if (la !== undefined) n.set(la, (n.get(la) ?? 0) + 1);
  }
  const best = [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best === undefined ? [] : [best[0]];
};

export const distance = (children: readonly ChildAtAsAt[], g: Gazetteer, laCodes?: readonly string[]): DistanceEstimate => {
  const codes = laCodes ?? authorityLaCodes(children, g);
  const bins: Record<string, number> = Object.fromEntries(DISTANCE_BINS.map((b) => [b.label, 0]));
  const locationCategories: Record<LocationCategory, number> = { insideUpTo20Miles: 0, insideOver20Miles: 0, outsideUpTo20Miles: 0, outsideOver20Miles: 0, notKnown: 0 };
  const byPlacementType: Partial<Record<PlacementType, { known: number; over20Miles: number }>> = {};
  const unknown = new Set<string>();
  const miles: number[] = [];
  let blank = 0;
  let unknownPostcode = 0;
  for (const c of children) {
    if (c.homePost === undefined || c.plPost === undefined) {
      blank++;
      locationCategories.notKnown++;
      continue;
    }
    const home = zoneOf(g, c.homePost);
    const placed = zoneOf(g, c.plPost);
    if (home === undefined || placed === undefined) {
      if (home === undefined) unknown.add(c.homePost);
      if (placed === undefined) unknown.add(c.plPost);
      unknownPostcode++;
      locationCategories.notKnown++;
      continue;
    }
    const d = distanceMiles(home.centroid, placed.centroid);
    miles.push(d);
    bins[DISTANCE_BINS.find((b) => d <= b.upTo)!.label]!++;
    const la = placed.centroid.laCode;
    locationCategories[locationCategory(d, la === undefined ? undefined : codes.includes(la))]++;
    const t = (byPlacementType[c.placementType] ??= { known: 0, over20Miles: 0 });
    t.known++;
    if (d > OVER_20_MILES) t.over20Miles++;
  }
  miles.sort((a, b) => a - b);
  const k = miles.length;
  const over = miles.filter((d) => d > OVER_20_MILES).length;
  const median = k === 0 ? undefined : k % 2 === 1 ? miles[(k - 1) / 2]! : (miles[k / 2 - 1]! + miles[k / 2]!) / 2;
  return {
    children: children.length, known: k, notKnown: { blankPostcode: blank, unknownPostcode },
    unknownPostcodes: [...unknown].sort(), bins, locationCategories,
    placedOver20Miles: k > 0 ? over / k : undefined, medianMiles: median, byPlacementType, laCodes: [...codes],
  };
};
