import { auditInvariant } from '../audit-error';

/**
 * The shape of an RFC 9162 tree, as arithmetic on sizes and indexes. MTH splits a list of n > 1
 * leaves at k, the largest power of two below n (§2.1.1); unrolled, the tree of size n is the
 * binary tree over leaf indexes in which node (level, index) covers leaves
 * [index · 2^level, (index + 1) · 2^level), and a node whose right half would lie beyond n is
 * replaced by its left child. So every node of the tree is either a perfect subtree (all 2^level
 * leaves present), which never changes once complete and can be stored, or lies on the right
 * border [begin, n), which is recomputed from the perfect subtrees it is made of.
 */

/** A complete subtree: `level` 0 is a leaf, `index` counts subtrees of that level from the left. */
export interface Subtree {
  readonly level: number;
  readonly index: bigint;
}

/** Reads the hash of a complete subtree that is stored (level 0: the leaf hash). */
export type SubtreeHash = (level: number, index: bigint) => Buffer;

/** Number of bits needed to write `value` (0 for 0): the level just above its highest set bit. */
export function bitLength(value: bigint): number {
  auditInvariant(value >= 0n, 'bitLength of a negative number');
  return value === 0n ? 0 : value.toString(2).length;
}

/** Number of trailing zero bits of a positive value. */
export function trailingZeros(value: bigint): number {
  auditInvariant(value > 0n, 'trailingZeros of a non-positive number');
  let count = 0;
  for (let rest = value; (rest & 1n) === 0n; rest >>= 1n) count++;
  return count;
}

export function isPowerOfTwo(value: bigint): boolean {
  return value > 0n && (value & (value - 1n)) === 0n;
}

/**
 * The complete subtrees that make up leaves [begin, end), left to right: the binary decomposition
 * of end − begin. Only ranges that are nodes of some tree are asked for, so `begin` is a multiple
 * of the largest piece; anything else is a bug in the caller.
 */
export function rangeSubtrees(begin: bigint, end: bigint): Subtree[] {
  auditInvariant(0n <= begin && begin < end, `range [${begin}, ${end}) is empty or negative`);
  const pieces: Subtree[] = [];
  let at = begin;
  for (let level = bitLength(end - begin) - 1; level >= 0; level--) {
    const width = 1n << BigInt(level);
    if (at + width > end) continue;
    auditInvariant(at % width === 0n, `range [${begin}, ${end}) is not a node of any tree`);
    pieces.push({ level, index: at >> BigInt(level) });
    at += width;
  }
  auditInvariant(at === end, `range [${begin}, ${end}) was not covered`);
  return pieces;
}
