import { testNoteKey } from '../../testing/note-keys';
import { type Checkpoint, formatCheckpointText } from '../checkpoint/checkpoint-text';
import { emptyRoot, hashLeaf } from '../merkle/hashes';
import { MemoryNodeStore } from '../merkle/memory-node-store';
import { verifyCheckpointExtends, verifyCheckpointNote, verifyIncludedIn } from './verify-remote';

const origin = 'ledger.local/513336';
const log = testNoteKey(origin);

function treeOf(size: number, salt = ''): MemoryNodeStore {
  const tree = new MemoryNodeStore();
  tree.append(Array.from({ length: size }, (_, index) => hashLeaf(Buffer.from(`${salt}event-${index}`))));
  return tree;
}

const checkpointOf = (tree: MemoryNodeStore, size: bigint): Checkpoint => ({ origin, size, rootHash: tree.root(size) });
const noteOf = (checkpoint: Checkpoint): string => log.sign(formatCheckpointText(checkpoint));

describe('a client checking a checkpoint note against the pinned key', () => {
  const tree = treeOf(20);

  it('gets the checkpoint of a note the log signed', () => {
    expect(verifyCheckpointNote(noteOf(checkpointOf(tree, 20n)), log.verifierKey)).toEqual({ ok: true, value: checkpointOf(tree, 20n) });
  });

  it.each([
    ['a malformed verifier key', () => verifyCheckpointNote(noteOf(checkpointOf(tree, 20n)), 'not a key'), 'AUDIT.VERIFIER_KEY_INVALID'],
    ['a note signed by another key', () => verifyCheckpointNote(testNoteKey(origin).sign('x\n'), log.verifierKey), 'AUDIT.NOTE_INVALID'],
    ['a signed text that is no checkpoint', () => verifyCheckpointNote(log.sign('hello\n'), log.verifierKey), 'AUDIT.CHECKPOINT_MALFORMED'],
    [
      'an empty tree with a root other than HASH()',
      () => verifyCheckpointNote(noteOf({ origin, size: 0n, rootHash: tree.root() }), log.verifierKey),
      'AUDIT.CHECKPOINT_MALFORMED',
    ],
    [
      'a checkpoint of another origin under the key',
      () => verifyCheckpointNote(log.sign(formatCheckpointText({ ...checkpointOf(tree, 2n), origin: 'other.example/log' })), log.verifierKey),
      'AUDIT.ORIGIN_MISMATCH',
    ],
  ])('refuses %s', (_, check, code) => {
    expect(check()).toMatchObject({ ok: false, code });
  });
});

describe('a client moving from its last verified checkpoint to a new one', () => {
  const tree = treeOf(100);

  it('accepts a tree that extends the trusted one, given the consistency proof', () => {
    const next = checkpointOf(tree, 100n);
    expect(verifyCheckpointExtends(checkpointOf(tree, 37n), next, tree.consistencyProof(37n, 100n))).toEqual({ ok: true, value: next });
    expect(verifyCheckpointExtends(checkpointOf(tree, 100n), next, [])).toEqual({ ok: true, value: next });
  });

  it('accepts any tree after the empty one, with no proof', () => {
    expect(verifyCheckpointExtends({ origin, size: 0n, rootHash: emptyRoot }, checkpointOf(tree, 5n), []).ok).toBe(true);
  });

  it('detects a fork: another history signed at a larger size', () => {
    const forked = treeOf(100, 'forged-');
    const trusted = checkpointOf(tree, 37n);
    const proofFromFork = forked.consistencyProof(37n, 100n);
    expect(verifyCheckpointExtends(trusted, checkpointOf(forked, 100n), proofFromFork)).toMatchObject({ ok: false, code: 'AUDIT.LOG_INCONSISTENT' });
    expect(verifyCheckpointExtends(trusted, { ...trusted, rootHash: forked.root(37n) }, [])).toMatchObject({ ok: false, code: 'AUDIT.LOG_INCONSISTENT' });
  });

  it('detects a rollback and a change of log', () => {
    expect(verifyCheckpointExtends(checkpointOf(tree, 50n), checkpointOf(tree, 40n), [])).toMatchObject({ ok: false, code: 'AUDIT.LOG_ROLLED_BACK' });
    const other = { ...checkpointOf(tree, 60n), origin: 'other.example/log' };
    expect(verifyCheckpointExtends(checkpointOf(tree, 50n), other, tree.consistencyProof(50n, 60n))).toMatchObject({ ok: false, code: 'AUDIT.ORIGIN_MISMATCH' });
  });

  it('checks that an event is in a verified checkpoint', () => {
    const checkpoint = checkpointOf(tree, 100n);
    const leaf = hashLeaf(Buffer.from('event-42'));
    expect(verifyIncludedIn(checkpoint, leaf, 42n, tree.inclusionProof(42n, 100n)).ok).toBe(true);
    expect(verifyIncludedIn(checkpoint, leaf, 43n, tree.inclusionProof(42n, 100n))).toMatchObject({ ok: false, code: 'AUDIT.NOT_INCLUDED' });
  });
});
