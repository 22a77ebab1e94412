import { InMemoryEventStore } from '@ledger/event-store';
import { type StreamFold, StreamStates } from './stream-states';

/** A counter stream: the state is the list of values seen, so a double or missed event shows. */
const counter = (stream: string): StreamFold<readonly number[]> => ({
  stream,
  initialState: () => [],
  evolve: (state, event) => [...state, (event.data as { n: number }).n],
});

async function appendValues(store: InMemoryEventStore, stream: string, values: number[], start: number): Promise<void> {
  await store.append([
    {
      stream,
      expectedRevision: 'any',
      events: values.map((n, i) => ({ eventId: `00000000-0000-4000-8000-${String(start + i).padStart(12, '0')}`, type: 'Counted', data: { n } })),
    },
  ]);
}

describe('stream states through the cache of folded states', () => {
  it('folds a new stream to no_stream, then each load adds only what was appended since', async () => {
    const store = new InMemoryEventStore();
    const states = new StreamStates(store);
    expect(await states.load(counter('count-a'))).toEqual({ state: [], revision: 'no_stream' });
    await appendValues(store, 'count-a', [1, 2, 3], 0);
    expect(await states.load(counter('count-a'))).toEqual({ state: [1, 2, 3], revision: 2n });
    await appendValues(store, 'count-a', [4], 3);
    expect(await states.load(counter('count-a'))).toEqual({ state: [1, 2, 3, 4], revision: 3n });
  });

  it('gives the same state as a fresh fold', async () => {
    const store = new InMemoryEventStore();
    const warm = new StreamStates(store);
    for (let i = 0; i < 5; i++) {
      await appendValues(store, 'count-b', [i * 10, i * 10 + 1], i * 2);
      await warm.load(counter('count-b'));
    }
    expect(await warm.load(counter('count-b'))).toEqual(await new StreamStates(store).load(counter('count-b')));
  });
});
