import { resolve } from 'node:path';
import { DataDirLocked } from '../../../ledger-api/src/imports/data-dir-lock';
import { UsageError } from '../args';
import type { CliIo } from '../cli';
import { CannotCheck, CheckFailed, dataDirOption, exitCodes, parseOptions } from '../command-options';
import { backupDataDir } from './backup';
import { restoreBackup } from './restore';

export const backupUsage = `  backup DIR [--data-dir D]
                  an online, consistent copy of the data directory into DIR (new or empty, made
                  0700): the databases through SQLite's backup API, the principals and the signing
                  key (0600); safe while the ledger runs; the copy is verified before it is kept
  restore DIR [--data-dir D] [--force]
                  checks the backup in DIR as verify does, then puts it into D (empty, or --force:
                  its files are moved to D.before-restore-<time>); no ledger may run on D`;

export async function runBackup(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv, { values: ['--data-dir'] });
  const target = single(options.positional, 'backup');
  const dataDir = resolve(dataDirOption(options, io.env));
  return reporting(io, async () => {
    const manifest = await backupDataDir(dataDir, target);
    const files = manifest.files.map((file) => file.name).join(', ');
    io.stdout.write(`backed up ${dataDir} into ${resolve(target)}: ${files}; log verified at size ${manifest.ledger.size}, root ${manifest.ledger.rootHash}\n`);
  });
}

export async function runRestore(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv, { values: ['--data-dir'], flags: ['--force'] });
  const backupDir = single(options.positional, 'restore');
  const dataDir = resolve(dataDirOption(options, io.env));
  return reporting(io, async () => {
    const restored = restoreBackup({ backupDir, dataDir, force: options.flags.has('--force') });
    if (restored.movedAside !== null) io.stderr.write(`the files that were in ${dataDir} are now in ${restored.movedAside}\n`);
    const { size, rootHash } = restored.report;
    io.stdout.write(`restored ${resolve(backupDir)} into ${dataDir}: log verified at size ${size}, root ${rootHash.toString('base64')} (backup of ${restored.manifest.createdAt})\n`);
  });
}

function single(positional: readonly string[], command: string): string {
  if (positional.length !== 1) throw new UsageError(`${command} takes one DIR`);
  return positional[0]!;
}

/** Exit 0 when done, 1 refused or failed its check, 3 could not run (missing files, a lock held). */
async function reporting(io: CliIo, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return exitCodes.done;
  } catch (error: unknown) {
    if (error instanceof CheckFailed) {
      io.stderr.write(`refused: ${error.message}\n`);
      return exitCodes.failed;
    }
    if (error instanceof CannotCheck || error instanceof DataDirLocked) {
      io.stderr.write(`cannot run: ${error.message}\n`);
      return exitCodes.cannotCheck;
    }
    throw error;
  }
}
