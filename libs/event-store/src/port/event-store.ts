import type { NewEvent, RecordedEvent } from './recorded-event';

/**
 * What a write expects of its stream before it appends:
 * - `'no_stream'`: the stream has no event yet (creating an aggregate);
 * - `'stream_exists'`: it has at least one event;
 * - `'any'`: no check (only for streams with a single logical writer);
 * - a bigint: the revision of the stream's last event (what a command handler read).
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** A stream's current revision, shaped so it can be passed back as an ExpectedRevision. */
export type StreamRevision = 'no_stream' | bigint;

export interface AppendWrite {
  readonly stream: string;
  readonly expectedRevision: ExpectedRevision;
  /** At least one; they get consecutive revisions and positions in this order. */
  readonly events: readonly NewEvent[];
}

export interface AppendedEvent {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
}

export interface AppendResult {
  /** One entry per event, in request order (writes in order, events in order within a write). */
  readonly events: readonly AppendedEvent[];
  /** The greatest position among `events`. */
  readonly lastPosition: bigint;
  /** True when every event was already stored identically, so nothing was written (a retry). */
  readonly replayed: boolean;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision returned (inclusive). Default: 0n forwards, the last revision backwards. */
  readonly fromRevision?: bigint;
  readonly direction?: ReadDirection;
  /** Stop after this many events. Default: no limit. */
  readonly maxCount?: number;
  /** Only events at or before this global position: the stream as it was then. */
  readonly asOfPosition?: bigint;
}

export interface ReadAllOptions {
  /** First position returned (inclusive). Default 1n. */
  readonly fromPosition?: bigint;
  readonly maxCount?: number;
  /** Only events at or before this position. */
  readonly asOfPosition?: bigint;
}

export interface SubscribeToAllOptions {
  /**
   * First position delivered (inclusive), default 1n. A subscriber that has processed up to its
   * checkpoint resumes with `checkpoint + 1n`.
   */
  readonly fromPosition?: bigint;
  /** Aborting ends the subscription, like `return()`. */
  readonly signal?: AbortSignal;
}

/**
 * A catch-up-then-live feed of the global log. The consumer pulls (`for await`); the store reads
 * the next page only when the consumer has taken the previous one, so a slow consumer slows the
 * feed instead of growing a buffer. Delivery within one subscription is exactly once and in
 * position order; across restarts it is at-least-once (the consumer's checkpoint decides).
 */
export interface EventSubscription extends AsyncIterableIterator<RecordedEvent> {
  /** Ends the subscription: a pending `next()` resolves `done`. Same as `return()`. */
  close(): Promise<void>;
  /** Events read from the store and not yet delivered; never more than `readPageSize`. */
  readonly buffered: number;
}

/**
 * The port every event-store adapter implements: an append-only log of
 * events in streams. There is no method to change or remove an event, by design.
 *
 * Reads (`readStream`, `readAll`) see the log as it was when they were called (later appends are
 * not included; follow them with `subscribeToAll`) and fetch it in pages of `readPageSize`.
 *
 * Cross-stream atomicity: one `append` may write several streams (money moves between
 * aggregates: an allocation funds a project) and either every write lands or none does, and a
 * refused append consumes no position. How each adapter provides it:
 * - SQLite: one `BEGIN IMMEDIATE` transaction on the single writer connection, which checks every
 *   expected revision and inserts every event before `COMMIT`;
 * - in-memory: the append runs synchronously (no `await` inside), checks everything, then
 *   commits by pushing the events, so no other call can interleave;
 * - KurrentDB (future): its multi-stream append (`multiStreamAppend`, v25+), or on older servers
 *   a transaction-log stream that is the single write target and is fanned out to streams;
 * - PostgreSQL (future): one transaction that locks the log head (`SELECT … FOR UPDATE` on a
 *   head row, or SERIALIZABLE) so positions stay gap-free and revision checks are exact.
 *
 * Idempotency: an event whose `eventId` is already stored with identical content (stream, type,
 * schemaVersion, data, metadata) is recognised. If every event of an append is already stored
 * identically, the append is a no-op returning the original positions (`replayed: true`); the
 * expected revisions are not checked again, as they were checked when the events were first
 * written. Any other overlap (same id with different content, or an append mixing stored and new
 * events) is STORE.EVENT_ID_REUSED and writes nothing: a retried command repeats its whole batch,
 * so a partial overlap means two different commands chose one id.
 */
export interface EventStore {
  /** Which adapter this is ('sqlite', 'in-memory', …), for health checks and logs. */
  readonly kind: string;

  /**
   * Appends atomically to one or more streams (each stream at most once per call).
   * Refusals: STORE.REVISION_CONFLICT (details: stream, expected, actual), STORE.EVENT_ID_REUSED,
   * STORE.INVALID_EVENT. A refused append writes nothing.
   */
  append(writes: readonly AppendWrite[]): Promise<AppendResult>;

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;

  /**
   * The last position recorded at or before `moment`, 0n if none: turns "as of 2019-04-01 12:00"
   * into a log prefix for `asOfPosition`. Exact because recordedAt never decreases along positions.
   */
  positionAt(moment: Date): Promise<bigint>;

  /** The position of the last event, 0n for an empty log. */
  headPosition(): Promise<bigint>;

  streamRevision(stream: string): Promise<StreamRevision>;

  /** Ends every subscription and releases the storage; later calls fail with STORE.CLOSED. */
  close(): Promise<void>;
}

/** The store's source of time. Injected so tests can step it (even backwards). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
