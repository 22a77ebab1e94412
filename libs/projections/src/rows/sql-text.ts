import type { AnyTableDef, ColumnType } from './table';

/**
 * The SQL text of the row writers and the DDL, from a table description. Only standard SQL both
 * dialects accept is used (`INSERT … ON CONFLICT (key) DO UPDATE SET c = excluded.c` is in SQLite
 * since 3.24 and PostgreSQL since 9.5); the dialects differ in placeholders and column types.
 * Identifiers come from `table()`, which admits only plain lowercase names, so no quoting is needed.
 */
export type Dialect = 'sqlite' | 'postgres';

const columnTypes: Readonly<Record<Dialect, Readonly<Record<ColumnType, string>>>> = {
  // STRICT tables refuse a value of the wrong type instead of converting it.
  sqlite: { text: 'TEXT', int: 'INTEGER', bigint: 'INTEGER' },
  // COLLATE "C": text sorts by bytes, as in SQLite, so listings and dumps order alike in both.
  postgres: { text: 'TEXT COLLATE "C"', int: 'INTEGER', bigint: 'BIGINT' },
};

function placeholder(dialect: Dialect, index: number): string {
  return dialect === 'sqlite' ? '?' : `$${index + 1}`;
}

export function createTableSql(def: AnyTableDef, dialect: Dialect): string[] {
  const columns = def.columns.map((c) => `${c.name} ${columnTypes[dialect][c.type]}${c.nullable ? '' : ' NOT NULL'}`);
  const strict = dialect === 'sqlite' ? ' STRICT' : '';
  const create = `CREATE TABLE IF NOT EXISTS ${def.name} (${columns.join(', ')}, PRIMARY KEY (${def.primaryKey.join(', ')}))${strict}`;
  const indexes = def.indexes.map((columnsOfIndex) => `CREATE INDEX IF NOT EXISTS ${def.name}_by_${columnsOfIndex.join('_')} ON ${def.name} (${columnsOfIndex.join(', ')})`);
  return [create, ...indexes];
}

export function dropTableSql(def: AnyTableDef): string {
  return `DROP TABLE IF EXISTS ${def.name}`;
}

export function deleteAllSql(def: AnyTableDef): string {
  return `DELETE FROM ${def.name}`;
}

function columnList(def: AnyTableDef): string {
  return def.columns.map((c) => c.name).join(', ');
}

function whereEqual(columns: readonly string[], dialect: Dialect, offset = 0): string {
  return columns.map((column, i) => `${column} = ${placeholder(dialect, offset + i)}`).join(' AND ');
}

/** Statement texts are built once per table and shape: the row writers ask for them on every operation. */
const texts = new WeakMap<AnyTableDef, Map<string, string>>();

function memo(def: AnyTableDef, shape: string, build: () => string): string {
  let byShape = texts.get(def);
  if (byShape === undefined) texts.set(def, (byShape = new Map()));
  let text = byShape.get(shape);
  if (text === undefined) byShape.set(shape, (text = build()));
  return text;
}

export function selectByKeySql(def: AnyTableDef, dialect: Dialect): string {
  return memo(def, `get:${dialect}`, () => `SELECT ${columnList(def)} FROM ${def.name} WHERE ${whereEqual(def.primaryKey, dialect)}`);
}

/** `rows` rows in one statement; with `upsert`, a row whose key exists replaces it. */
export function insertSql(def: AnyTableDef, dialect: Dialect, rows: number, upsert: boolean): string {
  return memo(def, `insert:${dialect}:${rows}:${upsert}`, () => buildInsert(def, dialect, rows, upsert));
}

function buildInsert(def: AnyTableDef, dialect: Dialect, rows: number, upsert: boolean): string {
  const width = def.columns.length;
  const values = Array.from({ length: rows }, (_, r) => `(${def.columns.map((_, c) => placeholder(dialect, r * width + c)).join(', ')})`);
  const insert = `INSERT INTO ${def.name} (${columnList(def)}) VALUES ${values.join(', ')}`;
  if (!upsert) return insert;
  const updated = def.columns.filter((c) => !def.primaryKey.includes(c.name));
  const action = updated.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updated.map((c) => `${c.name} = excluded.${c.name}`).join(', ')}`;
  return `${insert} ON CONFLICT (${def.primaryKey.join(', ')}) ${action}`;
}

export function deleteByKeySql(def: AnyTableDef, dialect: Dialect): string {
  return memo(def, `delete:${dialect}`, () => `DELETE FROM ${def.name} WHERE ${whereEqual(def.primaryKey, dialect)}`);
}
