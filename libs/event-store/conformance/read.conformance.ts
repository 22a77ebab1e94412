import type { EventStore } from '../src/port/event-store';
import { readPageSize } from '../src/port/limits';
import {
  type ConformanceFactory,
  anEvent,
  collect,
  events,
  expectStoreError,
  freshStore,
  steppedClock,
  withStore,
} from './fixture';

/** Stream and log reads: directions, bounds, as-of prefixes, positionAt, paging. */
export function readConformance(factory: ConformanceFactory): void {
  const store = freshStore(factory);
  describe('directions and bounds', () => boundsConformance(store));
  describe('as of a position or a moment', () => asOfConformance(store, factory));
  describe('arguments and paging', () => pagingConformance(store));
}

/** Positions 1..9 alternate: allocation-a gets odd positions (revisions 0..4), project-b even. */
async function interleaved(target: EventStore): Promise<void> {
  for (let index = 0; index < 9; index++) {
    const stream = index % 2 === 0 ? 'allocation-a' : 'project-b';
    await target.append([{ stream, expectedRevision: 'any', events: [anEvent({ index })] }]);
  }
}

const revisions = async (iterable: AsyncIterable<{ revision: bigint }>) => (await collect(iterable)).map((e) => e.revision);
const positions = async (iterable: AsyncIterable<{ position: bigint }>) => (await collect(iterable)).map((e) => e.position);

function boundsConformance(store: () => EventStore): void {
  it('reads a stream forwards from a revision, up to maxCount', async () => {
    await interleaved(store());
    expect(await revisions(store().readStream('allocation-a'))).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(await revisions(store().readStream('allocation-a', { fromRevision: 2n }))).toEqual([2n, 3n, 4n]);
    expect(await revisions(store().readStream('allocation-a', { fromRevision: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
    expect(await positions(store().readStream('project-b'))).toEqual([2n, 4n, 6n, 8n]);
    expect(await collect(store().readStream('allocation-a', { fromRevision: 9n }))).toEqual([]);
    expect(await collect(store().readStream('allocation-none'))).toEqual([]);
  });

  it('reads a stream backwards from the end or from a revision', async () => {
    await interleaved(store());
    expect(await revisions(store().readStream('allocation-a', { direction: 'backwards' }))).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(await revisions(store().readStream('allocation-a', { direction: 'backwards', fromRevision: 2n }))).toEqual([2n, 1n, 0n]);
    expect(await revisions(store().readStream('allocation-a', { direction: 'backwards', maxCount: 2 }))).toEqual([4n, 3n]);
    expect(await revisions(store().readStream('allocation-a', { direction: 'backwards', fromRevision: 99n, maxCount: 1 }))).toEqual([4n]);
  });

  it('reads the log from a position, up to maxCount', async () => {
    await interleaved(store());
    expect(await positions(store().readAll())).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    expect(await positions(store().readAll({ fromPosition: 7n }))).toEqual([7n, 8n, 9n]);
    expect(await positions(store().readAll({ fromPosition: 3n, maxCount: 2 }))).toEqual([3n, 4n]);
    expect(await positions(store().readAll({ maxCount: 0 }))).toEqual([]);
  });

}

function asOfConformance(store: () => EventStore, factory: ConformanceFactory): void {
  it('reads as of a position: the stream and the log as they were then', async () => {
    await interleaved(store());
    expect(await revisions(store().readStream('allocation-a', { asOfPosition: 5n }))).toEqual([0n, 1n, 2n]);
    expect(await revisions(store().readStream('allocation-a', { asOfPosition: 6n, direction: 'backwards' }))).toEqual([2n, 1n, 0n]);
    expect(await revisions(store().readStream('project-b', { asOfPosition: 1n }))).toEqual([]);
    expect(await positions(store().readAll({ asOfPosition: 4n }))).toEqual([1n, 2n, 3n, 4n]);
    expect(await positions(store().readAll({ fromPosition: 3n, asOfPosition: 4n }))).toEqual([3n, 4n]);
    expect(await positions(store().readAll({ asOfPosition: 0n }))).toEqual([]);
    expect(await positions(store().readAll({ asOfPosition: 99n }))).toHaveLength(9);
  });

  it('sees the log as of the call: later appends are not part of a read', async () => {
    await interleaved(store());
    const all = store().readAll();
    const stream = store().readStream('allocation-a');
    await store().append([{ stream: 'allocation-a', expectedRevision: 'any', events: events(2) }]);
    expect(await collect(all)).toHaveLength(9);
    expect(await collect(stream)).toHaveLength(5);
  });

  it('turns a moment into a log prefix with positionAt', async () => {
    const clock = steppedClock(new Date('2019-04-01T10:00:00.000Z'));
    await withStore(factory, { clock }, async (clocked) => {
      const append = (count: number) =>
        clocked.append([{ stream: 'allocation-a', expectedRevision: 'any', events: events(count) }]);
      await append(2); // positions 1-2 at 10:00
      clock.advance(60_000);
      await append(3); // positions 3-5 at 10:01
      clock.advance(60_000);
      await append(1); // position 6 at 10:02
      expect(await clocked.positionAt(new Date('2019-04-01T09:59:59.999Z'))).toBe(0n);
      expect(await clocked.positionAt(new Date('2019-04-01T10:00:00.000Z'))).toBe(2n);
      expect(await clocked.positionAt(new Date('2019-04-01T10:00:59.999Z'))).toBe(2n);
      expect(await clocked.positionAt(new Date('2019-04-01T10:01:00.000Z'))).toBe(5n);
      expect(await clocked.positionAt(new Date('2030-01-01T00:00:00.000Z'))).toBe(6n);
      const asOf = await clocked.positionAt(new Date('2019-04-01T10:01:30.000Z'));
      expect(await collect(clocked.readStream('allocation-a', { asOfPosition: asOf }))).toHaveLength(5);
    });
  });

  it('answers positionAt on an empty log with 0', async () => {
    expect(await store().positionAt(new Date())).toBe(0n);
  });

}

function pagingConformance(store: () => EventStore): void {
  it.each([
    ['a negative fromRevision', (s: EventStore) => s.readStream('allocation-a', { fromRevision: -1n })],
    ['a bad stream name', (s: EventStore) => s.readStream('Allocation')],
    ['a negative maxCount', (s: EventStore) => s.readAll({ maxCount: -1 })],
    ['a fractional maxCount', (s: EventStore) => s.readAll({ maxCount: 1.5 })],
    ['an unknown direction', (s: EventStore) => s.readStream('allocation-a', { direction: 'sideways' as never })],
    ['a negative asOfPosition', (s: EventStore) => s.readAll({ asOfPosition: -1n })],
    ['an invalid Date', (s: EventStore) => s.positionAt(new Date(Number.NaN))],
    ['a bad stream for streamRevision', (s: EventStore) => s.streamRevision('x')],
  ])('refuses %s with STORE.INVALID_ARGUMENT', async (_, read) => {
    await expectStoreError(async () => read(store()), 'STORE.INVALID_ARGUMENT');
  });

  it('pages through a stream of 100,000 events in order, forwards and backwards', async () => {
    const total = 100_000;
    const batch = 1_000;
    for (let revision = -1n; revision < BigInt(total - 1); revision += BigInt(batch)) {
      await store().append([
        { stream: 'voucherbook-513336-2017', expectedRevision: revision < 0n ? 'no_stream' : revision, events: events(batch) },
      ]);
    }
    // Checked while iterating, without keeping the events: one expect per event would dominate.
    let next = 0n;
    let outOfOrder = 0;
    for await (const event of store().readStream('voucherbook-513336-2017')) {
      if (event.revision !== next) outOfOrder += 1;
      next += 1n;
    }
    expect({ count: next, outOfOrder }).toEqual({ count: BigInt(total), outOfOrder: 0 });
    const backwardsCount = readPageSize * 2 + 7;
    next = BigInt(total - 1);
    for await (const event of store().readStream('voucherbook-513336-2017', { direction: 'backwards', maxCount: backwardsCount })) {
      if (event.revision !== next) outOfOrder += 1;
      next -= 1n;
    }
    expect({ count: BigInt(total - 1) - next, outOfOrder }).toEqual({ count: BigInt(backwardsCount), outOfOrder: 0 });
    const asOf = await collect(store().readAll({ fromPosition: 50_001n, asOfPosition: 52_500n }));
    expect(asOf.map((event) => event.position)).toEqual(Array.from({ length: 2_500 }, (_, i) => BigInt(50_001 + i)));
  }, 30_000);
}
