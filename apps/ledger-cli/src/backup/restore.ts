import { chmodSync, copyFileSync, constants, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { signingKeyFileName } from '@ledger/audit';
import { sqliteFileName } from '@ledger/event-store';
import { acquireDataDirLock, lockFileName } from '../../../ledger-api/src/imports/data-dir-lock';
import { CannotCheck, CheckFailed } from '../command-options';
import { describeReport, type FileReport, verifyLedgerFile } from '../verify/local-verify';
import { type BackupManifest, activeKeyMatchingFile, backupDirMode, backupFileMode, entriesOf, manifestFileName, sha256Of } from './backup-set';

export interface RestoreOptions {
  readonly backupDir: string;
  readonly dataDir: string;
  /** Restore over a data directory that holds files: they are moved aside, never deleted. */
  readonly force: boolean;
  readonly now?: Date;
}

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly report: FileReport & { ok: true };
  /** Where the files that were in the data directory went (with --force), if any. */
  readonly movedAside: string | null;
}

/**
 * Puts a backup into a data directory, after checking it as `verify` would: every file against the
 * manifest's SHA-256, the log event by event, tree node by node and checkpoint by checkpoint, and
 * the key file against the log's active key. A backup that fails any check is refused and nothing
 * is touched. The data directory is locked meanwhile (no ledger may run on it), and must be empty
 * unless `force`, in which case what it held is moved to `<dataDir>.before-restore-<time>`.
 */
export function restoreBackup(options: RestoreOptions): RestoreReport {
  const backupDir = resolve(options.backupDir);
  const dataDir = resolve(options.dataDir);
  if (backupDir === dataDir) throw new CheckFailed('restore into another directory than the backup');
  const manifest = readManifest(backupDir);
  checkFiles(backupDir, manifest);
  const report = verifyLedgerFile(join(backupDir, sqliteFileName));
  if (!report.ok) throw new CheckFailed(`the backup is refused: ${describeReport(backupDir, report)}`);
  if (report.size.toString() !== manifest.ledger.size || report.rootHash.toString('base64') !== manifest.ledger.rootHash) {
    throw new CheckFailed(`the backup is refused: its log (size ${report.size}) is not the one its manifest records (size ${manifest.ledger.size})`);
  }
  activeKeyMatchingFile(join(backupDir, sqliteFileName), join(backupDir, signingKeyFileName));
  const lock = acquireDataDirLock(dataDir, 'ledger restore');
  try {
    const present = entriesOf(dataDir, [lockFileName]);
    if (present.length > 0 && !options.force) {
      throw new CheckFailed(`${dataDir} is not empty (${present.slice(0, 5).join(', ')}): restore into an empty directory, or give --force to move its files aside`);
    }
    const movedAside = present.length > 0 ? moveAside(dataDir, present, options.now ?? new Date()) : null;
    chmodSync(dataDir, backupDirMode);
    for (const file of manifest.files) install(join(backupDir, file.name), join(dataDir, file.name));
    const restored = verifyLedgerFile(join(dataDir, sqliteFileName));
    if (!restored.ok || !restored.rootHash.equals(report.rootHash)) throw new Error(`the restored copy in ${dataDir} does not verify as the backup did`);
    return { manifest, report: restored, movedAside };
  } finally {
    lock.release();
  }
}

function readManifest(backupDir: string): BackupManifest {
  const path = join(backupDir, manifestFileName);
  if (!existsSync(path)) throw new CannotCheck(`${backupDir} is not a ledger backup (${manifestFileName} is missing)`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== 1 || !Array.isArray(manifest.files) || !manifest.files.some((file) => file.name === sqliteFileName)) {
    throw new CheckFailed(`${path} is not a backup manifest this build reads`);
  }
  return manifest;
}

/** Every file as it was when backed up: the manifest's hashes catch a change to any of them (the key, the principals …). */
function checkFiles(backupDir: string, manifest: BackupManifest): void {
  for (const file of manifest.files) {
    if (basename(file.name) !== file.name) throw new CheckFailed(`the manifest names a file outside the backup: ${file.name}`);
    const path = join(backupDir, file.name);
    if (!existsSync(path)) throw new CheckFailed(`the backup is refused: ${file.name} is missing`);
    if (sha256Of(path) !== file.sha256) throw new CheckFailed(`the backup is refused: ${file.name} changed since the backup (SHA-256 differs from ${manifestFileName})`);
  }
}

function moveAside(dataDir: string, names: readonly string[], now: Date): string {
  const aside = join(dirname(dataDir), `${basename(dataDir)}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { mode: backupDirMode });
  for (const name of names) renameSync(join(dataDir, name), join(aside, name));
  return aside;
}

/** Copied beside its final name, then renamed over it: a crash never leaves half a database under the real name. */
function install(from: string, to: string): void {
  const partial = `${to}.restoring`;
  copyFileSync(from, partial, constants.COPYFILE_EXCL);
  chmodSync(partial, backupFileMode);
  renameSync(partial, to);
}
