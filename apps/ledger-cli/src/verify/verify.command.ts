import { resolve } from 'node:path';
import { DataDirLocked } from '../../../ledger-api/src/imports/data-dir-lock';
import type { CliIo } from '../cli';
import { CannotCheck, dataDirOption, exitCodes, parseOptions } from '../command-options';
import { UsageError } from '../args';
import { describeReport, verifyDataDir } from './local-verify';
import { verifyRemote } from './remote-verify';

export const verifyUsage = `  verify [--data-dir DIR]
                  checks the ledger in DIR offline, under its lock: every event, tree node and
                  signed checkpoint; names the first bad position
  verify --url URL --key VERIFIER_KEY [--state FILE]
                  checks a running ledger against the key you pinned (GET /v1/audit/verifier-key
                  once, then keep it): its checkpoint must extend the last one verified, kept in
                  FILE (default ~/.ledger-verify/<origin>.json)`;

/** `verify`: exit 0 verified, 1 failed (tampered, rewritten, rolled back), 2 usage, 3 could not check. */
export async function runVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv, { values: ['--data-dir', '--url', '--key', '--state'] });
  if (options.positional.length > 0) throw new UsageError(`verify takes no argument, not ${options.positional.join(' ')}`);
  const url = options.values.get('--url');
  const key = options.values.get('--key');
  try {
    if (url === undefined) {
      if (key !== undefined || options.values.has('--state')) throw new UsageError('--key and --state go with --url');
      const dataDir = resolve(dataDirOption(options, io.env));
      const report = verifyDataDir(dataDir);
      (report.ok ? io.stdout : io.stderr).write(`${describeReport(dataDir, report)}\n`);
      return report.ok ? exitCodes.done : exitCodes.failed;
    }
    if (key === undefined) throw new UsageError('verify --url needs the --key you pinned for that ledger');
    return await remote(url.replace(/\/+$/, ''), key, options.values.get('--state'), io);
  } catch (error: unknown) {
    if (error instanceof CannotCheck || error instanceof DataDirLocked) {
      io.stderr.write(`cannot verify: ${error.message}\n`);
      return exitCodes.cannotCheck;
    }
    throw error;
  }
}

async function remote(url: string, verifierKey: string, statePath: string | undefined, io: CliIo): Promise<number> {
  const outcome = await verifyRemote({ url, verifierKey, ...(statePath === undefined ? {} : { statePath }) });
  if (!outcome.ok) {
    io.stderr.write(`${url} FAILED verification: ${outcome.code}: ${outcome.reason}\n`);
    if (outcome.trustedNote !== undefined) io.stderr.write(`the checkpoint verified before:\n${outcome.trustedNote}\n`);
    if (outcome.servedNote !== undefined) io.stderr.write(`the checkpoint served now:\n${outcome.servedNote}\n`);
    return exitCodes.failed;
  }
  const { checkpoint, previous } = outcome;
  const since = previous === undefined ? 'first visit: trusting it from now on' : `extends the size ${previous.size} verified before`;
  io.stdout.write(`verified ${url}: size ${checkpoint.size}, root ${checkpoint.rootHash.toString('base64')} (${since}; state in ${outcome.statePath})\n`);
  return exitCodes.done;
}
