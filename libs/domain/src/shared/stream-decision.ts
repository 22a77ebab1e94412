import type { DomainEvent } from './decider';

/**
 * The result of a decision that spans several consistency boundaries (funding a project from an
 * allocation, a receipt and its voucher number, a loan compensated from the risk fund, …).
 *
 * Shape, used by every cross-boundary decision in the domain:
 *
 *   decideX(command, { <name>: State, … }) → StreamDecision
 *
 * a pure function taking the command and the folded state of every stream involved, returning the
 * events to append per stream, named with `streams.*`. The handler loads those streams, calls the
 * function, and appends every entry in ONE atomic multi-stream write with the expected revision of
 * each stream it read: either all streams move or none does, so a yuan can never leave one
 * boundary without arriving in the other.
 *
 * Entries appear in the order the events happened in the decision (the source before the
 * destination); a stream with nothing to append is left out, never given an empty list; a stream
 * appears at most once.
 */
export interface StreamAppend<Event extends DomainEvent = DomainEvent> {
  readonly stream: string;
  readonly events: readonly Event[];
}

export type StreamDecision = readonly StreamAppend[];

/** Builds a StreamDecision, dropping streams with no events and merging repeats of a stream in order. */
export function streamDecision(...appends: readonly StreamAppend[]): StreamDecision {
  const merged = new Map<string, DomainEvent[]>();
  for (const { stream, events } of appends) {
    if (events.length === 0) continue;
    merged.set(stream, [...(merged.get(stream) ?? []), ...events]);
  }
  return [...merged].map(([stream, events]) => ({ stream, events }));
}

/** The events a decision appends to one stream (none when the stream is not part of it). */
export function eventsFor(decision: StreamDecision, stream: string): readonly DomainEvent[] {
  return decision.find((append) => append.stream === stream)?.events ?? [];
}
