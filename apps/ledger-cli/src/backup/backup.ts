import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signingKeyFileName } from '@ledger/audit';
import { sqliteFileName } from '@ledger/event-store';
import Database from 'better-sqlite3';
import { CannotCheck, CheckFailed } from '../command-options';
import { describeReport, verifyLedgerFile } from '../verify/local-verify';
import {
  type BackupManifest,
  activeKeyMatchingFile,
  backupDirMode,
  backupFileMode,
  backupFiles,
  entriesOf,
  latestCheckpointNote,
  manifestFileName,
  sha256Of,
  writeSecretFile,
} from './backup-set';

/**
 * Pages copied per step of SQLite's online backup: all of them (better-sqlite3 takes the progress
 * callback's answer as the next step's page count). Each step copies under one read transaction,
 * and a write by another connection between steps restarts the copy; with a ledger appending
 * several times a second, small steps could restart forever. One step is one consistent snapshot;
 * in WAL mode it never blocks the ledger's writer.
 */
export const backupPagesPerStep = 0x7fffffff;

/**
 * An online, consistent copy of a data directory into `target` (new or empty), while the ledger
 * may be running: no lock is taken, SQLite's backup API is safe beside a live writer. The copy's
 * log is then verified and its key checked against the log, and a manifest (`backup.json`) records
 * each file's SHA-256 and the verified tree head, so that a restore notices any change.
 */
export async function backupDataDir(dataDir: string, target: string, now: Date = new Date()): Promise<BackupManifest> {
  const source = resolve(dataDir);
  const into = resolve(target);
  if (source === into) throw new CheckFailed('the backup must go to another directory than the data directory');
  if (!existsSync(join(source, sqliteFileName))) throw new CannotCheck(`no ledger in ${source} (${sqliteFileName} is missing)`);
  if (entriesOf(into).length > 0) throw new CheckFailed(`${into} is not empty: a backup goes into a new or empty directory`);
  mkdirSync(into, { recursive: true, mode: backupDirMode });
  chmodSync(into, backupDirMode);
  for (const file of backupFiles) {
    const from = join(source, file.name);
    if (!existsSync(from)) {
      if (file.required) throw new CannotCheck(`${from} is missing`);
      continue;
    }
    if (file.kind === 'sqlite') await copyDatabase(from, join(into, file.name));
    else writeSecretFile(join(into, file.name), readFileSync(from));
  }
  const ledgerFile = join(into, sqliteFileName);
  const report = verifyLedgerFile(ledgerFile);
  if (!report.ok) throw new CheckFailed(`the copy of ${describeReport(source, report)}`);
  const verifierKey = activeKeyMatchingFile(ledgerFile, join(into, signingKeyFileName));
  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    source,
    files: backupFiles
      .filter((file) => existsSync(join(into, file.name)))
      .map((file) => ({ name: file.name, bytes: statSync(join(into, file.name)).size, sha256: sha256Of(join(into, file.name)) })),
    ledger: { size: report.size.toString(), rootHash: report.rootHash.toString('base64'), verifierKey, checkpoint: latestCheckpointNote(ledgerFile) },
  };
  writeSecretFile(join(into, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * One database copied through SQLite's backup API from a read-only connection, then switched to a
 * rollback journal so the copy is one self-contained file (the ledger sets WAL again when it opens it).
 */
async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to, { progress: () => backupPagesPerStep });
  } finally {
    source.close();
  }
  const copy = new Database(to, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  chmodSync(to, backupFileMode);
}
