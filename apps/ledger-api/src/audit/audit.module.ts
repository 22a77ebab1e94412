import { type BeforeApplicationShutdown, Inject, Injectable, Logger, Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { AppendHooks } from '../store/append-hooks';
import { EMBEDDED_DATABASE } from '../store/event-store.module';
import { TransparencyLogController } from './log/transparency-log.controller';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { ProofBundleController } from './proof-bundles/proof-bundle.controller';
import { ProofBundles } from './proof-bundles/proof-bundles';
import { AuditReplayController } from './replay/audit-replay.controller';
import { TransparencyLog } from './transparency-log';

/** Before the store closes (onApplicationShutdown): sign what the last appends added, stop the timer. */
@Injectable()
class TransparencyLogCloser implements BeforeApplicationShutdown {
  constructor(@Inject(TransparencyLog) private readonly log: TransparencyLog) {}
  beforeApplicationShutdown(): void {
    this.log.close();
  }
}

/**
 * The transparency log (libs/audit) wired into the ledger: the Merkle tree kept inside every
 * append, signed checkpoints cut after each append commits, and the routes under /v1/audit.
 */
@Module({
  imports: [DisclosureModule],
  controllers: [TransparencyLogController, AuditReplayController, ProofBundleController],
  providers: [
    {
      provide: TransparencyLog,
      inject: [LEDGER_CONFIG, EMBEDDED_DATABASE, AppendHooks],
      useFactory: (config: LedgerConfig, db: Database.Database, hooks: AppendHooks): TransparencyLog => {
        const logger = new Logger('TransparencyLog');
        return TransparencyLog.open({
          db,
          dataDir: config.dataDir,
          registerAppendHook: (hook) => hooks.register(hook),
          origin: config.logOrigin,
          onCutError: (error) => logger.error('a checkpoint could not be cut; the timer tries again', error instanceof Error ? error.stack : String(error)),
        });
      },
    },
    TransparencyLogCloser,
    ProofBundles,
  ],
  exports: [TransparencyLog],
})
export class AuditModule {}
