import { prepareAppend } from '../edge/prepare-append';
import {
  type AllReadArguments,
  type StreamReadArguments,
  allReadArguments,
  assertStream,
  momentArgument,
  streamReadArguments,
  subscriptionFromPosition,
} from '../edge/read-arguments';
import type {
  AppendResult,
  AppendWrite,
  Clock,
  EventStore,
  EventSubscription,
  ReadAllOptions,
  ReadStreamOptions,
  StreamRevision,
  SubscribeToAllOptions,
} from '../port/event-store';
import { readPageSize } from '../port/limits';
import type { RecordedEvent } from '../port/recorded-event';
import { StoreError } from '../port/store-error';
import { AllSubscription } from './all-subscription';
import { AppendSignal } from './append-signal';
import { type AppendTarget, appendTransaction } from './append-transaction';
import { type EventRow, toRecordedEvent } from './event-row';

/**
 * Synchronous storage for an in-process store (SQLite, memory). Page reads return at most
 * `limit` rows; `toPosition` bounds are inclusive.
 */
export interface EmbeddedLog extends AppendTarget {
  /** Runs `work` so that all its inserts commit together or not at all. */
  atomically<T>(work: () => T): T;
  readAllPage(fromPosition: bigint, toPosition: bigint, limit: number): readonly EventRow[];
  /** Ascending revisions ≥ fromRevision, with no position bound (the caller stops at its bound). */
  readStreamForwards(stream: string, fromRevision: bigint, limit: number): readonly EventRow[];
  /** Descending revisions ≤ fromRevision among events at or before `toPosition`. */
  readStreamBackwards(stream: string, fromRevision: bigint, toPosition: bigint, limit: number): readonly EventRow[];
  /** The last position whose recordedAt text is ≤ `recordedAt`, 0n if none. */
  positionAt(recordedAt: string): bigint;
  close(): void;
}

/** "No bound" for revisions and positions: the largest integer SQLite can store. */
const unbounded = 2n ** 63n - 1n;

/**
 * The EventStore port over an EmbeddedLog: validation, the append algorithm, paged reads and
 * subscriptions live here once, so the SQLite and in-memory adapters differ only in storage.
 * Every method body is synchronous up to its result, which is what makes appends atomic with
 * respect to each other in one process.
 */
export class EmbeddedEventStore implements EventStore {
  private readonly appended = new AppendSignal();
  private closed = false;

  constructor(
    readonly kind: string,
    private readonly log: EmbeddedLog,
    private readonly clock: Clock,
  ) {}

  async append(writes: readonly AppendWrite[]): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(writes);
    const { result, rows } = this.log.atomically(() => appendTransaction(this.log, prepared, this.clock));
    if (rows.length > 0) this.appended.notify();
    return result;
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const args = streamReadArguments(stream, options);
    return this.streamEvents(args, this.readBound(args.asOfPosition));
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const args = allReadArguments(options);
    return this.allEvents(args, this.readBound(args.asOfPosition));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    this.assertOpen();
    const fromPosition = subscriptionFromPosition(options);
    const readPage = (from: bigint, limit: number): readonly EventRow[] =>
      this.log.readAllPage(from, unbounded, limit);
    return new AllSubscription(readPage, this.appended, fromPosition, options.signal);
  }

  async positionAt(moment: Date): Promise<bigint> {
    this.assertOpen();
    return this.log.positionAt(momentArgument(moment));
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.head();
  }

  async streamRevision(stream: string): Promise<StreamRevision> {
    this.assertOpen();
    assertStream(stream);
    return this.log.streamRevision(stream);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appended.close();
    this.log.close();
  }

  /** A read sees the log as of its call: later appends are past its bound. */
  private readBound(asOfPosition: bigint | undefined): bigint {
    const head = this.head();
    return asOfPosition !== undefined && asOfPosition < head ? asOfPosition : head;
  }

  private head(): bigint {
    return this.log.lastEvent()?.position ?? 0n;
  }

  private async *streamEvents(args: StreamReadArguments, bound: bigint): AsyncGenerator<RecordedEvent> {
    const forwards = args.direction === 'forwards';
    let cursor = args.fromRevision ?? (forwards ? 0n : unbounded);
    let remaining = args.maxCount;
    while (remaining > 0 && cursor >= 0n) {
      this.assertOpen();
      const limit = Math.min(readPageSize, remaining);
      const page = forwards
        ? this.log.readStreamForwards(args.stream, cursor, limit)
        : this.log.readStreamBackwards(args.stream, cursor, bound, limit);
      for (const row of page) {
        // Forwards, positions grow with revisions: the first one past the bound ends the read.
        if (row.position > bound) return;
        yield toRecordedEvent(row);
      }
      if (page.length < limit) return;
      remaining -= page.length;
      cursor = page[page.length - 1].revision + (forwards ? 1n : -1n);
    }
  }

  private async *allEvents(args: AllReadArguments, bound: bigint): AsyncGenerator<RecordedEvent> {
    let cursor = args.fromPosition;
    let remaining = args.maxCount;
    while (remaining > 0 && cursor <= bound) {
      this.assertOpen();
      const limit = Math.min(readPageSize, remaining);
      const page = this.log.readAllPage(cursor, bound, limit);
      for (const row of page) yield toRecordedEvent(row);
      if (page.length < limit) return;
      remaining -= page.length;
      cursor = page[page.length - 1].position + 1n;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('STORE.CLOSED', 'the event store is closed');
  }
}
