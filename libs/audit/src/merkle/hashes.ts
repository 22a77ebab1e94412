import { hash } from 'node:crypto';

/** SHA-256, the hash RFC 9162 §2.1.1 and RFC 6962 fix for the tree. */
export const hashSize = 32;

/** A 32-byte SHA-256 value: a leaf, an interior node or a root. */
export type Hash = Buffer;

// RFC 9162 §2.1.1: leaves are hashed as HASH(0x00 ‖ leaf), interior nodes as HASH(0x01 ‖ l ‖ r),
// so no leaf can be passed off as an interior node (second-preimage resistance).
const leafPrefix = Buffer.from([0x00]);
const nodePrefix = Buffer.from([0x01]);

/** MTH({}) = HASH(): the root of the empty tree. */
export const emptyRoot: Hash = sha256(Buffer.alloc(0));

export function hashLeaf(bytes: Uint8Array): Hash {
  return sha256(Buffer.concat([leafPrefix, bytes]));
}

export function hashChildren(left: Hash, right: Hash): Hash {
  return sha256(Buffer.concat([nodePrefix, left, right]));
}

export function isHash(value: Uint8Array): boolean {
  return value.length === hashSize;
}

// Hex then decode: measured faster on Node 20 than asking node:crypto for a Buffer (as the event
// store found for leaf hashes).
function sha256(bytes: Buffer): Hash {
  return Buffer.from(hash('sha256', bytes, 'hex'), 'hex');
}
