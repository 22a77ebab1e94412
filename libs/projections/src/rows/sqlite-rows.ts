import type { RowOp, SyncRowExecutor } from './row-ops';
import { deleteByKeySql, insertSql, selectByKeySql } from './sql-text';
import type { SqliteStatements } from './sqlite-unit-of-work';
import { checkedRow, keyValues, normalizeRow } from './table';

/**
 * Runs row operations one statement each, at once, in whatever transaction the caller holds: for
 * the read model's own bookkeeping (installing tables, checkpoints), where nothing is worth holding.
 * Projections' pages go through SqliteUnitOfWork.
 */
export class SqliteRowExecutor implements SyncRowExecutor {
  constructor(private readonly statements: SqliteStatements) {}

  execute(op: RowOp): unknown {
    switch (op.kind) {
      case 'get': {
        const raw = this.statements.get(selectByKeySql(op.table, 'sqlite'), true).get(...keyValues(op.table, op.key));
        return raw === undefined ? undefined : normalizeRow(op.table, raw as Record<string, unknown>);
      }
      case 'put':
      case 'insert': {
        const values = checkedRow(op.table, op.row);
        const sql = insertSql(op.table, 'sqlite', 1, op.kind === 'put');
        this.statements.get(sql, false).run(...op.table.columns.map((c) => values[c.name]));
        return undefined;
      }
      case 'delete':
        this.statements.get(deleteByKeySql(op.table, 'sqlite'), false).run(...keyValues(op.table, op.key));
        return undefined;
    }
  }
}
