import type { EventStore, EventSubscription } from '../src/port/event-store';
import { readPageSize } from '../src/port/limits';
import { type ConformanceFactory, collect, events, freshStore, sleep } from './fixture';

/** subscribeToAll: catch-up then live, in order, exactly once per subscription, pull-driven. */
export function subscriptionConformance(factory: ConformanceFactory): void {
  const store = freshStore(factory);
  describe('delivery', () => deliveryConformance(store));
  describe('ending', () => endingConformance(store));
}

/** Appends `count` events to `stream`, a page per append. */
async function fill(target: EventStore, count: number, stream = 'allocation-a'): Promise<void> {
  for (let done = 0; done < count; done += readPageSize) {
    await target.append([{ stream, expectedRevision: 'any', events: events(Math.min(readPageSize, count - done)) }]);
  }
}

function deliveryConformance(store: () => EventStore): void {
  it('hands over from catch-up to live without losing or repeating an event', async () => {
    const caughtUp = readPageSize * 2 + 500;
    await fill(store(), caughtUp);
    const subscription = store().subscribeToAll();
    const received: bigint[] = [];
    let liveAppends: Promise<unknown> | undefined;
    for await (const event of subscription) {
      received.push(event.position);
      // While catching up: appends land behind the subscriber's read position.
      if (received.length === 10) await fill(store(), 300, 'project-b');
      // Caught up: appends arrive while the subscriber waits for them.
      if (received.length === caughtUp + 300) liveAppends = appendLater(store(), 5);
      if (received.length === caughtUp + 300 + 5 * 3) break;
    }
    await liveAppends;
    const expected = Array.from({ length: caughtUp + 315 }, (_, index) => BigInt(index + 1));
    expect(received).toEqual(expected);
  });

  it('starts at fromPosition, so a subscriber resumes after its checkpoint', async () => {
    await fill(store(), 20);
    const checkpoint = 12n;
    const subscription = store().subscribeToAll({ fromPosition: checkpoint + 1n });
    const first = await subscription.next();
    expect(first.done === false && first.value.position).toBe(13n);
    await subscription.close();
  });

  it('keeps at most one page ahead of a slow consumer', async () => {
    await fill(store(), readPageSize * 3);
    const subscription = store().subscribeToAll();
    let maxBuffered = 0;
    let count = 0;
    for await (const event of subscription) {
      maxBuffered = Math.max(maxBuffered, subscription.buffered);
      count += 1;
      if (count <= 5) await sleep(20);
      // A writer keeps appending while the consumer lags: the feed must not grow with it.
      if (count % 500 === 0 && count < readPageSize * 3) await fill(store(), 1_000, 'project-b');
      if (event.position === BigInt(readPageSize * 3 + 5_000)) break;
    }
    expect(count).toBe(readPageSize * 3 + 5_000);
    expect(maxBuffered).toBeLessThanOrEqual(readPageSize);
  });


  it('serves several subscribers independently', async () => {
    await fill(store(), 50);
    const [a, b] = [store().subscribeToAll(), store().subscribeToAll({ fromPosition: 40n })];
    const firstOfA = await a.next();
    const firstOfB = await b.next();
    expect(firstOfA.done === false && firstOfA.value.position).toBe(1n);
    expect(firstOfB.done === false && firstOfB.value.position).toBe(40n);
    await Promise.all([a.close(), b.close()]);
  });
}

function endingConformance(store: () => EventStore): void {
  it('ends a pending next() when closed, and delivers nothing after', async () => {
    await fill(store(), 1);
    const subscription = store().subscribeToAll();
    expect((await subscription.next()).done).toBe(false);
    const pending = subscription.next();
    await sleep(5);
    await subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    await fill(store(), 1);
    expect((await subscription.next()).done).toBe(true);
  });

  it('ends with return(), as a for-await break does', async () => {
    const subscription = store().subscribeToAll();
    const pending = subscription.next();
    await subscription.return?.();
    expect((await pending).done).toBe(true);
  });

  it('ends when its AbortSignal aborts, or at once if it already has', async () => {
    const controller = new AbortController();
    const subscription = store().subscribeToAll({ signal: controller.signal });
    const pending = subscription.next();
    controller.abort();
    expect((await pending).done).toBe(true);
    expect(await collect(store().subscribeToAll({ signal: AbortSignal.abort() }))).toEqual([]);
  });

  it('ends when the store closes', async () => {
    const subscription: EventSubscription = store().subscribeToAll();
    const pending = subscription.next();
    await sleep(5);
    await store().close();
    expect((await pending).done).toBe(true);
  });

}

/** Five appends of three events, each after a pause, so the subscriber is waiting for them. */
async function appendLater(store: EventStore, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await sleep(2);
    await store.append([{ stream: `project-live${index}`, expectedRevision: 'no_stream', events: events(3) }]);
  }
}
