import { createLedgerApp } from './bootstrap';
import { readLedgerConfig } from './config/ledger-config';
import { acquireDataDirLock, DataDirLocked } from './imports/data-dir-lock';
import { loadDemoAtStart, startBanner } from './imports/demo-county';

async function main(): Promise<void> {
  const config = readLedgerConfig();
  // One writer per data directory: `npm run ledger -- import` takes the same lock when it imports offline.
  acquireDataDirLock(config.dataDir, 'ledger-api');
  const app = await createLedgerApp(config);
  // Before listening: nobody can write while the demo county loads into an empty ledger.
  if (config.profile === 'demo' && config.loadDemo) await loadDemoAtStart(app, process.stderr);
  await app.listen(config.port);
  const url = await app.getUrl();
  // Human lines besides the JSON logs: where the ledger answers, and the demo tokens.
  process.stdout.write(startBanner(url.replace('[::1]', 'localhost'), config));
}

main().catch((error: unknown) => {
  const detail = error instanceof DataDirLocked ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`ledger failed to start: ${detail}\n`);
  process.exit(1);
});
