import type Database from 'better-sqlite3';
import { canonicalEventLeafHash } from '@ledger/event-store';
import { type TreeEdge, appendLeaves, edgeRoot, emptyEdge } from '../merkle/compact-range';
import { type Hash, hashSize } from '../merkle/hashes';
import { assertAuditSchema } from '../sqlite/audit-schema';
import type { StoredEventRow } from '../sqlite/event-rows';
import { selectStoredEvents } from '../sqlite/event-rows';
import { CheckpointQueue } from './checkpoint-queue';
import type { LocalLogReport, LogProblem } from './log-problem';

/**
 * Events read per query: the walk holds one page of events, their leaf hashes and the tree nodes
 * they complete, whatever the log's length (a 1,000,000-event log is 245 pages).
 */
export const verifyPageSize = 4_096;

/** Levels a tree of 2^63 − 1 leaves (SQLite's largest integer) can have. */
const treeLevelsMax = 64;

/**
 * Checks the whole local log from its first event, in bounded pages:
 * - every event's leaf hash is recomputed from its envelope columns and compared with the stored
 *   one, and positions run 1, 2, 3 … without a gap;
 * - the tree is recomputed from those leaves and every stored node (leaves and interior nodes)
 *   compared with it, and the tree holds nothing beyond the log;
 * - every stored checkpoint's signature is verified with the registered key it names, and its
 *   root compared with the recomputed root at its size, which also makes all checkpoints
 *   consistent with each other.
 * Stops at the first page with a problem and reports the problem with the smallest position.
 */
export function verifyLocalLog(db: Database.Database): LocalLogReport {
  assertAuditSchema(db);
  return new LocalLogWalk(db).run();
}

class LocalLogWalk {
  private readonly events: Database.Statement;
  private readonly storedRuns: Database.Statement;
  private readonly levelEnd: Database.Statement;
  private readonly checkpoints: CheckpointQueue;
  private edge: TreeEdge = emptyEdge;
  private lastMatchingCheckpoint = 0n;
  private checkpointsVerified = 0;

  constructor(db: Database.Database) {
    this.events = db.prepare(`${selectStoredEvents} WHERE position > ? ORDER BY position LIMIT ?`).safeIntegers();
    // The rows holding subtrees [first, end) of a level: the last one starting at or before
    // `first`, and every later one starting before `end`.
    this.storedRuns = db
      .prepare(
        `SELECT first_idx AS first, hashes FROM tree_nodes
         WHERE level = @level AND first_idx < @end
           AND first_idx >= coalesce((SELECT max(first_idx) FROM tree_nodes WHERE level = @level AND first_idx <= @first), 0)
         ORDER BY first_idx`,
      )
      .safeIntegers();
    this.levelEnd = db.prepare('SELECT max(first_idx + length(hashes) / 32) FROM tree_nodes WHERE level = ?').pluck().safeIntegers();
    this.checkpoints = new CheckpointQueue(db);
  }

  run(): LocalLogReport {
    let problems = this.checkpointsAtEdge();
    while (problems.length === 0) {
      const rows = this.events.all(this.edge.size, verifyPageSize) as StoredEventRow[];
      if (rows.length === 0) break;
      problems = this.page(rows);
    }
    if (problems.length === 0) problems = this.beyondTheLog();
    if (problems.length > 0) return { ok: false, problem: earliest(problems) };
    return { ok: true, size: this.edge.size, rootHash: edgeRoot(this.edge), checkpointsVerified: this.checkpointsVerified };
  }

  /**
   * Checks one page of events. The tree edge advances over the events found sound (those before
   * the first one that is altered or not the tree's leaf), and the nodes and checkpoints over them
   * are checked too, so that the earliest problem of the page is found whichever its kind.
   */
  private page(rows: readonly StoredEventRow[]): LogProblem[] {
    const recomputed = this.recomputeLeaves(rows);
    const { leaves, problems } = this.matchStoredLeaves(recomputed.leaves);
    problems.push(...recomputed.problems);
    const completed = new Map<number, { first: bigint; hashes: Hash[] }>();
    let offset = 0;
    while (offset < leaves.length) {
      const next = this.checkpoints.nextSize();
      const room = BigInt(leaves.length - offset);
      const end = next !== undefined && next - this.edge.size <= room ? offset + Number(next - this.edge.size) : leaves.length;
      this.edge = appendLeaves(this.edge, leaves.slice(offset, end), (level, index, hash) => {
        if (level === 0) return;
        const run = completed.get(level) ?? { first: index, hashes: [] };
        run.hashes.push(hash);
        completed.set(level, run);
      });
      offset = end;
      problems.push(...this.checkpointsAtEdge());
    }
    for (const [level, run] of completed) problems.push(...this.compareStoredNodes(level, run.first, run.hashes));
    return problems;
  }

  /** Leaf hashes of the rows up to the first bad one, and that one's problem. */
  private recomputeLeaves(rows: readonly StoredEventRow[]): { leaves: Hash[]; problems: LogProblem[] } {
    const leaves: Hash[] = [];
    for (const row of rows) {
      const position = this.edge.size + BigInt(leaves.length) + 1n;
      if (row.position !== position) {
        return { leaves, problems: [{ code: 'AUDIT.EVENT_MISSING', position, detail: `the log skips from position ${position - 1n} to ${row.position}` }] };
      }
      const leaf = canonicalEventLeafHash({ ...row, schemaVersion: Number(row.schemaVersion) });
      if (!leaf.equals(row.leafHash)) {
        return {
          leaves,
          problems: [{ code: 'AUDIT.EVENT_ALTERED', position, detail: `event ${row.eventId} does not hash to its stored leaf hash` }],
        };
      }
      leaves.push(leaf);
    }
    return { leaves, problems: [] };
  }

  /** The leaves up to the first that is not the tree's stored leaf at its index, and that one's problem. */
  private matchStoredLeaves(leaves: Hash[]): { leaves: Hash[]; problems: LogProblem[] } {
    const stored = this.storedRange(0, this.edge.size, BigInt(leaves.length));
    const at = leaves.findIndex((leaf, offset) => !stored[offset]?.equals(leaf));
    if (at < 0) return { leaves, problems: [] };
    const position = this.edge.size + BigInt(at) + 1n;
    const detail =
      stored[at] === undefined
        ? `the tree has no leaf for position ${position} (run catchUp if the tree was never built)`
        : `the event at position ${position} is not the tree's leaf there: an event was replaced, inserted or moved, or the leaf changed`;
    return { leaves: leaves.slice(0, at), problems: [{ code: 'AUDIT.EVENT_NOT_IN_TREE', position, detail }] };
  }

  private compareStoredNodes(level: number, first: bigint, hashes: readonly Hash[]): LogProblem[] {
    const stored = this.storedRange(level, first, BigInt(hashes.length));
    const at = hashes.findIndex((hash, offset) => !stored[offset]?.equals(hash));
    if (at < 0) return [];
    const index = first + BigInt(at);
    const position = (index << BigInt(level)) + 1n;
    return [{ code: 'AUDIT.TREE_NODE_ALTERED', position, detail: `tree node (${level}, ${index}) is missing or differs from its recomputed hash` }];
  }

  /**
   * Stored hashes of subtrees [first, first + count) of a level, by offset, as reads see them (a
   * later row wins where rows overlap, as only a tampered table has them); gaps are undefined.
   */
  private storedRange(level: number, first: bigint, count: bigint): (Hash | undefined)[] {
    const runs = this.storedRuns.all({ level, first, end: first + count }) as { first: bigint; hashes: Buffer }[];
    const byOffset: (Hash | undefined)[] = [];
    for (const run of runs) {
      for (let at = 0; at * hashSize < run.hashes.length; at++) {
        const offset = run.first + BigInt(at) - first;
        if (offset >= 0n && offset < count) byOffset[Number(offset)] = run.hashes.subarray(at * hashSize, (at + 1) * hashSize);
      }
    }
    return byOffset;
  }

  /** Verifies the checkpoints cut at the current edge's size. */
  private checkpointsAtEdge(): LogProblem[] {
    const problems: LogProblem[] = [];
    while (this.checkpoints.nextSize() === this.edge.size) {
      const { size, checkpoint } = this.checkpoints.take();
      if (!checkpoint.ok) {
        problems.push({ code: 'AUDIT.CHECKPOINT_INVALID', position: null, detail: `the checkpoint at size ${size} fails: ${checkpoint.reason}` });
      } else if (!checkpoint.value.rootHash.equals(edgeRoot(this.edge))) {
        const position = this.lastMatchingCheckpoint + 1n;
        const detail = `the checkpoint signed at size ${size} has another root: the log differs at a position from ${position} to ${size}`;
        problems.push({ code: 'AUDIT.CHECKPOINT_MISMATCH', position, detail });
      } else {
        this.lastMatchingCheckpoint = size;
        this.checkpointsVerified += 1;
      }
    }
    return problems;
  }

  /** After the last event: nothing in the tree or in a checkpoint may reach past it. */
  private beyondTheLog(): LogProblem[] {
    const size = this.edge.size;
    const next = this.checkpoints.nextSize();
    if (next !== undefined) {
      return [{ code: 'AUDIT.EVENT_MISSING', position: size + 1n, detail: `a checkpoint was signed at size ${next}, but the log ends at ${size}` }];
    }
    for (let level = 0; level < treeLevelsMax; level++) {
      const end: unknown = this.levelEnd.get(level);
      if (typeof end !== 'bigint' || end <= size >> BigInt(level)) continue;
      return [
        level === 0
          ? { code: 'AUDIT.EVENT_MISSING', position: size + 1n, detail: `the tree has ${end} leaves but the log ends at ${size}: events were removed` }
          : { code: 'AUDIT.TREE_NODE_ALTERED', position: size + 1n, detail: `the tree has level-${level} nodes past the log's end at ${size}` },
      ];
    }
    return [];
  }
}

/** The problem with the smallest position; positionless (checkpoint) problems come last. */
function earliest(problems: readonly LogProblem[]): LogProblem {
  return problems.reduce((best, problem) => {
    if (problem.position === null) return best;
    return best.position === null || problem.position < best.position ? problem : best;
  });
}
