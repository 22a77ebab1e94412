import type { DomainEvent } from '@ledger/domain';
import type { EventStore, StreamRevision } from '@ledger/event-store';

/** How a stream's events fold into the state a decision needs: a decider's initialState and evolve. */
export interface StreamFold<State> {
  readonly stream: string;
  initialState(): State;
  evolve(state: State, event: DomainEvent): State;
}

export interface LoadedState<State> {
  readonly state: State;
  /** The revision the state was folded up to: the expected revision of an append that follows. */
  readonly revision: StreamRevision;
}

/**
 * Streams folded recently, kept so that the next command on a long stream (a county's voucher
 * book takes every voucher of a year) reads only what was appended since: without it each
 * command would re-fold the whole stream, and posting N vouchers would cost N² folds. Ten
 * thousand states of a few kilobytes each is tens of megabytes, the working set of a busy county.
 */
export const streamStatesCachedMax = 10_000;

/**
 * Loads stream states through a cache of folded states. Sound because the log is append-only and
 * only committed events are folded: a cached state at revision r plus the events after r is the
 * state at the head. States are immutable values (evolve returns a new one), so sharing is safe.
 * The cache is keyed by stream name, so a stream must always be folded by its own boundary's
 * decider (`foldOf(streams.x(id), xDecider)`): a second shape of state for the same stream would
 * be served the first one's.
 */
export class StreamStates {
  private readonly cache = new Map<string, LoadedState<unknown>>();

  constructor(private readonly store: EventStore) {}

  async load<S>(fold: StreamFold<S>): Promise<LoadedState<S>> {
    const cached = this.cache.get(fold.stream) as LoadedState<S> | undefined;
    let state = cached?.state ?? fold.initialState();
    let revision: StreamRevision = cached?.revision ?? 'no_stream';
    const fromRevision = revision === 'no_stream' ? 0n : revision + 1n;
    for await (const event of this.store.readStream(fold.stream, { fromRevision })) {
      state = fold.evolve(state, { type: event.type, data: event.data as object });
      revision = event.revision;
    }
    const loaded = { state, revision };
    this.remember(fold.stream, loaded);
    return loaded;
  }

  private remember(stream: string, loaded: LoadedState<unknown>): void {
    // Map keeps insertion order: re-inserting makes this stream the most recent, the first is the oldest.
    this.cache.delete(stream);
    this.cache.set(stream, loaded);
    if (this.cache.size > streamStatesCachedMax) this.cache.delete(this.cache.keys().next().value as string);
  }
}
