import { invariant } from '@ledger/domain';
import { postgresRowsPerStatementMax } from '../limits';
import type { AsyncRowExecutor, RowOp } from './row-ops';
import { deleteByKeySql, insertSql, selectByKeySql } from './sql-text';
import { checkedRow, keyText, normalizeRow, type AnyTableDef, type RowValue } from './table';

/** Runs one statement in the caller's transaction and returns its rows. */
export type SqlQuery = (sql: string, parameters: readonly unknown[]) => Promise<readonly Record<string, unknown>[]>;

type Pending = { readonly op: 'put' | 'insert'; readonly row: object } | { readonly op: 'delete'; readonly key: Readonly<Record<string, RowValue>> };

interface TableWork {
  readonly table: AnyTableDef;
  /** What this transaction knows of a key: the row, or null when it is known absent. */
  readonly cache: Map<string, object | null>;
  readonly pending: Map<string, Pending>;
  /** Keys inserted (not upserted) by this transaction. */
  readonly inserted: Set<string>;
}

/**
 * Runs row operations against PostgreSQL inside one transaction, as a unit of work: every row read
 * or written is cached for the rest of the transaction, and writes are held and flushed together
 * (multi-row INSERTs, one upsert per key however often it changed) before the checkpoint is
 * written. A page of events touching the same accounts thus costs a few statements, not one per
 * operation, which is what a rebuild over the network needs. The cache lives as long as the
 * transaction: the runner is the only writer of its tables, so nothing else can change a cached row.
 */
export class PostgresRowExecutor implements AsyncRowExecutor {
  private readonly work = new Map<string, TableWork>();

  /** `shared`: rows known from earlier committed transactions of the same writer (see SharedRowCache). */
  constructor(
    private readonly query: SqlQuery,
    private readonly shared?: SharedRowCache,
  ) {}

  execute(op: RowOp): unknown | Promise<unknown> {
    const work = this.tableWork(op.table);
    switch (op.kind) {
      case 'get': {
        const key = keyText(op.table, op.key);
        const cached = this.known(work, key);
        if (cached !== undefined) {
          work.cache.set(key, cached);
          return cached ?? undefined;
        }
        return this.load(work, op.key, key);
      }
      case 'put':
      case 'insert': {
        checkedRow(op.table, op.row);
        const key = keyText(op.table, op.row);
        const previous = work.pending.get(key);
        const cached = this.known(work, key);
        if (op.kind === 'insert') work.inserted.add(key);
        // Like the database would: an insert of a key this transaction knows to exist is refused.
        invariant(op.kind !== 'insert' || (cached === undefined || cached === null), `${op.table.name}: insert of existing key ${key}`);
        // After a write of the same key in this transaction the row may exist: write it as an upsert.
        const kind = op.kind === 'insert' && previous === undefined ? 'insert' : 'put';
        work.pending.set(key, { op: kind, row: op.row });
        work.cache.set(key, op.row);
        return undefined;
      }
      case 'delete': {
        const key = keyText(op.table, op.key);
        work.pending.set(key, { op: 'delete', key: op.key });
        work.cache.set(key, null);
        return undefined;
      }
    }
  }

  /** Writes every held change; the caller then writes the checkpoint and commits. */
  async flush(): Promise<void> {
    for (const work of this.work.values()) {
      const deletes = [...work.pending.values()].filter((p): p is Extract<Pending, { op: 'delete' }> => p.op === 'delete');
      for (const pending of deletes) await this.query(deleteByKeySql(work.table, 'postgres'), keyParameters(work.table, pending.key));
      for (const op of ['insert', 'put'] as const) {
        const rows = [...work.pending.values()].filter((p) => p.op === op).map((p) => (p as { row: object }).row);
        for (let start = 0; start < rows.length; start += postgresRowsPerStatementMax) {
          const chunk = rows.slice(start, start + postgresRowsPerStatementMax);
          const parameters = chunk.flatMap((row) => work.table.columns.map((c) => postgresValue((row as Record<string, RowValue>)[c.name]!)));
          await this.query(insertSql(work.table, 'postgres', chunk.length, op === 'put'), parameters);
        }
      }
      work.pending.clear();
    }
  }

  /**
   * After the transaction committed: what it read and wrote becomes known to the next one, except
   * rows it inserted (append-only facts and postings, never read back: caching them would only
   * fill memory).
   */
  committedInto(shared: SharedRowCache): void {
    for (const work of this.work.values()) shared.absorb(work.table.name, work.cache, work.inserted);
  }

  /** What this transaction, or an earlier one of the same writer, knows of a key: row, null (absent) or undefined. */
  private known(work: TableWork, key: string): object | null | undefined {
    if (work.cache.has(key)) return work.cache.get(key);
    return this.shared?.lookup(work.table.name, key);
  }

  private async load(work: TableWork, key: Readonly<Record<string, RowValue>>, text: string): Promise<object | undefined> {
    const rows = await this.query(selectByKeySql(work.table, 'postgres'), keyParameters(work.table, key));
    const row = rows.length === 0 ? null : normalizeRow(work.table, rows[0]!);
    work.cache.set(text, row);
    return row ?? undefined;
  }

  private tableWork(table: AnyTableDef): TableWork {
    let work = this.work.get(table.name);
    if (work === undefined) {
      work = { table, cache: new Map(), pending: new Map(), inserted: new Set() };
      this.work.set(table.name, work);
    }
    return work;
  }
}

function keyParameters(table: AnyTableDef, key: Readonly<Record<string, RowValue>>): unknown[] {
  return table.primaryKey.map((column) => {
    const value = key[column];
    invariant(value !== undefined && value !== null, `${table.name}: key column ${column} missing`);
    return postgresValue(value);
  });
}

/** pg sends a bigint parameter as text, which PostgreSQL casts to the column's BIGINT exactly. */
function postgresValue(value: RowValue): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * Rows one writer knows across its page transactions, so that a catch-up or a rebuild does not
 * read back, page after page, the accounts and lines it wrote itself. Valid only while that writer
 * is the only one: the read model clears it whenever a checkpoint is not where it left it (another
 * process applied a page), after a failed transaction, and when it grows past `rowsMax`. A table
 * emptied by a reset is "complete": a key not cached is known to be absent, which saves every
 * first read of a rebuild.
 */
export class SharedRowCache {
  private readonly tables = new Map<string, Map<string, object | null>>();
  private readonly complete = new Set<string>();
  private size = 0;

  constructor(
    private readonly rowsMax: number,
    private readonly uncached: ReadonlySet<string>,
  ) {}

  /** The row, null when known absent, undefined when unknown. */
  lookup(table: string, key: string): object | null | undefined {
    if (this.uncached.has(table)) return undefined;
    const row = this.tables.get(table)?.get(key);
    if (row !== undefined) return row;
    return this.complete.has(table) ? null : undefined;
  }

  /**
   * What a committed transaction knew of a table, except the keys it inserted (append-only facts
   * and postings, never read back: caching them would only fill memory); having inserted rows that
   * are not kept, the table is no longer complete.
   */
  absorb(table: string, rows: ReadonlyMap<string, object | null>, inserted: ReadonlySet<string>): void {
    if (this.uncached.has(table)) return;
    if (inserted.size > 0) this.complete.delete(table);
    let cached = this.tables.get(table);
    if (cached === undefined) this.tables.set(table, (cached = new Map()));
    for (const [key, row] of rows) {
      if (inserted.has(key)) continue;
      if (!cached.has(key)) this.size += 1;
      cached.set(key, row);
    }
    if (this.size > this.rowsMax) this.clear();
  }

  /** The tables were just emptied: nothing in them but what is written from now on. */
  markEmpty(tables: readonly string[]): void {
    for (const table of tables) {
      this.size -= this.tables.get(table)?.size ?? 0;
      this.tables.delete(table);
      this.complete.add(table);
    }
  }

  clear(): void {
    this.tables.clear();
    this.complete.clear();
    this.size = 0;
  }
}
