import { runCli } from './cli';

/** `npm run ledger -- import FILE …`: see args.ts for the usage. */
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ledger: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
