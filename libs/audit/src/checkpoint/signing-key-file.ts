import { type KeyObject, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditError } from '../audit-error';

/** The checkpoint signing key in the data directory: an Ed25519 private key, PKCS #8 PEM. */
export const signingKeyFileName = 'checkpoint-signing-key.pem';

/** Owner read and write only: the key signs the log's history, nobody else may read it. */
const keyFileMode = 0o600;

/** Permission bits for group and others; any of them set means the key may have been read. */
const groupOrOtherBits = 0o077;

/**
 * Loads the key at `path`, creating a new key pair there first if there is none. The file is
 * created with mode 0600 in one step (`wx` refuses to overwrite, so two processes starting at
 * once cannot both create one); an existing file that group or others can access is refused,
 * since a signature by a key others may hold proves nothing.
 */
export function loadOrCreateSigningKey(path: string): KeyObject {
  if (!existsSync(path)) writeNewSigningKey(path);
  return loadSigningKey(path);
}

/** Writes a new Ed25519 private key to `path`, which must not exist. */
export function writeNewSigningKey(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    writeFileSync(path, pem, { mode: keyFileMode, flag: 'wx' });
  } catch (error: unknown) {
    // Another process created it between our check and our write: use theirs.
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
}

export function loadSigningKey(path: string): KeyObject {
  const stat = statSync(path);
  if (!stat.isFile() || (stat.mode & groupOrOtherBits) !== 0) {
    throw new AuditError(
      'AUDIT.SIGNING_KEY_EXPOSED',
      `${path} is not a regular file readable by its owner only (mode ${(stat.mode & 0o777).toString(8)}); chmod 600 it or replace the key`,
      { path },
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path));
  } catch {
    throw new AuditError('AUDIT.SIGNING_KEY_INVALID', `${path} does not hold a PEM private key`, { path });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AuditError('AUDIT.SIGNING_KEY_INVALID', `${path} holds a ${key.asymmetricKeyType} key, not Ed25519`, { path });
  }
  return key;
}
