// A stable hash of the resolved scenario: canonical JSON (sorted keys) of the decoded scenario
// and the zone table it resolved to, so the same inputs give the same hash on any machine, and in
// a browser: SHA-256 is our own pure TypeScript (sha256.ts), equal to node:crypto's.
import type { ResolvedScenario } from './resolved.js';
import { sha256Hex } from './sha256.js';

export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export const scenarioHash = (rs: ResolvedScenario): string =>
  `sha256:${sha256Hex(canonicalJson({ scenario: rs.scenario, zones: rs.zones }))}`;
