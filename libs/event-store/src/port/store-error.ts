/**
 * Every code the event store refuses with, in one place. Callers (command handlers, the HTTP error
 * table) match on these strings: never rename one.
 */
export const storeErrorCodes = [
  /** An expected revision did not match; nothing was written. */
  'STORE.REVISION_CONFLICT',
  /** An eventId is already stored with other content, or a batch mixes stored and new events. */
  'STORE.EVENT_ID_REUSED',
  /** An append request is malformed: bad id, stream name, type, float in data, empty write … */
  'STORE.INVALID_EVENT',
  /** A read argument is malformed: negative revision, bad stream name, invalid Date … */
  'STORE.INVALID_ARGUMENT',
  /** The store was closed. */
  'STORE.CLOSED',
] as const;

export type StoreErrorCode = (typeof storeErrorCodes)[number];

/** An expected refusal by the store. `details` values are strings so they survive JSON (bigints do not). */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A state the store's own code should make impossible: a bug or a tampered file, never input. */
export class StoreInvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInvariantViolation';
  }
}

export function storeInvariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new StoreInvariantViolation(message);
}
