import { describe, expect, it } from 'vitest';
import type { ChildAtAsAt } from '../../../src/calibrate/ssda903/childrenAtAsAt.js';
import { authorityLaCodes, distance, zoneOf } from '../../../src/calibrate/ssda903/distance.js';
import type { Gazetteer } from '../../../src/domain/geography.js';

const g: Gazetteer = new Map([
  ['ME4 4', { easting: 576_000, northing: 168_000, laCode: 'E06000035' }],
  ['ME4', { easting: 576_500, northing: 168_500, laCode: 'E06000035' }],
  ['ME1 1', { easting: 579_000, northing: 172_000, laCode: 'E06000035' }],
  ['TN1 1', { easting: 558_608, northing: 139_673, laCode: 'E07000116' }],
]);
const child = (homePost: string | undefined, plPost: string | undefined, placementType: ChildAtAsAt['placementType'] = 'ifa'): ChildAtAsAt => ({
  child: 'x', ageBand: '10to15', need: 'standard', placementType, homePost, plPost, yearsInCare: 1, startKnown: true, placementsInYear: 1,
});

describe('zoneOf', () => {
  it('looks a 903 postcode up as a sector, then as its district', () => {
    expect(zoneOf(g, 'me4 4')?.code).toBe('ME4 4');
    expect(zoneOf(g, 'ME4 9')?.code).toBe('ME4');
    expect(zoneOf(g, 'ME4 4XY')?.code).toBe('ME4 4');
    expect(zoneOf(g, 'ZZ9 9')).toBeUndefined();
  });
});

describe('distance (DfE method)', () => {
  it('3 km by 4 km is 3.1 miles; blank and unknown postcodes are "not known", never an error', () => {
    const d = distance([child('ME4 4', 'ME1 1'), child('ME4 4', 'TN1 1', 'residentialPrivate'), child(undefined, 'ME1 1'), child('ME4 4', 'ZZ9 9'), child('ME4 4', 'ME4 4')], g);
    expect(d.known).toBe(3);
    expect(d.notKnown).toEqual({ blankPostcode: 1, unknownPostcode: 1 });
    expect(d.unknownPostcodes).toEqual(['ZZ9 9']);
    expect(d.medianMiles).toBe(3.1);
    expect(d.placedOver20Miles).toBeCloseTo(1 / 3, 12);
    expect(d.bins).toEqual({ '0-5': 2, '5-10': 0, '10-20': 0, '20-50': 1, '50-100': 0, over100: 0 });
    expect(d.locationCategories).toEqual({ insideUpTo20Miles: 2, insideOver20Miles: 0, outsideUpTo20Miles: 0, outsideOver20Miles: 1, notKnown: 2 });
    expect(d.byPlacementType).toEqual({ ifa: { known: 2, over20Miles: 0 }, residentialPrivate: { known: 1, over20Miles: 1 } });
    expect(d.laCodes).toEqual(['E06000035']);
  });
  it('the authority is the commonest home LA unless given', () => {
    expect(authorityLaCodes([child('TN1 1', 'ME4 4'), child('ME4 4', 'ME4 4'), child('ME4 4', 'ME4 4')], g)).toEqual(['E06000035']);
    expect(distance([child('ME4 4', 'TN1 1')], g, ['E07000116']).locationCategories.insideOver20Miles).toBe(1);
  });
  it('nothing known: no share, no median', () => {
    expect(distance([child(undefined, undefined)], g)).toMatchObject({ known: 0, placedOver20Miles: undefined, medianMiles: undefined });
  });
});
