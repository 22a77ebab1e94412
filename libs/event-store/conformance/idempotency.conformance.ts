import type { EventStore } from '../src/port/event-store';
import type { NewEvent } from '../src/port/recorded-event';
import { type ConformanceFactory, anEvent, collect, expectStoreError, freshStore } from './fixture';

/** Retried appends: same ids, same content → same positions; anything else refused. */
export function idempotencyConformance(factory: ConformanceFactory): void {
  const store = freshStore(factory);
  describe('replay', () => replayConformance(store));
  describe('reuse', () => reuseConformance(store));
}

const allocation = (): NewEvent => anEvent({ amount: '1200.00', fundType: 'central' }, 'AllocationRecorded', { actor: 'user:1' });

function replayConformance(store: () => EventStore): void {
  it('re-appending identical events is a no-op returning the original positions', async () => {
    const batch = [allocation(), allocation()];
    const funding = [anEvent({ amount: '1200.00' }, 'ProjectFunded')];
    const writes = [
      { stream: 'allocation-a', expectedRevision: 'no_stream' as const, events: batch },
      { stream: 'project-b', expectedRevision: 'no_stream' as const, events: funding },
    ];
    const first = await store().append(writes);
    await store().append([{ stream: 'allocation-c', expectedRevision: 'no_stream', events: [allocation()] }]);
    // The expected revisions are stale now; a replay is recognised before they are checked.
    const retry = await store().append(writes);
    expect(retry.events).toEqual(first.events);
    expect(retry.lastPosition).toBe(first.lastPosition);
    expect(retry.replayed).toBe(true);
    expect(await store().headPosition()).toBe(4n);
  });

  it('recognises identical content whatever the key order or unset keys', async () => {
    const event = anEvent({ b: '1', a: { y: 2, x: 1 }, unset: undefined }, 'Tested', { actor: 'user:1' });
    const first = await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [event] }]);
    const reordered = { ...event, data: { a: { x: 1, y: 2 }, b: '1' }, schemaVersion: 1 };
    const retry = await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [reordered] }]);
    expect(retry.events).toEqual(first.events);
    expect(retry.replayed).toBe(true);
  });

}

function reuseConformance(store: () => EventStore): void {
  it.each([
    ['data', (event: NewEvent): NewEvent => ({ ...event, data: { amount: '1300.00', fundType: 'central' } })],
    ['type', (event: NewEvent): NewEvent => ({ ...event, type: 'AllocationAmended' })],
    ['metadata', (event: NewEvent): NewEvent => ({ ...event, metadata: { actor: 'user:2' } })],
    ['schemaVersion', (event: NewEvent): NewEvent => ({ ...event, schemaVersion: 2 })],
  ])('refuses an eventId reused with other %s, writing nothing', async (_, change) => {
    const event = allocation();
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [event] }]);
    const error = await expectStoreError(
      store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [change(event)] }]),
      'STORE.EVENT_ID_REUSED',
    );
    expect(error.details).toEqual({ eventId: event.eventId, stream: 'allocation-a' });
    expect(await store().headPosition()).toBe(1n);
  });

  it('refuses an eventId reused on another stream', async () => {
    const event = allocation();
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [event] }]);
    await expectStoreError(
      store().append([{ stream: 'allocation-b', expectedRevision: 'any', events: [event] }]),
      'STORE.EVENT_ID_REUSED',
    );
    expect(await store().streamRevision('allocation-b')).toBe('no_stream');
  });

  it('refuses an append that mixes stored events with new ones, writing nothing', async () => {
    const stored = allocation();
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [stored] }]);
    await expectStoreError(
      store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [stored, allocation()] }]),
      'STORE.EVENT_ID_REUSED',
    );
    expect(await collect(store().readAll())).toHaveLength(1);
  });

  it('refuses one eventId twice in the same append', async () => {
    const event = allocation();
    await expectStoreError(
      store().append([
        { stream: 'allocation-a', expectedRevision: 'any', events: [event] },
        { stream: 'project-b', expectedRevision: 'any', events: [event] },
      ]),
      'STORE.INVALID_EVENT',
    );
  });
}
