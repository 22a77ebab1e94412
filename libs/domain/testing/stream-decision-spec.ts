import type { DomainEvent } from '../src/shared/decider';
import type { StreamDecision } from '../src/shared/stream-decision';
import { expectDomainError } from './decider-spec';

/**
 * Given/when/then for a decision over several streams: given the folded state of every stream
 * involved, when the command is decided, then these events per stream, in this stream order (or
 * this error code). `then` lists every stream written: one not named must receive nothing.
 */
export function streamDecisionSpec<Command, States>(decide: (command: Command, states: States) => StreamDecision) {
  return {
    given(states: States) {
      return {
        when(command: Command) {
          const run = () => decide(command, states);
          return {
            then(expected: Readonly<Record<string, readonly DomainEvent[]>>): void {
              expect(run()).toEqual(Object.entries(expected).map(([stream, events]) => ({ stream, events })));
            },
            thenThrows(code: string): void {
              expectDomainError(run, code);
            },
          };
        },
      };
    },
  };
}
