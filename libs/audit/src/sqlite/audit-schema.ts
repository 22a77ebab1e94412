import type Database from 'better-sqlite3';
import { AuditError, auditInvariant } from '../audit-error';

/** This library's row in `schema_components`, the table the app's components share. */
export const auditComponent = 'audit';

interface SchemaStep {
  readonly version: number;
  readonly sql: string;
}

/**
 * The audit tables in the ledger's database, as versioned steps: never edit a released step, add
 * one. Triggers refuse UPDATE and DELETE as the event store's do: a guard against mistakes, not
 * against whoever can write the file (the signed checkpoints, held elsewhere too, are that).
 *
 * - tree_nodes: every complete subtree of the Merkle tree, leaves (level 0) included, written in
 *   the transaction that completes it, so that roots and proofs take O(log n) reads. A row holds
 *   a run of consecutive subtrees of one level, the ones one append completed (see
 *   tree-nodes.ts). The leaves duplicate `events.leaf_hash` on purpose: the verifier compares each
 *   event with the leaf the tree committed to, so it names the exact position of an event replaced
 *   together with its leaf hash.
 * - signing_keys: every checkpoint key ever used (rotation keeps the old ones), at most one active.
 * - checkpoints: every signed checkpoint, by tree size.
 */
const steps: readonly SchemaStep[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE tree_nodes (
        level     INTEGER NOT NULL CHECK (level BETWEEN 0 AND 63),
        first_idx INTEGER NOT NULL CHECK (first_idx >= 0),
        hashes    BLOB    NOT NULL CHECK (length(hashes) > 0 AND length(hashes) % 32 = 0),
        PRIMARY KEY (level, first_idx)
      ) STRICT;
      CREATE TRIGGER tree_nodes_no_update BEFORE UPDATE ON tree_nodes
      BEGIN SELECT RAISE(ABORT, 'tree nodes are append-only: UPDATE is refused'); END;
      CREATE TRIGGER tree_nodes_no_delete BEFORE DELETE ON tree_nodes
      BEGIN SELECT RAISE(ABORT, 'tree nodes are append-only: DELETE is refused'); END;

      CREATE TABLE signing_keys (
        key_id       TEXT NOT NULL PRIMARY KEY CHECK (length(key_id) = 8),
        key_name     TEXT NOT NULL,
        verifier_key TEXT NOT NULL UNIQUE,
        activated_at TEXT NOT NULL,
        retired_at   TEXT
      ) STRICT;
      CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
      CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
      BEGIN SELECT RAISE(ABORT, 'signing keys stay published: DELETE is refused'); END;
      CREATE TRIGGER signing_keys_retire_only BEFORE UPDATE ON signing_keys
      WHEN OLD.retired_at IS NOT NULL OR NEW.key_id IS NOT OLD.key_id OR NEW.key_name IS NOT OLD.key_name
        OR NEW.verifier_key IS NOT OLD.verifier_key OR NEW.activated_at IS NOT OLD.activated_at
      BEGIN SELECT RAISE(ABORT, 'a signing key can only be retired, once'); END;

      CREATE TABLE checkpoints (
        size   INTEGER NOT NULL PRIMARY KEY CHECK (size >= 0),
        note   TEXT    NOT NULL,
        key_id TEXT    NOT NULL REFERENCES signing_keys (key_id),
        cut_at TEXT    NOT NULL
      ) STRICT;
      CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
      BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: UPDATE is refused'); END;
      CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
      BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: DELETE is refused'); END;
    `,
  },
];

export const latestAuditSchemaVersion = steps.length;

const createComponentsTable =
  'CREATE TABLE IF NOT EXISTS schema_components (component TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT';

/** Brings the audit tables to the latest step in one transaction; run once at start. */
export function migrateAuditSchema(db: Database.Database): void {
  steps.forEach((step, at) => auditInvariant(step.version === at + 1, `audit schema step ${step.version} is out of sequence`));
  db.transaction(() => {
    db.exec(createComponentsTable);
    const current = auditSchemaVersion(db);
    if (current > latestAuditSchemaVersion) throw newerSchema(current);
    for (const step of steps.slice(current)) db.exec(step.sql);
    db.prepare(
      'INSERT INTO schema_components (component, version) VALUES (?, ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version',
    ).run(auditComponent, latestAuditSchemaVersion);
  }).immediate();
}

/** Refuses a database whose audit tables are not at this build's version. */
export function assertAuditSchema(db: Database.Database): void {
  const current = auditSchemaVersion(db);
  if (current > latestAuditSchemaVersion) throw newerSchema(current);
  if (current < latestAuditSchemaVersion) {
    throw new AuditError('AUDIT.SCHEMA_MISMATCH', `audit tables are at version ${current}; run migrateAuditSchema first`, {
      version: String(current),
    });
  }
}

function auditSchemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_components'").get();
  if (table === undefined) return 0;
  const version = db.prepare('SELECT version FROM schema_components WHERE component = ?').pluck().get(auditComponent);
  auditInvariant(version === undefined || typeof version === 'number', 'schema_components.version is an integer');
  return version ?? 0;
}

function newerSchema(version: number): AuditError {
  return new AuditError(
    'AUDIT.SCHEMA_MISMATCH',
    `audit tables are at version ${version}; this build knows up to ${latestAuditSchemaVersion}`,
    { version: String(version) },
  );
}
