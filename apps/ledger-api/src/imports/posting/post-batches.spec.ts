import { type AppendWrite, InMemoryEventStore } from '@ledger/event-store';
import type { StagedUnit } from '../staging/staged-ledger';
import { batchesOf, postBatches } from './post-batches';

let ids = 0;
function unit(ordinal: number, streams: string[], eventsPerStream = 1): StagedUnit {
  const writes: AppendWrite[] = streams.map((stream) => ({
    stream,
    expectedRevision: 'any',
    events: Array.from({ length: eventsPerStream }, () => ({ eventId: `00000000-0000-4000-8000-${String(ids++).padStart(12, '0')}`, type: 'Posted', data: { ordinal } })),
  }));
  return { ref: { ordinal, row: ordinal + 2, file: 'f.csv' }, writes, eventCount: streams.length * eventsPerStream };
}

describe('batching staged commands into appends', () => {
  it('groups consecutive commands on distinct streams, and starts a new append at the first shared stream', () => {
    const units = [unit(0, ['allocation-a', 'voucherbook-1']), unit(1, ['allocation-b']), unit(2, ['allocation-c', 'voucherbook-1']), unit(3, ['allocation-d'])];
    expect(batchesOf(units).map((batch) => batch.units.map((member) => member.ref.ordinal))).toEqual([[0, 1], [2, 3]]);
  });

  it(`holds at most the events it is given (${1_000} by default), a larger command alone`, () => {
    const units = [unit(0, ['a-0'], 3), unit(1, ['a-1'], 3), unit(2, ['a-2'], 5), unit(3, ['a-3'], 1)];
    expect(batchesOf(units, 6).map((batch) => batch.units.map((member) => member.ref.ordinal))).toEqual([[0, 1], [2, 3]]);
    expect(batchesOf([unit(4, ['a-4'], 8)], 6)).toHaveLength(1);
  });

  it('writes the log in exactly the order the commands were decided', async () => {
    const units = Array.from({ length: 40 }, (_, ordinal) => unit(ordinal, ordinal % 3 === 0 ? [`project-${ordinal}`, 'voucherbook-1'] : [`project-${ordinal}`]));
    const store = new InMemoryEventStore();
    const seen: number[] = [];
    const last = await postBatches(store, batchesOf(units, 7), (batch) => {
      seen.push(...batch.units.map((member) => member.ref.ordinal));
    });
    const logged: number[] = [];
    for await (const event of store.readAll()) logged.push((event.data as { ordinal: number }).ordinal);
    const decided = units.flatMap((member) => member.writes.flatMap((write) => write.events.map(() => member.ref.ordinal)));
    expect(logged).toEqual(decided);
    expect(seen).toEqual(units.map((member) => member.ref.ordinal));
    expect(last).toBe(BigInt(decided.length));
  });
});
