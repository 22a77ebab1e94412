import { invariant } from '@ledger/domain';
import type { EventStore, OnAppend, RecordedEvent } from '@ledger/event-store';
import { projectionPageSizeMax, waitForPositionTimeoutMsDefault } from '../limits';
import type { Projection } from '../projection';
import type { ReadModel } from '../read-model/read-model';
import { SqliteReadModel } from '../read-model/sqlite-read-model';
import type { ApplyOptions, ProjectionFaults } from './apply-page';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readModel: ReadModel;
  readonly projections: readonly Projection[];
  /** Event types other components append that carry no ledger fact; any other unknown type stops the projections. */
  readonly ignoredEventTypes?: readonly string[];
  /** Events per transaction; at most `projectionPageSizeMax`. */
  readonly pageSizeMax?: number;
  /** Tests only: fault injection inside the page transaction. */
  readonly faults?: ProjectionFaults;
  /** Where failures of the background work (subscription, scheduled catch-up) are reported. */
  readonly onError?: (error: unknown) => void;
}

/** Reported after every page of a catch-up or rebuild. */
export interface ProjectionProgress {
  readonly projections: readonly string[];
  /** Last position applied by this run. */
  readonly position: bigint;
  /** The log's head when the run started (it may grow while it runs). */
  readonly head: bigint;
  readonly events: number;
  readonly elapsedMs: number;
}

export type ProgressCallback = (progress: ProjectionProgress) => void;

export interface ProjectionStatus {
  readonly projection: string;
  readonly checkpoint: bigint;
  readonly head: bigint;
}

export interface RebuildReport {
  readonly projections: readonly string[];
  readonly events: number;
  readonly position: bigint;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
}

/** How often `waitForPosition` looks at the checkpoints again when nothing woke it. */
const waitPollMs = 25;

/**
 * Drives projections from the global log, in one of two modes:
 * - inline (embedded SQLite read model on the store's connection): `inlineHook()` is the store's
 *   `onAppend`, applying every projection and its checkpoint inside the append transaction;
 * - subscription (PostgreSQL, or SQLite elsewhere): `start()` subscribes from the lowest
 *   checkpoint + 1 and applies each page of delivered events in one read-model transaction.
 * `catchUp()` closes any gap from the log (at start, after a rebuild, when the inline hook met a
 * projection that was behind); `rebuild()` starts projections again from position 0.
 *
 * Every path applies pages through the same rule (apply-page.ts): only the events continuing a
 * checkpoint, checkpoint in the same transaction. So the paths may overlap (a subscription page and
 * a catch-up page racing for the same events) without applying an event twice or skipping one.
 */
export class ProjectionRunner {
  readonly projections: readonly Projection[];
  private readonly applyOptions: ApplyOptions;
  private readonly pageSizeMax: number;
  private installed = false;
  private catching: Promise<bigint> | undefined;
  private catchAgain = false;
  private subscription: { readonly abort: AbortController; readonly done: Promise<void> } | undefined;
  private failure: unknown;
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = options.projections.map((p) => p.name);
    invariant(names.length > 0, 'a runner needs at least one projection');
    invariant(new Set(names).size === names.length, `projection names repeat: ${names.join(', ')}`);
    this.projections = options.projections;
    this.pageSizeMax = options.pageSizeMax ?? projectionPageSizeMax;
    invariant(this.pageSizeMax >= 1 && this.pageSizeMax <= projectionPageSizeMax, `page size ${this.pageSizeMax} outside 1..${projectionPageSizeMax}`);
    this.applyOptions = { ignoredTypes: new Set(options.ignoredEventTypes ?? []), faults: options.faults };
  }

  get readModel(): ReadModel {
    return this.options.readModel;
  }

  /** Creates tables and checkpoints (rebuilding a projection whose version changed). Call once at start. */
  async install(): Promise<void> {
    await this.options.readModel.install(this.projections);
    this.installed = true;
  }

  /**
   * The store's `onAppend` for inline mode. A projection that is behind (being rebuilt, or new) is
   * not applied inline: a catch-up is scheduled instead, which reads the log in order.
   */
  inlineHook(): OnAppend {
    const readModel = this.options.readModel;
    invariant(readModel instanceof SqliteReadModel, 'inline projections need the SQLite read model on the store’s connection');
    return (database, recorded) => {
      invariant(this.installed, 'projections are not installed: call install() before the first append');
      const outcome = readModel.applyInline(database, this.projections, recorded, this.applyOptions);
      if (outcome.behind.length > 0) this.scheduleCatchUp();
      this.wake();
    };
  }

  /**
   * Applies the log from the lowest checkpoint + 1 up to its head, page by page, until every
   * projection has reached the head as it was when the last page was read. One catch-up runs at
   * a time; a call during one makes it run once more and shares its result.
   */
  async catchUp(onProgress?: ProgressCallback): Promise<bigint> {
    invariant(this.installed, 'projections are not installed: call install() first');
    if (this.catching !== undefined) {
      this.catchAgain = true;
      return this.catching;
    }
    const run = async (): Promise<bigint> => {
      let reached = 0n;
      do {
        this.catchAgain = false;
        reached = await this.catchUpOnce(this.projections, onProgress);
      } while (this.catchAgain);
      return reached;
    };
    this.catching = run().finally(() => {
      this.catching = undefined;
    });
    return this.catching;
  }

  /** Starts subscription mode in the background; failures stop it and go to `onError`. */
  start(): void {
    invariant(this.installed, 'projections are not installed: call install() first');
    invariant(this.subscription === undefined, 'the projection subscription is already running');
    const abort = new AbortController();
    const done = this.subscribe(abort.signal).catch((error: unknown) => {
      this.failure = error;
      this.wake();
      this.options.onError?.(error);
    });
    this.subscription = { abort, done };
  }

  /** Ends subscription mode and waits for the page in flight and any catch-up. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription !== undefined) {
      subscription.abort.abort();
      await subscription.done;
    }
    await this.catching?.catch(() => undefined);
  }

  /** Resolves when every projection has applied `position`; rejects if the subscription failed or time ran out. */
  async waitForPosition(position: bigint, timeoutMs = waitForPositionTimeoutMsDefault): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const checkpoints = await this.options.readModel.checkpoints(this.projections);
      if ([...checkpoints.values()].every((checkpoint) => checkpoint >= position)) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`projections did not reach position ${position} within ${timeoutMs} ms`);
      await this.nap(Math.min(left, waitPollMs));
    }
  }

  /**
   * Starts the named projection (or all) again from position 0: empties its tables and checkpoint
   * in one transaction, then catches up, reporting each page. Readers see the tables fill up while
   * it runs; the checkpoint says how far it is.
   */
  async rebuild(name?: string, onProgress?: ProgressCallback): Promise<RebuildReport> {
    invariant(this.installed, 'projections are not installed: call install() first');
    const selected = name === undefined ? this.projections : this.projections.filter((p) => p.name === name);
    invariant(selected.length > 0, `no projection named ${name}`);
    await this.catching?.catch(() => undefined);
    const started = Date.now();
    await this.options.readModel.reset(selected);
    let events = 0;
    const position = await this.catchUpOnce(selected, (progress) => {
      events = progress.events;
      onProgress?.(progress);
    });
    // Appends that arrived meanwhile, and the other projections, are brought along by a catch-up.
    await this.catchUp();
    const elapsedMs = Date.now() - started;
    const eventsPerSecond = elapsedMs === 0 ? events * 1000 : Math.round((events * 1000) / elapsedMs);
    return { projections: selected.map((p) => p.name), events, position, elapsedMs, eventsPerSecond };
  }

  async status(): Promise<ProjectionStatus[]> {
    const [checkpoints, head] = await Promise.all([this.options.readModel.checkpoints(this.projections), this.options.store.headPosition()]);
    return this.projections.map((p) => ({ projection: p.name, checkpoint: checkpoints.get(p.name) ?? 0n, head }));
  }

  private scheduleCatchUp(): void {
    setImmediate(() => {
      this.catchUp().catch((error: unknown) => this.options.onError?.(error));
    });
  }

  private async catchUpOnce(projections: readonly Projection[], onProgress: ProgressCallback | undefined): Promise<bigint> {
    const started = Date.now();
    const names = projections.map((p) => p.name);
    let events = 0;
    let reached = 0n;
    for (;;) {
      const checkpoints = await this.options.readModel.checkpoints(projections);
      const from = [...checkpoints.values()].reduce((min, c) => (c < min ? c : min)) + 1n;
      const head = await this.options.store.headPosition();
      reached = from - 1n;
      if (from > head) return reached;
      let page: RecordedEvent[] = [];
      const flush = async (): Promise<void> => {
        await this.options.readModel.applyPage(projections, page, this.applyOptions);
        events += page.length;
        reached = page[page.length - 1]!.position;
        page = [];
        this.wake();
        onProgress?.({ projections: names, position: reached, head, events, elapsedMs: Date.now() - started });
      };
      for await (const event of this.options.store.readAll({ fromPosition: from, asOfPosition: head })) {
        page.push(event);
        if (page.length >= this.pageSizeMax) await flush();
      }
      if (page.length > 0) await flush();
    }
  }

  private async subscribe(signal: AbortSignal): Promise<void> {
    const checkpoints = await this.options.readModel.checkpoints(this.projections);
    const from = [...checkpoints.values()].reduce((min, c) => (c < min ? c : min)) + 1n;
    const subscription = this.options.store.subscribeToAll({ fromPosition: from, signal });
    try {
      while (!signal.aborted) {
        const first = await subscription.next();
        if (first.done) return;
        const page: RecordedEvent[] = [first.value];
        while (page.length < this.pageSizeMax && subscription.buffered > 0) {
          const next = await subscription.next();
          if (next.done) break;
          page.push(next.value);
        }
        const outcome = await this.options.readModel.applyPage(this.projections, page, this.applyOptions);
        if (outcome.behind.length > 0) this.scheduleCatchUp();
        this.wake();
      }
    } finally {
      await subscription.close();
    }
  }

  /** Wakes every `waitForPosition` in its nap: a page was applied or the subscription ended. */
  private wake(): void {
    for (const sleeper of [...this.sleepers]) sleeper();
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.sleepers.add(finish);
    });
  }
}
