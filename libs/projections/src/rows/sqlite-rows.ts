import type Database from 'better-sqlite3';
import { invariant } from '@ledger/domain';
import type { RowOp, SyncRowExecutor } from './row-ops';
import { deleteByKeySql, insertSql, selectByKeySql } from './sql-text';
import { checkedRow, normalizeRow, type AnyTableDef, type RowValue } from './table';

/**
 * Runs row operations synchronously on a better-sqlite3 connection, in whatever transaction the
 * caller holds (the store's append transaction when inline, a page transaction otherwise).
 * Statements are prepared once per SQL text. Reads use safe integers, so a bigint column never
 * passes through a float.
 */
export class SqliteRowExecutor implements SyncRowExecutor {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  execute(op: RowOp): unknown {
    switch (op.kind) {
      case 'get': {
        const raw = this.statement(selectByKeySql(op.table, 'sqlite'), true).get(...keyValues(op.table, op.key));
        return raw === undefined ? undefined : normalizeRow(op.table, raw as Record<string, unknown>);
      }
      case 'put':
      case 'insert': {
        const values = checkedRow(op.table, op.row);
        const sql = insertSql(op.table, 'sqlite', 1, op.kind === 'put');
        this.statement(sql, false).run(...op.table.columns.map((c) => values[c.name]));
        return undefined;
      }
      case 'delete':
        this.statement(deleteByKeySql(op.table, 'sqlite'), false).run(...keyValues(op.table, op.key));
        return undefined;
    }
  }

  private statement(sql: string, reader: boolean): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (reader) statement.safeIntegers(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function keyValues(table: AnyTableDef, key: Readonly<Record<string, RowValue>>): unknown[] {
  return table.primaryKey.map((column) => {
    const value = key[column];
    invariant(value !== undefined && value !== null, `${table.name}: key column ${column} missing`);
    return value;
  });
}
