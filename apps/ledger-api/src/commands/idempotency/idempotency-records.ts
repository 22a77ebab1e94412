import type Database from 'better-sqlite3';
import { migrateComponent, type SchemaStep } from '../../store/app-schema';

/** The first final answer (2xx or 4xx) to one request, as the client saw it. */
export interface StoredAnswer {
  readonly status: number;
  /** The JSON body: a command answer or a problem. */
  readonly body: unknown;
}

export interface IdempotencyRecord extends StoredAnswer {
  readonly requestHash: string;
}

const steps: readonly SchemaStep[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE idempotency_records (
        principal_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (principal_id, idempotency_key)
      ) STRICT`,
  },
];

/**
 * Idempotency records in the ledger's own database file: written in the append transaction for
 * answers that appended events (see IdempotencyService), so the answer and its events commit together
 * and survive restarts together. Records are kept for good: a key is a promise never to post twice.
 */
export class IdempotencyRecords {
  private readonly select: Database.Statement<[string, string]>;
  private readonly insert: Database.Statement<[string, string, string, number, string]>;

  constructor(db: Database.Database) {
    migrateComponent(db, 'idempotency', steps);
    this.select = db.prepare('SELECT request_hash AS requestHash, status, body FROM idempotency_records WHERE principal_id = ? AND idempotency_key = ?');
    // OR IGNORE: the first final answer wins; a second writer for the same key has nothing to add.
    this.insert = db.prepare('INSERT OR IGNORE INTO idempotency_records (principal_id, idempotency_key, request_hash, status, body) VALUES (?, ?, ?, ?, ?)');
  }

  find(principalId: string, key: string): IdempotencyRecord | undefined {
    const row = this.select.get(principalId, key) as { requestHash: string; status: number; body: string } | undefined;
    return row && { requestHash: row.requestHash, status: row.status, body: JSON.parse(row.body) as unknown };
  }

  save(principalId: string, key: string, record: IdempotencyRecord): void {
    this.insert.run(principalId, key, record.requestHash, record.status, JSON.stringify(record.body));
  }
}
