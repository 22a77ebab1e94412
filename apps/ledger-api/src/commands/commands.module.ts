import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type Database from 'better-sqlite3';
import { AppendHooks } from '../store/append-hooks';
import { EMBEDDED_DATABASE } from '../store/event-store.module';
import { EntityIndex } from './entity-index';
import { IdempotencyRecords } from './idempotency/idempotency-records';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyService } from './idempotency/idempotency.service';
import { LedgerCommands } from './ledger-commands';

/** The write side's shared machinery: idempotency, the id index, and load–decide–append. */
@Global()
@Module({
  providers: [
    {
      provide: IdempotencyService,
      inject: [EMBEDDED_DATABASE, AppendHooks],
      useFactory: (db: Database.Database, hooks: AppendHooks) => {
        const service = new IdempotencyService(new IdempotencyRecords(db));
        hooks.register(service.appendHook);
        return service;
      },
    },
    {
      provide: EntityIndex,
      inject: [EMBEDDED_DATABASE, AppendHooks],
      useFactory: (db: Database.Database, hooks: AppendHooks) => {
        const index = new EntityIndex(db);
        hooks.register(index.appendHook);
        return index;
      },
    },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    LedgerCommands,
  ],
  exports: [LedgerCommands, EntityIndex],
})
export class CommandsModule {}
