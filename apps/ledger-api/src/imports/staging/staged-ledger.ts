import type { DomainEvent, StreamDecision } from '@ledger/domain';
import {
  type AppendWrite,
  canonicalJson,
  type EventStore,
  InMemoryEventStore,
  type JsonValue,
  type StreamRevision,
} from '@ledger/event-store';
import { type CommandAnswer, type CommandOrigin, type Folds, type StatesOf, toWrites } from '../../commands/command-executor';
import type { StreamFold } from '../../commands/stream-states';
import type { StagedEntityIndex } from './staged-entity-index';

/**
 * Units checked against a scratch in-memory store before a new scratch store is taken: the check
 * needs no history (it appends with `any`), and a fresh store every thousand units keeps an
 * import of 100,000 rows from holding every event twice.
 */
const scratchUnitsMax = 1_000;

/** Which row of the import a command comes from. */
export interface RowRef {
  /** 0, 1, 2 … over every row the import decides, across its files. */
  readonly ordinal: number;
  /** The row in its file, as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly file: string;
}

/** One `execute` of one row's handler: the writes the route would have appended in one atomic append. */
export interface StagedUnit {
  readonly ref: RowRef;
  readonly writes: readonly AppendWrite[];
  readonly eventCount: number;
}

/** A stream as the import sees it: the stored events up to the base position, then the staged ones. */
interface StagedStream {
  revision: StreamRevision;
  readonly events: DomainEvent[];
  /** Folded states by the fold's `initialState` function (one per decider), and how many events each has taken. */
  readonly folds: Map<unknown, { state: unknown; applied: number }>;
}

/**
 * The import's ledger: what the route's handler sees when it runs for a row, in place of
 * `LedgerCommands`. Loads read the store as of `basePosition` and then the events earlier rows
 * staged; `execute` decides exactly as `executeCommand` does (same folds, same decision, same
 * event ids and metadata) but stages the writes instead of appending them. Nothing reaches the
 * store until every row of the import has been decided.
 *
 * Folded states are kept per stream and advanced event by event, so a stream that every row
 * touches (a voucher book, a pool) is folded once per import, not once per row: the HTTP path
 * refolds it per command, which an import of 100,000 rows could not afford. A state is kept per
 * `initialState` function, which identifies the decider (foldOf passes it through unchanged); a
 * fold with a new `initialState` function each time is still correct, only refolded.
 */
export class StagedLedger {
  private readonly streams = new Map<string, Promise<StagedStream>>();
  private readonly units: StagedUnit[] = [];
  private row: RowRef | undefined;
  private rowUnits = 0;
  private stagedEvents = 0;
  private scratch = new InMemoryEventStore();
  private scratchUnits = 0;

  constructor(
    private readonly store: EventStore,
    readonly basePosition: bigint,
    private readonly index: StagedEntityIndex,
  ) {}

  /** Everything staged so far, in the order the rows were decided. */
  get staged(): readonly StagedUnit[] {
    return this.units;
  }

  /** Runs one row's command: its staged writes are the row's, unless it throws. */
  async forRow<T>(row: RowRef, work: () => Promise<T>): Promise<T> {
    if (this.row !== undefined) throw new Error(`row ${row.row} started while row ${this.row.row} is being decided`);
    this.row = row;
    this.rowUnits = 0;
    try {
      return await work();
    } catch (error) {
      // A handler that staged writes and then failed would leave half a command staged: a bug, never input.
      if (this.rowUnits > 0) throw new Error(`row ${row.row}: the handler failed after staging its writes`, { cause: error });
      throw error;
    } finally {
      this.row = undefined;
    }
  }

  async load<S>(fold: StreamFold<S>): Promise<S> {
    return this.stateOf(await this.stream(fold.stream), fold);
  }

  async execute<F extends Folds>(origin: CommandOrigin, id: string, folds: F, decide: (states: StatesOf<F>) => StreamDecision): Promise<CommandAnswer> {
    const row = this.row;
    if (row === undefined) throw new Error('the staged ledger executes only inside forRow');
    const loaded = new Map<string, StagedStream>();
    const states: Record<string, unknown> = {};
    for (const [name, fold] of Object.entries(folds)) {
      const stream = await this.stream(fold.stream);
      loaded.set(fold.stream, stream);
      states[name] = this.stateOf(stream, fold);
    }
    const writes = toWrites(decide(states as StatesOf<F>), (stream) => loaded.get(stream)?.revision, origin);
    await this.check(writes);
    return this.stage(row, id, writes, loaded);
  }

  private stage(row: RowRef, id: string, writes: readonly AppendWrite[], loaded: ReadonlyMap<string, StagedStream>): CommandAnswer {
    const staged = writes.map((write) => {
      const stream = loaded.get(write.stream)!;
      const firstRevision = stream.revision === 'no_stream' ? 0n : stream.revision + 1n;
      const events = write.events.map((event): DomainEvent => ({ type: event.type, data: storedJson(event.data) as object }));
      return { stream: write.stream, events, firstRevision, state: stream };
    });
    // The index first: it may refuse, and then nothing of the command is staged.
    this.index.stage(staged);
    for (const { events, firstRevision, state } of staged) {
      state.events.push(...events);
      state.revision = firstRevision + BigInt(events.length) - 1n;
    }
    const eventCount = staged.reduce((sum, write) => sum + write.events.length, 0);
    this.units.push({ ref: row, writes, eventCount });
    this.rowUnits += 1;
    this.stagedEvents += eventCount;
    const streams = staged.map(({ stream, state }) => ({ stream, revision: Number(state.revision) }));
    return { id, position: Number(this.basePosition) + this.stagedEvents, streams };
  }

  /**
   * The store's own validation of an append (ids, stream names, types, integers only, depth), run
   * on a scratch in-memory store so that a write the real store would refuse is found before
   * anything is posted, not halfway through.
   */
  private async check(writes: readonly AppendWrite[]): Promise<void> {
    if (this.scratchUnits === scratchUnitsMax) {
      await this.scratch.close();
      this.scratch = new InMemoryEventStore();
      this.scratchUnits = 0;
    }
    this.scratchUnits += 1;
    await this.scratch.append(writes.map((write) => ({ ...write, expectedRevision: 'any' })));
  }

  private stream(name: string): Promise<StagedStream> {
    let pending = this.streams.get(name);
    if (pending === undefined) {
      pending = this.read(name);
      this.streams.set(name, pending);
    }
    return pending;
  }

  private async read(name: string): Promise<StagedStream> {
    const events: DomainEvent[] = [];
    let revision: StreamRevision = 'no_stream';
    // Most streams an import touches are new (its own allocations, projects, loans): one cheap look, no read.
    if ((await this.store.streamRevision(name)) === 'no_stream') return { revision, events, folds: new Map() };
    for await (const event of this.store.readStream(name, { asOfPosition: this.basePosition })) {
      events.push({ type: event.type, data: event.data as object });
      revision = event.revision;
    }
    return { revision, events, folds: new Map() };
  }

  private stateOf<S>(stream: StagedStream, fold: StreamFold<S>): S {
    let entry = stream.folds.get(fold.initialState);
    if (entry === undefined) {
      entry = { state: fold.initialState(), applied: 0 };
      stream.folds.set(fold.initialState, entry);
    }
    for (; entry.applied < stream.events.length; entry.applied++) entry.state = fold.evolve(entry.state as S, stream.events[entry.applied]!);
    return entry.state as S;
  }
}

/** The data as a reader gets it back from the store: canonical JSON, `undefined` members gone. */
function storedJson(data: JsonValue): JsonValue {
  return JSON.parse(canonicalJson(data, { integersOnly: true })) as JsonValue;
}

