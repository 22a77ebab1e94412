import type Database from 'better-sqlite3';
import type { SqliteEventStore } from '@ledger/event-store';
import { referenceRootOfLeafHashes } from '../../testing/rfc9162-reference';
import { appendEvents, openStore, storedLeafHashes, tempDir } from '../../testing/temp-ledger';
import { MemoryNodeStore } from '../merkle/memory-node-store';
import { auditComponent, latestAuditSchemaVersion, migrateAuditSchema } from './audit-schema';
import { catchUp, catchUpBatchSize, createMerkleAppendHook } from './merkle-append-hook';
import { SqliteMerkleTree } from './sqlite-merkle-tree';
import { nodeRunLengthMax } from './tree-nodes';

/** The same tree built in memory from the stored leaf hashes: what the SQLite tree must answer. */
function memoryTreeOf(store: SqliteEventStore): MemoryNodeStore {
  const tree = new MemoryNodeStore();
  tree.append(storedLeafHashes(store));
  return tree;
}

/** Stored subtree hashes (not rows: a row holds a run of them). */
function nodeCount(db: Database.Database): number {
  return db.prepare('SELECT sum(length(hashes) / 32) FROM tree_nodes').pluck().get() as number;
}

describe('the Merkle tree kept by the append hook', () => {
  let dir: string;
  let remove: () => void;
  let store: SqliteEventStore;

  beforeEach(() => {
    ({ dir, remove } = tempDir());
    store = openStore(dir, createMerkleAppendHook());
    migrateAuditSchema(store.database);
  });
  afterEach(async () => {
    await store.close();
    remove();
  });

  it('covers exactly the log after appends of every batch size, with the RFC root at every size', async () => {
    for (const batch of [1, 2, 3, 7, 1, 16, 5]) await appendEvents(store, batch, batch);
    const tree = new SqliteMerkleTree(store.database);
    const leaves = storedLeafHashes(store);
    expect(tree.size()).toBe(35n);
    expect(tree.size()).toBe(await store.headPosition());
    for (let size = 0; size <= leaves.length; size++) {
      expect(tree.root(BigInt(size))).toEqual(referenceRootOfLeafHashes(leaves.slice(0, size)));
    }
    // 35 leaves: 35 + 17 + 8 + 4 + 2 + 1 complete subtrees, no more.
    expect(nodeCount(store.database)).toBe(67);
  });

  it('answers the same proofs as the in-memory tree over the same leaves', async () => {
    await appendEvents(store, 300, 37);
    const tree = new SqliteMerkleTree(store.database);
    const memory = memoryTreeOf(store);
    for (const [index, size] of [[0n, 1n], [0n, 300n], [299n, 300n], [128n, 129n], [77n, 200n]]) {
      expect(tree.inclusionProof(index, size)).toEqual(memory.inclusionProof(index, size));
    }
    for (const [from, to] of [[1n, 300n], [128n, 300n], [299n, 300n], [37n, 74n], [300n, 300n]]) {
      expect(tree.consistencyProof(from, to)).toEqual(memory.consistencyProof(from, to));
    }
  });

  it('rolls back with a refused append: no node is left for events that were not stored', async () => {
    await store.close();
    const hook = createMerkleAppendHook();
    let refuse = false;
    store = openStore(dir, (db, recorded) => {
      hook(db, recorded);
      if (refuse) throw new Error('a later hook refused');
    });
    await appendEvents(store, 10, 10);
    const before = nodeCount(store.database);
    refuse = true;
    await expect(appendEvents(store, 5, 5)).rejects.toThrow('a later hook refused');
    expect(nodeCount(store.database)).toBe(before);
    refuse = false;
    await appendEvents(store, 5, 5);
    expect(new SqliteMerkleTree(store.database).root()).toEqual(referenceRootOfLeafHashes(storedLeafHashes(store)));
  });

  it('refuses UPDATE and DELETE of tree nodes', async () => {
    await appendEvents(store, 4, 4);
    expect(() => store.database.prepare('UPDATE tree_nodes SET hashes = hashes').run()).toThrow(/append-only/);
    expect(() => store.database.prepare('DELETE FROM tree_nodes').run()).toThrow(/append-only/);
  });

  it('writes the subtrees an append completes as one row per level, split beyond the run length', async () => {
    await appendEvents(store, 5, 5);
    await appendEvents(store, nodeRunLengthMax + 3, nodeRunLengthMax + 3);
    const rows = store.database.prepare('SELECT level, first_idx AS first, length(hashes) / 32 AS count FROM tree_nodes ORDER BY level, first_idx').all();
    // The second append: leaves 5 … L + 7 (L + 3 of them, L the run length) and the subtrees they complete.
    expect(rows.slice(0, 4)).toEqual([
      { level: 0, first: 0, count: 5 },
      { level: 0, first: 5, count: nodeRunLengthMax },
      { level: 0, first: 5 + nodeRunLengthMax, count: 3 },
      { level: 1, first: 0, count: 2 },
    ]);
    expect(rows[4]).toEqual({ level: 1, first: 2, count: (nodeRunLengthMax + 8) / 2 - 2 });
    expect(new SqliteMerkleTree(store.database).root()).toEqual(referenceRootOfLeafHashes(storedLeafHashes(store)));
  });

  it('refuses sizes beyond the tree and malformed arguments with stable codes', async () => {
    await appendEvents(store, 4, 4);
    const tree = new SqliteMerkleTree(store.database);
    expect(() => tree.root(5n)).toThrow(expect.objectContaining({ code: 'AUDIT.BEYOND_TREE' }));
    expect(() => tree.inclusionProof(4n, 4n)).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_ARGUMENT' }));
    expect(() => tree.consistencyProof(0n, 4n)).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_ARGUMENT' }));
    expect(() => tree.consistencyProof(1n, 5n)).toThrow(expect.objectContaining({ code: 'AUDIT.BEYOND_TREE' }));
  });
});

describe('bringing the tree up on an existing database', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it(`hashes the stored events into the tree, ${catchUpBatchSize} per transaction, then keeps it with the hook`, async () => {
    const bare = openStore(dir);
    await appendEvents(bare, catchUpBatchSize + 1_234, 1_000);
    await bare.close();

    const store = openStore(dir, createMerkleAppendHook());
    migrateAuditSchema(store.database);
    expect(catchUp(store.database)).toBe(BigInt(catchUpBatchSize + 1_234));
    expect(catchUp(store.database)).toBe(0n);
    await appendEvents(store, 10, 3);
    const tree = new SqliteMerkleTree(store.database);
    expect(tree.size()).toBe(BigInt(catchUpBatchSize + 1_244));
    expect(tree.root()).toEqual(referenceRootOfLeafHashes(storedLeafHashes(store)));
    await store.close();
  });

  it('catches up inside the next append when events were appended without the hook', async () => {
    const hooked = openStore(dir, createMerkleAppendHook());
    migrateAuditSchema(hooked.database);
    await appendEvents(hooked, 5, 5);
    const other = openStore(dir);
    await appendEvents(other, 6, 2, 5);
    await other.close();
    await appendEvents(hooked, 3, 3, 11);
    const tree = new SqliteMerkleTree(hooked.database);
    expect(tree.size()).toBe(14n);
    expect(tree.root()).toEqual(referenceRootOfLeafHashes(storedLeafHashes(hooked)));
    await hooked.close();
  });

  it('records its schema version in schema_components, migrates once, and is refused before migrating', async () => {
    const store = openStore(dir, createMerkleAppendHook());
    expect(() => new SqliteMerkleTree(store.database)).toThrow(expect.objectContaining({ code: 'AUDIT.SCHEMA_MISMATCH' }));
    await expect(appendEvents(store, 1, 1)).rejects.toMatchObject({ code: 'AUDIT.SCHEMA_MISMATCH' });
    migrateAuditSchema(store.database);
    migrateAuditSchema(store.database);
    const version = store.database.prepare('SELECT version FROM schema_components WHERE component = ?').pluck().get(auditComponent);
    expect(version).toBe(latestAuditSchemaVersion);
    await appendEvents(store, 1, 1);
    expect(new SqliteMerkleTree(store.database).size()).toBe(1n);
    await store.close();
  });

  it('refuses a database whose audit tables are newer than this build', async () => {
    const store = openStore(dir);
    migrateAuditSchema(store.database);
    store.database.prepare('UPDATE schema_components SET version = 99 WHERE component = ?').run(auditComponent);
    expect(() => migrateAuditSchema(store.database)).toThrow(expect.objectContaining({ code: 'AUDIT.SCHEMA_MISMATCH' }));
    await store.close();
  });
});
