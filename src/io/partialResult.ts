// A partial result: what `forecast --shard K/N` and `compare --shard K/N` write, and `sufficiency
// merge` reads. One gzip'd file (`shard-K-of-N.partial.gz`) holding
//
//   line 1   `sufficiency-partial 1` (the format and its version)
//   line 2   the header, one line of JSON (PartialHeader: kind, engine version, seed, runs, years,
//            shard K/N and its replications, metric count, each scenario's name, hash, file,
//            start day and the scenario itself for the report's About section, simulated events)
//   then     the metric rows as little-endian Float64: for each scenario in header order, for each
//            replication `from` … `to`−1 in order, that replication's years × metrics numbers, exactly
//            the row the replication returned (NaN for a measure not defined that year).
//
// The rows are the replications' own numbers, not summaries, so merging them and summarising once
// gives the single run's bytes. The file holds no clock and no machine name: the same shard gives
// the same file.
import { gunzipSync, gzipSync } from 'node:zlib';
import * as t from 'io-ts';
import { E } from '../domain/fp.js';
import type { Scenario } from '../domain/scenario.js';
import type { EpochDay } from '../domain/units.js';

export const PARTIAL_FORMAT = 'sufficiency-partial';
export const PARTIAL_FORMAT_VERSION = 1;
const FIRST_LINE = `${PARTIAL_FORMAT} ${PARTIAL_FORMAT_VERSION}`;

const Int = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number');

/** Any number, typed as the `EpochDay` it was written from (a resolved scenario's start). */
const EpochDayNumber = new t.Type<EpochDay, number, unknown>(
  'number', (u): u is EpochDay => t.number.is(u), (u, c) => (t.number.is(u) ? t.success(u as EpochDay) : t.failure(u, c)), (a) => a,
);

const PartialScenarioCodec = t.type({
  name: t.string,
  hash: t.string,
  /** The scenario file as the user named it (for the report). */
  file: t.string,
  /** The first simulated day, days since 1970-01-01. */
  startEpochDay: EpochDayNumber,
  /** The resolved scenario's declared form (`rs.scenario`), for the report's and workbook's About section only; results come from the rows. */
  scenario: t.UnknownRecord,
});

const PartialHeaderCodec = t.type({
  kind: t.keyof({ forecast: null, compare: null }),
  engineVersion: t.string,
  seed: Int,
  runs: Int,
  years: Int,
  /** `--years` as typed, or null when the scenario's default was used (for the report's command line). */
  yearsOption: t.union([Int, t.null]),
  shard: t.type({ index: Int, count: Int, from: Int, to: Int }),
  metricCount: Int,
  /** The base first, then the options (compare); one scenario for a forecast. */
  scenarios: t.array(PartialScenarioCodec),
  /** Simulated events over the shard's replications, per scenario. */
  events: t.array(Int),
});

export interface PartialScenario extends Omit<t.TypeOf<typeof PartialScenarioCodec>, 'scenario'> {
  readonly scenario: Scenario;
}
export interface PartialHeader extends Omit<t.TypeOf<typeof PartialHeaderCodec>, 'scenarios'> {
  readonly scenarios: readonly PartialScenario[];
}

export interface PartialResult {
  readonly header: PartialHeader;
  /** Per scenario: (to − from) × years × metricCount numbers, replication by replication. */
  readonly rows: readonly Float64Array[];
}

/** Numbers each scenario's rows must hold. */
export const rowLength = (h: Pick<PartialHeader, 'shard' | 'years' | 'metricCount'>): number => (h.shard.to - h.shard.from) * h.years * h.metricCount;

/** The partial result as the bytes of its file. */
export const encodePartial = (p: PartialResult): Uint8Array => {
  const expected = rowLength(p.header);
  if (p.rows.length !== p.header.scenarios.length || p.rows.some((r) => r.length !== expected)) {
    throw new Error('internal: partial rows do not match the header');
  }
  const text = Buffer.from(`${FIRST_LINE}\n${JSON.stringify(p.header)}\n`, 'utf8');
  const numbers = Buffer.alloc(8 * expected * p.rows.length);
  let at = 0;
  for (const rows of p.rows) for (let i = 0; i < rows.length; i++, at += 8) numbers.writeDoubleLE(rows[i]!, at);
  return gzipSync(Buffer.concat([text, numbers]), { level: 6 });
};

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Read a partial result; Left names the file and what is wrong with it. */
export const decodePartial = (bytes: Uint8Array, file: string): E.Either<string[], PartialResult> => {
  const notOurs = (why: string): E.Either<string[], PartialResult> =>
    E.left([`${file}: expected a partial result written by sufficiency forecast/compare --shard, ${why}`]);
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch (e) {
    return notOurs(`found a file that is not gzip (${describe(e)})`);
  }
  const first = raw.indexOf(0x0a);
  const second = first < 0 ? -1 : raw.indexOf(0x0a, first + 1);
  if (second < 0) return notOurs('found no header');
  const line = raw.subarray(0, first).toString('utf8');
  const [format, version] = line.split(' ');
  if (format !== PARTIAL_FORMAT) return notOurs(`found ${JSON.stringify(line.slice(0, 40))} on its first line`);
  if (version !== String(PARTIAL_FORMAT_VERSION)) {
    return E.left([`${file}: partial result format version ${version ?? '(none)'}; this sufficiency reads version ${PARTIAL_FORMAT_VERSION} (merge with the version that wrote it)`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.subarray(first + 1, second).toString('utf8'));
  } catch (e) {
    return notOurs(`found a header that is not JSON (${describe(e)})`);
  }
  const decoded = PartialHeaderCodec.decode(json);
  if (E.isLeft(decoded)) {
    const where = decoded.left.slice(0, 5).map((err) => `$${err.context.slice(1).map((c) => (/^\d+$/.test(c.key) ? `[${c.key}]` : `.${c.key}`)).join('')}`);
    return notOurs(`found a header with unexpected values at ${[...new Set(where)].join(', ')}`);
  }
  // The scenarios were written by sufficiency from a decoded scenario; merge uses them only for the About section.
  const header = decoded.right as unknown as PartialHeader;
  const { shard } = header;
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count || shard.from > shard.to || shard.to > header.runs) {
    return notOurs(`found shard ${shard.index} of ${shard.count} with replications ${shard.from}–${shard.to} of ${header.runs}`);
  }
  if (header.events.length !== header.scenarios.length || header.scenarios.length === 0) return notOurs('found a header whose scenarios and events do not match');
  const each = rowLength(header);
  const body = raw.subarray(second + 1);
  if (body.length !== 8 * each * header.scenarios.length) {
    return notOurs(`found ${body.length} bytes of rows where its header says ${8 * each * header.scenarios.length} (a truncated or damaged file)`);
  }
  const rows = header.scenarios.map((_, s) => {
    const r = new Float64Array(each);
    for (let i = 0; i < each; i++) r[i] = body.readDoubleLE(8 * (s * each + i));
    return r;
  });
  return E.right({ header, rows });
};
