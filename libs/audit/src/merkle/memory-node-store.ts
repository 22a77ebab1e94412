import { auditInvariant } from '../audit-error';
import { type TreeEdge, appendLeaves, emptyEdge, edgeRoot } from './compact-range';
import type { Hash } from './hashes';
import { consistencyProof, inclusionProof } from './proofs';
import { merkleRoot } from './root';
import { checkTreeSize } from './tree-bounds';

/**
 * The tree with its complete subtrees in memory: the same core as the SQLite tree, with arrays for
 * tables. For tests, and for clients that rebuild a tree from entries they fetched.
 */
export class MemoryNodeStore {
  /** levels[level][index]: the hash of that complete subtree. */
  private readonly levels: Hash[][] = [];
  private edge: TreeEdge = emptyEdge;

  get size(): bigint {
    return this.edge.size;
  }

  append(leafHashes: readonly Hash[]): void {
    this.edge = appendLeaves(this.edge, leafHashes, (level, index, hash) => {
      const row = (this.levels[level] ??= []);
      auditInvariant(BigInt(row.length) === index, `subtree (${level}, ${index}) completed out of order`);
      row.push(hash);
    });
  }

  readonly subtreeHash = (level: number, index: bigint): Hash => {
    const hash = this.levels[level]?.[Number(index)];
    auditInvariant(hash !== undefined, `subtree (${level}, ${index}) is not complete`);
    return hash;
  };

  root(size: bigint = this.size): Hash {
    checkTreeSize(size, this.size);
    return size === this.size ? edgeRoot(this.edge) : merkleRoot(size, this.subtreeHash);
  }

  inclusionProof(index: bigint, size: bigint): Hash[] {
    checkTreeSize(size, this.size);
    return inclusionProof(index, size, this.subtreeHash);
  }

  consistencyProof(from: bigint, to: bigint): Hash[] {
    checkTreeSize(to, this.size);
    return consistencyProof(from, to, this.subtreeHash);
  }
}
