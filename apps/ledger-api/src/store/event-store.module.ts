import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { type EventStore, openSqliteEventStore, type SqliteEventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

/** The one event store of this process, behind the port; the adapter is chosen here and only here. */
export const EVENT_STORE = Symbol('EVENT_STORE');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: SqliteEventStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig): EventStore => openSqliteEventStore({ dataDir: config.dataDir }),
    },
    EventStoreCloser,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
