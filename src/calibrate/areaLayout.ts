// Where an authority's children come from and where its carers and homes are: the home zones
// (real postcode sectors), their centroid, and rings of real English postcode sectors at set
// distances from it — the layout the Medway baseline was given by hand, computed from the
// gazetteer passed in as a value.
import { E } from '../domain/fp.js';
import { distanceMiles, normaliseZoneCode, type Centroid, type Gazetteer } from '../domain/geography.js';

/**
 * With no `homeZones`, the snapshot is laid out on Derby (ONS E06000015): a mid-sized unitary
 * English city near the middle of England, so every ring around it is English land. It stands in
 * for "a generic area"; say so in the scenario, and give real home zones when you have them.
 */
export const GENERIC_AREA = { laCode: 'E06000015', name: 'Derby (E06000015), standing in for a generic English urban area' } as const;

/** A ring of sectors between two distances (miles) from the centroid of the home zones. */
export interface Ring {
  readonly fromMiles: number;
  readonly toMiles: number;
  readonly zones: readonly string[];
}

export interface AreaLayout {
  /** Postcode sector → weight (equal weights: the gazetteer holds no population). */
  readonly homeZones: Readonly<Record<string, number>>;
  /** ONS codes of the home zones' local authorities: placements in them count as inside the boundary. */
  readonly laCodes: readonly string[];
  readonly centroid: Centroid;
  /** Sectors up to 12 miles from the centroid that are not home zones. */
  readonly near: Ring;
  /** Rings beyond 20 miles: 28–40, 40–60 and 60–90 miles. */
  readonly far: readonly [Ring, Ring, Ring];
  /** In words, for the scenario's sources. */
  readonly description: string;
  readonly generic: boolean;
}

export const NEAR_RING = { fromMiles: 0, toMiles: 12 } as const;
export const FAR_RINGS = [
  { fromMiles: 28, toMiles: 40 }, { fromMiles: 40, toMiles: 60 }, { fromMiles: 60, toMiles: 90 },
] as const;
/** Sectors taken from each ring (evenly spaced by distance, so the choice is deterministic). */
export const SECTORS_PER_RING = 12;

const isSector = (code: string): boolean => code.includes(' ');
const isEnglish = (c: Centroid): boolean => c.laCode !== undefined && c.laCode.startsWith('E');

/** Sectors of a postcode district (`ME4` → `ME4 3`, `ME4 4`, …), in code order. */
const sectorsOfDistrict = (g: Gazetteer, district: string): string[] => {
  const prefix = `${district} `;
  const out: string[] = [];
  for (const code of g.keys()) if (code.startsWith(prefix)) out.push(code);
  return out.sort();
};

/** Home zone codes (sectors or districts) → sectors, or messages naming `$.homeZones[i]`. */
export const homeSectors = (codes: readonly string[], g: Gazetteer, file: string): E.Either<string[], string[]> => {
  const problems: string[] = [];
  const sectors: string[] = [];
  codes.forEach((raw, i) => {
    const code = normaliseZoneCode(raw);
    const known = g.get(code);
    if (isSector(code)) {
      if (known === undefined) problems.push(`${file}: $.homeZones[${i}]: expected a UK postcode sector (e.g. "ME4 4") or district (e.g. "ME4"), found ${JSON.stringify(raw)}`);
      else sectors.push(code);
      return;
    }
    const inDistrict = sectorsOfDistrict(g, code);
    if (inDistrict.length > 0) sectors.push(...inDistrict);
    else if (known !== undefined) sectors.push(code);
    else problems.push(`${file}: $.homeZones[${i}]: expected a UK postcode sector (e.g. "ME4 4") or district (e.g. "ME4"), found ${JSON.stringify(raw)}`);
  });
  return problems.length > 0 ? E.left(problems) : E.right([...new Set(sectors)]);
};

/** `count` items spread evenly through `sorted` (the middle of each of `count` equal slices). */
export const evenlySpaced = <A>(sorted: readonly A[], count: number): A[] => {
  if (sorted.length <= count) return [...sorted];
  return Array.from({ length: count }, (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / count)]!);
};

const ringAround = (
  centre: Centroid, candidates: readonly { code: string; miles: number }[], fromMiles: number, toMiles: number, exclude: ReadonlySet<string>,
): Ring => ({
  fromMiles, toMiles,
  zones: evenlySpaced(candidates.filter((c) => c.miles > fromMiles && c.miles <= toMiles && !exclude.has(c.code)), SECTORS_PER_RING).map((c) => c.code),
});

/**
 * Lay out an area: home zones (given, or the generic area), their centroid, and rings of English
 * postcode sectors around it. A Left names every home zone the gazetteer does not know.
 *
 * @example layoutArea(['ME1', 'ME4 4'], gazetteer, 'medway.json') // home zones ME1 1, ME1 2, …, ME4 4
 */
export const layoutArea = (
  codes: readonly string[] | undefined, g: Gazetteer, file: string,
): E.Either<string[], AreaLayout> => {
  const generic = codes === undefined;
  const sectors = generic
    ? E.right([...g.entries()].filter(([code, c]) => isSector(code) && c.laCode === GENERIC_AREA.laCode).map(([code]) => code).sort())
    : homeSectors(codes, g, file);
  if (E.isLeft(sectors)) return sectors;
  const homes = sectors.right;
  if (homes.length === 0) return E.left([`${file}: $.homeZones: the generic area ${GENERIC_AREA.laCode} has no sectors in the gazetteer`]);
  const points = homes.map((h) => g.get(h)!);
  const centroid: Centroid = {
    easting: points.reduce((s, p) => s + p.easting, 0) / points.length,
    northing: points.reduce((s, p) => s + p.northing, 0) / points.length,
  };
  const laCodes = [...new Set(points.map((p) => p.laCode).filter((c): c is string => c !== undefined))].sort();
  const exclude = new Set(homes);
  const candidates = [...g.entries()]
    .filter(([code, c]) => isSector(code) && isEnglish(c))
    .map(([code, c]) => ({ code, miles: distanceMiles(centroid, c) }))
    .filter((c) => c.miles <= FAR_RINGS[2].toMiles)
    .sort((a, b) => a.miles - b.miles || (a.code < b.code ? -1 : 1));
  const near = ringAround(centroid, candidates, NEAR_RING.fromMiles, NEAR_RING.toMiles, exclude);
  const far = FAR_RINGS.map((r) => ringAround(centroid, candidates, r.fromMiles, r.toMiles, exclude)) as unknown as [Ring, Ring, Ring];
  const missing = [near, ...far].filter((r) => r.zones.length === 0);
  if (missing.length > 0) {
    return E.left([`${file}: $.homeZones: no English postcode sectors ${missing.map((r) => `${r.fromMiles}–${r.toMiles}`).join(', ')} miles from the home zones' centre to place carers in`]);
  }
  const homeZones = Object.fromEntries(homes.map((h) => [h, 1]));
  const description = generic
    ? `${homes.length} postcode sectors of ${GENERIC_AREA.name} (the snapshot gives no homeZones)`
    : `${homes.length} postcode sectors from the snapshot's homeZones (${codes.join(', ')})`;
  return E.right({ homeZones, laCodes, centroid, near, far, description, generic });
};
