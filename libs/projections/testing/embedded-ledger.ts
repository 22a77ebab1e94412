import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type OnAppend } from '@ledger/event-store';
import { readProjections } from '../src/projections';
import type { Projection } from '../src/projection';
import { dumpProjection, dumpTable } from '../src/read-model/dump';
import type { ReadModel } from '../src/read-model/read-model';
import { SqliteReadModel } from '../src/read-model/sqlite-read-model';
import { checkpointTable, type ProjectionFaults } from '../src/runner/apply-page';
import { ProjectionRunner } from '../src/runner/projection-runner';

/** Temporary directories of a test file, removed by `removeTempDirs` (afterAll). */
const tempDirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface EmbeddedLedger {
  readonly store: SqliteEventStore;
  readonly readModel: SqliteReadModel;
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

/**
 * The app's default wiring, in a temp dir: a real SqliteEventStore whose append hook applies the
 * projections inline, on its own connection. `inline: false` leaves the hook out (projections
 * then follow only by catch-up).
 */
export async function embeddedLedger(options: { faults?: ProjectionFaults; ignoredEventTypes?: string[]; inline?: boolean; projections?: readonly Projection[] } = {}): Promise<EmbeddedLedger> {
  const hooks: OnAppend[] = [];
  const store = new SqliteEventStore({ filename: join(tempDir(), 'ledger.sqlite'), onAppend: (db, recorded) => hooks.forEach((hook) => hook(db, recorded)) });
  const readModel = SqliteReadModel.onStore(store);
  const runner = new ProjectionRunner({
    store,
    readModel,
    projections: options.projections ?? readProjections(),
    faults: options.faults,
    ignoredEventTypes: options.ignoredEventTypes,
  });
  await runner.install();
  if (options.inline !== false) hooks.push(runner.inlineHook());
  return {
    store,
    readModel,
    runner,
    async close() {
      await runner.stop();
      await readModel.close();
      await store.close();
    },
  };
}

/** Every table of every projection, ordered by key, plus the checkpoints: what "byte-identical" compares. */
export async function dumpAll(readModel: ReadModel, projections: readonly Projection[] = readProjections()): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = { [checkpointTable.name]: await dumpTable(readModel, checkpointTable) };
  for (const projection of projections) Object.assign(dump, await dumpProjection(readModel, projection));
  return dump;
}
