import Database from 'better-sqlite3';
import type { EmbeddedLog } from '../embedded/embedded-event-store';
import { type EventRow, toRecordedEvent } from '../embedded/event-row';
import type { StreamRevision } from '../port/event-store';
import type { RecordedEvent } from '../port/recorded-event';
import { storeInvariant } from '../port/store-error';
import { migrate } from './schema';

/**
 * Called inside the append transaction, after the events are inserted and before COMMIT, with the
 * events as readers will see them: a projection written here commits or rolls back with them.
 * Throwing refuses the append. Not called for a replay (nothing new was recorded).
 */
export type OnAppend = (db: Database.Database, recorded: readonly RecordedEvent[]) => void;

/** The columns of `events` as EventRow names (integers arrive as bigint: safeIntegers). */
const selectRow = `
  SELECT position, event_id AS eventId, stream, revision, type, schema_version AS schemaVersion,
         data AS dataJson, metadata AS metadataJson, recorded_at AS recordedAt, leaf_hash AS leafHash
  FROM events`;

type SqlRow = Omit<EventRow, 'schemaVersion'> & { readonly schemaVersion: bigint };

/**
 * The log in one SQLite file, through one connection: the single writer. Statements are prepared
 * once; better-sqlite3 is synchronous, so each call completes before any other JavaScript runs.
 */
export class SqliteLog implements EmbeddedLog {
  readonly db: Database.Database;
  private readonly transaction: Database.Transaction<(work: () => unknown) => unknown>;
  private readonly statements: Statements;

  constructor(
    filename: string,
    private readonly onAppend: OnAppend | undefined,
  ) {
    this.db = new Database(filename);
    try {
      configure(this.db);
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.transaction = this.db.transaction((work: () => unknown) => work());
    this.statements = prepareStatements(this.db);
  }

  atomically<T>(work: () => T): T {
    // BEGIN IMMEDIATE takes the write lock before the first read, so the revision checks and the
    // inserts see one state; another process writing the file waits (busy timeout) or fails whole.
    return this.transaction.immediate(work) as T;
  }

  storedEvents(eventIds: readonly string[]): ReadonlyMap<string, EventRow> {
    const rows = this.statements.storedEvents.all(JSON.stringify(eventIds)) as SqlRow[];
    return new Map(rows.map((row) => [row.eventId, fromSql(row)]));
  }

  streamRevision(stream: string): StreamRevision {
    const revision = this.statements.streamRevision.get(stream) as bigint | null;
    return revision === null ? 'no_stream' : revision;
  }

  lastEvent(): Pick<EventRow, 'position' | 'recordedAt'> | undefined {
    return this.statements.lastEvent.get() as Pick<EventRow, 'position' | 'recordedAt'> | undefined;
  }

  insert(rows: readonly EventRow[]): void {
    const insert = this.statements.insert;
    for (const row of rows) {
      insert.run(
        row.position,
        row.eventId,
        row.stream,
        row.revision,
        row.type,
        row.schemaVersion,
        row.dataJson,
        row.metadataJson,
        row.recordedAt,
        row.leafHash,
      );
    }
    this.onAppend?.(this.db, rows.map(toRecordedEvent));
  }

  readAllPage(fromPosition: bigint, toPosition: bigint, limit: number): readonly EventRow[] {
    return this.rows(this.statements.allPage.all(fromPosition, toPosition, limit));
  }

  readStreamForwards(stream: string, fromRevision: bigint, limit: number): readonly EventRow[] {
    return this.rows(this.statements.streamForwards.all(stream, fromRevision, limit));
  }

  readStreamBackwards(stream: string, fromRevision: bigint, toPosition: bigint, limit: number): readonly EventRow[] {
    return this.rows(this.statements.streamBackwards.all(stream, fromRevision, toPosition, limit));
  }

  positionAt(recordedAt: string): bigint {
    return (this.statements.positionAt.get(recordedAt) as bigint | undefined) ?? 0n;
  }

  close(): void {
    this.db.close();
  }

  private rows(sqlRows: unknown[]): readonly EventRow[] {
    return (sqlRows as SqlRow[]).map(fromSql);
  }
}

/** Per-connection settings: none of these persist in the file except journal_mode. */
function configure(db: Database.Database): void {
  // WAL: readers never block the writer and a commit appends to one file. The pragma answers
  // with the mode it got, which is not WAL on a filesystem that cannot do it: refuse that.
  storeInvariant(db.pragma('journal_mode = WAL', { simple: true }) === 'wal', 'journal_mode is WAL');
  // FULL, not NORMAL: in WAL mode NORMAL syncs the WAL only at checkpoints, so a commit that was
  // acknowledged "might roll back following a power loss or system crash" (SQLite, PRAGMA
  // synchronous). FULL syncs the WAL at every commit, so an acknowledged append survives power
  // loss. better-sqlite3 builds with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL), and the pragma
  // is per connection, so it is set on every open.
  db.pragma('synchronous = FULL');
  storeInvariant(db.pragma('synchronous', { simple: true }) === 2, 'synchronous is FULL');
  // So that the row INSERT OR REPLACE would delete fires the DELETE trigger (see schema.ts).
  db.pragma('recursive_triggers = ON');
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    storedEvents: db.prepare(`${selectRow} WHERE event_id IN (SELECT value FROM json_each(?))`).safeIntegers(),
    streamRevision: db.prepare('SELECT max(revision) FROM events WHERE stream = ?').pluck().safeIntegers(),
    lastEvent: db
      .prepare('SELECT position, recorded_at AS recordedAt FROM events ORDER BY position DESC LIMIT 1')
      .safeIntegers(),
    insert: db.prepare(
      `INSERT INTO events (position, event_id, stream, revision, type, schema_version, data, metadata, recorded_at, leaf_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    allPage: db
      .prepare(`${selectRow} WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`)
      .safeIntegers(),
    streamForwards: db
      .prepare(`${selectRow} WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .safeIntegers(),
    streamBackwards: db
      .prepare(`${selectRow} WHERE stream = ? AND revision <= ? AND position <= ? ORDER BY revision DESC LIMIT ?`)
      .safeIntegers(),
    // recordedAt never decreases along positions, so the latest entry of the recorded_at index
    // at or before the moment (ties broken by position, the index's implicit last column) is the
    // last position recorded by then.
    positionAt: db
      .prepare(
        'SELECT position FROM events WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1',
      )
      .pluck()
      .safeIntegers(),
  };
}

function fromSql(row: SqlRow): EventRow {
  return { ...row, schemaVersion: Number(row.schemaVersion) };
}
