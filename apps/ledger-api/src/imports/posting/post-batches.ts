import type { AppendWrite, EventStore } from '@ledger/event-store';
import type { StagedUnit } from '../staging/staged-ledger';

/**
 * Events in one append of an import (limits.ts: "imports batch ≤ 1,000"). One append is one
 * transaction and one fsync (≈0.8 ms here), so batching is what makes 100,000 rows take seconds.
 */
export const importAppendEventsMax = 1_000;

export interface PostBatch {
  readonly writes: readonly AppendWrite[];
  readonly units: readonly StagedUnit[];
}

/**
 * Consecutive units grouped into appends without changing the order of a single event in the
 * log: a unit joins the batch only if none of its streams is already in it (the store takes each
 * stream once per append), so the batch's events lie in exactly the order the units were decided.
 * The log after an import is the log the same commands posted one by one would have written.
 * Units on a shared stream (receipts in one voucher book) therefore go one append each: order
 * first, speed second.
 */
export function batchesOf(units: readonly StagedUnit[], eventsMax: number = importAppendEventsMax): PostBatch[] {
  const batches: PostBatch[] = [];
  let writes: AppendWrite[] = [];
  let members: StagedUnit[] = [];
  let streams = new Set<string>();
  let events = 0;
  for (const unit of units) {
    const shares = unit.writes.some((write) => streams.has(write.stream));
    if (members.length > 0 && (shares || events + unit.eventCount > eventsMax)) {
      batches.push({ writes, units: members });
      writes = [];
      members = [];
      streams = new Set();
      events = 0;
    }
    writes.push(...unit.writes);
    members.push(unit);
    for (const write of unit.writes) streams.add(write.stream);
    events += unit.eventCount;
  }
  if (members.length > 0) batches.push({ writes, units: members });
  return batches;
}

/**
 * Appends the batches in order, each with the revisions its rows were decided at. Returns the
 * position of the last event; `afterBatch` hears of every batch stored.
 */
export async function postBatches(
  store: EventStore,
  batches: readonly PostBatch[],
  afterBatch: (batch: PostBatch, lastPosition: bigint) => Promise<void> | void,
): Promise<bigint> {
  let lastPosition = 0n;
  for (const batch of batches) {
    if (batch.writes.length > 0) lastPosition = (await store.append(batch.writes)).lastPosition;
    await afterBatch(batch, lastPosition);
  }
  return lastPosition;
}
