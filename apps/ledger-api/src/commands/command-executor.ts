import type { StreamDecision } from '@ledger/domain';
import {
  type AppendResult,
  type AppendWrite,
  type EventMetadata,
  type EventStore,
  type JsonValue,
  type NewEvent,
  StoreError,
  type StreamRevision,
} from '@ledger/event-store';
import { eventIdFor } from './event-ids';
import type { StreamFold, StreamStates } from './stream-states';

/**
 * How often a command is re-loaded and re-decided when another writer moved one of its streams
 * between the read and the append. Conflicts on one aggregate are rare (a county bureau posts a
 * handful of commands a minute per project); three retries absorb a burst, after which the client
 * gets 409 STORE.REVISION_CONFLICT and may retry with the same key.
 */
export const revisionConflictRetriesMax = 3;

export type Folds = Readonly<Record<string, StreamFold<unknown>>>;
export type StatesOf<F extends Folds> = { readonly [K in keyof F]: F[K] extends StreamFold<infer S> ? S : never };

/** Who asks, and which request: becomes each event's metadata and the seed of its id. */
export interface CommandOrigin {
  readonly principalId: string;
  readonly idempotencyKey: string;
  readonly requestId: string;
  /** The region the command acts in (county 6 digits, or a 12-digit code). */
  readonly regionCode?: string;
}

export interface CommandAnswer {
  /** The business id the command created or acted on. */
  readonly id: string;
  /** Global position of the last event written, as a JSON number. */
  readonly position: number;
  readonly streams: ReadonlyArray<{ readonly stream: string; readonly revision: number }>;
}

/**
 * The whole of a command handler's work: load the streams the decision needs, decide with the
 * domain, and append what it decided to every stream in one atomic write with the revisions that
 * were read. A concurrent writer makes the append fail whole; the command is then decided again
 * on the new state, at most `revisionConflictRetriesMax` times.
 */
export async function executeCommand<F extends Folds>(
  store: EventStore,
  streamStates: StreamStates,
  origin: CommandOrigin,
  id: string,
  folds: F,
  decide: (states: StatesOf<F>) => StreamDecision,
): Promise<CommandAnswer> {
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadStreams(streamStates, folds);
    const decision = decide(loaded.states);
    try {
      const result = await store.append(toWrites(decision, (stream) => loaded.revisions.get(stream), origin));
      return answerFor(id, result);
    } catch (error) {
      const retry = error instanceof StoreError && error.code === 'STORE.REVISION_CONFLICT' && attempt < revisionConflictRetriesMax;
      if (!retry) throw error;
    }
  }
}

/** The answer for an append, computed the same way wherever it is needed (here and the idempotency record). */
export function answerFor(id: string, result: Pick<AppendResult, 'events' | 'lastPosition'>): CommandAnswer {
  const lastRevision = new Map<string, bigint>();
  for (const event of result.events) lastRevision.set(event.stream, event.revision);
  return {
    id,
    position: Number(result.lastPosition),
    streams: [...lastRevision].map(([stream, revision]) => ({ stream, revision: Number(revision) })),
  };
}

async function loadStreams<F extends Folds>(streamStates: StreamStates, folds: F) {
  const states: Record<string, unknown> = {};
  const revisions = new Map<string, StreamRevision>();
  for (const [name, fold] of Object.entries(folds)) {
    const { state, revision } = await streamStates.load(fold);
    states[name] = state;
    revisions.set(fold.stream, revision);
  }
  return { states: states as StatesOf<F>, revisions };
}

/**
 * The append a decision becomes: each stream at the revision it was read at, each event with its
 * id derived from the request and the actor's metadata. Bulk import stages its writes with this too.
 */
export function toWrites(decision: StreamDecision, revisionRead: (stream: string) => StreamRevision | undefined, origin: CommandOrigin): AppendWrite[] {
  const metadata: EventMetadata = {
    actor: origin.principalId,
    correlationId: origin.requestId,
    idempotencyKey: origin.idempotencyKey,
    ...(origin.regionCode === undefined ? {} : { regionCode: origin.regionCode }),
  };
  let index = 0;
  return decision.map(({ stream, events }) => {
    const revision = revisionRead(stream);
    // A decision may only write streams it read: otherwise its rules were checked on no state.
    if (revision === undefined) throw new Error(`decision writes ${stream}, which the command did not load`);
    return {
      stream,
      expectedRevision: revision,
      events: events.map(
        (event): NewEvent => ({
          eventId: eventIdFor(origin.principalId, origin.idempotencyKey, index++),
          type: event.type,
          data: event.data as JsonValue,
          metadata,
        }),
      ),
    };
  });
}
