import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { EmbeddedEventStore } from '../embedded/embedded-event-store';
import { type Clock, systemClock } from '../port/event-store';
import { type OnAppend, SqliteLog } from './sqlite-log';

export interface SqliteEventStoreOptions {
  /** The database file; created with its schema if missing. */
  readonly filename: string;
  /** Source of recordedAt; default real time. */
  readonly clock?: Clock;
  readonly onAppend?: OnAppend;
}

/**
 * The default adapter: the log in one SQLite file (WAL, synchronous=FULL, one writer connection),
 * so the ledger runs with nothing else installed. One `append` is one IMMEDIATE transaction.
 */
export class SqliteEventStore extends EmbeddedEventStore {
  /**
   * The connection, for inline projections (see `onAppend`) and tests. Writing `events` through it
   * is refused by triggers; reading is fine; never start a transaction across an `await`.
   */
  readonly database: Database.Database;

  constructor(options: SqliteEventStoreOptions) {
    const log = new SqliteLog(options.filename, options.onAppend);
    super('sqlite', log, options.clock ?? systemClock);
    this.database = log.db;
  }
}

/** The file name inside the data directory. */
export const sqliteFileName = 'ledger.sqlite';

export interface OpenSqliteEventStoreOptions {
  /** Directory for the file (the app passes LEDGER_DATA_DIR, default ./.data); created if missing. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly onAppend?: OnAppend;
}

export function openSqliteEventStore(options: OpenSqliteEventStoreOptions): SqliteEventStore {
  mkdirSync(options.dataDir, { recursive: true });
  return new SqliteEventStore({
    filename: join(options.dataDir, sqliteFileName),
    clock: options.clock,
    onAppend: options.onAppend,
  });
}
