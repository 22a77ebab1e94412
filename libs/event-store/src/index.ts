export * from './port/json';
export * from './port/recorded-event';
export * from './port/event-store';
export * from './port/store-error';
export * from './port/limits';
export * from './port/identifiers';
export * from './canonical/canonical-json';
export * from './canonical/canonical-event';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export {
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type OpenSqliteEventStoreOptions,
  openSqliteEventStore,
  sqliteFileName,
} from './sqlite/sqlite-event-store';
export type { OnAppend } from './sqlite/sqlite-log';
