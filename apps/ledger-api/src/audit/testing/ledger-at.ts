import type { INestApplication } from '@nestjs/common';
import { createLedgerApp } from '../../bootstrap';
import { readLedgerConfig } from '../../config/ledger-config';

/** A ledger served over HTTP from a data directory the test prepared (and keeps): a restored backup, a copied key. */
export interface LedgerAt {
  readonly url: string;
  readonly dataDir: string;
  /** Stops the server; the directory stays. */
  close(): Promise<void>;
}

export async function startLedgerAt(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<LedgerAt> {
  const app: INestApplication = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent', ...env }));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, dataDir, close: () => app.close() };
}
