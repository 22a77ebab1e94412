import type { EventStore, OnAppend } from '@ledger/event-store';
import type { Projection } from '../projection';
import type { ReadModel } from '../read-model/read-model';
import { SqliteReadModel } from '../read-model/sqlite-read-model';
import { ProjectionRunner, type ProgressCallback, type RebuildReport } from './projection-runner';

export interface StartProjectionsOptions {
  readonly store: EventStore;
  readonly readModel: ReadModel;
  readonly projections: readonly Projection[];
  /**
   * For the SQLite read model on the store's connection: registers the inline hook with the
   * store's append hooks (the app's AppendHooks.register). Without it, or on PostgreSQL, the
   * runner runs in subscription mode.
   */
  readonly registerInlineHook?: (hook: OnAppend) => void;
  readonly ignoredEventTypes?: readonly string[];
  readonly onError?: (error: unknown) => void;
  readonly onProgress?: ProgressCallback;
}

/**
 * What a process does at start: install the tables, apply inline from now on (SQLite) or subscribe
 * (PostgreSQL), and catch up with what the log holds, before it serves a read.
 */
export async function startProjections(options: StartProjectionsOptions): Promise<ProjectionRunner> {
  const { store, readModel, projections, ignoredEventTypes, onError } = options;
  const runner = new ProjectionRunner({ store, readModel, projections, ignoredEventTypes, onError });
  await runner.install();
  const inline = readModel instanceof SqliteReadModel && options.registerInlineHook !== undefined;
  if (inline) options.registerInlineHook!(runner.inlineHook());
  await runner.catchUp(options.onProgress);
  if (!inline) runner.start();
  return runner;
}

/**
 * Rebuilds the given projections from position 0 into `readModel` and reports the throughput: the
 * function a bench measures (`tests/bench`). The read model's tables are created if missing.
 */
export async function rebuildAll(store: EventStore, readModel: ReadModel, projections: readonly Projection[], onProgress?: ProgressCallback): Promise<RebuildReport> {
  const runner = new ProjectionRunner({ store, readModel, projections });
  await runner.install();
  return runner.rebuild(undefined, onProgress);
}
