import { beforeAll, describe, expect, it } from 'vitest';
import { FAR_RINGS, GENERIC_AREA, NEAR_RING, SECTORS_PER_RING, evenlySpaced, layoutArea, type AreaLayout } from '../../src/calibrate/areaLayout.js';
import { zoneWeights } from '../../src/calibrate/buildScenario.js';
import { E } from '../../src/domain/fp.js';
import { distanceMiles, type Gazetteer } from '../../src/domain/geography.js';
import { loadGazetteer } from '../../src/io/geography.js';

let g: Gazetteer;
beforeAll(() => {
  const r = loadGazetteer();
  if (E.isLeft(r)) throw new Error(r.left);
  g = r.right;
});

const layout = (codes: string[] | undefined): AreaLayout => {
  const r = layoutArea(codes, g, 'snap.json');
  if (E.isLeft(r)) throw new Error(r.left.join('\n'));
  return r.right;
};

describe('layoutArea', () => {
  it('expands districts to their sectors and keeps sectors as given', () => {
    const a = layout(['me4', 'ME5 8']);
    const homes = Object.keys(a.homeZones);
    expect(homes).toContain('ME5 8');
    expect(homes.filter((h) => h.startsWith('ME4 ')).length).toBeGreaterThan(3);
    expect(homes.every((h) => h.startsWith('ME4 ') || h === 'ME5 8')).toBe(true);
    expect(a.laCodes).toContain('E06000035');
  });

  it('lays rings of real English sectors at the stated distances from the home zones\' centre, deterministically', () => {
    const a = layout(['ME1', 'ME2', 'ME4', 'ME5', 'ME7', 'ME8']);
    const rings = [{ ...NEAR_RING, zones: a.near.zones }, ...FAR_RINGS.map((r, i) => ({ ...r, zones: a.far[i]!.zones }))];
    for (const ring of rings) {
      expect(ring.zones.length).toBe(SECTORS_PER_RING);
      for (const z of ring.zones) {
        const c = g.get(z)!;
        expect(c.laCode!.startsWith('E')).toBe(true);
        const miles = distanceMiles(a.centroid, c);
        expect(miles).toBeGreaterThan(ring.fromMiles);
        expect(miles).toBeLessThanOrEqual(ring.toMiles);
        expect(a.homeZones[z]).toBeUndefined();
      }
    }
    expect(layout(['ME1', 'ME2', 'ME4', 'ME5', 'ME7', 'ME8'])).toEqual(a);
  });

  it('with no home zones, uses the generic area and says so', () => {
    const a = layout(undefined);
    expect(a.generic).toBe(true);
    expect(a.laCodes).toEqual([GENERIC_AREA.laCode]);
    expect(a.description).toContain('Derby');
  });

  it('names every unknown home zone by its path', () => {
    const r = layoutArea(['ME4', 'ZZ99 9', 'QQ1'], g, 'snap.json');
    expect(r).toEqual(E.left([
      'snap.json: $.homeZones[1]: expected a UK postcode sector (e.g. "ME4 4") or district (e.g. "ME4"), found "ZZ99 9"',
      'snap.json: $.homeZones[2]: expected a UK postcode sector (e.g. "ME4 4") or district (e.g. "ME4"), found "QQ1"',
    ]));
  });
});

describe('zoneWeights', () => {
  it('puts the far share of weight beyond 20 miles, and uses no more zones than households expected', () => {
    const a = layout(['ME4']);
    const far = new Set(a.far.flatMap((r) => r.zones));
    for (const share of [0, 0.1, 0.33, 0.9]) {
      const w = zoneWeights(a, share);
      const total = Object.values(w).reduce((s, x) => s + x, 0);
      const beyond = Object.entries(w).filter(([z]) => far.has(z)).reduce((s, [, x]) => s + x, 0);
      expect(beyond / total).toBeCloseTo(share, 4);
    }
    // 4 households, 10% far: home 1.8 → 2 zones, near ring 2, each far ring 1 (no group spread thinner than its households).
    expect(Object.keys(zoneWeights(a, 0.1, 4)).length).toBe(7);
    expect(Object.keys(zoneWeights(a, 0.1)).length).toBeGreaterThan(20);
  });

  it('evenlySpaced takes the middle of equal slices', () => {
    expect(evenlySpaced([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2)).toEqual([2, 7]);
    expect(evenlySpaced([1, 2], 5)).toEqual([1, 2]);
  });
});
