import { canonicalEventText } from '@ledger/event-store';
import type { Hash } from '../merkle/hashes';

/**
 * The envelope columns of `events`, read with safeIntegers, from which the canonical bytes of an
 * event are rebuilt: `data` and `metadata` are stored as the canonical text that was hashed.
 */
export interface StoredEventRow {
  readonly position: bigint;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: bigint;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAt: string;
  readonly leafHash: Hash;
}

/** `SELECT` of every StoredEventRow column; append the WHERE clause. */
export const selectStoredEvents = `
  SELECT position, event_id AS eventId, stream, revision, type, schema_version AS schemaVersion,
         data AS dataJson, metadata AS metadataJson, recorded_at AS recordedAt, leaf_hash AS leafHash
  FROM events`;

/** The canonical text of a stored event: exactly what its leaf hash covers. */
export function canonicalText(row: StoredEventRow): string {
  return canonicalEventText({
    eventId: row.eventId,
    stream: row.stream,
    revision: row.revision,
    type: row.type,
    schemaVersion: Number(row.schemaVersion),
    dataJson: row.dataJson,
    metadataJson: row.metadataJson,
    recordedAt: row.recordedAt,
  });
}
