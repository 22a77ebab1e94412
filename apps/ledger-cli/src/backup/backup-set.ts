import { createPrivateKey, createPublicKey, hash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { formatVerifierKey, publishedVerifierKeys, signingKeyFileName } from '@ledger/audit';
import { sqliteFileName } from '@ledger/event-store';
import Database from 'better-sqlite3';
import { principalsFileName } from '../../../ledger-api/src/access/principals-file';
import { beneficiaryFileName } from '../../../ledger-api/src/beneficiaries/beneficiary-register';
import { CheckFailed } from '../command-options';

/**
 * What a backup of a data directory holds: the two SQLite databases (copied with SQLite's online
 * backup API), the principals (token hashes) and the checkpoint signing key. Every file is secret
 * in its way (names of beneficiaries, token hashes, the key that signs the log's history): the
 * backup directory is 0700 and every file 0600.
 */
export const backupFiles = [
  { name: sqliteFileName, kind: 'sqlite', required: true },
  { name: beneficiaryFileName, kind: 'sqlite', required: false },
  { name: principalsFileName, kind: 'file', required: false },
  { name: signingKeyFileName, kind: 'file', required: true },
] as const;

export const manifestFileName = 'backup.json';

/** Owner only: the directory and every file of a backup (and of a restored data directory). */
export const backupDirMode = 0o700;
export const backupFileMode = 0o600;

export interface BackupManifest {
  readonly format: 1;
  readonly createdAt: string;
  /** The data directory it was taken from. */
  readonly source: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: number; readonly sha256: string }>;
  /** The log as verified in the copy. */
  readonly ledger: { readonly size: string; readonly rootHash: string; readonly verifierKey: string; readonly checkpoint: string | null };
}

export function sha256Of(path: string): string {
  return hash('sha256', readFileSync(path), 'hex');
}

/** The files of `dir` other than those named: what makes a directory "not empty" for a backup or a restore. */
export function entriesOf(dir: string, except: readonly string[] = []): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => !except.includes(name));
}

export function writeSecretFile(path: string, content: string | Buffer): void {
  // 'wx': never over a file that is there (the caller checked the directory is empty).
  writeFileSync(path, content, { mode: backupFileMode, flag: 'wx' });
  chmodSync(path, backupFileMode);
}

/**
 * The active verifier key registered in the ledger file, refusing a key file that is not its
 * private key (a backup taken across a key rotation, or a key file swapped): the ledger would
 * refuse to start on it, so the backup or restore refuses first.
 */
export function activeKeyMatchingFile(ledgerFile: string, keyFile: string): string {
  const db = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  let active;
  try {
    active = publishedVerifierKeys(db).find((key) => key.retiredAt === null);
  } finally {
    db.close();
  }
  if (active === undefined) throw new CheckFailed(`${ledgerFile} has no active checkpoint key`);
  const jwk = createPublicKey(createPrivateKey(readFileSync(keyFile))).export({ format: 'jwk' });
  const fromFile = formatVerifierKey(active.keyName, Buffer.from(String(jwk.x), 'base64url'));
  if (fromFile !== active.verifierKey) throw new CheckFailed(`${keyFile} is not the private key of the log's active key ${active.keyId}`);
  return active.verifierKey;
}

/** The latest signed checkpoint stored in a ledger file, if any. */
export function latestCheckpointNote(ledgerFile: string): string | null {
  const db = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  try {
    const note: unknown = db.prepare('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1').pluck().get();
    return typeof note === 'string' ? note : null;
  } finally {
    db.close();
  }
}
