/**
 * The shapes every consistency boundary follows (after emmett's Decider): `decide` is pure and
 * refuses with DomainError; `evolve` is pure and asserts (InvariantViolation) on impossible history.
 * Time and ids arrive inside the command; nothing here reads a clock or a random source.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** Replays a stream's events into its state. */
export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** For the `default` branch of an exhaustive switch: a compile error when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
