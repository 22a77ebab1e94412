import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { type EventStore, openSqliteEventStore, SqliteEventStore } from '@ledger/event-store';
import type Database from 'better-sqlite3';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { AppendHooks } from './append-hooks';

/** The one event store of this process, behind the port; the adapter is chosen here and only here. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/**
 * The embedded store's database, for what must commit with the events (idempotency records,
 * inline read models). Only the embedded profile has one.
 */
export const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({
  providers: [
    AppendHooks,
    {
      provide: EVENT_STORE,
      inject: [LEDGER_CONFIG, AppendHooks],
      useFactory: (config: LedgerConfig, hooks: AppendHooks): EventStore => openSqliteEventStore({ dataDir: config.dataDir, onAppend: hooks.run }),
    },
    {
      provide: EMBEDDED_DATABASE,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore): Database.Database => {
        if (!(store instanceof SqliteEventStore)) throw new Error('the embedded database exists only with the SQLite event store');
        return store.database;
      },
    },
    EventStoreCloser,
  ],
  exports: [EVENT_STORE, EMBEDDED_DATABASE, AppendHooks],
})
export class EventStoreModule {}
