import type Database from 'better-sqlite3';
import { auditInvariant } from '../audit-error';

/**
 * The `signing_keys` table: every key that ever signed checkpoints, so that a checkpoint signed
 * before a rotation can still be verified, and the sizes each key signed.
 */
export interface PublishedVerifierKey {
  /** 8 hex digits. */
  readonly keyId: string;
  readonly keyName: string;
  /** `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`, what verifiers pin. */
  readonly verifierKey: string;
  readonly activatedAt: Date;
  /** null for the active key. */
  readonly retiredAt: Date | null;
  /** The smallest and largest tree sizes of the checkpoints it signed; null when none. */
  readonly firstSize: bigint | null;
  readonly lastSize: bigint | null;
}

interface KeyRow {
  readonly keyId: string;
  readonly keyName: string;
  readonly verifierKey: string;
  readonly activatedAt: string;
  readonly retiredAt: string | null;
}

/** Every published key, oldest first, with the sizes it signed. */
export function publishedVerifierKeys(db: Database.Database): PublishedVerifierKey[] {
  const rows = db
    .prepare(
      `SELECT k.key_id AS keyId, k.key_name AS keyName, k.verifier_key AS verifierKey,
              k.activated_at AS activatedAt, k.retired_at AS retiredAt,
              min(c.size) AS firstSize, max(c.size) AS lastSize
       FROM signing_keys k LEFT JOIN checkpoints c ON c.key_id = k.key_id
       GROUP BY k.key_id ORDER BY k.activated_at, k.key_id`,
    )
    .safeIntegers()
    .all() as (KeyRow & { firstSize: bigint | null; lastSize: bigint | null })[];
  return rows.map((row) => ({
    keyId: row.keyId,
    keyName: row.keyName,
    verifierKey: row.verifierKey,
    activatedAt: new Date(row.activatedAt),
    retiredAt: row.retiredAt === null ? null : new Date(row.retiredAt),
    firstSize: row.firstSize,
    lastSize: row.lastSize,
  }));
}

/** The key that signs now, if one was registered. */
export function activeKey(db: Database.Database): KeyRow | undefined {
  const rows = db
    .prepare(
      `SELECT key_id AS keyId, key_name AS keyName, verifier_key AS verifierKey, activated_at AS activatedAt,
              retired_at AS retiredAt
       FROM signing_keys WHERE retired_at IS NULL`,
    )
    .all() as KeyRow[];
  auditInvariant(rows.length <= 1, 'more than one signing key is active');
  return rows[0];
}

/** The verifier key registered under `keyId`, active or retired. */
export function verifierKeyById(db: Database.Database, keyId: string): string | undefined {
  const key: unknown = db.prepare('SELECT verifier_key FROM signing_keys WHERE key_id = ?').pluck().get(keyId);
  auditInvariant(key === undefined || typeof key === 'string', 'signing_keys.verifier_key is text');
  return key;
}

export function isRegistered(db: Database.Database, verifierKey: string): boolean {
  return db.prepare('SELECT 1 FROM signing_keys WHERE verifier_key = ?').get(verifierKey) !== undefined;
}

export function registerKey(db: Database.Database, key: { keyId: string; keyName: string; verifierKey: string }, now: Date): void {
  db.prepare('INSERT INTO signing_keys (key_id, key_name, verifier_key, activated_at) VALUES (?, ?, ?, ?)').run(
    key.keyId,
    key.keyName,
    key.verifierKey,
    now.toISOString(),
  );
}

export function retireActiveKey(db: Database.Database, now: Date): void {
  db.prepare('UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL').run(now.toISOString());
}
