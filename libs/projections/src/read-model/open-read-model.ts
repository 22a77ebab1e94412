import type { SqliteEventStore } from '@ledger/event-store';
import { PostgresReadModel } from './postgres-read-model';
import type { ReadModel } from './read-model';
import { SqliteReadModel } from './sqlite-read-model';

/**
 * The read model the configuration asks for: PostgreSQL when `readDbUrl` (LEDGER_READ_DB) is a
 * `postgres://` or `postgresql://` URL, otherwise the embedded SQLite file on the store's connection.
 */
export function openReadModel(options: { readonly store: SqliteEventStore; readonly readDbUrl?: string }): ReadModel {
  const url = options.readDbUrl;
  if (url === undefined || url === '') return SqliteReadModel.onStore(options.store);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`LEDGER_READ_DB must be a postgres:// URL, got ${url.split('@').pop()}`);
  return PostgresReadModel.open(url);
}
