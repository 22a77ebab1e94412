import type Database from 'better-sqlite3';
import { auditInvariant } from '../audit-error';
import { type TreeEdge, appendLeaves, readEdge } from '../merkle/compact-range';
import { type Hash, hashSize } from '../merkle/hashes';
import type { SubtreeHash } from '../merkle/tree-shape';
import { assertAuditSchema } from './audit-schema';

/**
 * The stored tree of one connection: the `tree_nodes` table, where each row holds the hashes of
 * consecutive complete subtrees of one level, (level, first_idx) → hashes, level 0 being the
 * leaves. An append completes, at each level, a run of consecutive subtrees, and writes each run
 * as one row: about 20 rows for an append of 1,000 events instead of 2,000, which matters because
 * a row costs ≈ 3 µs to insert here, as much as hashing a node (see tests/bench/proofs.bench.ts).
 */
export interface TreeNodes {
  /** Leaves in the tree, 0n when empty. */
  size(): bigint;
  readonly subtreeHash: SubtreeHash;
  /** The edge of the tree as stored now: what the next append extends. */
  edge(): TreeEdge;
  /** Appends leaves to the tree at `edge`, writing them and every subtree they complete; returns the new edge. */
  append(edge: TreeEdge, leafHashes: readonly Hash[]): TreeEdge;
}

/**
 * Hashes per row at most: 2 KB, so a row stays inside one 4 KB page and a read of one hash
 * touches one page. (With 32 KB rows SQLite walked eight overflow pages per read, and a proof's
 * p50 doubled; see tests/bench/proofs.bench.ts.) An append of 1,000 events still writes about
 * 35 rows rather than 2,000.
 */
export const nodeRunLengthMax = 64;

/** The subtrees of one level completed by one append: consecutive indexes from `first`. */
interface NodeRun {
  readonly first: bigint;
  readonly hashes: Hash[];
}

// Prepared once per connection: the append hook runs on every append and must not re-prepare.
const byConnection = new WeakMap<Database.Database, TreeNodes>();

export function treeNodes(db: Database.Database): TreeNodes {
  let nodes = byConnection.get(db);
  if (nodes === undefined) {
    assertAuditSchema(db);
    nodes = prepareTreeNodes(db);
    byConnection.set(db, nodes);
  }
  return nodes;
}

function prepareTreeNodes(db: Database.Database): TreeNodes {
  const leavesEnd = db
    .prepare('SELECT first_idx + length(hashes) / 32 FROM tree_nodes WHERE level = 0 ORDER BY first_idx DESC LIMIT 1')
    .pluck()
    .safeIntegers();
  // Only the 32 bytes asked for cross into JavaScript: whole rows per read would be garbage that
  // drives the collector (it showed as multi-millisecond p99 proof times).
  const node = db
    .prepare(
      `SELECT substr(hashes, (@index - first_idx) * 32 + 1, 32) FROM tree_nodes
       WHERE level = @level AND first_idx <= @index ORDER BY first_idx DESC LIMIT 1`,
    )
    .pluck()
    .safeIntegers();
  const insert = db.prepare('INSERT INTO tree_nodes (level, first_idx, hashes) VALUES (?, ?, ?)');
  const size = (): bigint => {
    const end: unknown = leavesEnd.get();
    auditInvariant(end === undefined || typeof end === 'bigint', 'tree_nodes.first_idx is an integer');
    return end ?? 0n;
  };
  const subtreeHash: SubtreeHash = (level, index) => {
    const hash: unknown = node.get({ level, index });
    // Subtrees are written in the transaction that completes them; one missing means the table
    // was altered.
    auditInvariant(Buffer.isBuffer(hash) && hash.length === hashSize, `tree node (${level}, ${index}) is missing`);
    return hash;
  };
  const append = (edge: TreeEdge, leafHashes: readonly Hash[]): TreeEdge => {
    const runs = new Map<number, NodeRun>();
    const next = appendLeaves(edge, leafHashes, (level, index, hash) => {
      let run = runs.get(level);
      if (run === undefined) {
        run = { first: index, hashes: [] };
        runs.set(level, run);
      }
      auditInvariant(run.first + BigInt(run.hashes.length) === index, `level ${level} completed out of order at ${index}`);
      run.hashes.push(hash);
    });
    for (const [level, run] of runs) {
      for (let at = 0; at < run.hashes.length; at += nodeRunLengthMax) {
        insert.run(level, run.first + BigInt(at), Buffer.concat(run.hashes.slice(at, at + nodeRunLengthMax)));
      }
    }
    return next;
  };
  return { size, subtreeHash, edge: () => readEdge(size(), subtreeHash), append };
}
