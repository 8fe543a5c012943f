// Parsed JSON → a checked snapshot, every problem at once as `file: $.path: message`.
import { E } from '../domain/fp.js';
import { SnapshotFile, snapshotOf, unknownSnapshotKeys, type Snapshot } from '../domain/snapshot.js';
import { decodeWith } from '../scenario/decodeErrors.js';

/**
 * Decode a parsed snapshot file: unknown keys, wrong types and out-of-range values, and mixes
 * that are neither fractions summing to 1 nor whole-number counts, all reported together.
 *
 * @example decodeSnapshot({ ...snapshot, placements: { fostering: 1 } }, 'area.json')
 * // E.left(['area.json: $.placements.fostering: key not allowed: expected PlacementType (one of connected, …), found "fostering"'])
 */
export const decodeSnapshot = (json: unknown, file: string): E.Either<string[], Snapshot> => {
  const unknown = unknownSnapshotKeys(json, file);
  const decoded = decodeWith(SnapshotFile, json, file);
  if (E.isLeft(decoded)) return E.left([...unknown, ...decoded.left]);
  const checked = snapshotOf(decoded.right, file);
  if (E.isLeft(checked)) return E.left([...unknown, ...checked.left]);
  return unknown.length > 0 ? E.left(unknown) : checked;
};
