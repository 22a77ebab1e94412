import { type Hash, hashSize } from '../merkle/hashes';
import { decodeBase64 } from './base64';
import { type Parsed, parsed, refused } from './parsed';

/**
 * The body of a C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): origin, tree size in decimal,
 * base64 root hash, each on its own line, then optional extension lines (this log writes none).
 */
export interface Checkpoint {
  /** The log's identity, e.g. `ledger.local/513336`; also the signing key's name. */
  readonly origin: string;
  readonly size: bigint;
  readonly rootHash: Hash;
}

/** Tree sizes are uint64 in the checkpoint ecosystem (RFC 9162, tlog-tiles). */
const treeSizeMax = 2n ** 64n - 1n;

export function formatCheckpointText(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.rootHash.toString('base64')}\n`;
}

/** Reads a checkpoint's text; extension lines are accepted (non-empty, as the spec requires) and ignored. */
export function parseCheckpointText(text: string): Parsed<Checkpoint> {
  if (!text.endsWith('\n')) return refused('the checkpoint text does not end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3 || lines.some((line) => line.length === 0)) {
    return refused('a checkpoint is at least three non-empty lines: origin, size, root hash');
  }
  const [origin, sizeText, rootText] = lines;
  // Decimal with no leading zero (bar the empty tree's 0).
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || BigInt(sizeText) > treeSizeMax) {
    return refused('the tree size is not a decimal uint64 without leading zeros');
  }
  const rootHash = decodeBase64(rootText);
  if (rootHash === null || rootHash.length !== hashSize) return refused('the root hash is not base64 of 32 bytes');
  return parsed({ origin, size: BigInt(sizeText), rootHash });
}
