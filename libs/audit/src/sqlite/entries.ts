import type Database from 'better-sqlite3';
import { AuditError, auditInvariant } from '../audit-error';
import type { Hash } from '../merkle/hashes';
import { type StoredEventRow, canonicalText, selectStoredEvents } from './event-rows';
import { treeNodes } from './tree-nodes';

/**
 * Entries returned by one `readEntries` call at most; like RFC 6962's get-entries, a server may
 * return fewer than asked. Bounds the response (≈ 1 MB of ~1 KB events) and the rows held.
 */
export const entriesPageSizeMax = 1_000;

/** One leaf of the log: the exact bytes hashed (as UTF-8 text) and the stored leaf hash. */
export interface LogEntry {
  /** Leaf index = position − 1. */
  readonly index: bigint;
  /** The event's RFC 8785 canonical JSON; its leaf hash is SHA-256(0x00 ‖ UTF-8 of this). */
  readonly canonical: string;
  readonly leafHash: Hash;
}

/**
 * Leaves `start` to `end`, both inclusive and 0-based, as RFC 6962 §4.6 get-entries: a client
 * recomputes each leaf hash and checks it against an inclusion proof or a recomputed root. An
 * `end` past the tree is cut to the tree's last leaf, and at most `entriesPageSizeMax` are
 * returned. A `start` past the tree is AUDIT.BEYOND_TREE.
 */
export function readEntries(db: Database.Database, start: bigint, end: bigint): LogEntry[] {
  if (start < 0n || end < start) {
    throw new AuditError('AUDIT.INVALID_ARGUMENT', `entries ${start} to ${end} are not a range`, {
      start: String(start),
      end: String(end),
    });
  }
  const treeSize = treeNodes(db).size();
  if (start >= treeSize) {
    throw new AuditError('AUDIT.BEYOND_TREE', `entry ${start} is beyond the tree (${treeSize} leaves)`, {
      start: String(start),
      treeSize: String(treeSize),
    });
  }
  const lastPosition = end + 1n < treeSize ? end + 1n : treeSize;
  const rows = db
    .prepare(`${selectStoredEvents} WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`)
    .safeIntegers()
    .all(start, lastPosition, entriesPageSizeMax) as StoredEventRow[];
  return rows.map((row, at) => {
    auditInvariant(row.position === start + 1n + BigInt(at), `the log has a gap before position ${row.position}`);
    return { index: row.position - 1n, canonical: canonicalText(row), leafHash: row.leafHash };
  });
}
