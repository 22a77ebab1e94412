import { readPageSize } from '../port/limits';
import type { EventSubscription } from '../port/event-store';
import type { RecordedEvent } from '../port/recorded-event';
import type { AppendSignal } from './append-signal';
import { type EventRow, toRecordedEvent } from './event-row';

/** Reads up to `limit` events from `fromPosition` on, in position order. */
export type AllPageReader = (fromPosition: bigint, limit: number) => readonly EventRow[];

const done: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up and live are one loop: read the page after the last delivered position; when it is
 * empty, sleep until an append commits and read again. There is no separate live buffer to hand
 * over to, so nothing can be lost or delivered twice at the switch, and at most one page is held.
 */
export class AllSubscription implements EventSubscription {
  private page: readonly EventRow[] = [];
  private index = 0;
  private nextPosition: bigint;
  private readonly stop = new AbortController();
  // Pulls run one at a time, in call order, even if a caller does not await each next().
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPage: AllPageReader,
    private readonly appended: AppendSignal,
    fromPosition: bigint,
    signal: AbortSignal | undefined,
  ) {
    this.nextPosition = fromPosition;
    if (signal?.aborted) this.stop.abort();
    signal?.addEventListener('abort', () => this.stop.abort(), { once: true, signal: this.stop.signal });
  }

  get buffered(): number {
    return this.page.length - this.index;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    this.end();
    return done;
  }

  async close(): Promise<void> {
    this.end();
  }

  private end(): void {
    this.stop.abort();
    this.page = [];
    this.index = 0;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent, undefined>> {
    while (!this.stop.signal.aborted && !this.appended.closed) {
      if (this.index < this.page.length) {
        const row = this.page[this.index++];
        this.nextPosition = row.position + 1n;
        return { done: false, value: toRecordedEvent(row) };
      }
      this.page = this.readPage(this.nextPosition, readPageSize);
      this.index = 0;
      // No await between the empty read and registering for the next append: appends commit
      // synchronously on this thread, so none can slip in between and go unnoticed.
      if (this.page.length === 0) await this.appended.nextAppend(this.stop.signal);
    }
    this.end();
    return done;
  }
}
