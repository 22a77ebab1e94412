import type { KeyObject } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { type Clock, systemClock } from '@ledger/event-store';
import { AuditError, auditInvariant } from '../audit-error';
import { assertAuditSchema } from '../sqlite/audit-schema';
import { type Checkpoint, formatCheckpointText } from './checkpoint-text';
import { activeKey, isRegistered, registerKey, retireActiveKey } from './key-registry';
import { formatVerifierKey, isKeyName, noteKeyId, rawPublicKey, signEd25519 } from './note-keys';
import { formatSignatureLine } from './signed-note';
import { loadOrCreateSigningKey, loadSigningKey, signingKeyFileName, writeNewSigningKey } from './signing-key-file';

export interface CheckpointSignerOptions {
  /** The data directory (LEDGER_DATA_DIR): the key file lives beside the database. */
  readonly dataDir: string;
  readonly db: Database.Database;
  /**
   * The log's origin, also the key's name (tlog-checkpoint: they SHOULD match), e.g.
   * `ledger.local/513336` for a county's deployment. No spaces, no `+`.
   */
  readonly origin: string;
  readonly clock?: Clock;
}

/** Signs checkpoints of one log with its active key. */
export interface CheckpointSigner {
  readonly origin: string;
  /** 8 hex digits. */
  readonly keyId: string;
  /** `<origin>+<key ID>+<base64(0x01 ‖ public key)>`: what verifiers pin. */
  readonly verifierKey: string;
  /** The checkpoint as a signed note, ready to store and serve. */
  signCheckpoint(checkpoint: Checkpoint): string;
}

/**
 * The signer of the data directory's key, creating the key on first start (file mode 0600) and
 * registering it in `signing_keys`. Refuses (AUDIT.SIGNING_KEY_MISMATCH) a key file that is not
 * the registered active key, or an origin that changed: either way checkpoints would stop
 * verifying for everyone who pinned the key; `rotateCheckpointKey` is the deliberate way.
 */
export function openCheckpointSigner(options: CheckpointSignerOptions): CheckpointSigner {
  const { db, origin } = options;
  const path = checkedPath(options);
  const signer = signerFor(loadOrCreateSigningKey(path), origin);
  db.transaction(() => {
    const active = activeKey(db);
    if (active === undefined && !isRegistered(db, signer.verifierKey)) {
      registerKey(db, keyRow(signer), (options.clock ?? systemClock)());
    } else if (active?.verifierKey !== signer.verifierKey) {
      throw new AuditError(
        'AUDIT.SIGNING_KEY_MISMATCH',
        `${path} with origin ${origin} is key ${signer.keyId}, but the active key is ${active?.keyId ?? 'none (it was retired)'}: ` +
          'the key file was replaced or the origin changed; rotate the key to change either',
        { fileKeyId: signer.keyId, activeKeyId: active?.keyId ?? '' },
      );
    }
  }).immediate();
  return signer;
}

/**
 * Replaces the signing key: a new key pair is written beside the old file, registered as the
 * active key while the old one is retired (it stays published with the sizes it signed), then
 * renamed over the old file, whose private key is gone. A crash between the steps is finished or
 * undone by the next open. Also the way to change the origin.
 */
export function rotateCheckpointKey(options: CheckpointSignerOptions): CheckpointSigner {
  const { db, origin } = options;
  const path = checkedPath(options);
  const next = pendingPath(path);
  rmSync(next, { force: true });
  writeNewSigningKey(next);
  const signer = signerFor(loadSigningKey(next), origin);
  db.transaction(() => {
    const now = (options.clock ?? systemClock)();
    retireActiveKey(db, now);
    registerKey(db, keyRow(signer), now);
  }).immediate();
  renameSync(next, path);
  return signer;
}

function checkedPath(options: CheckpointSignerOptions): string {
  assertAuditSchema(options.db);
  if (!isKeyName(options.origin)) {
    throw new AuditError('AUDIT.INVALID_ARGUMENT', `origin "${options.origin}" is empty or holds a space, + or control character`, {
      origin: options.origin,
    });
  }
  const path = join(options.dataDir, signingKeyFileName);
  finishPendingRotation(options.db, path, options.origin);
  return path;
}

/** A rotation stopped after writing its key: keep it if it was registered, else drop it. */
function finishPendingRotation(db: Database.Database, path: string, origin: string): void {
  const next = pendingPath(path);
  if (!existsSync(next)) return;
  const pending = signerFor(loadSigningKey(next), origin);
  if (activeKey(db)?.verifierKey === pending.verifierKey) renameSync(next, path);
  else rmSync(next);
}

function pendingPath(path: string): string {
  return `${path}.next`;
}

function signerFor(privateKey: KeyObject, origin: string): CheckpointSigner {
  const publicKey = rawPublicKey(privateKey);
  const keyId = noteKeyId(origin, publicKey);
  return {
    origin,
    keyId: keyId.toString('hex'),
    verifierKey: formatVerifierKey(origin, publicKey),
    signCheckpoint(checkpoint) {
      auditInvariant(checkpoint.origin === origin, `a checkpoint of ${checkpoint.origin} is not this log's (${origin})`);
      const text = formatCheckpointText(checkpoint);
      const signature = signEd25519(privateKey, Buffer.from(text, 'utf8'));
      return `${text}\n${formatSignatureLine(origin, keyId, signature)}`;
    },
  };
}

function keyRow(signer: CheckpointSigner): { keyId: string; keyName: string; verifierKey: string } {
  return { keyId: signer.keyId, keyName: signer.origin, verifierKey: signer.verifierKey };
}
