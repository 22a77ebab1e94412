import { NestFactory } from '@nestjs/core';
import { PrincipalRegistry } from '../access/principal-registry';
import { AppModule } from '../app.module';
import { type LedgerConfig, readLedgerConfig } from '../config/ledger-config';
import { acquireDataDirLock } from './data-dir-lock';
import type { ImportStatus } from './import-job';
import { type ImportProgress, ImportService, type ImportUpload } from './import.service';

export interface OfflineImportOptions {
  /** The data directory to import into (LEDGER_DATA_DIR of the ledger that will serve it). */
  readonly dataDir: string;
  /** The bearer token of the principal the rows are posted as: the same principals and rules as over HTTP. */
  readonly token: string;
  readonly upload: ImportUpload;
  readonly progress?: ImportProgress;
  /** The environment the rest of the configuration is read from (profile, log level). */
  readonly env?: NodeJS.ProcessEnv;
}

export class OfflineImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfflineImportRefused';
  }
}

/**
 * The import path of the server, run in this process when no ledger serves the data directory:
 * the ledger's own application context (same modules, handlers, validation and principals, no
 * HTTP), opened only after taking the data directory's lock, so that it is the only writer.
 * The one entry point of ledger-api that the CLI uses.
 */
export async function importOffline(options: OfflineImportOptions): Promise<ImportStatus> {
  const config: LedgerConfig = {
    ...readLedgerConfig({ ...(options.env ?? process.env), LEDGER_DATA_DIR: options.dataDir }),
    // The CLI imports what it is given; the demo county is the server's to load.
    loadDemo: false,
  };
  const lock = acquireDataDirLock(config.dataDir, 'ledger import');
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: ['error', 'warn'], abortOnError: false });
    try {
      const principal = app.get(PrincipalRegistry).authenticate(`Bearer ${options.token}`);
      if (principal === null) throw new OfflineImportRefused(`the token is not one of the principals in ${config.dataDir}`);
      return await app.get(ImportService).importFiles(principal, [options.upload], options.progress);
    } finally {
      await app.close();
    }
  } finally {
    lock.release();
  }
}
