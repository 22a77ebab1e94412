import type { EmbeddedLog } from '../embedded/embedded-event-store';
import type { EventRow } from '../embedded/event-row';
import type { StreamRevision } from '../port/event-store';
import { storeInvariant } from '../port/store-error';

/**
 * The log in arrays: `rows[position - 1]` and, per stream, `stream[revision]`. Atomicity is
 * check-then-commit: the append algorithm decides everything first and `insert` only pushes,
 * all within one synchronous call that nothing else can interleave with.
 */
export class MemoryLog implements EmbeddedLog {
  private readonly rows: EventRow[] = [];
  private readonly byEventId = new Map<string, EventRow>();
  private readonly streams = new Map<string, EventRow[]>();

  atomically<T>(work: () => T): T {
    return work();
  }

  storedEvents(eventIds: readonly string[]): ReadonlyMap<string, EventRow> {
    const found = new Map<string, EventRow>();
    for (const eventId of eventIds) {
      const row = this.byEventId.get(eventId);
      if (row !== undefined) found.set(eventId, row);
    }
    return found;
  }

  streamRevision(stream: string): StreamRevision {
    const events = this.streams.get(stream);
    return events === undefined ? 'no_stream' : BigInt(events.length - 1);
  }

  lastEvent(): EventRow | undefined {
    return this.rows.at(-1);
  }

  insert(rows: readonly EventRow[]): void {
    for (const row of rows) {
      storeInvariant(row.position === BigInt(this.rows.length + 1), `position ${row.position} would leave a gap`);
      const events = this.streams.get(row.stream) ?? [];
      storeInvariant(row.revision === BigInt(events.length), `revision ${row.revision} of ${row.stream} is out of order`);
      this.rows.push(row);
      this.byEventId.set(row.eventId, row);
      events.push(row);
      this.streams.set(row.stream, events);
    }
  }

  readAllPage(fromPosition: bigint, toPosition: bigint, limit: number): readonly EventRow[] {
    const start = Math.max(Number(fromPosition) - 1, 0);
    const end = Math.min(Number(toPosition), start + limit);
    return this.rows.slice(start, end).map(copy);
  }

  readStreamForwards(stream: string, fromRevision: bigint, limit: number): readonly EventRow[] {
    const events = this.streams.get(stream) ?? [];
    const start = Number(fromRevision);
    return events.slice(start, start + limit).map(copy);
  }

  readStreamBackwards(stream: string, fromRevision: bigint, toPosition: bigint, limit: number): readonly EventRow[] {
    const events = this.streams.get(stream) ?? [];
    const top = Math.min(Number(fromRevision), lastIndexWhere(events, (row) => row.position <= toPosition));
    return events
      .slice(Math.max(top - limit + 1, 0), top + 1)
      .reverse()
      .map(copy);
  }

  positionAt(recordedAt: string): bigint {
    return BigInt(lastIndexWhere(this.rows, (row) => row.recordedAt <= recordedAt) + 1);
  }

  close(): void {
    // Nothing to release: the arrays go with the store.
  }
}

/** Readers get their own hash buffer, so none can alter the stored one. */
function copy(row: EventRow): EventRow {
  return { ...row, leafHash: Buffer.from(row.leafHash) };
}

/** Binary search for a predicate that holds on a prefix of `items`: the last index where it holds, or -1. */
function lastIndexWhere<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
