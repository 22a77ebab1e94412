import type Database from 'better-sqlite3';
import { storeInvariant } from '../port/store-error';

interface Migration {
  readonly version: number;
  readonly sql: string;
}

/**
 * The schema, as versioned steps; never edit a released step, add one. The file's step is kept
 * in `PRAGMA user_version`. Stream revisions are not kept in a table of their own: the
 * UNIQUE (stream, revision) index answers `max(revision)` with one seek, and one source of truth
 * cannot disagree with itself.
 *
 * The triggers refuse UPDATE and DELETE of an event for every connection. `INSERT OR REPLACE`
 * deletes the row it replaces without firing DELETE triggers unless `recursive_triggers` is on,
 * which SqliteLog sets on its connection; a BEFORE INSERT trigger could refuse it everywhere, but
 * its look-ups cost as much as the rest of an insert (measured), and these triggers are a guard
 * against mistakes, not attackers: whoever can write the file can drop them, and the Merkle
 * leaves stored beside each event are what make tampering evident.
 */
const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE events (
        position       INTEGER PRIMARY KEY CHECK (position > 0),
        event_id       TEXT    NOT NULL UNIQUE,
        stream         TEXT    NOT NULL,
        revision       INTEGER NOT NULL CHECK (revision >= 0),
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL,
        recorded_at    TEXT    NOT NULL,
        leaf_hash      BLOB    NOT NULL CHECK (length(leaf_hash) = 32),
        UNIQUE (stream, revision)
      ) STRICT;

      CREATE INDEX events_by_recorded_at ON events (recorded_at);

      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN
        SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused');
      END;

      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN
        SELECT RAISE(ABORT, 'events are append-only: DELETE is refused');
      END;
    `,
  },
];

export const latestSchemaVersion = migrations.length;

/** Brings the file to the latest schema in one transaction: a crash mid-way leaves the old one. */
export function migrate(db: Database.Database): void {
  migrations.forEach((migration, index) => {
    storeInvariant(migration.version === index + 1, `migration ${migration.version} is out of sequence`);
  });
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true });
    storeInvariant(typeof current === 'number', 'user_version is a number');
    if (current > latestSchemaVersion) {
      throw new Error(`${db.name} has schema version ${current}; this build knows up to ${latestSchemaVersion}`);
    }
    for (const migration of migrations.slice(current)) db.exec(migration.sql);
    db.pragma(`user_version = ${latestSchemaVersion}`);
  });
  run.immediate();
}
