import type Database from 'better-sqlite3';
import type { OnAppend } from '@ledger/event-store';
import { migrateComponent, type SchemaStep } from '../../store/app-schema';

/**
 * The idempotency key of a file's row: `import:<SHA-256 of the file>:<row>`, the row numbered as
 * a spreadsheet shows it. Event ids derive from (principal, key, index) (event-ids.ts), so the same
 * file imported again by the same principal names the very same events.
 */
export function rowIdempotencyKey(fileSha256: string, row: number): string {
  return `import:${fileSha256}:${row}`;
}

/** The correlation id of every event an import of this file posts: all of them, across attempts. */
export function importCorrelationId(fileSha256: string): string {
  return `import:${fileSha256}`;
}

const rowKeyPattern = /^import:([0-9a-f]{64}):(\d+)$/;

/** The file and row of an import's row key; undefined for any other key. */
export function parseRowKey(key: string): { fileSha256: string; row: number } | undefined {
  const match = rowKeyPattern.exec(key);
  return match === null ? undefined : { fileSha256: match[1]!, row: Number(match[2]) };
}

const steps: readonly SchemaStep[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE import_files (
        principal_id TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        posted_through_row INTEGER NOT NULL,
        PRIMARY KEY (principal_id, file_sha256)
      ) STRICT`,
  },
];

/**
 * How far each file has been posted, per principal: the last row whose events are stored. Rows are
 * posted in file order, so the posted rows are always the rows up to that one. Written by the
 * append hook inside the append transaction, from the events' own row keys, so it can never
 * disagree with the log: after a crash halfway through posting, importing the same file again
 * skips exactly the rows that are stored and posts the rest.
 */
export class ImportRecords {
  private readonly select: Database.Statement<[string, string]>;
  private readonly upsert: Database.Statement<[string, string, number]>;

  constructor(db: Database.Database) {
    migrateComponent(db, 'imports', steps);
    this.select = db.prepare('SELECT posted_through_row AS row FROM import_files WHERE principal_id = ? AND file_sha256 = ?');
    this.upsert = db.prepare(
      `INSERT INTO import_files (principal_id, file_sha256, posted_through_row) VALUES (?, ?, ?)
       ON CONFLICT (principal_id, file_sha256) DO UPDATE SET posted_through_row = max(posted_through_row, excluded.posted_through_row)`,
    );
  }

  /** The last row of the file this principal has posted; 1 (the header) when none. */
  postedThroughRow(principalId: string, fileSha256: string): number {
    return (this.select.get(principalId, fileSha256) as { row: number } | undefined)?.row ?? 1;
  }

  readonly appendHook: OnAppend = (_db, recorded) => {
    const last = new Map<string, { principalId: string; fileSha256: string; row: number }>();
    for (const { metadata } of recorded) {
      const key = metadata.idempotencyKey === undefined ? undefined : parseRowKey(metadata.idempotencyKey);
      if (key === undefined || metadata.actor === undefined) continue;
      const scope = `${metadata.actor}\u0000${key.fileSha256}`;
      if ((last.get(scope)?.row ?? 0) < key.row) last.set(scope, { principalId: metadata.actor, ...key });
    }
    for (const { principalId, fileSha256, row } of last.values()) this.upsert.run(principalId, fileSha256, row);
  };
}
