import type Database from 'better-sqlite3';
import type { Hash } from '../merkle/hashes';
import { consistencyProof, inclusionProof } from '../merkle/proofs';
import { merkleRoot } from '../merkle/root';
import { checkTreeSize } from '../merkle/tree-bounds';
import { type TreeNodes, treeNodes } from './tree-nodes';

/**
 * Reads of the tree kept in `tree_nodes` by the append hook: each answer takes O(log n) indexed
 * reads. Sizes are those of log prefixes (tree size N = the first N events; leaf index =
 * position − 1). Arguments are checked: AUDIT.INVALID_ARGUMENT for a malformed one (negative,
 * index ≥ size, from = 0 or from > to), AUDIT.BEYOND_TREE for a size the log has not reached.
 * Nodes below a size never change, so answers for a past size stay the same forever.
 */
export class SqliteMerkleTree {
  private readonly nodes: TreeNodes;

  constructor(db: Database.Database) {
    this.nodes = treeNodes(db);
  }

  /** Leaves in the tree, which equals the log's head position while the append hook is registered. */
  size(): bigint {
    return this.nodes.size();
  }

  /** MTH of the first `size` events; the current tree when omitted. */
  root(size: bigint = this.size()): Hash {
    checkTreeSize(size, this.size());
    return merkleRoot(size, this.nodes.subtreeHash);
  }

  /** The audit path of leaf `index` (position − 1) in the tree of `size`, bottom-up (RFC 9162 §2.1.3.1). */
  inclusionProof(index: bigint, size: bigint): Hash[] {
    checkTreeSize(size, this.size());
    return inclusionProof(index, size, this.nodes.subtreeHash);
  }

  /** The proof that the tree of `from` is a prefix of the tree of `to`, 0 < from ≤ to (§2.1.4.1). */
  consistencyProof(from: bigint, to: bigint): Hash[] {
    checkTreeSize(to, this.size());
    return consistencyProof(from, to, this.nodes.subtreeHash);
  }
}
