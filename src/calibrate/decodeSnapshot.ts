// Parsed JSON → a checked snapshot, every problem at once as `file: $.path: message`.
import { E } from '../domain/fp.js';
import { SnapshotFile, snapshotOf, type Snapshot } from '../domain/snapshot.js';
import { decodeIssues, describe, formatIssues } from '../scenario/decodeErrors.js';
import { strictIssues } from '../scenario/strictDecode.js';

/** Keys the snapshot format does not know (at the top, in the mixes, in the costs), as messages. */
export const unknownSnapshotKeys = (json: unknown, file: string): string[] =>
  formatIssues(strictIssues(SnapshotFile, json).unknown, file);

/**
 * Decode a parsed snapshot file: unknown keys, wrong types, values beyond their bounds, and mixes
 * that are neither fractions summing to 1 nor whole-number counts, all reported together. Figures
 * unusual for one authority come back in the snapshot's `warnings`.
 *
 * @example decodeSnapshot({ ...snapshot, placements: { fostering: 1 } }, 'area.json')
 * // E.left(['area.json: $.placements.fostering: unknown key "fostering": expected one of connected, …'])
 */
export const decodeSnapshot = (json: unknown, file: string): E.Either<string[], Snapshot> => {
  const strict = strictIssues(SnapshotFile, json);
  const decoded = SnapshotFile.decode(json);
  const problems = formatIssues([...strict.unknown, ...(E.isLeft(decoded) ? decodeIssues(decoded.left) : [])], file);
  if (E.isLeft(decoded)) return E.left(problems.length > 0 ? problems : [`${file}: $: does not match ${describe(SnapshotFile)}`]);
  const checked = snapshotOf(decoded.right, file);
  if (E.isLeft(checked)) return E.left([...problems, ...checked.left]);
  if (problems.length > 0) return E.left(problems);
  return E.right({ ...checked.right, warnings: formatIssues(strict.warnings, file) });
};
