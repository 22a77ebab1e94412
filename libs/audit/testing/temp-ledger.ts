import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NewEvent, type OnAppend, SqliteEventStore, newEventId } from '@ledger/event-store';
import { type CheckpointSigner, openCheckpointSigner } from '../src/checkpoint/checkpoint-signer';
import { SqliteCheckpoints } from '../src/checkpoint/sqlite-checkpoints';
import { migrateAuditSchema } from '../src/sqlite/audit-schema';
import { catchUp, createMerkleAppendHook } from '../src/sqlite/merkle-append-hook';
import { SqliteMerkleTree } from '../src/sqlite/sqlite-merkle-tree';

/** A directory under the OS temp dir, removed by `remove`. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real SQLite store in `dir`, with `onAppend` registered as the app registers its hooks. */
export function openStore(dir: string, onAppend?: OnAppend): SqliteEventStore {
  return new SqliteEventStore({ filename: join(dir, 'ledger.sqlite'), onAppend });
}

/** A small receipt-like event; `index` makes each one different. */
export function sampleEvent(index: number): NewEvent {
  return {
    eventId: newEventId(),
    type: 'AllocationReceived',
    data: { receiptId: `receipt-${index}`, amount: `${1_000 + index}.00`, regionCode: '513336', note: '中央财政衔接资金' },
    metadata: { actor: 'user:513336-0042', regionCode: '513336' },
  };
}

/** Appends `count` events in batches of `batchSize`, spread over a few streams. */
export async function appendEvents(store: SqliteEventStore, count: number, batchSize: number, firstIndex = 0): Promise<void> {
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const events = Array.from({ length: size }, (_, offset) => sampleEvent(firstIndex + start + offset));
    await store.append([{ stream: `allocation-${(start / batchSize) % 7}`, expectedRevision: 'any', events }]);
  }
}

/** The stored leaf hashes in position order, read straight from `events`. */
export function storedLeafHashes(store: SqliteEventStore): Buffer[] {
  return store.database.prepare('SELECT leaf_hash FROM events ORDER BY position').pluck().all() as Buffer[];
}

/** A store wired as the app wires it: the tree hook registered, the schema migrated, a signer in `dir`. */
export function openAuditedLedger(dir: string, origin = 'ledger.local/513336'): AuditedLedger {
  const store = openStore(dir, createMerkleAppendHook());
  migrateAuditSchema(store.database);
  catchUp(store.database);
  const tree = new SqliteMerkleTree(store.database);
  const signer = openCheckpointSigner({ dataDir: dir, db: store.database, origin });
  return { store, db: store.database, tree, signer, checkpoints: new SqliteCheckpoints(store.database, tree, signer) };
}

export interface AuditedLedger {
  readonly store: SqliteEventStore;
  readonly db: SqliteEventStore['database'];
  readonly tree: SqliteMerkleTree;
  readonly signer: CheckpointSigner;
  readonly checkpoints: SqliteCheckpoints;
}
