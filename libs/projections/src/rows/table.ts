import { InvariantViolation, invariant } from '@ledger/domain';

/**
 * A read-model table described as data, so that one description gives the DDL of both dialects,
 * the statements of both row writers and the ordered dump a rebuild is compared with.
 *
 * Column types: `text`; `int` for small integers (years, flags, counts per row) read as a JS
 * number; `bigint` for fen amounts and log positions, read as a JS bigint. Money is stored in
 * integer fen, never as a float or a decimal text: SQL sums over fen are exact in both dialects
 * (SQLite INTEGER and PostgreSQL BIGINT are 64-bit), and 2^63 fen is far beyond any budget.
 */
export type ColumnType = 'text' | 'int' | 'bigint';

export type ValueOf<T extends ColumnType> = T extends 'text' ? string : T extends 'int' ? number : bigint;

export type RowValue = string | number | bigint | null;

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

/** A table whatever its row type: what the executors, the DDL and the dumps take. */
export interface AnyTableDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly primaryKey: readonly string[];
  /** Secondary indexes, each a list of columns. */
  readonly indexes: readonly (readonly string[])[];
}

export interface TableDef<R extends object> extends AnyTableDef {
  readonly primaryKey: readonly (keyof R & string)[];
  readonly indexes: readonly (readonly (keyof R & string)[])[];
  /** Only for typing: the row shape. Never set. */
  readonly row?: R;
}

/** `'text'`, or `['text', 'nullable']` for a column that may hold NULL. */
export type ColumnSpec = ColumnType | readonly [ColumnType, 'nullable'];

export type RowOf<T> = T extends TableDef<infer R> ? R : never;

/** Declares a table; the row type is written once, and the spec must name every one of its columns. */
export function table<R extends object>(
  name: string,
  columns: { readonly [K in keyof R & string]-?: ColumnSpec },
  primaryKey: readonly (keyof R & string)[],
  indexes: readonly (readonly (keyof R & string)[])[] = [],
): TableDef<R> {
  invariant(/^[a-z][a-z0-9_]*$/.test(name), `table name ${name} is not a plain identifier`);
  const defs: ColumnDef[] = Object.entries(columns as Record<string, ColumnSpec>).map(([column, spec]) => {
    invariant(/^[a-z][a-z0-9_]*$/.test(column), `column name ${column} is not a plain identifier`);
    return typeof spec === 'string' ? { name: column, type: spec, nullable: false } : { name: column, type: spec[0], nullable: true };
  });
  const names = new Set(defs.map((column) => column.name));
  for (const key of [...primaryKey, ...indexes.flat()]) invariant(names.has(key), `table ${name}: unknown key column ${key}`);
  for (const key of primaryKey) invariant(!defs.find((c) => c.name === key)!.nullable, `table ${name}: key column ${key} is nullable`);
  return { name, columns: defs, primaryKey, indexes };
}

/**
 * Brings a value read from either driver to the column's JS type: better-sqlite3 (with safe
 * integers) gives bigint for every INTEGER, pg gives BIGINT as a string; both give text as string.
 */
export function normalizeValue(table: string, column: ColumnDef, value: unknown): RowValue {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new InvariantViolation(`${table}.${column.name} is NULL`);
    return null;
  }
  switch (column.type) {
    case 'text':
      invariant(typeof value === 'string', `${table}.${column.name} is not text`);
      return value;
    case 'int': {
      const number = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
      invariant(typeof number === 'number' && Number.isSafeInteger(number), `${table}.${column.name} is not an integer`);
      return number;
    }
    case 'bigint':
      invariant(typeof value === 'bigint' || typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value)), `${table}.${column.name} is not an integer`);
      return BigInt(value as bigint | string | number);
  }
}

export function normalizeRow<R extends object>(def: TableDef<R> | AnyTableDef, raw: Record<string, unknown>): R {
  const row: Record<string, RowValue> = {};
  for (const column of def.columns) row[column.name] = normalizeValue(def.name, column, raw[column.name]);
  return row as R;
}

/** Checks a row about to be written against its table: every column present, of its type. */
export function checkedRow(def: AnyTableDef, row: object): Record<string, RowValue> {
  const values = row as Record<string, unknown>;
  const keys = Object.keys(values);
  // Runs for every column of every row written: messages are built only on failure.
  if (keys.length !== def.columns.length) throw new InvariantViolation(`${def.name}: row has ${keys.length} columns, table has ${def.columns.length}`);
  for (const column of def.columns) {
    const value = values[column.name];
    if (value === null) {
      if (!column.nullable) throw new InvariantViolation(`${def.name}.${column.name} may not be NULL`);
      continue;
    }
    const ok =
      (column.type === 'text' && typeof value === 'string') ||
      (column.type === 'int' && typeof value === 'number' && Number.isSafeInteger(value)) ||
      (column.type === 'bigint' && typeof value === 'bigint');
    if (!ok) throw new InvariantViolation(`${def.name}.${column.name}: ${typeof value} is not ${column.type}`);
  }
  return values as Record<string, RowValue>;
}

/** A stable text key for a row's primary key: for caches and error messages. */
export function keyText(def: AnyTableDef, row: object): string {
  const values = row as Record<string, unknown>;
  const key = def.primaryKey;
  // Called for every row operation: most keys have one column, which needs no array and no join.
  if (key.length === 1) return String(values[key[0]!]);
  let text = String(values[key[0]!]);
  for (let i = 1; i < key.length; i++) text += `\u0000${String(values[key[i]!])}`;
  return text;
}

/** A key's column values in primary-key order: the parameters of a by-key statement. */
export function keyValues(def: AnyTableDef, key: Readonly<Record<string, RowValue>>): RowValue[] {
  return def.primaryKey.map((column) => {
    const value = key[column];
    if (value === undefined || value === null) throw new InvariantViolation(`${def.name}: key column ${column} missing`);
    return value;
  });
}
