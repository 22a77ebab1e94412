import { consistencyVectors, inclusionVectors, referenceLeaves } from '../../testing/rfc6962-vectors';
import { emptyRoot, hashLeaf } from './hashes';
import { MemoryNodeStore } from './memory-node-store';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

/** The tree of the 8 reference leaves, built by the production core. */
function referenceTree(): MemoryNodeStore {
  const tree = new MemoryNodeStore();
  tree.append(referenceLeaves.map(hashLeaf));
  return tree;
}

const hex = (buffer: Buffer): string => buffer.toString('hex');

describe('the tree of the RFC 6962 reference leaves', () => {
  const tree = referenceTree();
  const happyInclusion = inclusionVectors().filter((vector) => vector.file.endsWith('happy-path.json'));
  const happyConsistency = consistencyVectors().filter((vector) => vector.file.endsWith('happy-path.json'));

  it('has the published roots of 0, 1 and 8 leaves', () => {
    expect(hex(emptyRoot)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(tree.root(1n))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hex(tree.root(8n))).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });

  it('has every root a happy-path vector names', () => {
    expect(happyInclusion).toHaveLength(5);
    expect(happyConsistency).toHaveLength(5);
    for (const vector of happyInclusion) expect(hex(tree.root(vector.treeSize))).toBe(hex(vector.root));
    for (const vector of happyConsistency) {
      expect(hex(tree.root(vector.size1))).toBe(hex(vector.root1));
      expect(hex(tree.root(vector.size2))).toBe(hex(vector.root2));
    }
  });

  it.each(inclusionVectors().filter((vector) => vector.file.endsWith('happy-path.json')).map((vector) => [vector.file, vector] as const))(
    'builds exactly the inclusion proof of %s',
    (_, vector) => {
      expect(hex(hashLeaf(referenceLeaves[Number(vector.leafIdx)]))).toBe(hex(vector.leafHash));
      expect(tree.inclusionProof(vector.leafIdx, vector.treeSize).map(hex)).toEqual(vector.proof.map(hex));
    },
  );

  it.each(consistencyVectors().filter((vector) => vector.file.endsWith('happy-path.json')).map((vector) => [vector.file, vector] as const))(
    'builds exactly the consistency proof of %s',
    (_, vector) => {
      expect(tree.consistencyProof(vector.size1, vector.size2).map(hex)).toEqual(vector.proof.map(hex));
    },
  );
});

describe('verifyInclusion on the published inclusion vectors', () => {
  it.each(inclusionVectors().map((vector) => [vector.file, vector.wantErr ? 'rejects' : 'accepts', vector] as const))(
    '%s: %s',
    (_, verdict, vector) => {
      const valid = verifyInclusion(vector.leafHash, vector.leafIdx, vector.treeSize, vector.proof, vector.root);
      expect(valid ? 'accepts' : 'rejects').toBe(verdict);
    },
  );
});

/**
 * One vector is left out: sizes-are-equal-one-and-proof-is-empty gives two equal 12-byte strings
 * as roots and expects acceptance (the reference code compares bytes when the sizes are equal).
 * A root is a 32-byte SHA-256 here, so this verifier refuses it as malformed; its other
 * equal-size cases are checked with real roots below.
 */
const malformedHappyCase = 'consistency/additional/sizes-are-equal-one-and-proof-is-empty.json';

describe('verifyConsistency on the published consistency vectors', () => {
  const vectors = consistencyVectors().filter((vector) => vector.file !== malformedHappyCase);

  it.each(vectors.map((vector) => [vector.file, vector.wantErr ? 'rejects' : 'accepts', vector] as const))('%s: %s', (_, verdict, vector) => {
    const valid = verifyConsistency(vector.size1, vector.size2, vector.proof, vector.root1, vector.root2);
    expect(valid ? 'accepts' : 'rejects').toBe(verdict);
  });

  it('refuses the 12-byte roots of the one equal-size case it leaves out, and accepts real ones', () => {
    const [vector] = consistencyVectors().filter((candidate) => candidate.file === malformedHappyCase);
    expect(vector.root1).toHaveLength(12);
    expect(verifyConsistency(vector.size1, vector.size2, vector.proof, vector.root1, vector.root2)).toBe(false);
    const root = referenceTree().root(1n);
    expect(verifyConsistency(1n, 1n, [], root, root)).toBe(true);
  });

  it('reads every vector file: 98 inclusion and 98 consistency cases', () => {
    expect(inclusionVectors()).toHaveLength(98);
    expect(consistencyVectors()).toHaveLength(98);
  });
});
