import { auditInvariant } from '../audit-error';
import { type Hash, emptyRoot, hashChildren, isHash } from './hashes';
import { type SubtreeHash, rangeSubtrees } from './tree-shape';

/**
 * The growing edge of the tree (a "compact range" over [0, size)): the hashes of the complete
 * subtrees that make up the first `size` leaves, largest first, one per set bit of `size`. It is
 * all that appending needs, and all that the root needs.
 */
export interface TreeEdge {
  readonly size: bigint;
  readonly border: readonly Hash[];
}

export const emptyEdge: TreeEdge = { size: 0n, border: [] };

/** Called for every subtree an append completes, leaves (level 0) included, in completion order. */
export type StoreSubtree = (level: number, index: bigint, hash: Hash) => void;

export function readEdge(size: bigint, subtreeHash: SubtreeHash): TreeEdge {
  if (size === 0n) return emptyEdge;
  return { size, border: rangeSubtrees(0n, size).map(({ level, index }) => subtreeHash(level, index)) };
}

export function edgeRoot(edge: TreeEdge): Hash {
  const border = edge.border;
  if (border.length === 0) return emptyRoot;
  let root = border[border.length - 1];
  for (let at = border.length - 2; at >= 0; at--) root = hashChildren(border[at], root);
  return root;
}

/**
 * Appends leaf hashes: like adding one to a binary counter, each leaf merges with the border's
 * smallest subtrees while they are of equal size, and each merge completes a subtree.
 */
export function appendLeaves(edge: TreeEdge, leafHashes: readonly Hash[], store: StoreSubtree): TreeEdge {
  const border = [...edge.border];
  let size = edge.size;
  for (const leaf of leafHashes) {
    auditInvariant(isHash(leaf), `leaf ${size} is ${leaf.length} bytes, not a SHA-256 hash`);
    store(0, size, leaf);
    let carry = leaf;
    // `above` is size >> level: while its low bit is set, a subtree of this level waits on the border.
    for (let level = 0, above = size; (above & 1n) === 1n; level++) {
      const left = border.pop();
      auditInvariant(left !== undefined, `the border of size ${size} is missing a level-${level} subtree`);
      carry = hashChildren(left, carry);
      above >>= 1n;
      store(level + 1, above, carry);
    }
    border.push(carry);
    size += 1n;
  }
  return { size, border };
}
