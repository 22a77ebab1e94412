import type { DomainEvent } from '@ledger/domain';
import type { StreamFold } from './stream-states';

/**
 * A stream read through a decider's initialState and evolve. The stream's events were all written
 * by that decider's boundary, so its evolve may take them as its own event type.
 */
export function foldOf<S, E extends DomainEvent>(stream: string, decider: { initialState(): S; evolve(state: S, event: E): S }): StreamFold<S> {
  return { stream, initialState: decider.initialState, evolve: (state, event) => decider.evolve(state, event as E) };
}
