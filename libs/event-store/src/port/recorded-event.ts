import type { JsonObject, JsonValue } from './json';

/**
 * Who and why, carried beside the facts. The named keys are typed; other keys are allowed (any
 * JSON without floats) so later issues can add their own without changing the store.
 * Unset keys are omitted, never null.
 */
export interface EventMetadata extends JsonObject {
  /** The authenticated user or system that caused the event, e.g. `user:513336-0042`. */
  readonly actor?: string;
  /** Administrative division code (GB/T 2260) of the office that recorded it. */
  readonly regionCode?: string;
  readonly correlationId?: string;
  /** The eventId or command id that directly caused this event. */
  readonly causationId?: string;
  readonly idempotencyKey?: string;
}

/** An event to append. The writer chooses `eventId` (a UUID) so that a retry is recognisable. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  /** Version of the `data` shape for this `type`; defaults to 1. */
  readonly schemaVersion?: number;
  readonly data: JsonValue;
  readonly metadata?: EventMetadata;
}

/** An event as stored: the envelope every reader sees. */
export interface RecordedEvent {
  readonly eventId: string;
  readonly stream: string;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  /** 1-based, gap-free position in the global log. */
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonValue;
  /** `{}` when the writer gave none. */
  readonly metadata: EventMetadata;
  /** From the store's clock at append; never earlier than the event before it in the log. */
  readonly recordedAt: Date;
  /** SHA-256(0x00 ‖ canonical bytes): the RFC 9162 Merkle leaf hash of this event, 32 bytes. */
  readonly leafHash: Buffer;
}
