import { type Hash, hashChildren, isHash } from './hashes';
import { bitLength, isPowerOfTwo, trailingZeros } from './tree-shape';

/**
 * Proof verification for clients (the verify CLI, other services), from the tree's shape as in
 * proofs.ts: the expected proof length is known from the sizes, so a proof with a node too many
 * or too few is refused before any hashing. Every input is untrusted: any malformed value
 * (hash not 32 bytes, index out of range, sizes out of order) makes the answer false, never a
 * throw. The tests check these against RFC 9162's own bit-walking algorithm (§2.1.3.2,
 * §2.1.4.2) and the published RFC 6962 vectors.
 */
export function verifyInclusion(leafHash: Hash, index: bigint, size: bigint, proof: readonly Hash[], root: Hash): boolean {
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false;
  if (index < 0n || index >= size) return false;
  const inner = bitLength(index ^ (size - 1n));
  if (proof.length !== inner + popCount(index >> BigInt(inner))) return false;
  let computed = leafHash;
  proof.slice(0, inner).forEach((sibling, level) => {
    const siblingIsLeft = ((index >> BigInt(level)) & 1n) === 1n;
    computed = siblingIsLeft ? hashChildren(sibling, computed) : hashChildren(computed, sibling);
  });
  // Above `inner` only left siblings remain (see proofs.ts).
  for (const sibling of proof.slice(inner)) computed = hashChildren(sibling, computed);
  return computed.equals(root);
}

/**
 * Whether the tree of size `size1` and root `root1` is a prefix of the tree of size `size2` and
 * root `root2`. Equal sizes need an empty proof and equal roots; a proof from the empty tree is
 * refused (RFC 9162 defines consistency for 0 < size1; every tree extends the empty one).
 */
export function verifyConsistency(
  size1: bigint,
  size2: bigint,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (!isHash(root1) || !isHash(root2) || !proof.every(isHash)) return false;
  if (size1 <= 0n || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  const last = size1 - 1n;
  const seedLevel = trailingZeros(size1);
  const inner = bitLength(last ^ (size2 - 1n));
  const seedGiven = isPowerOfTwo(size1) ? 0 : 1;
  if (proof.length !== seedGiven + (inner - seedLevel) + popCount(last >> BigInt(inner))) return false;
  // The seed is a complete subtree of both trees; walk it up to both roots at once.
  let first = seedGiven === 1 ? proof[0] : root1;
  let second = first;
  const innerEnd = seedGiven + inner - seedLevel;
  proof.slice(seedGiven, innerEnd).forEach((sibling, at) => {
    if (((last >> BigInt(seedLevel + at)) & 1n) === 1n) {
      first = hashChildren(sibling, first);
      second = hashChildren(sibling, second);
    } else {
      // A right sibling lies beyond the old tree: only the new root includes it.
      second = hashChildren(second, sibling);
    }
  });
  for (const sibling of proof.slice(innerEnd)) {
    first = hashChildren(sibling, first);
    second = hashChildren(sibling, second);
  }
  return first.equals(root1) && second.equals(root2);
}

function popCount(value: bigint): number {
  let count = 0;
  for (let rest = value; rest > 0n; rest >>= 1n) count += Number(rest & 1n);
  return count;
}
