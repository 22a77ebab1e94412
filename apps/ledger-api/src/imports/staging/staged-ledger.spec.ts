import type { DomainEvent, StreamDecision } from '@ledger/domain';
import { InMemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import { type CommandOrigin, executeCommand } from '../../commands/command-executor';
import { type StreamFold, StreamStates } from '../../commands/stream-states';
import { StagedEntityIndex } from './staged-entity-index';
import { StagedLedger } from './staged-ledger';

type Total = { readonly total: number; readonly folds: number };
const initialTotal = (): Total => ({ total: 0, folds: 0 });
const evolveTotal = (state: Total, event: DomainEvent): Total => ({ total: state.total + (event.data as { by: number }).by, folds: state.folds + 1 });
const total = (stream: string): StreamFold<Total> => ({ stream, initialState: initialTotal, evolve: evolveTotal });

const origin: CommandOrigin = { principalId: 'demo-admin', idempotencyKey: 'import:abc:2', requestId: 'import:abc', regionCode: '513336' };

/** Adds `by` to `counter-a` and, once `counter-a` has reached 10, to `counter-b` too: a two-stream decision on loaded state. */
function add(by: number) {
  return (states: { a: Total; b: Total }): StreamDecision => [
    { stream: 'counter-a', events: [{ type: 'Added', data: { by, seen: states.a.total } }] },
    ...(states.a.total >= 10 ? [{ stream: 'counter-b', events: [{ type: 'Added', data: { by } }] }] : []),
  ];
}

async function storeWith(events: number[]): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  for (const [index, by] of events.entries()) {
    await store.append([{ stream: 'counter-a', expectedRevision: 'any', events: [{ eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, type: 'Added', data: { by } }] }]);
  }
  return store;
}

function stagedLedger(store: InMemoryEventStore, base: bigint): StagedLedger {
  return new StagedLedger(store, base, new StagedEntityIndex({ streamOf: () => undefined }));
}

const ref = (ordinal: number) => ({ ordinal, row: ordinal + 2, file: 'counters.csv' });

async function all(store: InMemoryEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('the staged ledger', () => {
  it('stages exactly the writes the route’s executor appends: streams, expected revisions, event ids, data and metadata', async () => {
    const posted = await storeWith([4, 6]);
    const answer = await executeCommand(posted, new StreamStates(posted), origin, 'c-1', { a: total('counter-a'), b: total('counter-b') }, add(5));
    const appended = (await all(posted)).slice(2);

    const store = await storeWith([4, 6]);
    const staged = stagedLedger(store, 2n);
    const stagedAnswer = await staged.forRow(ref(0), () => staged.execute(origin, 'c-1', { a: total('counter-a'), b: total('counter-b') }, add(5)));

    const [unit] = staged.staged;
    expect(unit?.writes.map((write) => write.expectedRevision)).toEqual([1n, 'no_stream']);
    const stagedEvents = unit!.writes.flatMap((write) => write.events.map((event) => ({ stream: write.stream, ...event })));
    expect(stagedEvents).toEqual(appended.map(({ stream, eventId, type, data, metadata }) => ({ stream, eventId, type, data, metadata })));
    expect(stagedAnswer).toEqual(answer);
  });

  it('lets later rows see earlier rows’ staged events, folding each event once', async () => {
    const staged = stagedLedger(await storeWith([4]), 1n);
    for (const [ordinal, by] of [3, 3, 3].entries()) {
      await staged.forRow(ref(ordinal), () => staged.execute({ ...origin, idempotencyKey: `k-${ordinal}` }, 'c', { a: total('counter-a'), b: total('counter-b') }, add(by)));
    }
    expect(await staged.load(total('counter-a'))).toEqual({ total: 13, folds: 4 });
    expect(staged.staged.map((unit) => unit.writes.map((write) => [write.stream, write.expectedRevision]))).toEqual([
      [['counter-a', 0n]],
      [['counter-a', 1n]],
      // 4 + 3 + 3 reached 10 before the third: it writes counter-b too.
      [
        ['counter-a', 2n],
        ['counter-b', 'no_stream'],
      ],
    ]);
  });

  it('reads the store as of its base position: a later append is not mixed in', async () => {
    const store = await storeWith([1, 2]);
    const staged = stagedLedger(store, 1n);
    expect(await staged.load(total('counter-a'))).toEqual({ total: 1, folds: 1 });
  });

  it('stages nothing of a refused command, nor of a write the store would refuse', async () => {
    const staged = stagedLedger(await storeWith([]), 0n);
    const refuse = (): StreamDecision => {
      throw new Error('refused');
    };
    await expect(staged.forRow(ref(0), () => staged.execute(origin, 'c', { a: total('counter-a') }, refuse))).rejects.toThrow('refused');
    const float = (): StreamDecision => [{ stream: 'counter-a', events: [{ type: 'Added', data: { by: 0.5 } }] }];
    await expect(staged.forRow(ref(1), () => staged.execute(origin, 'c', { a: total('counter-a') }, float))).rejects.toMatchObject({ code: 'STORE.INVALID_EVENT' });
    const unloaded = (): StreamDecision => [{ stream: 'counter-z', events: [{ type: 'Added', data: { by: 1 } }] }];
    await expect(staged.forRow(ref(2), () => staged.execute(origin, 'c', { a: total('counter-a') }, unloaded))).rejects.toThrow(/did not load/);
    expect(staged.staged).toEqual([]);
    expect(await staged.load(total('counter-a'))).toEqual({ total: 0, folds: 0 });
  });

  it('refuses a row whose handler fails after staging (half a command would be posted)', async () => {
    const staged = stagedLedger(await storeWith([]), 0n);
    const failing = staged.forRow(ref(0), async () => {
      await staged.execute(origin, 'c', { a: total('counter-a'), b: total('counter-b') }, add(1));
      throw new Error('late');
    });
    await expect(failing).rejects.toThrow(/after staging/);
  });

  it('executes only inside a row', async () => {
    const staged = stagedLedger(await storeWith([]), 0n);
    await expect(staged.execute(origin, 'c', { a: total('counter-a'), b: total('counter-b') }, add(1))).rejects.toThrow(/inside forRow/);
  });
});

describe('the staged id index', () => {
  const funded = (fundingId: string): DomainEvent => ({ type: 'ProjectFunded', data: { fundingId } });

  it('answers staged ids first, then the stored ones', () => {
    const index = new StagedEntityIndex({ streamOf: (kind, id) => (kind === 'funding' && id === 'f-stored' ? 'project-old' : undefined) });
    index.stage([{ stream: 'project-p1', events: [funded('f-1')], firstRevision: 0n }]);
    expect(index.streamOf('funding', 'f-1')).toBe('project-p1');
    expect(index.streamOf('funding', 'f-stored')).toBe('project-old');
    expect(index.streamOf('funding', 'f-none')).toBeUndefined();
    index.close();
  });

  it('refuses an id introduced twice, in the import or against the store, and keeps nothing of that command', () => {
    const index = new StagedEntityIndex({ streamOf: (_kind, id) => (id === 'f-stored' ? 'project-old' : undefined) });
    index.stage([{ stream: 'project-p1', events: [funded('f-1')], firstRevision: 0n }]);
    expect(() => index.stage([{ stream: 'project-p2', events: [funded('f-2'), funded('f-1')], firstRevision: 0n }])).toThrow();
    expect(index.streamOf('funding', 'f-2')).toBeUndefined();
    expect(() => index.stage([{ stream: 'project-p3', events: [funded('f-stored')], firstRevision: 0n }])).toThrow(/already belongs to project-old/);
    index.close();
  });
});
