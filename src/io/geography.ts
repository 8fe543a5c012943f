// The postcode gazetteer: postcode sectors (`ME4 4`) and districts (`ME4`) → OS grid centroids,
// read from the CSVs in the package's `data/geography` (see its README for provenance).
// Reading is synchronous and the result is cached per directory; a malformed file is a Left
// naming the file and line, never a throw.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E, pipe } from '../domain/fp.js';
import { normaliseZoneCode, type Centroid, type Gazetteer } from '../domain/geography.js';
import { packageRoot } from './packageRoot.js';

export const SECTORS_FILE = 'postcode-sectors.csv';
export const DISTRICTS_FILE = 'postcode-districts.csv';

const SECTORS_HEADER = 'sector,easting,northing,laCode,laShare,postcodes';
const DISTRICTS_HEADER = 'district,easting,northing,laCode,laShare,postcodes';
const COLUMNS = 6;

/** The package's `data/geography` directory (see packageRoot.ts: the same from src/, dist/ and an installed copy). */
const defaultGeographyDir = (): E.Either<string, string> =>
  pipe(packageRoot(), E.map((root) => join(root, 'data', 'geography')));

const readText = (file: string): E.Either<string, string> =>
  E.tryCatch(
    () => readFileSync(file, 'utf8'),
    (err) => `${file}: cannot read (${err instanceof Error ? err.message : String(err)})`,
  );

/** A grid coordinate in metres: a plain decimal number, not empty. */
const parseCoordinate = (s: string): number | undefined =>
  /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;

/** Parse one gazetteer CSV into `into`; the first problem found is returned as a Left. */
const parseZones = (
  file: string,
  text: string,
  header: string,
  into: Map<string, Centroid>,
): E.Either<string, void> => {
  const lines = text.split('\n');
  const first = (lines[0] ?? '').replace(/\r$/, '').replace(/^\uFEFF/, '');
  if (first !== header) {
    return E.left(`${file}:1: expected header "${header}", found "${first}"`);
  }
  for (let i = 1; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    const fields = line.split(',');
    if (fields.length !== COLUMNS) {
      return E.left(`${file}:${lineNo}: expected ${COLUMNS} comma-separated fields, found ${fields.length}`);
    }
    const [rawCode, rawEasting, rawNorthing, rawLaCode] = fields as [string, string, string, string];
    const code = normaliseZoneCode(rawCode);
    if (code === '') return E.left(`${file}:${lineNo}: empty zone code`);
    const easting = parseCoordinate(rawEasting.trim());
    if (easting === undefined) {
      return E.left(`${file}:${lineNo}: easting "${rawEasting}" for ${code} is not a number`);
    }
    const northing = parseCoordinate(rawNorthing.trim());
    if (northing === undefined) {
      return E.left(`${file}:${lineNo}: northing "${rawNorthing}" for ${code} is not a number`);
    }
    if (into.has(code)) return E.left(`${file}:${lineNo}: zone ${code} appears more than once`);
    const laCode = rawLaCode.trim();
    into.set(code, Object.freeze(laCode === '' ? { easting, northing } : { easting, northing, laCode }));
  }
  return E.right(undefined);
};

const cache = new Map<string, Gazetteer>();

const loadFrom = (dir: string): E.Either<string, Gazetteer> => {
  const cached = cache.get(dir);
  if (cached !== undefined) return E.right(cached);
  const zones = new Map<string, Centroid>();
  const load = (name: string, header: string): E.Either<string, void> => {
    const file = join(dir, name);
    return pipe(
      readText(file),
      E.chain((text) => parseZones(file, text, header, zones)),
    );
  };
  return pipe(
    load(SECTORS_FILE, SECTORS_HEADER),
    E.chain(() => load(DISTRICTS_FILE, DISTRICTS_HEADER)),
    E.map(() => {
      const gazetteer: Gazetteer = zones;
      cache.set(dir, gazetteer);
      return gazetteer;
    }),
  );
};

/**
 * Load the postcode sector and district centroids from `dir` (default: the package's
 * `data/geography`). Sector codes (`ME4 4`) and district codes (`ME4`) share one map; they
 * cannot collide because only sectors contain a space. Successful loads are cached per directory.
 */
export const loadGazetteer = (dir?: string): E.Either<string, Gazetteer> =>
  pipe(
    dir === undefined ? defaultGeographyDir() : E.right(dir),
    E.chain((d) => loadFrom(resolve(d))),
  );

/** Look up a postcode sector or district as a user typed it (`me4  4` finds `ME4 4`). */
export const lookupZone = (g: Gazetteer, code: string): Centroid | undefined => g.get(normaliseZoneCode(code));
