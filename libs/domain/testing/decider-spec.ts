import { DomainError } from '../src/shared/domain-error';
import type { Decider, DomainEvent } from '../src/shared/decider';

/**
 * Given/when/then for a decider: given past events, when a command is decided, then these events
 * (or this error code). Tests assert codes, never message text.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return {
    given(...history: Event[]) {
      return {
        when(command: Command) {
          const run = (): Event[] => {
            const state = history.reduce(decider.evolve, decider.initialState());
            return decider.decide(command, state);
          };
          return {
            then(...expected: Event[]): void {
              expect(run()).toEqual(expected);
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

/** Asserts that `action` throws a DomainError with exactly this code. */
export function expectDomainError(action: () => unknown, code: string): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error(`expected DomainError ${code}, but nothing was thrown`);
}
