import { hostname } from 'node:os';
import {
  type CheckpointSigner,
  type StoredCheckpoint,
  SqliteCheckpoints,
  SqliteMerkleTree,
  catchUp,
  createMerkleAppendHook,
  migrateAuditSchema,
  openCheckpointSigner,
  publishedVerifierKeys,
  startCheckpointTimer,
} from '@ledger/audit';
import type { OnAppend } from '@ledger/event-store';
import type Database from 'better-sqlite3';

export interface TransparencyLogOptions {
  readonly db: Database.Database;
  /** The data directory: the checkpoint key file lives beside the database. */
  readonly dataDir: string;
  /** The store's append hooks (AppendHooks.register); the tree's hook runs inside each append. */
  readonly registerAppendHook: (hook: OnAppend) => void;
  /** LEDGER_LOG_ORIGIN, if set. */
  readonly origin?: string;
  /** Failures of a timer's cut; the next tick tries again. */
  readonly onCutError: (error: unknown) => void;
  /** Between timer cuts; default `checkpointIntervalMs` (tests shorten it). */
  readonly cutIntervalMs?: number;
}

/**
 * The ledger's transparency log, wired in the order libs/audit asks: schema, catch-up, the tree's
 * append hook, the signer, a first checkpoint.
 *
 * When checkpoints are cut: on a timer, at most `checkpointIntervalMs` (a second) behind the log,
 * as the issue allows, and at once when a reader needs one that covers a newer size (`covering`).
 * Not after each append: a cut is a transaction of its own, and its commit is a second fsync per
 * command (measured ≈ a quarter of a sequential disbursement's time), and a row per append would
 * grow the table with the log. Any past size is still answerable (`SqliteCheckpoints.ofSize`).
 * Closing cuts what the last appends added, so an offline import leaves a covering checkpoint.
 * Checkpoints are never deleted.
 */
export class TransparencyLog {
  private stopTimer: (() => void) | undefined;

  private constructor(
    readonly db: Database.Database,
    readonly tree: SqliteMerkleTree,
    readonly signer: CheckpointSigner,
    readonly checkpoints: SqliteCheckpoints,
    private readonly onCutError: (error: unknown) => void,
  ) {}

  static open(options: TransparencyLogOptions): TransparencyLog {
    const { db } = options;
    migrateAuditSchema(db);
    catchUp(db);
    options.registerAppendHook(createMerkleAppendHook());
    const tree = new SqliteMerkleTree(db);
    const signer = openCheckpointSigner({ dataDir: options.dataDir, db, origin: logOrigin(db, options.origin) });
    const log = new TransparencyLog(db, tree, signer, new SqliteCheckpoints(db, tree, signer), options.onCutError);
    log.checkpoints.cut();
    log.stopTimer = startCheckpointTimer(log.checkpoints, { onError: options.onCutError, ...(options.cutIntervalMs === undefined ? {} : { intervalMs: options.cutIntervalMs }) });
    return log;
  }

  /** The latest checkpoint, cut now if none yet covers `size` (a reader came before the timer). */
  covering(size: bigint): StoredCheckpoint {
    const latest = this.checkpoints.latest();
    if (latest !== null && latest.size >= size) return latest;
    return this.checkpoints.cut();
  }

  /** Signs what the last appends added and stops cutting: before the store closes. */
  close(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.cutNow();
  }

  private cutNow(): void {
    try {
      this.checkpoints.cut();
    } catch (error: unknown) {
      this.onCutError(error);
    }
  }
}

/**
 * The log's origin (and its key's name): LEDGER_LOG_ORIGIN when set; otherwise the name the data
 * directory's active key was registered under, so that a host renamed (a container recreated)
 * keeps signing as the same log; `ledger.local/<hostname>` for a new log. A set origin that differs
 * from the registered one is refused by the signer: rotate the key to change it.
 */
export function logOrigin(db: Database.Database, configured: string | undefined): string {
  if (configured !== undefined && configured !== '') return configured;
  const active = publishedVerifierKeys(db).find((key) => key.retiredAt === null);
  return active?.keyName ?? `ledger.local/${hostname() || 'localhost'}`;
}
