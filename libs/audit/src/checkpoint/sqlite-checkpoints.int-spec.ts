import { type AuditedLedger, appendEvents, openAuditedLedger, tempDir } from '../../testing/temp-ledger';
import { emptyRoot } from '../merkle/hashes';
import { verifyCheckpointNote } from '../verify/verify-remote';
import { publishedVerifierKeys } from './key-registry';
import { rotateCheckpointKey } from './checkpoint-signer';
import { startCheckpointTimer } from './sqlite-checkpoints';

describe('signed checkpoints of the ledger', () => {
  let dir: string;
  let remove: () => void;
  let ledger: AuditedLedger;

  beforeEach(() => {
    ({ dir, remove } = tempDir());
    ledger = openAuditedLedger(dir);
  });
  afterEach(async () => {
    await ledger.store.close();
    remove();
  });

  it('cuts one after an append, signed by the log key over the tree root at that size', async () => {
    await appendEvents(ledger.store, 10, 10);
    const cut = ledger.checkpoints.cut();
    expect(cut).toMatchObject({ size: 10n, keyId: ledger.signer.keyId, rootHash: ledger.tree.root(10n) });
    expect(verifyCheckpointNote(cut.note, ledger.signer.verifierKey)).toEqual({
      ok: true,
      value: { origin: 'ledger.local/513336', size: 10n, rootHash: ledger.tree.root(10n) },
    });
  });

  it('cuts nothing new while the tree has not grown, and keeps every size it cut', async () => {
    await appendEvents(ledger.store, 3, 3);
    const first = ledger.checkpoints.cut();
    expect(ledger.checkpoints.cut()).toEqual(first);
    await appendEvents(ledger.store, 4, 4);
    ledger.checkpoints.cut();
    expect(ledger.checkpoints.at(3n)).toEqual(first);
    expect(ledger.checkpoints.latest()?.size).toBe(7n);
    expect(ledger.db.prepare('SELECT count(*) FROM checkpoints').pluck().get()).toBe(2);
  });

  it('answers null for a size never cut, and for the latest before the first cut', async () => {
    expect(ledger.checkpoints.latest()).toBeNull();
    await appendEvents(ledger.store, 5, 5);
    ledger.checkpoints.cut();
    expect(ledger.checkpoints.at(4n)).toBeNull();
    expect(ledger.checkpoints.at(6n)).toBeNull();
  });

  it('signs any prefix on demand (not stored), returns a cut one as kept, and refuses a size past the tree', async () => {
    await appendEvents(ledger.store, 5, 5);
    const cut = ledger.checkpoints.cut();
    const prefix = ledger.checkpoints.ofSize(4n);
    expect(prefix).toMatchObject({ size: 4n, rootHash: ledger.tree.root(4n), keyId: ledger.signer.keyId });
    expect(verifyCheckpointNote(prefix.note, ledger.signer.verifierKey)).toMatchObject({ ok: true, value: { size: 4n } });
    expect(ledger.checkpoints.ofSize(4n).note).toBe(prefix.note);
    expect(ledger.checkpoints.at(4n)).toBeNull();
    expect(ledger.checkpoints.ofSize(5n)).toEqual(cut);
    expect(() => ledger.checkpoints.ofSize(6n)).toThrow(expect.objectContaining({ code: 'AUDIT.BEYOND_TREE' }));
  });

  it('cuts the empty tree with the empty root', () => {
    expect(ledger.checkpoints.cut()).toMatchObject({ size: 0n, rootHash: emptyRoot });
  });

  it('keeps checkpoints verifiable across a key rotation, each under the key that signed it', async () => {
    await appendEvents(ledger.store, 2, 2);
    const old = ledger.checkpoints.cut();
    const oldKey = ledger.signer.verifierKey;
    await ledger.store.close();
    const reopened = openAuditedLedger(dir);
    rotateCheckpointKey({ dataDir: dir, db: reopened.db, origin: 'ledger.local/513336' });
    await reopened.store.close();
    ledger = openAuditedLedger(dir);
    await appendEvents(ledger.store, 2, 2);
    const next = ledger.checkpoints.cut();
    expect(verifyCheckpointNote(old.note, oldKey).ok).toBe(true);
    expect(verifyCheckpointNote(next.note, ledger.signer.verifierKey).ok).toBe(true);
    expect(verifyCheckpointNote(next.note, oldKey)).toMatchObject({ ok: false, code: 'AUDIT.NOTE_INVALID' });
    expect(publishedVerifierKeys(ledger.db).map((key) => [key.verifierKey, key.firstSize, key.lastSize])).toEqual([
      [oldKey, 2n, 2n],
      [ledger.signer.verifierKey, 4n, 4n],
    ]);
  });

  it('refuses to sign when the tree no longer has the root it signed before', async () => {
    await appendEvents(ledger.store, 4, 4);
    ledger.checkpoints.cut();
    ledger.db.exec('DROP TRIGGER tree_nodes_no_update');
    // The root of 4 leaves is the stored level-2 node; a changed leaf alone would not show here.
    ledger.db.prepare('UPDATE tree_nodes SET hashes = zeroblob(32) WHERE level = 2 AND first_idx = 0').run();
    await appendEvents(ledger.store, 1, 1);
    expect(() => ledger.checkpoints.cut()).toThrow(/refusing to sign/);
    expect(ledger.checkpoints.latest()?.size).toBe(4n);
  });

  it('cuts on a timer, at most one interval behind the log', async () => {
    const errors: unknown[] = [];
    const stop = startCheckpointTimer(ledger.checkpoints, { intervalMs: 20, onError: (error) => errors.push(error) });
    try {
      await appendEvents(ledger.store, 6, 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ledger.checkpoints.latest()?.size).toBe(6n);
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });
});
