import type Database from 'better-sqlite3';
import { sqliteRowsPerStatementMax } from '../limits';
import type { RowOp, SyncRowExecutor } from './row-ops';
import { deleteByKeySql, insertSql, selectByKeySql } from './sql-text';
import { keyValues, normalizeRow, type RowValue } from './table';
import { type SharedRowCache, UnitOfWorkRows } from './unit-of-work';

/**
 * Prepared statements of one connection, by SQL text: shared by every writer on it. Readers use
 * safe integers, so a bigint column never passes through a float.
 */
export class SqliteStatements {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  get(sql: string, reader: boolean): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (reader) statement.safeIntegers(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The page writer of the SQLite read model (catch-ups, subscription pages, rebuilds, and the inline
 * hook): the PostgreSQL writer's unit of work (UnitOfWorkRows), synchronous, in whatever
 * transaction the caller holds. Writes are held and flushed at the end (one write per key however
 * often the page changed it: an account moved by a thousand events is written once; inserts in
 * multi-row statements), and with a SharedRowCache a rebuild reads back almost nothing it wrote
 * itself. Measured: bench/rebuild.
 *
 * The inline hook uses a unit of work of its own per append, without the shared cache (the append
 * may roll back after the hook ran); it writes behind the shared cache's back, so the read model
 * drops that cache whenever the hook runs.
 */
export class SqliteUnitOfWork implements SyncRowExecutor {
  private readonly rows: UnitOfWorkRows;

  constructor(
    private readonly statements: SqliteStatements,
    shared?: SharedRowCache,
  ) {
    this.rows = new UnitOfWorkRows(shared);
  }

  execute(op: RowOp): unknown {
    switch (op.kind) {
      case 'get': {
        const { text, known } = this.rows.lookup(op.table, op.key);
        if (known !== undefined) return known ?? undefined;
        const raw = this.statements.get(selectByKeySql(op.table, 'sqlite'), true).get(...keyValues(op.table, op.key));
        const row = raw === undefined ? null : normalizeRow(op.table, raw as Record<string, unknown>);
        this.rows.loaded(op.table, text, row);
        return row ?? undefined;
      }
      case 'put':
      case 'insert':
        this.rows.write(op.table, op.row, op.kind);
        return undefined;
      case 'delete':
        this.rows.remove(op.table, op.key);
        return undefined;
    }
  }

  /** Writes every held change, in the caller's transaction (before it commits). */
  flush(): void {
    for (const { table, deletes, inserts, puts } of this.rows.drain()) {
      for (const key of deletes) this.statements.get(deleteByKeySql(table, 'sqlite'), false).run(...keyValues(table, key));
      for (const [rows, upsert] of [[inserts, false], [puts, true]] as const) {
        for (let start = 0; start < rows.length; start += sqliteRowsPerStatementMax) {
          const end = Math.min(rows.length, start + sqliteRowsPerStatementMax);
          const values: RowValue[] = [];
          for (let r = start; r < end; r++) {
            const row = rows[r] as Record<string, RowValue>;
            for (const column of table.columns) values.push(row[column.name]!);
          }
          this.statements.get(insertSql(table, 'sqlite', end - start, upsert), false).run(values);
        }
      }
    }
  }

  /** After the commit (UnitOfWorkRows.committedInto). */
  committedInto(shared: SharedRowCache): void {
    this.rows.committedInto(shared);
  }
}
