import type { SqliteEventStore } from '@ledger/event-store';
import { appendEvents, openStore, tempDir } from '../../testing/temp-ledger';
import { hashLeaf } from '../merkle/hashes';
import { verifyInclusion } from '../merkle/verify-proofs';
import { migrateAuditSchema } from './audit-schema';
import { entriesPageSizeMax, readEntries } from './entries';
import { createMerkleAppendHook } from './merkle-append-hook';
import { SqliteMerkleTree } from './sqlite-merkle-tree';

describe('reading entries (RFC 6962 get-entries)', () => {
  let remove: () => void;
  let store: SqliteEventStore;

  beforeAll(async () => {
    const temp = tempDir();
    remove = temp.remove;
    store = openStore(temp.dir, createMerkleAppendHook());
    migrateAuditSchema(store.database);
    await appendEvents(store, entriesPageSizeMax + 200, 400);
  });
  afterAll(async () => {
    await store.close();
    remove();
  });

  it('returns leaves start to end inclusive, whose canonical text hashes to a leaf the tree proves', () => {
    const entries = readEntries(store.database, 3n, 5n);
    expect(entries.map((entry) => entry.index)).toEqual([3n, 4n, 5n]);
    const tree = new SqliteMerkleTree(store.database);
    for (const entry of entries) {
      const leaf = hashLeaf(Buffer.from(entry.canonical, 'utf8'));
      expect(leaf).toEqual(entry.leafHash);
      expect(verifyInclusion(leaf, entry.index, tree.size(), tree.inclusionProof(entry.index, tree.size()), tree.root())).toBe(true);
    }
    expect(JSON.parse(entries[0].canonical)).toMatchObject({ type: 'AllocationReceived', revision: '3' });
  });

  it(`returns at most ${entriesPageSizeMax} entries and stops at the tree's end`, () => {
    expect(readEntries(store.database, 0n, 10_000n)).toHaveLength(entriesPageSizeMax);
    const tail = readEntries(store.database, 1_150n, 10_000n);
    expect(tail.map((entry) => entry.index)).toEqual(Array.from({ length: 50 }, (_, offset) => 1_150n + BigInt(offset)));
  });

  it.each([
    ['a start past the tree', 1_200n, 1_300n, 'AUDIT.BEYOND_TREE'],
    ['a negative start', -1n, 3n, 'AUDIT.INVALID_ARGUMENT'],
    ['an end before the start', 5n, 4n, 'AUDIT.INVALID_ARGUMENT'],
  ])('refuses %s', (_, start, end, code) => {
    expect(() => readEntries(store.database, start, end)).toThrow(expect.objectContaining({ code }));
  });
});
