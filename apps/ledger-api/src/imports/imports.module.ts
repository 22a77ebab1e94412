import { Inject, type MiddlewareConsumer, Module, type NestModule, type OnApplicationShutdown, RequestMethod } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type Database from 'better-sqlite3';
import { AccessModule } from '../access/access.module';
import { AppendHooks } from '../store/append-hooks';
import { EMBEDDED_DATABASE } from '../store/event-store.module';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { releaseDataDirLock } from './data-dir-lock';
import { ImportUploadMiddleware } from './http/import-upload.middleware';
import { ImportsController } from './http/imports.controller';
import { ImportService } from './import.service';
import { ImportRecords } from './posting/import-records';
import { WriteGate } from './posting/write-gate';
import { StagedHandlers } from './staging/staged-handlers';

/** Bulk import of CSV and XLSX files, one row per command (README.md in this folder). */
@Module({
  imports: [DiscoveryModule, AccessModule],
  controllers: [ImportsController],
  providers: [
    StagedHandlers,
    {
      provide: ImportRecords,
      inject: [EMBEDDED_DATABASE, AppendHooks],
      useFactory: (db: Database.Database, hooks: AppendHooks) => {
        const records = new ImportRecords(db);
        hooks.register(records.appendHook);
        return records;
      },
    },
    {
      provide: WriteGate,
      inject: [AppendHooks],
      useFactory: (hooks: AppendHooks) => {
        const gate = new WriteGate();
        hooks.register(gate.appendHook);
        return gate;
      },
    },
    ImportService,
  ],
  exports: [ImportService],
})
export class ImportsModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ImportUploadMiddleware).forRoutes({ path: 'v1/imports', method: RequestMethod.POST });
  }

  /** The data directory's lock (data-dir-lock.ts), when main.ts or the offline importer took one: a stopped ledger no longer writes. */
  onApplicationShutdown(): void {
    releaseDataDirLock(this.config.dataDir);
  }
}
