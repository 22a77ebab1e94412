import type { EventMetadata, RecordedEvent } from '../port/recorded-event';
import type { JsonValue } from '../port/json';

/**
 * An event as an embedded adapter stores it: payloads as their canonical JSON text (exactly the
 * bytes that were hashed) and recordedAt as its RFC 3339 text (fixed width, so it sorts as text).
 */
export interface EventRow {
  readonly position: bigint;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAt: string;
  readonly leafHash: Buffer;
}

/** Parses afresh on every read, so no reader can alter what another reader sees. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.eventId,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    schemaVersion: row.schemaVersion,
    data: JSON.parse(row.dataJson) as JsonValue,
    metadata: JSON.parse(row.metadataJson) as EventMetadata,
    recordedAt: new Date(row.recordedAt),
    leafHash: row.leafHash,
  };
}
