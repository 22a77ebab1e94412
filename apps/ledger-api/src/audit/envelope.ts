import type { EventMetadata, JsonValue, RecordedEvent } from '@ledger/event-store';

/**
 * An event as the audit routes show it. Two kinds of time, never to be confused: `recordedAt` is
 * when the ledger recorded the event (an instant, UTC with milliseconds, set by the ledger's clock,
 * covered by the leaf hash); the dates inside `data` (`paidOn`, `allocatedOn`, `on` …) are business
 * dates (`YYYY-MM-DD`, what the bureau says happened, in China's calendar). "As of" always means
 * recording time: what the ledger knew then.
 */
export interface AuditEnvelope {
  /** 1-based position in the global log; its leaf index is position − 1. */
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
}

export function envelopeOf(event: RecordedEvent): AuditEnvelope {
  return {
    position: Number(event.position),
    eventId: event.eventId,
    stream: event.stream,
    revision: Number(event.revision),
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  };
}

/** The canonical members of a leaf (RFC 8785 text, `revision` a decimal string), as stored and hashed. */
interface CanonicalMembers {
  readonly data: JsonValue;
  readonly eventId: string;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
  readonly revision: string;
  readonly schemaVersion: number;
  readonly stream: string;
  readonly type: string;
}

/** The envelope read back from a leaf's canonical text: exactly what the leaf hash covers, plus its position. */
export function envelopeOfCanonical(index: bigint, canonical: string): AuditEnvelope {
  const members = JSON.parse(canonical) as CanonicalMembers;
  return {
    position: Number(index + 1n),
    eventId: members.eventId,
    stream: members.stream,
    revision: Number(members.revision),
    type: members.type,
    schemaVersion: members.schemaVersion,
    recordedAt: members.recordedAt,
    data: members.data,
    metadata: members.metadata,
  };
}
