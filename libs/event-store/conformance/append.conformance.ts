import type { AppendResult, EventStore } from '../src/port/event-store';
import { type ConformanceFactory, anEvent, collect, events, expectStoreError, freshStore } from './fixture';

/** Optimistic concurrency, multi-stream atomicity and gap-free positions. */
export function appendConformance(factory: ConformanceFactory): void {
  const store = freshStore(factory);
  describe('expected revision', () => expectedRevisionConformance(store));
  describe('concurrent appenders', () => concurrencyConformance(store));
  describe('multi-stream atomicity', () => atomicityConformance(store));
  describe('positions and closing', () => positionConformance(store));
}

function expectedRevisionConformance(store: () => EventStore): void {
  it("'no_stream' creates a stream and refuses an existing one", async () => {
    const first = await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(2) }]);
    expect(first.events.map((event) => [event.revision, event.position])).toEqual([
      [0n, 1n],
      [1n, 2n],
    ]);
    const error = await expectStoreError(
      store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(1) }]),
      'STORE.REVISION_CONFLICT',
    );
    expect(error.details).toEqual({ stream: 'allocation-a', expected: 'no_stream', actual: '1' });
  });

  it("'stream_exists' refuses a stream with no event and accepts one with events", async () => {
    const error = await expectStoreError(
      store().append([{ stream: 'allocation-a', expectedRevision: 'stream_exists', events: events(1) }]),
      'STORE.REVISION_CONFLICT',
    );
    expect(error.details).toEqual({ stream: 'allocation-a', expected: 'stream_exists', actual: 'no_stream' });
    await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(1) }]);
    const result = await store().append([{ stream: 'allocation-a', expectedRevision: 'stream_exists', events: events(1) }]);
    expect(result.events[0].revision).toBe(1n);
  });

  it('a bigint must equal the revision of the last event', async () => {
    await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(1) }]);
    await store().append([{ stream: 'allocation-a', expectedRevision: 0n, events: events(1) }]);
    const error = await expectStoreError(
      store().append([{ stream: 'allocation-a', expectedRevision: 0n, events: events(1) }]),
      'STORE.REVISION_CONFLICT',
    );
    expect(error.details).toEqual({ stream: 'allocation-a', expected: '0', actual: '1' });
    await expectStoreError(
      store().append([{ stream: 'allocation-b', expectedRevision: 0n, events: events(1) }]),
      'STORE.REVISION_CONFLICT',
    );
    expect(await store().streamRevision('allocation-a')).toBe(1n);
  });

  it("'any' appends whatever the stream holds", async () => {
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: events(1) }]);
    const result = await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: events(1) }]);
    expect(result.events[0].revision).toBe(1n);
  });

  it('streamRevision answers in a shape that can be passed back as the expected revision', async () => {
    expect(await store().streamRevision('allocation-a')).toBe('no_stream');
    await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(3) }]);
    const revision = await store().streamRevision('allocation-a');
    expect(revision).toBe(2n);
    await store().append([{ stream: 'allocation-a', expectedRevision: revision, events: events(1) }]);
  });

}

function concurrencyConformance(store: () => EventStore): void {
  it('of concurrent appenders expecting the same revision, exactly one wins', async () => {
    await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(1) }]);
    const attempts = Array.from({ length: 10 }, () =>
      store().append([{ stream: 'allocation-a', expectedRevision: 0n, events: events(2) }]),
    );
    const outcomes = await Promise.allSettled(attempts);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'STORE.REVISION_CONFLICT' });
    }
    expect(await collect(store().readStream('allocation-a'))).toHaveLength(3);
    expect(await store().headPosition()).toBe(3n);
  });

  it("of two concurrent creators ('no_stream'), exactly one wins", async () => {
    const outcomes = await Promise.allSettled([
      store().append([{ stream: 'project-x', expectedRevision: 'no_stream', events: events(1) }]),
      store().append([{ stream: 'project-x', expectedRevision: 'no_stream', events: events(1) }]),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
}

function atomicityConformance(store: () => EventStore): void {
  it('appends to several streams in one call, positions in request order', async () => {
    const result = await store().append([
      { stream: 'allocation-a', expectedRevision: 'no_stream', events: events(2) },
      { stream: 'project-b', expectedRevision: 'no_stream', events: events(1) },
    ]);
    expect(result.events.map(({ stream, revision, position }) => [stream, revision, position])).toEqual([
      ['allocation-a', 0n, 1n],
      ['allocation-a', 1n, 2n],
      ['project-b', 0n, 3n],
    ]);
    expect(result.lastPosition).toBe(3n);
    expect(result.replayed).toBe(false);
  });

  it('a conflict on one stream writes nothing to any stream and consumes no position', async () => {
    await store().append([{ stream: 'project-b', expectedRevision: 'no_stream', events: events(1) }]);
    await expectStoreError(
      store().append([
        { stream: 'allocation-a', expectedRevision: 'no_stream', events: events(2) },
        { stream: 'project-b', expectedRevision: 'no_stream', events: events(1) },
      ]),
      'STORE.REVISION_CONFLICT',
    );
    expect(await store().streamRevision('allocation-a')).toBe('no_stream');
    expect(await store().streamRevision('project-b')).toBe(0n);
    expect(await store().headPosition()).toBe(1n);
    const next = await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: events(1) }]);
    expect(next.events[0].position).toBe(2n);
  });

  it('an invalid event in one write writes nothing at all', async () => {
    await expectStoreError(
      store().append([
        { stream: 'allocation-a', expectedRevision: 'no_stream', events: events(1) },
        { stream: 'project-b', expectedRevision: 'no_stream', events: [anEvent({ amount: 1.5 })] },
      ]),
      'STORE.INVALID_EVENT',
    );
    expect(await store().headPosition()).toBe(0n);
  });

  it('refuses a stream named twice in one append (its events belong in one write)', async () => {
    await expectStoreError(
      store().append([
        { stream: 'allocation-a', expectedRevision: 'any', events: events(1) },
        { stream: 'allocation-a', expectedRevision: 'any', events: events(1) },
      ]),
      'STORE.INVALID_EVENT',
    );
  });
}

function positionConformance(store: () => EventStore): void {
  it('stay gap-free and strictly increasing under many parallel appenders', async () => {
    const appenders = 40;
    const results = await Promise.all(
      Array.from({ length: appenders }, (_, index) =>
        store().append([
          { stream: `allocation-${index}`, expectedRevision: 'no_stream', events: events(3) },
          { stream: `project-${index}`, expectedRevision: 'no_stream', events: events(2) },
        ]),
      ),
    );
    const all = await collect(store().readAll());
    expect(all.map((event) => event.position)).toEqual(Array.from({ length: appenders * 5 }, (_, index) => BigInt(index + 1)));
    for (const result of results) expectContiguous(result);
    expect(await store().headPosition()).toBe(BigInt(appenders * 5));
  });

  it('start at 1 and the head of an empty log is 0', async () => {
    expect(await store().headPosition()).toBe(0n);
    const result = await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: events(1) }]);
    expect(result.lastPosition).toBe(1n);
  });

  it('refuses every call with STORE.CLOSED once closed', async () => {
    await store().close();
    await expectStoreError(store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: events(1) }]), 'STORE.CLOSED');
    await expectStoreError(store().headPosition(), 'STORE.CLOSED');
    await expectStoreError(() => store().readAll(), 'STORE.CLOSED');
    await expectStoreError(() => store().subscribeToAll(), 'STORE.CLOSED');
    await store().close();
  });
}

/** One append's events occupy consecutive positions: nothing interleaved with them. */
function expectContiguous(result: AppendResult): void {
  const positions = result.events.map((event) => event.position);
  positions.forEach((position, index) => expect(position).toBe(positions[0] + BigInt(index)));
  expect(result.lastPosition).toBe(positions[positions.length - 1]);
}
