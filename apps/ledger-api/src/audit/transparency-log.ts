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
  /** Failures of a deferred cut; the next append, or the timer, tries again. */
  readonly onCutError: (error: unknown) => void;
}

/**
 * The ledger's transparency log, wired in the order libs/audit asks: schema, catch-up, the tree's
 * append hook, the signer, a first checkpoint.
 *
 * When checkpoints are cut: right after each append commits. The append hooks run INSIDE the
 * append transaction, and a checkpoint must sign a committed tree, so the hook only schedules the
 * cut (`setImmediate`): better-sqlite3 commits synchronously, so by the time the callback runs the
 * transaction is committed (or rolled back, and then the cut finds nothing new and signs nothing).
 * One cut is pending at most, so a burst of appends costs one signature per turn of the event
 * loop, not one per append. Every append path (commands, imports, the demo load, an offline
 * import) goes through the hooks, so none is missed; `covering` cuts at once if a reader comes
 * first, and a one-second timer (`startCheckpointTimer`) retries a cut that failed. Checkpoints
 * are never deleted: every size that was cut stays answerable.
 */
export class TransparencyLog {
  private pendingCut: NodeJS.Immediate | undefined;
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
    options.registerAppendHook(() => log.scheduleCut());
    log.stopTimer = startCheckpointTimer(log.checkpoints, { onError: options.onCutError });
    return log;
  }

  /** The latest checkpoint, cut now if none yet covers `size` (a reader came before the deferred cut). */
  covering(size: bigint): StoredCheckpoint {
    const latest = this.checkpoints.latest();
    if (latest !== null && latest.size >= size) return latest;
    return this.checkpoints.cut();
  }

  /** Signs what the last appends added and stops cutting: before the store closes. */
  close(): void {
    if (this.pendingCut !== undefined) clearImmediate(this.pendingCut);
    this.pendingCut = undefined;
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.cutNow();
  }

  private scheduleCut(): void {
    if (this.pendingCut !== undefined || this.stopTimer === undefined) return;
    this.pendingCut = setImmediate(() => {
      this.pendingCut = undefined;
      this.cutNow();
    });
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
