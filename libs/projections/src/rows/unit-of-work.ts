import { InvariantViolation } from '@ledger/domain';
import { keyText, checkedRow, type AnyTableDef, type RowValue } from './table';

type Key = Readonly<Record<string, RowValue>>;
type Pending = { readonly op: 'put' | 'insert'; readonly row: object } | { readonly op: 'delete'; readonly key: Key };

interface TableWork {
  readonly table: AnyTableDef;
  /** What this transaction knows of a key: the row, or null when it is known absent. */
  readonly cache: Map<string, object | null>;
  readonly pending: Map<string, Pending>;
  /** Keys inserted (not upserted) by this transaction: append-only facts, never read back. */
  readonly inserted: Set<string>;
}

/** A table's held changes, grouped as both writers flush them: deletes, then inserts, then upserts. */
export interface HeldChanges {
  readonly table: AnyTableDef;
  readonly deletes: readonly Key[];
  readonly inserts: readonly object[];
  readonly puts: readonly object[];
}

/**
 * The bookkeeping of a unit of work, without I/O (the SQLite and PostgreSQL writers do that): every
 * row read or written is known for the rest of the transaction, writes are held (one per key
 * however often the transaction changed it) until the writer drains them, and after the commit
 * what the transaction knew goes to a cache shared across transactions (SharedRowCache).
 */
export class UnitOfWorkRows {
  private readonly work = new Map<string, TableWork>();

  constructor(private readonly shared?: SharedRowCache) {}

  /** The key's text and what is known of it: the row, null (absent), or undefined (read it, then `loaded`). */
  lookup(table: AnyTableDef, key: Key): { readonly text: string; readonly known: object | null | undefined } {
    const work = this.tableWork(table);
    const text = keyText(table, key);
    const known = this.known(work, text);
    if (known !== undefined) work.cache.set(text, known);
    return { text, known };
  }

  loaded(table: AnyTableDef, text: string, row: object | null): void {
    this.tableWork(table).cache.set(text, row);
  }

  write(table: AnyTableDef, row: object, kind: 'put' | 'insert'): void {
    checkedRow(table, row);
    const work = this.tableWork(table);
    const key = keyText(table, row);
    const previous = work.pending.get(key);
    if (kind === 'insert') {
      const known = this.known(work, key);
      // Like the database would: an insert of a key known to exist is refused.
      if (known !== undefined && known !== null) throw new InvariantViolation(`${table.name}: insert of existing key ${key}`);
      work.inserted.add(key);
    }
    // After a write of the same key in this transaction the row may exist: write it as an upsert.
    work.pending.set(key, { op: kind === 'insert' && previous === undefined ? 'insert' : 'put', row });
    work.cache.set(key, row);
  }

  remove(table: AnyTableDef, key: Key): void {
    const work = this.tableWork(table);
    const text = keyText(table, key);
    work.pending.set(text, { op: 'delete', key });
    work.cache.set(text, null);
  }

  /** The held changes of every table, which the caller writes now; they are no longer held. */
  drain(): HeldChanges[] {
    return [...this.work.values()].map(({ table, pending }) => {
      const held = { table, deletes: [] as Key[], inserts: [] as object[], puts: [] as object[] };
      for (const change of pending.values()) {
        if (change.op === 'delete') held.deletes.push(change.key);
        else (change.op === 'insert' ? held.inserts : held.puts).push(change.row);
      }
      pending.clear();
      return held;
    });
  }

  /** After the commit: what the transaction read and wrote (not what it inserted) becomes known to the next one. */
  committedInto(shared: SharedRowCache): void {
    for (const work of this.work.values()) shared.absorb(work.table.name, work.cache, work.inserted);
  }

  private known(work: TableWork, key: string): object | null | undefined {
    if (work.cache.has(key)) return work.cache.get(key);
    return this.shared?.lookup(work.table.name, key);
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
