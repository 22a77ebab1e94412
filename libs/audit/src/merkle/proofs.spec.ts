import {
  referenceMth,
  referenceRootOfLeafHashes,
  referenceVerifyConsistency,
  referenceVerifyInclusion,
} from '../../testing/rfc9162-reference';
import { seededRandom } from '../../testing/seeded-random';
import { appendLeaves, emptyEdge } from './compact-range';
import { hashLeaf } from './hashes';
import { MemoryNodeStore } from './memory-node-store';
import { consistencyProof, inclusionProof } from './proofs';
import { merkleRoot } from './root';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

/** Sizes checked exhaustively: every inclusion and every consistency pair up to here. */
const smallSizeMax = 70;

const leafInput = (index: number): Buffer => Buffer.from(`event-${index}`, 'utf8');

function treeOf(size: number): MemoryNodeStore {
  const tree = new MemoryNodeStore();
  tree.append(Array.from({ length: size }, (_, index) => hashLeaf(leafInput(index))));
  return tree;
}

/** Variants of a valid proof that every verifier must refuse. */
function tamperedProofs(proof: readonly Buffer[]): Buffer[][] {
  const variants: Buffer[][] = [[...proof, proof[0] ?? Buffer.alloc(32)]];
  if (proof.length > 0) variants.push(proof.slice(0, -1), proof.slice(1));
  proof.forEach((_, at) => {
    const flipped = proof.map((hash) => Buffer.from(hash));
    flipped[at][at % 32] ^= 0x01;
    variants.push(flipped);
  });
  return variants;
}

describe('proofs of every tree up to 70 leaves, checked against RFC 9162 itself', () => {
  const tree = treeOf(smallSizeMax);
  const leaves = Array.from({ length: smallSizeMax }, (_, index) => leafInput(index));
  const roots = Array.from({ length: smallSizeMax + 1 }, (_, size) => referenceMth(leaves.slice(0, size)));

  it('has the recursive MTH as root at every size, 0 included', () => {
    for (let size = 0; size <= smallSizeMax; size++) expect(tree.root(BigInt(size))).toEqual(roots[size]);
  });

  it('builds inclusion proofs that the §2.1.3.2 algorithm and verifyInclusion accept', () => {
    const refused: string[] = [];
    for (let size = 1; size <= smallSizeMax; size++) {
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(BigInt(index), BigInt(size));
        const leaf = hashLeaf(leaves[index]);
        if (!referenceVerifyInclusion(leaf, BigInt(index), BigInt(size), proof, roots[size])) refused.push(`reference ${index}/${size}`);
        if (!verifyInclusion(leaf, BigInt(index), BigInt(size), proof, roots[size])) refused.push(`production ${index}/${size}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('builds consistency proofs that the §2.1.4.2 algorithm and verifyConsistency accept', () => {
    const refused: string[] = [];
    for (let to = 1; to <= smallSizeMax; to++) {
      for (let from = 1; from <= to; from++) {
        const proof = tree.consistencyProof(BigInt(from), BigInt(to));
        const reference = from === to ? proof.length === 0 : referenceVerifyConsistency(BigInt(from), BigInt(to), proof, roots[from], roots[to]);
        if (!reference) refused.push(`reference ${from}→${to}`);
        if (!verifyConsistency(BigInt(from), BigInt(to), proof, roots[from], roots[to])) refused.push(`production ${from}→${to}`);
      }
    }
    expect(refused).toEqual([]);
  });

  // The loops below collect disagreements and expect none: one expect per case would dominate the run.
  it('refuses tampered proofs, as the RFC algorithms do', () => {
    const accepted: string[] = [];
    for (let size = 1; size <= smallSizeMax; size++) {
      for (let index = 0; index < size; index++) {
        const leaf = hashLeaf(leaves[index]);
        for (const variant of tamperedProofs(tree.inclusionProof(BigInt(index), BigInt(size)))) {
          if (verifyInclusion(leaf, BigInt(index), BigInt(size), variant, roots[size])) accepted.push(`inclusion ${index}/${size}`);
          if (referenceVerifyInclusion(leaf, BigInt(index), BigInt(size), variant, roots[size])) accepted.push(`reference ${index}/${size}`);
        }
      }
    }
    for (let to = 2; to <= smallSizeMax; to++) {
      for (let from = 1; from < to; from++) {
        const proof = tree.consistencyProof(BigInt(from), BigInt(to));
        for (const variant of tamperedProofs(proof)) {
          if (verifyConsistency(BigInt(from), BigInt(to), variant, roots[from], roots[to])) accepted.push(`consistency ${from}→${to}`);
          if (referenceVerifyConsistency(BigInt(from), BigInt(to), variant, roots[from], roots[to])) accepted.push(`reference ${from}→${to}`);
        }
        if (verifyConsistency(BigInt(from), BigInt(to), proof, roots[to], roots[from])) accepted.push(`swapped roots ${from}→${to}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('answers as the RFC algorithms do when a valid proof is claimed for another index or size', () => {
    // Not always a refusal: the path of leaf 0 in a tree of 3 has the shape of its path in a tree
    // of 4, so only the root tells them apart. Both verifiers must agree on every such claim.
    const disagreements: string[] = [];
    for (let size = 1; size <= smallSizeMax; size++) {
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(BigInt(index), BigInt(size));
        const leaf = hashLeaf(leaves[index]);
        for (const [claimedIndex, claimedSize] of [
          [index + 1, size],
          [index - 1, size],
          [index, size + 1],
          [index, size - 1],
          [index ^ 2, size],
          [index, size * 2],
        ]) {
          const production = verifyInclusion(leaf, BigInt(claimedIndex), BigInt(claimedSize), proof, roots[size]);
          const reference = referenceVerifyInclusion(leaf, BigInt(claimedIndex), BigInt(claimedSize), proof, roots[size]);
          if (production !== reference) disagreements.push(`inclusion ${index}/${size} as ${claimedIndex}/${claimedSize}`);
        }
      }
    }
    for (let to = 2; to <= smallSizeMax; to++) {
      for (let from = 1; from < to; from++) {
        const proof = tree.consistencyProof(BigInt(from), BigInt(to));
        for (const [claimedFrom, claimedTo] of [
          [from + 1, to],
          [from - 1, to],
          [from, to + 1],
          [from, to - 1],
        ]) {
          const production = verifyConsistency(BigInt(claimedFrom), BigInt(claimedTo), proof, roots[from], roots[to]);
          const reference = referenceVerifyConsistency(BigInt(claimedFrom), BigInt(claimedTo), proof, roots[from], roots[to]);
          if (production !== reference) disagreements.push(`consistency ${from}→${to} as ${claimedFrom}→${claimedTo}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('proofs in a tree of 40,000 leaves at random sizes', () => {
  const random = seededRandom(0x5eed);
  const tree = new MemoryNodeStore();
  const leafHashes = Array.from({ length: 40_000 }, (_, index) => hashLeaf(leafInput(index)));
  tree.append(leafHashes);
  // Powers of two and their neighbours are where off-by-one errors live; the rest are random.
  const sizes = [32_767, 32_768, 32_769, ...Array.from({ length: 5 }, () => 1 + Math.floor(random() * 40_000))].sort((a, b) => a - b);
  const roots = new Map(sizes.map((size) => [size, referenceRootOfLeafHashes(leafHashes.slice(0, size))]));

  it.each(sizes)('has the recursive MTH as root at size %i', (size) => {
    expect(tree.root(BigInt(size))).toEqual(roots.get(size));
  });

  it('builds inclusion proofs the §2.1.3.2 algorithm accepts, 50 random leaves per size', () => {
    for (const size of sizes) {
      for (let draw = 0; draw < 50; draw++) {
        const index = Math.floor(random() * size);
        const proof = tree.inclusionProof(BigInt(index), BigInt(size));
        expect(referenceVerifyInclusion(leafHashes[index], BigInt(index), BigInt(size), proof, roots.get(size)!)).toBe(true);
        expect(verifyInclusion(leafHashes[index], BigInt(index), BigInt(size), proof, roots.get(size)!)).toBe(true);
      }
    }
  });

  it('reads O(log n) stored subtrees per root and proof, never a pass over the leaves', () => {
    let reads = 0;
    const counted = (level: number, index: bigint): Buffer => {
      reads += 1;
      return tree.subtreeHash(level, index);
    };
    // log2(40,000) ≈ 15.3: a proof names ≤ 16 nodes, one of which may be ≤ 16 subtrees folded.
    const readsMax = 2 * 16;
    for (const size of sizes) {
      for (const ask of [
        () => merkleRoot(BigInt(size), counted),
        () => inclusionProof(BigInt(Math.floor(random() * size)), BigInt(size), counted),
        () => consistencyProof(BigInt(1 + Math.floor(random() * size)), BigInt(size), counted),
      ]) {
        reads = 0;
        ask();
        expect(reads).toBeLessThanOrEqual(readsMax);
      }
    }
  });

  it('builds consistency proofs the §2.1.4.2 algorithm accepts between every pair of these sizes', () => {
    for (const [at, from] of sizes.entries()) {
      for (const to of sizes.slice(at + 1)) {
        if (to === from) continue;
        const proof = tree.consistencyProof(BigInt(from), BigInt(to));
        expect(referenceVerifyConsistency(BigInt(from), BigInt(to), proof, roots.get(from)!, roots.get(to)!)).toBe(true);
        expect(verifyConsistency(BigInt(from), BigInt(to), proof, roots.get(from)!, roots.get(to)!)).toBe(true);
      }
    }
  });
});

describe('a memory tree', () => {
  it('completes the same subtrees, in the same order, however the leaves are batched', () => {
    const leaves = Array.from({ length: smallSizeMax }, (_, index) => hashLeaf(leafInput(index)));
    const record = (into: string[]) => (level: number, index: bigint, hash: Buffer) => void into.push(`${level}/${index}/${hash.toString('hex')}`);
    const whole: string[] = [];
    appendLeaves(emptyEdge, leaves, record(whole));
    const oneByOne: string[] = [];
    leaves.reduce((edge, leaf) => appendLeaves(edge, [leaf], record(oneByOne)), emptyEdge);
    expect(oneByOne).toEqual(whole);
    // 70 leaves: 70 + 35 + 17 + 8 + 4 + 2 + 1 complete subtrees.
    expect(whole).toHaveLength(137);
  });

  it.each([
    ['an index at the size', () => treeOf(5).inclusionProof(5n, 5n), 'AUDIT.INVALID_ARGUMENT'],
    ['a negative index', () => treeOf(5).inclusionProof(-1n, 5n), 'AUDIT.INVALID_ARGUMENT'],
    ['a consistency proof from 0', () => treeOf(5).consistencyProof(0n, 5n), 'AUDIT.INVALID_ARGUMENT'],
    ['a consistency proof backwards', () => treeOf(5).consistencyProof(4n, 3n), 'AUDIT.INVALID_ARGUMENT'],
    ['a negative size', () => treeOf(5).root(-1n), 'AUDIT.INVALID_ARGUMENT'],
    ['a size beyond the tree', () => treeOf(5).root(6n), 'AUDIT.BEYOND_TREE'],
    ['a proof to a size beyond the tree', () => treeOf(5).consistencyProof(2n, 6n), 'AUDIT.BEYOND_TREE'],
  ])('refuses %s', (_, ask, code) => {
    expect(ask).toThrow(expect.objectContaining({ code }));
  });
});
