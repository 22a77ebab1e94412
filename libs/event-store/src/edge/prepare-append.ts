import { CanonicalJsonError, canonicalJson } from '../canonical/canonical-json';
import type { AppendWrite, ExpectedRevision } from '../port/event-store';
import { isEventId, isEventType, isStreamName } from '../port/identifiers';
import { appendBatchSizeMax, schemaVersionMax } from '../port/limits';
import type { NewEvent } from '../port/recorded-event';
import { StoreError } from '../port/store-error';

/** An event that passed the edge: `data` and `metadata` are already their canonical JSON text. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
}

export interface PreparedWrite {
  readonly stream: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

const defaultSchemaVersion = 1;

/** Metadata keys the port names; each is a string when present. */
const stringMetadataKeys = ['actor', 'regionCode', 'correlationId', 'causationId', 'idempotencyKey'] as const;

/**
 * Validates an append request and canonicalises its payloads, all before any storage is touched,
 * so every adapter refuses the same requests with the same STORE.INVALID_EVENT. The canonical text
 * is what gets stored: a read returns exactly the bytes that were hashed.
 */
export function prepareAppend(writes: readonly AppendWrite[]): PreparedWrite[] {
  if (!Array.isArray(writes) || writes.length === 0) invalid('an append needs at least one write');
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  let eventCount = 0;
  return writes.map((write) => {
    const stream = write.stream;
    if (!isStreamName(stream)) invalid('stream name must look like category-id', { stream: String(stream) });
    if (streams.has(stream)) invalid('a stream may appear once per append; put its events in one write', { stream });
    streams.add(stream);
    assertExpectedRevision(write.expectedRevision, stream);
    if (!Array.isArray(write.events) || write.events.length === 0) invalid('a write needs at least one event', { stream });
    eventCount += write.events.length;
    if (eventCount > appendBatchSizeMax) invalid(`an append holds at most ${appendBatchSizeMax} events`, { stream });
    const events = write.events.map((event: NewEvent) => prepareEvent(event, stream));
    for (const { eventId } of events) {
      if (eventIds.has(eventId)) invalid('an eventId appears twice in one append', { stream, eventId });
      eventIds.add(eventId);
    }
    return { stream, expectedRevision: write.expectedRevision, events };
  });
}

function prepareEvent(event: NewEvent, stream: string): PreparedEvent {
  const { eventId, type } = event;
  if (!isEventId(eventId)) invalid('eventId must be a lowercase UUID', { stream, eventId: String(eventId) });
  if (!isEventType(type)) invalid('event type must be an identifier', { stream, eventId, type: String(type) });
  const schemaVersion = event.schemaVersion ?? defaultSchemaVersion;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > schemaVersionMax) {
    invalid(`schemaVersion must be an integer in 1..${schemaVersionMax}`, { stream, eventId });
  }
  const metadata = event.metadata ?? {};
  for (const key of stringMetadataKeys) {
    const value = metadata[key];
    if (value !== undefined && typeof value !== 'string') invalid(`metadata.${key} must be a string`, { stream, eventId });
  }
  return {
    eventId,
    type,
    schemaVersion,
    dataJson: canonicalPayload(event.data, 'data', stream, eventId),
    metadataJson: canonicalPayload(metadata, 'metadata', stream, eventId),
  };
}

function canonicalPayload(value: unknown, field: 'data' | 'metadata', stream: string, eventId: string): string {
  if (field === 'metadata' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    invalid('metadata must be an object', { stream, eventId });
  }
  try {
    return canonicalJson(value, { integersOnly: true });
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    return invalid(`${field} is not storable: ${error.message}`, { stream, eventId, field, path: error.path });
  }
}

function assertExpectedRevision(expected: ExpectedRevision, stream: string): void {
  const valid =
    expected === 'no_stream' ||
    expected === 'any' ||
    expected === 'stream_exists' ||
    (typeof expected === 'bigint' && expected >= 0n);
  if (!valid) invalid("expectedRevision must be 'no_stream', 'any', 'stream_exists' or a bigint ≥ 0", { stream });
}

function invalid(message: string, details: Record<string, string> = {}): never {
  throw new StoreError('STORE.INVALID_EVENT', message, details);
}
