import { type Hash, emptyRoot, hashChildren } from './hashes';
import { type SubtreeHash, rangeSubtrees } from './tree-shape';

/**
 * MTH(D[begin:end]) for a range that is a node of the tree: its complete subtrees folded from the
 * right, which is what the recursive definition (split at the largest power of two below n)
 * computes. O(log n) reads.
 */
export function rangeHash(begin: bigint, end: bigint, subtreeHash: SubtreeHash): Hash {
  const pieces = rangeSubtrees(begin, end);
  let result = subtreeHash(pieces[pieces.length - 1].level, pieces[pieces.length - 1].index);
  for (let at = pieces.length - 2; at >= 0; at--) {
    result = hashChildren(subtreeHash(pieces[at].level, pieces[at].index), result);
  }
  return result;
}

/** The root of the tree of the first `size` leaves; the empty tree's root is HASH(). */
export function merkleRoot(size: bigint, subtreeHash: SubtreeHash): Hash {
  return size === 0n ? emptyRoot : rangeHash(0n, size, subtreeHash);
}
