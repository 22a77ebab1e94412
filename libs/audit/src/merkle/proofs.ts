import { AuditError } from '../audit-error';
import type { Hash } from './hashes';
import { rangeHash } from './root';
import { type SubtreeHash, bitLength, isPowerOfTwo, trailingZeros } from './tree-shape';

/**
 * Inclusion and consistency proofs (RFC 9162 §2.1.3.1, §2.1.4.1), built from the tree's shape
 * rather than by the recursion over leaf lists: every node a proof names is a complete subtree
 * (one read) except at most one on the right border (O(log n) reads), so a proof costs O(log n)
 * reads. The node order is the RFC's: bottom-up.
 *
 * Inclusion of leaf i in the tree of size n: up to level `inner` = bitLength(i XOR (n − 1)) the
 * path of i runs inside a complete subtree, so each level contributes its sibling; at level
 * inner − 1 the sibling is the right border [·, n). Above, the path of i is the path of the last
 * leaf, where only left siblings exist (a missing right sibling promotes the node unchanged).
 */
export function inclusionProof(index: bigint, size: bigint, subtreeHash: SubtreeHash): Hash[] {
  if (index < 0n || index >= size) {
    throw new AuditError('AUDIT.INVALID_ARGUMENT', `leaf index ${index} is not below tree size ${size}`, {
      index: String(index),
      size: String(size),
    });
  }
  const inner = bitLength(index ^ (size - 1n));
  return [...innerPath(index, 0, inner, size, subtreeHash), ...borderPath(index, inner, subtreeHash)];
}

/**
 * The proof that the tree of size `from` is a prefix of the tree of size `to` (0 < from ≤ to).
 * It follows the node `seed`, the largest complete subtree that ends at the old tree's last leaf
 * (level = trailing zeros of `from`), up to the root of the new tree: left siblings belong to
 * both trees, right siblings only to the new one. The seed is omitted when it is the whole old
 * tree (`from` a power of two), since the verifier holds that root already.
 */
export function consistencyProof(from: bigint, to: bigint, subtreeHash: SubtreeHash): Hash[] {
  if (from <= 0n || from > to) {
    throw new AuditError('AUDIT.INVALID_ARGUMENT', `no consistency proof from size ${from} to size ${to}`, {
      from: String(from),
      to: String(to),
    });
  }
  if (from === to) return [];
  const last = from - 1n;
  const seedLevel = trailingZeros(from);
  const inner = bitLength(last ^ (to - 1n));
  const seed = isPowerOfTwo(from) ? [] : [subtreeHash(seedLevel, last >> BigInt(seedLevel))];
  return [...seed, ...innerPath(last, seedLevel, inner, to, subtreeHash), ...borderPath(last, inner, subtreeHash)];
}

/** Siblings of the ancestors of `leaf` at levels [fromLevel, inner), inside a complete subtree. */
function innerPath(leaf: bigint, fromLevel: number, inner: number, size: bigint, subtreeHash: SubtreeHash): Hash[] {
  const path: Hash[] = [];
  for (let level = fromLevel; level < inner; level++) {
    const sibling = (leaf >> BigInt(level)) ^ 1n;
    if (level === inner - 1) {
      // The right half of the lowest node shared with the last leaf: it ends at the tree's end.
      path.push(rangeHash(sibling << BigInt(level), size, subtreeHash));
    } else {
      path.push(subtreeHash(level, sibling));
    }
  }
  return path;
}

/** Left siblings of the ancestors of `leaf` from level `inner` up, where it shares the last leaf's path. */
function borderPath(leaf: bigint, inner: number, subtreeHash: SubtreeHash): Hash[] {
  const path: Hash[] = [];
  for (let level = inner; leaf >> BigInt(level) > 0n; level++) {
    const ancestor = leaf >> BigInt(level);
    if ((ancestor & 1n) === 1n) path.push(subtreeHash(level, ancestor - 1n));
  }
  return path;
}
