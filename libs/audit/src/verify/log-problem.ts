import type { Hash } from '../merkle/hashes';

/**
 * What `verifyLocalLog` can find wrong, as stable codes (the verify CLI prints them and exits
 * non-zero; tests match on them).
 */
export const logProblemCodes = [
  /** An event's stored leaf hash is not the hash of its stored envelope: its columns were changed. */
  'AUDIT.EVENT_ALTERED',
  /** A position is missing: a gap, or the log ends before the tree or a checkpoint does. */
  'AUDIT.EVENT_MISSING',
  /**
   * An event is not the tree's leaf at its position: an event was replaced (with a matching leaf
   * hash), inserted or moved, or the tree's leaf was changed; or the tree does not reach it.
   */
  'AUDIT.EVENT_NOT_IN_TREE',
  /** A stored interior node differs from the one recomputed from the events below it. */
  'AUDIT.TREE_NODE_ALTERED',
  /** A stored checkpoint is malformed, signed by an unknown key, or its signature fails. */
  'AUDIT.CHECKPOINT_INVALID',
  /** A validly signed checkpoint's root is not the root recomputed from the events. */
  'AUDIT.CHECKPOINT_MISMATCH',
] as const;

export type LogProblemCode = (typeof logProblemCodes)[number];

export interface LogProblem {
  readonly code: LogProblemCode;
  /**
   * The first bad position (1-based). For a tree node, the first position it covers; for a
   * checkpoint whose root differs, the first position after the last checkpoint that matched,
   * the earliest that can differ. null for a checkpoint that fails its own checks.
   */
  readonly position: bigint | null;
  readonly detail: string;
}

export type LocalLogReport =
  | {
      readonly ok: true;
      /** Events (= leaves) verified. */
      readonly size: bigint;
      readonly rootHash: Hash;
      readonly checkpointsVerified: number;
    }
  | { readonly ok: false; readonly problem: LogProblem };
