import { EmbeddedEventStore } from '../embedded/embedded-event-store';
import { type Clock, systemClock } from '../port/event-store';
import { MemoryLog } from './memory-log';

export interface InMemoryEventStoreOptions {
  /** Source of recordedAt; default real time. */
  readonly clock?: Clock;
}

/**
 * The whole store in process memory, for domain unit tests: same validation, canonical bytes,
 * idempotency and ordering as SQLite (it passes the same conformance suite), no durability.
 */
export class InMemoryEventStore extends EmbeddedEventStore {
  constructor(options: InMemoryEventStoreOptions = {}) {
    super('in-memory', new MemoryLog(), options.clock ?? systemClock);
  }
}
