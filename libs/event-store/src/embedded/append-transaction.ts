import { canonicalEventLeafHash, formatRecordedAt } from '../canonical/canonical-event';
import type { PreparedWrite } from '../edge/prepare-append';
import type { AppendResult, AppendedEvent, Clock, ExpectedRevision, StreamRevision } from '../port/event-store';
import { StoreError, storeInvariant } from '../port/store-error';
import type { EventRow } from './event-row';

/** What the append algorithm needs from storage; every call happens inside one atomic section. */
export interface AppendTarget {
  /** The stored events among these ids (a map keyed by eventId). */
  storedEvents(eventIds: readonly string[]): ReadonlyMap<string, EventRow>;
  streamRevision(stream: string): StreamRevision;
  /** The event at the head of the log, undefined for an empty log. */
  lastEvent(): Pick<EventRow, 'position' | 'recordedAt'> | undefined;
  insert(rows: readonly EventRow[]): void;
}

export interface AppendOutcome {
  readonly result: AppendResult;
  /** What was inserted: empty for a replay. */
  readonly rows: readonly EventRow[];
}

/**
 * The append algorithm shared by the embedded adapters; the caller runs it atomically. It decides
 * everything (idempotency, every expected revision) before inserting anything, so a refusal
 * leaves storage untouched and consumes no position.
 */
export function appendTransaction(target: AppendTarget, writes: readonly PreparedWrite[], clock: Clock): AppendOutcome {
  const stored = target.storedEvents(writes.flatMap((write) => write.events.map((event) => event.eventId)));
  if (stored.size > 0) return { result: replay(writes, stored), rows: [] };
  const revisions = writes.map((write) => checkedRevision(write, target.streamRevision(write.stream)));
  const last = target.lastEvent();
  const recordedAt = nextRecordedAt(clock, last?.recordedAt);
  let position = last?.position ?? 0n;
  const rows: EventRow[] = [];
  writes.forEach((write, index) => {
    let revision = revisions[index];
    for (const { eventId, type, schemaVersion, dataJson, metadataJson } of write.events) {
      position += 1n;
      revision += 1n;
      const stream = write.stream;
      const parts = { eventId, stream, revision, type, schemaVersion, dataJson, metadataJson, recordedAt };
      rows.push({ ...parts, position, leafHash: canonicalEventLeafHash(parts) });
    }
  });
  target.insert(rows);
  return { result: resultOf(rows, false), rows };
}

/** Every event already stored identically: return where they went the first time. */
function replay(writes: readonly PreparedWrite[], stored: ReadonlyMap<string, EventRow>): AppendResult {
  const originals: EventRow[] = [];
  for (const write of writes) {
    for (const event of write.events) {
      const original = stored.get(event.eventId);
      if (original === undefined) continue;
      const identical =
        original.stream === write.stream &&
        original.type === event.type &&
        original.schemaVersion === event.schemaVersion &&
        original.dataJson === event.dataJson &&
        original.metadataJson === event.metadataJson;
      if (!identical) reused('eventId is already stored with other content', event.eventId, original.stream);
      originals.push(original);
    }
  }
  const total = writes.reduce((count, write) => count + write.events.length, 0);
  if (originals.length < total) {
    reused('append mixes already stored events with new ones', originals[0].eventId, originals[0].stream);
  }
  return resultOf(originals, true);
}

/** The stream's revision before this write, -1n for a new stream; refuses a mismatch. */
function checkedRevision(write: PreparedWrite, actual: StreamRevision): bigint {
  if (!satisfies(write.expectedRevision, actual)) {
    throw new StoreError('STORE.REVISION_CONFLICT', `stream ${write.stream} is not at the expected revision`, {
      stream: write.stream,
      expected: String(write.expectedRevision),
      actual: String(actual),
    });
  }
  return actual === 'no_stream' ? -1n : actual;
}

function satisfies(expected: ExpectedRevision, actual: StreamRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

/** The clock's time, or the previous event's if the clock stepped back: never decreasing. */
function nextRecordedAt(clock: Clock, previous: string | undefined): string {
  const now = formatRecordedAt(clock());
  return previous !== undefined && previous > now ? previous : now;
}

function resultOf(rows: readonly EventRow[], replayed: boolean): AppendResult {
  storeInvariant(rows.length > 0, 'an append result covers at least one event');
  const events: AppendedEvent[] = rows.map(({ eventId, stream, revision, position }) => ({ eventId, stream, revision, position }));
  const lastPosition = rows.reduce((max, row) => (row.position > max ? row.position : max), 0n);
  return { events, lastPosition, replayed };
}

function reused(message: string, eventId: string, stream: string): never {
  throw new StoreError('STORE.EVENT_ID_REUSED', message, { eventId, stream });
}
