import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLocalRules } from '@ledger/domain';
import { openSqliteEventStore, sqliteFileName } from '@ledger/event-store';
import { openReadModel, ProjectionRunner, type ProgressCallback, type RebuildReport } from '@ledger/projections';
import { ledgerProjections } from '@ledger/audit';
import { readLedgerConfig } from '../config/ledger-config';
import { acquireDataDirLock } from '../imports/data-dir-lock';

/** The projections a rebuild can name, in the order they are applied. */
export const projectionNames: readonly string[] = ledgerProjections(defaultLocalRules).map((p) => p.name);

export class RebuildRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebuildRefused';
  }
}

export interface OfflineRebuildOptions {
  readonly dataDir: string;
  /** One projection, or all of them when omitted. */
  readonly name?: string;
  readonly progress?: ProgressCallback;
  /** Where LEDGER_READ_DB is read from: a PostgreSQL read model is rebuilt there. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Rebuilds projections from position 0 while no ledger serves the data directory: takes its lock
 * (like `import` offline: one writer per data directory, and the server's inline hooks would
 * otherwise race the rebuild), empties the tables and checkpoint of each projection asked for in
 * one transaction, and applies the whole log again, page by page. The read model is the one the
 * server uses: the embedded SQLite file, or LEDGER_READ_DB.
 */
export async function rebuildOffline(options: OfflineRebuildOptions): Promise<RebuildReport> {
  const config = readLedgerConfig({ ...(options.env ?? process.env), LEDGER_DATA_DIR: options.dataDir });
  if (options.name !== undefined && !projectionNames.includes(options.name)) {
    throw new RebuildRefused(`no projection named ${options.name}; one of ${projectionNames.join(', ')}`);
  }
  if (!existsSync(join(config.dataDir, sqliteFileName))) throw new RebuildRefused(`${config.dataDir} holds no ledger (${sqliteFileName})`);
  const lock = acquireDataDirLock(config.dataDir, 'ledger rebuild');
  try {
    const store = openSqliteEventStore({ dataDir: config.dataDir });
    const readModel = openReadModel({ store, ...(config.readDbUrl === undefined ? {} : { readDbUrl: config.readDbUrl }) });
    try {
      const runner = new ProjectionRunner({ store, readModel, projections: ledgerProjections(defaultLocalRules) });
      await runner.install();
      return await runner.rebuild(options.name, options.progress);
    } finally {
      await readModel.close();
      await store.close();
    }
  } finally {
    lock.release();
  }
}
