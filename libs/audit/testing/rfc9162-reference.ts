import { createHash } from 'node:crypto';

/**
 * An independent reference for the tests, written from the text of RFC 9162 and sharing no code
 * with src/: the recursive Merkle Tree Hash of §2.1.1 over a list of leaf inputs, and the
 * verification algorithms of §2.1.3.2 and §2.1.4.2 step by step (their step numbers in the
 * comments). Slow on purpose: it is the definition, not an implementation.
 */

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

const leafPrefix = Uint8Array.of(0x00);
const nodePrefix = Uint8Array.of(0x01);

/** §2.1.1: MTH({}) = HASH(); MTH({d0}) = HASH(0x00 ‖ d0); MTH(D[n]) = HASH(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
export function referenceMth(leaves: readonly Uint8Array[]): Buffer {
  const n = leaves.length;
  if (n === 0) return sha256();
  if (n === 1) return sha256(leafPrefix, leaves[0]);
  let k = 1;
  while (k * 2 < n) k *= 2; // the largest power of two smaller than n
  return sha256(nodePrefix, referenceMth(leaves.slice(0, k)), referenceMth(leaves.slice(k)));
}

/** The same over leaf hashes already computed (MTH of a leaf list whose leaves are pre-hashed). */
export function referenceRootOfLeafHashes(leafHashes: readonly Buffer[]): Buffer {
  const n = leafHashes.length;
  if (n === 0) return sha256();
  if (n === 1) return leafHashes[0];
  let k = 1;
  while (k * 2 < n) k *= 2;
  return sha256(nodePrefix, referenceRootOfLeafHashes(leafHashes.slice(0, k)), referenceRootOfLeafHashes(leafHashes.slice(k)));
}

const lsb = (value: bigint): boolean => (value & 1n) === 1n;

/** RFC 9162 §2.1.3.2, verifying an inclusion proof. */
export function referenceVerifyInclusion(
  hash: Buffer,
  leafIndex: bigint,
  treeSize: bigint,
  inclusionPath: readonly Buffer[],
  rootHash: Buffer,
): boolean {
  // 1. If leaf_index is greater than or equal to tree_size, then fail the proof verification.
  if (leafIndex >= treeSize || leafIndex < 0n) return false;
  // 2. Set fn to leaf_index and sn to tree_size - 1.
  let fn = leafIndex;
  let sn = treeSize - 1n;
  // 3. Set r to hash.
  let r = hash;
  // 4. For each value p in the inclusion_path array:
  for (const p of inclusionPath) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0n) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if (lsb(fn) || fn === sn) {
      // i. Set r to HASH(0x01 || p || r).
      r = sha256(nodePrefix, p, r);
      // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      // Otherwise: i. Set r to HASH(0x01 || r || p).
      r = sha256(nodePrefix, r, p);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are equal, …
  return sn === 0n && r.equals(rootHash);
}

/** RFC 9162 §2.1.4.2, verifying consistency between two tree heads (0 < first < second). */
export function referenceVerifyConsistency(
  first: bigint,
  second: bigint,
  consistencyPath: readonly Buffer[],
  firstHash: Buffer,
  secondHash: Buffer,
): boolean {
  if (!(0n < first && first < second)) return false;
  // 1. If consistency_path is an empty array, stop and fail the proof verification.
  if (consistencyPath.length === 0) return false;
  // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
  const path = (first & (first - 1n)) === 0n ? [firstHash, ...consistencyPath] : [...consistencyPath];
  // 3. Set fn to first - 1 and sn to second - 1.
  let fn = first - 1n;
  let sn = second - 1n;
  // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
  while (lsb(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5. Set both fr and sr to the first value in the consistency_path array.
  let fr = path[0];
  let sr = path[0];
  // 6. For each subsequent value c in the consistency_path array:
  for (const c of path.slice(1)) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0n) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if (lsb(fn) || fn === sn) {
      // i. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
      fr = sha256(nodePrefix, c, fr);
      sr = sha256(nodePrefix, c, sr);
      // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      // Otherwise: i. Set sr to HASH(0x01 || sr || c).
      sr = sha256(nodePrefix, sr, c);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn >>= 1n;
    sn >>= 1n;
  }
  // 7. Verify that fr equals first_hash, sr equals second_hash, and sn is 0.
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0n;
}
