import { InvariantViolation } from '@ledger/domain';
import type { AnyTableDef, RowValue, TableDef } from './table';

/**
 * How a projection talks to its tables: it never calls a database. Its `apply` is a generator that
 * yields row operations as plain data (read one row by key, upsert, insert, delete) and receives what a read found. Two small executors run those operations: a
 * synchronous one over better-sqlite3, which is what lets the embedded store apply projections
 * inside its append transaction (its `onAppend` hook cannot await), and an asynchronous one over
 * PostgreSQL (through Kysely). The projection code is the same for both; so are its tests.
 */
export type RowOp =
  | { readonly kind: 'get'; readonly table: AnyTableDef; readonly key: Readonly<Record<string, RowValue>> }
  | { readonly kind: 'put'; readonly table: AnyTableDef; readonly row: object }
  | { readonly kind: 'insert'; readonly table: AnyTableDef; readonly row: object }
  | { readonly kind: 'delete'; readonly table: AnyTableDef; readonly key: Readonly<Record<string, RowValue>> };

/** A projection step: yields operations, gets back a row or undefined (get) or nothing (writes). */
export type RowProgram<T = void> = Generator<RowOp, T, unknown>;

type KeyOf<R> = { readonly [K in keyof R]?: R[K] };

/** The row with this primary key, or undefined. */
export function* getRow<R extends object>(table: TableDef<R>, key: KeyOf<R>): RowProgram<R | undefined> {
  const found = yield { kind: 'get', table: table, key: key as Record<string, RowValue> };
  return found as R | undefined;
}

/** The row with this key, which must exist: a missing one is an impossible history. */
export function* requireRow<R extends object>(table: TableDef<R>, key: KeyOf<R>, what: string): RowProgram<R> {
  const found = yield* getRow(table, key);
  // Not `invariant(…, message)`: the message (a JSON of the key) would be built on every read.
  if (found === undefined) throw new InvariantViolation(`${what}: no row in ${table.name} for ${JSON.stringify(key, bigintText)}`);
  return found;
}

/** Inserts the row or replaces the one with its primary key. */
export function* putRow<R extends object>(table: TableDef<R>, row: R): RowProgram {
  yield { kind: 'put', table: table, row };
}

/** Inserts a row whose key must be new (append-only fact tables). */
export function* insertRow<R extends object>(table: TableDef<R>, row: R): RowProgram {
  yield { kind: 'insert', table: table, row };
}

export function* deleteRow<R extends object>(table: TableDef<R>, key: KeyOf<R>): RowProgram {
  yield { kind: 'delete', table: table, key: key as Record<string, RowValue> };
}

/** What runs row operations synchronously (better-sqlite3). */
export interface SyncRowExecutor {
  execute(op: RowOp): unknown;
}

/** What runs row operations asynchronously (PostgreSQL). */
export interface AsyncRowExecutor {
  execute(op: RowOp): unknown | Promise<unknown>;
}

export function runSync<T>(program: RowProgram<T>, executor: SyncRowExecutor): T {
  let step = program.next();
  while (!step.done) step = program.next(executor.execute(step.value));
  return step.value;
}

export async function runAsync<T>(program: RowProgram<T>, executor: AsyncRowExecutor): Promise<T> {
  let step = program.next();
  while (!step.done) {
    const result = executor.execute(step.value);
    step = program.next(result instanceof Promise ? await result : result);
  }
  return step.value;
}

/** JSON.stringify replacer for messages that may hold bigints. */
export function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
