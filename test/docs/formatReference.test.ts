import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CarerPool, Scenario } from '../../src/domain/scenario.js';
import { LEVER_NAMES } from '../../src/domain/lever.js';
import {
  SCENARIO_FORMAT_END, SCENARIO_FORMAT_START, replaceBetweenMarkers, scenarioFormatReference, staleFieldDocs,
  textBetweenMarkers, undescribedTypes, undocumentedFields,
} from '../../src/docs/formatReference.js';

const README = fileURLToPath(new URL('../../docs/scenario-format.md', import.meta.url));
const readme = existsSync(README) ? readFileSync(README, 'utf8') : undefined;

const keysOf = (parts: readonly { readonly props: Record<string, unknown> }[]): string[] => parts.flatMap((p) => Object.keys(p.props));

describe('scenarioFormatReference', () => {
  const ref = scenarioFormatReference();

  it('has a meaning for every field and no meaning for a field that does not exist', () => {
    // A new codec field needs a line in FIELD_DOCS; a renamed or removed one needs its line moved or removed.
    expect(undocumentedFields()).toEqual([]);
    expect(staleFieldDocs()).toEqual([]);
    expect(undescribedTypes()).toEqual([]);
  });

  it('has a row for every top-level key of Scenario and every CarerPool field', () => {
    const top = keysOf(Scenario.types);
    expect(top).toContain('carers');
    for (const key of top) expect(ref).toContain(`| \`${key}\` |`);
    expect(ref).toContain('### CarerPool');
    const pool = keysOf(CarerPool.types);
    expect(pool).toContain('ageRange');
    for (const key of pool) expect(ref).toContain(`| \`carers[].${key}\` |`);
  });

  it('renders unions, vocabularies, brands and inline sub-objects readably', () => {
    expect(ref).toContain('| `carers[].places` | whole number from 1 to 100; a warning above 20, or [CountDistribution](#value-types) `{"1": 0.6, "2": 0.4}` | yes |');
    expect(ref).toContain('| `costs.weekly` | object: [PlacementType](#vocabulary) → number from 0 to 200,000; a warning above 25,000 | yes |');
    expect(ref).toContain('| `disruption.multipliers.over20Miles` | number from 0 to 100; a warning above 10 | yes |');
    expect(ref).toContain('| `geography.zones.*.easting` | number from 0 to 700,000 | yes |');
    expect(ref).toContain('| `disruption.escalationToComplex` | number from 0 to 1 | yes |');
    expect(ref).toContain('| `carers[].recruitment` | object, fields below | no |');
    expect(ref).toContain('| FallbackStep | `relaxNeeds`, `spot`, `unregistered` |');
  });

  it('renders a union told apart by a literal field as an overview and one section per kind', () => {
    expect(ref).toContain('| `levers` | list of [Lever](#lever) | no |');
    expect(ref).toContain('### Lever\n');
    expect(ref).toContain('| `lever` | meaning |');
    for (const name of LEVER_NAMES) {
      expect(ref).toContain(`| [\`${name}\`](#lever-${name.toLowerCase()}) |`);
      expect(ref).toContain(`### Lever: ${name}\n`);
      expect(ref).toContain(`| \`levers[${name}].lever\` | \`"${name}"\` | yes |`);
    }
    expect(ref).toContain('| `levers[recruitInHouse].householdsPerYear` | number from 0 to 10,000; a warning above 300 | yes |');
    expect(ref).toContain('| `levers[market].from` | financial year as text, e.g. `2024/25` (1 April 2024 to 31 March 2025) | yes |');
    expect(ref).toContain('| `levers[market].priceChanges` | object: [PlacementType](#vocabulary) → number above −1 (−0.1 = 10% cheaper, 0.08 = 8% dearer) | no |');
    expect(ref).not.toContain('levers[].');
  });

  it('lists every plausible bound once, with its reason, its warning level and the fields it holds for', () => {
    const bounds = ref.slice(ref.indexOf('### Plausible bounds'), ref.indexOf('### Vocabulary'));
    expect(bounds).toContain('| refused | because | warning above | because | fields |');
    expect(bounds).toContain('| above 50,000 | more than every approved fostering household in England, about 44,000: a typing slip? | 2,000 | more than any one authority has; fine for a regional or national market, and runs take longer | `carers[].households` |');
    expect(bounds).toContain('| outside 0–700,000 | outside the Ordnance Survey national grid, whose eastings run 0–700,000 m |  |  | `geography.zones.*.easting` |');
    expect(bounds).toMatch(/\| above 52 \| [^|]+ \| 12 \| [^|]+ \| `exits\.hazards\.\*\[\]\.perYear`, `carers\[\]\.deregistration\.perYear`, `disruption\.base\.\*\.\*`/);
    // Each bound is one row: no reason appears twice.
    const reasons = bounds.split('\n').filter((l) => l.startsWith('| above') || l.startsWith('| outside')).map((l) => l.split(' | ')[1]);
    expect(new Set(reasons).size).toBe(reasons.length);
  });

  it('starts and ends with a line break so the markers stay on lines of their own', () => {
    expect(ref.startsWith('\n')).toBe(true);
    expect(ref.endsWith('\n')).toBe(true);
    expect(scenarioFormatReference()).toBe(ref); // same input, same bytes
  });
});

describe('replaceBetweenMarkers', () => {
  const doc = 'intro\n<!-- s -->\nold\n<!-- e -->\noutro <!-- e -->\n';

  it('replaces only the text between the first start marker and the next end marker', () => {
    expect(replaceBetweenMarkers(doc, '<!-- s -->', '<!-- e -->', '\nnew\n')).toBe('intro\n<!-- s -->\nnew\n<!-- e -->\noutro <!-- e -->\n');
    expect(textBetweenMarkers(doc, '<!-- s -->', '<!-- e -->')).toBe('\nold\n');
  });

  it('is idempotent', () => {
    const once = replaceBetweenMarkers(doc, '<!-- s -->', '<!-- e -->', '\nnew\n') ?? '';
    expect(replaceBetweenMarkers(once, '<!-- s -->', '<!-- e -->', '\nnew\n')).toBe(once);
  });

  it('returns undefined when a marker is missing or the end marker comes first', () => {
    expect(replaceBetweenMarkers('no markers', '<!-- s -->', '<!-- e -->', 'x')).toBeUndefined();
    expect(replaceBetweenMarkers('<!-- s --> only start', '<!-- s -->', '<!-- e -->', 'x')).toBeUndefined();
    expect(replaceBetweenMarkers('only end <!-- e -->', '<!-- s -->', '<!-- e -->', 'x')).toBeUndefined();
    expect(replaceBetweenMarkers('<!-- e --> then <!-- s -->', '<!-- s -->', '<!-- e -->', 'x')).toBeUndefined();
    expect(textBetweenMarkers('no markers', '<!-- s -->', '<!-- e -->')).toBeUndefined();
  });
});

describe('docs/scenario-format.md', () => {
  // Never skipped: a page without its markers, or with a stale reference, fails.
  it('holds the generated scenario format reference between its markers', () => {
    expect(readme, 'docs/scenario-format.md not found').toBeDefined();
    const between = textBetweenMarkers(readme ?? '', SCENARIO_FORMAT_START, SCENARIO_FORMAT_END);
    expect(between, `docs/scenario-format.md needs ${SCENARIO_FORMAT_START} followed by ${SCENARIO_FORMAT_END}`).toBeDefined();
    expect(between, 'docs/scenario-format.md is out of date: run `npm run docs -- --quick`').toBe(scenarioFormatReference());
  });
});
