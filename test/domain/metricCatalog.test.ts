// The sufficiency gap table's ids, as the report codes against them.
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, NEEDS } from '../../src/domain/vocabulary.js';
import { METRICS, metricIndex } from '../../src/domain/metricCatalog.js';

describe('segment metrics', () => {
  it.each(['shortfallsBySegment', 'placementSearchesBySegment', 'suitableVacanciesBySegment', 'placesBySegment'])(
    '%s: one count per age band × need, in the order AGE_BANDS × NEEDS, with a description',
    (name) => {
      const keys = AGE_BANDS.flatMap((b) => NEEDS.map((n) => `${name}.${b}.${n}`));
      const at = keys.map(metricIndex);
      expect(at).toEqual(at.map((_, i) => at[0]! + i));
      for (const i of at) {
        expect(METRICS[i]!.unit).toBe('count');
        expect(METRICS[i]!.description.length).toBeGreaterThan(20);
      }
    },
  );
});
