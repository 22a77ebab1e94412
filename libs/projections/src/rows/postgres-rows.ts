import { postgresRowsPerStatementMax } from '../limits';
import type { AsyncRowExecutor, RowOp } from './row-ops';
import { deleteByKeySql, insertSql, selectByKeySql } from './sql-text';
import { keyValues, normalizeRow, type AnyTableDef, type RowValue } from './table';
import { type SharedRowCache, UnitOfWorkRows } from './unit-of-work';

/** Runs one statement in the caller's transaction and returns its rows. */
export type SqlQuery = (sql: string, parameters: readonly unknown[]) => Promise<readonly Record<string, unknown>[]>;

/**
 * Runs row operations against PostgreSQL inside one transaction, as a unit of work (UnitOfWorkRows):
 * writes are held and flushed together (multi-row INSERTs, one upsert per key however often it
 * changed) before the checkpoint is written. A page of events touching the same accounts thus costs
 * a few statements, not one per operation, which is what a rebuild over the network needs. The
 * runner is the only writer of its tables, so nothing else can change a cached row.
 */
export class PostgresRowExecutor implements AsyncRowExecutor {
  private readonly rows: UnitOfWorkRows;

  /** `shared`: rows known from earlier committed transactions of the same writer (see SharedRowCache). */
  constructor(
    private readonly query: SqlQuery,
    shared?: SharedRowCache,
  ) {
    this.rows = new UnitOfWorkRows(shared);
  }

  execute(op: RowOp): unknown | Promise<unknown> {
    switch (op.kind) {
      case 'get': {
        const { text, known } = this.rows.lookup(op.table, op.key);
        return known !== undefined ? (known ?? undefined) : this.load(op.table, op.key, text);
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

  /** Writes every held change; the caller then writes the checkpoint and commits. */
  async flush(): Promise<void> {
    for (const { table, deletes, inserts, puts } of this.rows.drain()) {
      for (const key of deletes) await this.query(deleteByKeySql(table, 'postgres'), keyValues(table, key).map(postgresValue));
      for (const [rows, upsert] of [[inserts, false], [puts, true]] as const) {
        for (let start = 0; start < rows.length; start += postgresRowsPerStatementMax) {
          const chunk = rows.slice(start, start + postgresRowsPerStatementMax);
          const parameters = chunk.flatMap((row) => table.columns.map((c) => postgresValue((row as Record<string, RowValue>)[c.name]!)));
          await this.query(insertSql(table, 'postgres', chunk.length, upsert), parameters);
        }
      }
    }
  }

  /** After the transaction committed (UnitOfWorkRows.committedInto). */
  committedInto(shared: SharedRowCache): void {
    this.rows.committedInto(shared);
  }

  private async load(table: AnyTableDef, key: Readonly<Record<string, RowValue>>, text: string): Promise<object | undefined> {
    const rows = await this.query(selectByKeySql(table, 'postgres'), keyValues(table, key).map(postgresValue));
    const row = rows.length === 0 ? null : normalizeRow(table, rows[0]!);
    this.rows.loaded(table, text, row);
    return row ?? undefined;
  }
}

/** pg sends a bigint parameter as text, which PostgreSQL casts to the column's BIGINT exactly. */
function postgresValue(value: RowValue): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
