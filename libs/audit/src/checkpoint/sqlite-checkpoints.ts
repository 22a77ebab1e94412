import type Database from 'better-sqlite3';
import { type Clock, systemClock } from '@ledger/event-store';
import { auditInvariant } from '../audit-error';
import type { Hash } from '../merkle/hashes';
import type { SqliteMerkleTree } from '../sqlite/sqlite-merkle-tree';
import type { CheckpointSigner } from './checkpoint-signer';
import { parseCheckpointText } from './checkpoint-text';
import { parseSignedNote } from './signed-note';

/** A checkpoint as kept in the `checkpoints` table. */
export interface StoredCheckpoint {
  readonly size: bigint;
  readonly rootHash: Hash;
  /** The signed note, served as is (text/plain). */
  readonly note: string;
  /** The signing key's ID, 8 hex digits: look it up in the published keys. */
  readonly keyId: string;
  readonly cutAt: Date;
}

interface CheckpointRow {
  readonly size: bigint;
  readonly note: string;
  readonly keyId: string;
  readonly cutAt: string;
}

const selectCheckpoints = 'SELECT size, note, key_id AS keyId, cut_at AS cutAt FROM checkpoints';

/**
 * Signed checkpoints of the tree, one per tree size at which one was cut. The app cuts after each
 * append (`cut()`) or on a timer (`startCheckpointTimer`); both only sign when the tree grew.
 */
export class SqliteCheckpoints {
  private readonly latestRow: Database.Statement;
  private readonly atRow: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly cutTransaction: () => StoredCheckpoint;

  constructor(
    db: Database.Database,
    private readonly tree: SqliteMerkleTree,
    private readonly signer: CheckpointSigner,
    private readonly clock: Clock = systemClock,
  ) {
    this.latestRow = db.prepare(`${selectCheckpoints} ORDER BY size DESC LIMIT 1`).safeIntegers();
    this.atRow = db.prepare(`${selectCheckpoints} WHERE size = ?`).safeIntegers();
    this.insert = db.prepare('INSERT INTO checkpoints (size, note, key_id, cut_at) VALUES (?, ?, ?, ?)');
    const cut = db.transaction(() => this.cutNow());
    this.cutTransaction = () => cut.immediate();
  }

  /**
   * Signs and stores a checkpoint at the tree's current size, unless one is stored at that size
   * already; returns the checkpoint at that size either way. The empty tree gets one too.
   */
  cut(): StoredCheckpoint {
    return this.cutTransaction();
  }

  /** The checkpoint of the largest size, null before the first cut. */
  latest(): StoredCheckpoint | null {
    return this.stored(this.latestRow.get());
  }

  /**
   * The checkpoint cut at exactly `size`, or null when none was cut at that size (a route answers
   * 404). Not the nearest larger one: that attests to another tree; a client holding a size
   * takes the latest checkpoint and a consistency proof from its size instead.
   */
  at(size: bigint): StoredCheckpoint | null {
    return this.stored(this.atRow.get(size));
  }

  /**
   * A signed checkpoint of the first `size` leaves, for any size up to the tree's: the one cut at
   * exactly that size when there is one, else a note signed now with the active key and not stored
   * (a size inside an append, e.g. a figure's position printed on a notice). Signing a prefix
   * attests nothing the cut checkpoints do not: every prefix is consistent with them. Ed25519 is
   * deterministic, so asking again gives the same bytes while the key is the same.
   */
  ofSize(size: bigint): StoredCheckpoint {
    const stored = this.at(size);
    if (stored !== null) return stored;
    const rootHash = this.tree.root(size); // AUDIT.BEYOND_TREE past the tree
    const note = this.signer.signCheckpoint({ origin: this.signer.origin, size, rootHash });
    return { size, rootHash, note, keyId: this.signer.keyId, cutAt: this.clock() };
  }

  private cutNow(): StoredCheckpoint {
    const size = this.tree.size();
    const latest = this.latest();
    if (latest !== null && latest.size === size) return latest;
    auditInvariant(latest === null || latest.size < size, `the tree (${size}) is smaller than the last checkpoint (${latest?.size})`);
    // tlog-checkpoint: a log MUST NOT sign a checkpoint inconsistent with one it signed before.
    // Both come from this tree, so only a tampered node table could make them differ.
    auditInvariant(
      latest === null || this.tree.root(latest.size).equals(latest.rootHash),
      `the tree no longer has the root signed at size ${latest?.size}: refusing to sign`,
    );
    const note = this.signer.signCheckpoint({ origin: this.signer.origin, size, rootHash: this.tree.root(size) });
    const cutAt = this.clock();
    this.insert.run(size, note, this.signer.keyId, cutAt.toISOString());
    return this.fromRow({ size, note, keyId: this.signer.keyId, cutAt: cutAt.toISOString() });
  }

  private stored(row: unknown): StoredCheckpoint | null {
    return row === undefined ? null : this.fromRow(row as CheckpointRow);
  }

  private fromRow(row: CheckpointRow): StoredCheckpoint {
    const note = parseSignedNote(row.note);
    const body = note.ok ? parseCheckpointText(note.value.text) : note;
    auditInvariant(body.ok, `the stored checkpoint at size ${row.size} is malformed`);
    auditInvariant(body.value.size === row.size, `the stored checkpoint at size ${row.size} names size ${body.value.size}`);
    return { size: row.size, rootHash: body.value.rootHash, note: row.note, keyId: row.keyId, cutAt: new Date(row.cutAt) };
  }
}

/**
 * Time between timer cuts: a checkpoint is then at most this far behind the log, the bound the
 * ledger promises readers, while a burst of appends costs one signature per interval, not one each.
 */
export const checkpointIntervalMs = 1_000;

export interface CheckpointTimerOptions {
  readonly intervalMs?: number;
  /** A failed cut (a closed database, a tampered tree) is reported here; the timer keeps running. */
  readonly onError: (error: unknown) => void;
}

/** Cuts on a timer; returns the function that stops it. The timer does not keep the process alive. */
export function startCheckpointTimer(checkpoints: Pick<SqliteCheckpoints, 'cut'>, options: CheckpointTimerOptions): () => void {
  const timer = setInterval(() => {
    try {
      checkpoints.cut();
    } catch (error: unknown) {
      options.onError(error);
    }
  }, options.intervalMs ?? checkpointIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
