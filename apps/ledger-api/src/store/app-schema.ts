import type Database from 'better-sqlite3';

/** One versioned step of a component's tables in the embedded database; never edit a released step. */
export interface SchemaStep {
  readonly version: number;
  readonly sql: string;
}

/**
 * Brings a component's tables (idempotency records, read models, …) up to its latest step, in one
 * transaction at start. The event store keeps its own schema under PRAGMA user_version; the other
 * components of the process share this table of versions, one row each.
 */
export function migrateComponent(db: Database.Database, component: string, steps: readonly SchemaStep[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_components (component TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT');
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_components WHERE component = ?').get(component) as { version: number } | undefined;
    const current = row?.version ?? 0;
    for (const step of steps) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_components (component, version) VALUES (?, ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version').run(
        component,
        step.version,
      );
    }
  }).immediate();
}
