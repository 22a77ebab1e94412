import { createHash } from 'node:crypto';
import { canonicalEventBytes } from '../src/canonical/canonical-event';
import { canonicalJson } from '../src/canonical/canonical-json';
import type { AppendWrite, EventStore } from '../src/port/event-store';
import type { NewEvent } from '../src/port/recorded-event';
import { type ConformanceFactory, anEvent, collect, expectStoreError, freshStore, steppedClock, withStore } from './fixture';

/** What a stored event looks like, what the edge refuses, and the leaf hash. */
export function envelopeConformance(factory: ConformanceFactory): void {
  const store = freshStore(factory);
  describe('shape and leaf hash', () => shapeConformance(store));
  describe('recordedAt', () => clockConformance(factory));
  describe('refusals', () => refusalConformance(store));
  describe('immutability', () => immutabilityConformance(store));
}

function shapeConformance(store: () => EventStore): void {
  it('returns the full envelope, with defaults for schemaVersion and metadata', async () => {
    const event = anEvent({ amount: '5.00', lines: [{ no: 1, note: null }], unset: undefined }, 'FundsReceived');
    await store().append([{ stream: 'allocation-a', expectedRevision: 'no_stream', events: [event] }]);
    const [recorded] = await collect(store().readStream('allocation-a'));
    expect(recorded).toEqual({
      eventId: event.eventId,
      stream: 'allocation-a',
      revision: 0n,
      position: 1n,
      type: 'FundsReceived',
      schemaVersion: 1,
      data: { amount: '5.00', lines: [{ no: 1, note: null }] },
      metadata: {},
      recordedAt: expect.any(Date),
      leafHash: expect.any(Buffer),
    });
    expect(recorded.leafHash).toHaveLength(32);
  });

  it('keeps metadata and an explicit schemaVersion', async () => {
    const metadata = { actor: 'user:513336-0042', regionCode: '513336', correlationId: 'c-1', causationId: 'c-0', idempotencyKey: 'k', extra: { n: 1 } };
    const event: NewEvent = { ...anEvent({}, 'Tested', metadata), schemaVersion: 3 };
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [event] }]);
    const [recorded] = await collect(store().readAll());
    expect(recorded.metadata).toEqual(metadata);
    expect(recorded.schemaVersion).toBe(3);
  });

  it('stores a leaf hash equal to SHA-256(0x00 ‖ canonical bytes) recomputed from the read envelope', async () => {
    const metadata = { actor: 'user:1', regionCode: '513336' };
    await store().append([
      { stream: 'allocation-a', expectedRevision: 'any', events: [anEvent({ z: '中文', a: [1, -2, 0] }, 'Tested', metadata)] },
      { stream: 'project-b', expectedRevision: 'any', events: [anEvent({ text: 'quote " backslash \\ tab \t €😀' })] },
    ]);
    for (const recorded of await collect(store().readAll())) {
      const bytes = canonicalEventBytes(recorded);
      const expected = createHash('sha256').update(Buffer.from([0x00])).update(bytes).digest();
      expect(recorded.leafHash).toEqual(expected);
      // The bytes are JCS of exactly the eight members, independently of canonicalEventBytes.
      const { eventId, stream, revision, type, schemaVersion, data, recordedAt } = recorded;
      const members = { eventId, stream, type, schemaVersion, data, metadata: recorded.metadata };
      expect(bytes.toString('utf8')).toBe(
        canonicalJson({ ...members, revision: revision.toString(), recordedAt: recordedAt.toISOString() }),
      );
    }
  });

}

function clockConformance(factory: ConformanceFactory): void {
  it('takes recordedAt from the injected clock, to the millisecond', async () => {
    const clock = steppedClock(new Date('2019-04-01T12:00:00.123Z'));
    await withStore(factory, { clock }, async (clocked) => {
      await clocked.append([{ stream: 'allocation-a', expectedRevision: 'any', events: [anEvent()] }]);
      const [recorded] = await collect(clocked.readAll());
      expect(recorded.recordedAt.toISOString()).toBe('2019-04-01T12:00:00.123Z');
    });
  });

  it('never lets recordedAt go backwards along positions, even when the clock does', async () => {
    const clock = steppedClock(new Date('2019-04-01T12:00:00.000Z'));
    await withStore(factory, { clock }, async (clocked) => {
      const append = () => clocked.append([{ stream: 'allocation-a', expectedRevision: 'any', events: [anEvent()] }]);
      await append();
      clock.set(new Date('2019-04-01T11:00:00.000Z'));
      await append();
      clock.set(new Date('2019-04-01T12:00:01.000Z'));
      await append();
      const times = (await collect(clocked.readAll())).map((event) => event.recordedAt.toISOString());
      expect(times).toEqual(['2019-04-01T12:00:00.000Z', '2019-04-01T12:00:00.000Z', '2019-04-01T12:00:01.000Z']);
    });
  });

}

function refusalConformance(store: () => EventStore): void {
  it.each([
    ['a float in data', { amount: 1.5 }],
    ['a float deep in data', { lines: [{ qty: 1 }, { qty: 0.1 }] }],
    ['an integer beyond 2^53', { big: 2 ** 53 }],
    ['NaN', { value: Number.NaN }],
    ['Infinity', { value: Number.POSITIVE_INFINITY }],
  ])('refuses %s with STORE.INVALID_EVENT', async (_, data) => {
    const error = await expectStoreError(
      store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [anEvent(data)] }]),
      'STORE.INVALID_EVENT',
    );
    expect(error.details.field).toBe('data');
    expect(await store().headPosition()).toBe(0n);
  });

  it('refuses a float in metadata', async () => {
    const event = anEvent({}, 'Tested', { actor: 'user:1', weight: 0.5 });
    await expectStoreError(store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [event] }]), 'STORE.INVALID_EVENT');
  });

  it('accepts integers, null and nesting in data', async () => {
    const data = { n: 0, negative: -42, max: Number.MAX_SAFE_INTEGER, nothing: null, nested: [[{ deep: true }]] };
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: [anEvent(data)] }]);
    const [recorded] = await collect(store().readAll());
    expect(recorded.data).toEqual(data);
  });

  it.each(invalidEvents())('refuses %s with STORE.INVALID_EVENT', async (_, write) => {
    await expectStoreError(store().append([write]), 'STORE.INVALID_EVENT');
    expect(await store().headPosition()).toBe(0n);
  });

  it('refuses an empty append', async () => {
    await expectStoreError(store().append([]), 'STORE.INVALID_EVENT');
  });

}

function immutabilityConformance(store: () => EventStore): void {
  it('has no method that could change or remove an event', () => {
    const names = new Set<string>();
    for (let object: object | null = store(); object !== null && object !== Object.prototype; object = Object.getPrototypeOf(object) as object | null) {
      for (const name of Object.getOwnPropertyNames(object)) names.add(name);
    }
    const mutators = [...names].filter((name) => /^(update|delete|remove|truncate|replace|set|edit|modify|purge|clear|drop|rewrite)/i.test(name));
    expect(mutators).toEqual([]);
    expect(names).toContain('append');
  });

  it('names its adapter', () => {
    expect(store().kind).toMatch(/^[a-z][a-z0-9-]*$/);
  });
}

function invalidEvents(): [string, AppendWrite][] {
  const valid = anEvent();
  const write = (overrides: Partial<AppendWrite>): AppendWrite => ({ stream: 'allocation-a', expectedRevision: 'any', events: [valid], ...overrides });
  const withEvent = (event: unknown): AppendWrite => write({ events: [event as NewEvent] });
  return [
    ['an eventId that is not a UUID', withEvent({ ...valid, eventId: 'not-a-uuid' })],
    ['an uppercase UUID', withEvent({ ...valid, eventId: valid.eventId.toUpperCase() })],
    ['a stream with no id part', write({ stream: 'allocation' })],
    ['a stream with an uppercase category', write({ stream: 'Allocation-1' })],
    ['a stream with an empty id part', write({ stream: 'allocation-' })],
    ['a stream with a space', write({ stream: 'allocation-a b' })],
    ['a stream name over the length limit', write({ stream: `allocation-${'x'.repeat(300)}` })],
    ['a write with no events', write({ events: [] })],
    ['an unknown expected revision', write({ expectedRevision: 'latest' as never })],
    ['a negative expected revision', write({ expectedRevision: -1n })],
    ['an empty event type', withEvent({ ...valid, type: '' })],
    ['a schemaVersion of 0', withEvent({ ...valid, schemaVersion: 0 })],
    ['a fractional schemaVersion', withEvent({ ...valid, schemaVersion: 1.5 })],
    ['a non-string actor', withEvent({ ...valid, metadata: { actor: 42 } })],
    ['metadata that is not an object', withEvent({ ...valid, metadata: ['user:1'] })],
    ['a Date in data', withEvent({ ...valid, data: { on: new Date(0) } })],
    ['a bigint in data', withEvent({ ...valid, data: { amount: 1n } })],
    ['undefined in an array', withEvent({ ...valid, data: [1, undefined] })],
    ['undefined data', withEvent({ ...valid, data: undefined })],
    ['a lone surrogate', withEvent({ ...valid, data: { text: '\ud800' } })],
  ];
}
