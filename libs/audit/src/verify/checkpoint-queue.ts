import type Database from 'better-sqlite3';
import { openSignedNote } from '../checkpoint/signed-note';
import { type Checkpoint, parseCheckpointText } from '../checkpoint/checkpoint-text';
import { type NoteVerifierKey, parseVerifierKey } from '../checkpoint/note-keys';
import { type Parsed, refused } from '../checkpoint/parsed';
import { auditInvariant } from '../audit-error';

/** Checkpoints read per query while verifying: bounds memory when one was cut per append. */
export const checkpointPageSize = 1_000;

interface CheckpointRow {
  readonly size: bigint;
  readonly note: string;
  readonly keyId: string;
}

/** A stored checkpoint with its signature checked against the registered key it names. */
export interface CheckedCheckpoint {
  readonly size: bigint;
  readonly checkpoint: Parsed<Checkpoint>;
}

/**
 * The stored checkpoints in size order, a page at a time, each opened with the published key
 * registered under its key ID (active or retired).
 */
export class CheckpointQueue {
  private readonly page: Database.Statement;
  private readonly keys: ReadonlyMap<string, Parsed<NoteVerifierKey>>;
  private pending: CheckpointRow[] = [];
  private after = -1n;

  constructor(db: Database.Database) {
    this.page = db.prepare('SELECT size, note, key_id AS keyId FROM checkpoints WHERE size > ? ORDER BY size LIMIT ?').safeIntegers();
    const keyRows = db.prepare('SELECT key_id AS keyId, verifier_key AS verifierKey FROM signing_keys').all() as {
      keyId: string;
      verifierKey: string;
    }[];
    this.keys = new Map(keyRows.map((row) => [row.keyId, parseVerifierKey(row.verifierKey)]));
  }

  /** The size of the next checkpoint, undefined when none is left. */
  nextSize(): bigint | undefined {
    if (this.pending.length === 0) {
      this.pending = this.page.all(this.after, checkpointPageSize) as CheckpointRow[];
      this.pending.reverse();
    }
    return this.pending.at(-1)?.size;
  }

  take(): CheckedCheckpoint {
    const row = this.pending.pop();
    auditInvariant(row !== undefined, 'take() follows a nextSize() that found a checkpoint');
    this.after = row.size;
    return { size: row.size, checkpoint: this.open(row) };
  }

  private open(row: CheckpointRow): Parsed<Checkpoint> {
    const key = this.keys.get(row.keyId);
    if (key === undefined) return refused(`its key ${row.keyId} is not registered`);
    if (!key.ok) return refused(`its key ${row.keyId} is malformed: ${key.reason}`);
    const text = openSignedNote(row.note, key.value);
    if (!text.ok) return text;
    const body = parseCheckpointText(text.value);
    if (!body.ok) return body;
    if (body.value.size !== row.size) return refused(`its note names size ${body.value.size}`);
    if (body.value.origin !== key.value.name) return refused(`its origin ${body.value.origin} is not its key's name`);
    return body;
  }
}
