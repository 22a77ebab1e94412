import { createLedgerApp } from './bootstrap';
import { readLedgerConfig } from './config/ledger-config';

async function main(): Promise<void> {
  const config = readLedgerConfig();
  const app = await createLedgerApp(config);
  await app.listen(config.port);
  const url = await app.getUrl();
  // One human line besides the JSON logs: where the ledger answers.
  process.stdout.write(`\nLedger listening on ${url.replace('[::1]', 'localhost')} (data: ${config.dataDir}, profile: ${config.profile})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
