import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../testing/temp-ledger';
import { migrateAuditSchema } from '../sqlite/audit-schema';
import { openCheckpointSigner, rotateCheckpointKey } from './checkpoint-signer';
import { publishedVerifierKeys } from './key-registry';
import { openSignedNote } from './signed-note';
import { parseVerifierKey } from './note-keys';
import { signingKeyFileName } from './signing-key-file';
import { emptyRoot } from '../merkle/hashes';

const origin = 'ledger.local/513336';

describe('the checkpoint signing key', () => {
  let dir: string;
  let remove: () => void;
  let db: Database.Database;
  const keyFile = (): string => join(dir, signingKeyFileName);
  const clock = (): Date => new Date('2019-04-01T12:00:00.000Z');

  beforeEach(() => {
    ({ dir, remove } = tempDir());
    db = new Database(join(dir, 'ledger.sqlite'));
    migrateAuditSchema(db);
  });
  afterEach(() => {
    db.close();
    remove();
  });

  it('is created on first start, readable by its owner only, and registered', () => {
    const signer = openCheckpointSigner({ dataDir: dir, db, origin, clock });
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(signer.verifierKey).toMatch(/^ledger\.local\/513336\+[0-9a-f]{8}\+/);
    expect(publishedVerifierKeys(db)).toEqual([
      {
        keyId: signer.keyId,
        keyName: origin,
        verifierKey: signer.verifierKey,
        activatedAt: clock(),
        retiredAt: null,
        firstSize: null,
        lastSize: null,
      },
    ]);
  });

  it('is the same key on the next start', () => {
    const first = openCheckpointSigner({ dataDir: dir, db, origin });
    const pem = readFileSync(keyFile(), 'utf8');
    expect(openCheckpointSigner({ dataDir: dir, db, origin }).verifierKey).toBe(first.verifierKey);
    expect(readFileSync(keyFile(), 'utf8')).toBe(pem);
  });

  it('signs checkpoints that its verifier key opens', () => {
    const signer = openCheckpointSigner({ dataDir: dir, db, origin });
    const note = signer.signCheckpoint({ origin, size: 0n, rootHash: emptyRoot });
    const key = parseVerifierKey(signer.verifierKey);
    expect(key.ok && openSignedNote(note, key.value)).toEqual({ ok: true, value: `${origin}\n0\n${emptyRoot.toString('base64')}\n` });
  });

  it.each([0o640, 0o604, 0o660])('is refused when the key file has mode %o', (mode) => {
    openCheckpointSigner({ dataDir: dir, db, origin });
    chmodSync(keyFile(), mode);
    expect(() => openCheckpointSigner({ dataDir: dir, db, origin })).toThrow(expect.objectContaining({ code: 'AUDIT.SIGNING_KEY_EXPOSED' }));
  });

  it('is refused when the file holds no Ed25519 key', () => {
    writeFileSync(keyFile(), 'not a key', { mode: 0o600 });
    expect(() => openCheckpointSigner({ dataDir: dir, db, origin })).toThrow(expect.objectContaining({ code: 'AUDIT.SIGNING_KEY_INVALID' }));
  });

  it('is refused when the key file was replaced, or the origin changed, since the key was registered', () => {
    openCheckpointSigner({ dataDir: dir, db, origin });
    expect(() => openCheckpointSigner({ dataDir: dir, db, origin: 'ledger.local/other' })).toThrow(
      expect.objectContaining({ code: 'AUDIT.SIGNING_KEY_MISMATCH' }),
    );
    const other = tempDir();
    const otherDb = new Database(':memory:');
    migrateAuditSchema(otherDb);
    openCheckpointSigner({ dataDir: other.dir, db: otherDb, origin });
    writeFileSync(keyFile(), readFileSync(join(other.dir, signingKeyFileName)), { mode: 0o600 });
    expect(() => openCheckpointSigner({ dataDir: dir, db, origin })).toThrow(expect.objectContaining({ code: 'AUDIT.SIGNING_KEY_MISMATCH' }));
    otherDb.close();
    other.remove();
  });

  it('rotates: the new key signs, the old one stays published, retired, and its file is gone', () => {
    const old = openCheckpointSigner({ dataDir: dir, db, origin, clock });
    const oldPem = readFileSync(keyFile(), 'utf8');
    const rotated = rotateCheckpointKey({ dataDir: dir, db, origin, clock: () => new Date('2020-01-01T00:00:00.000Z') });
    expect(rotated.keyId).not.toBe(old.keyId);
    expect(readFileSync(keyFile(), 'utf8')).not.toBe(oldPem);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(openCheckpointSigner({ dataDir: dir, db, origin }).verifierKey).toBe(rotated.verifierKey);
    expect(publishedVerifierKeys(db).map((key) => [key.verifierKey, key.retiredAt])).toEqual([
      [old.verifierKey, new Date('2020-01-01T00:00:00.000Z')],
      [rotated.verifierKey, null],
    ]);
  });

  it('finishes a rotation that stopped after registering the new key, and drops one that stopped before', () => {
    openCheckpointSigner({ dataDir: dir, db, origin });
    const rotated = rotateCheckpointKey({ dataDir: dir, db, origin });
    // Simulate a crash before the rename: the registered key is still beside the old file.
    writeFileSync(`${keyFile()}.next`, readFileSync(keyFile()), { mode: 0o600 });
    writeFileSync(keyFile(), 'the old key, about to be replaced', { mode: 0o600 });
    expect(openCheckpointSigner({ dataDir: dir, db, origin }).verifierKey).toBe(rotated.verifierKey);
    expect(existsSync(`${keyFile()}.next`)).toBe(false);
    // A key written but never registered is dropped.
    const stray = tempDir();
    const strayDb = new Database(':memory:');
    migrateAuditSchema(strayDb);
    openCheckpointSigner({ dataDir: stray.dir, db: strayDb, origin });
    writeFileSync(`${keyFile()}.next`, readFileSync(join(stray.dir, signingKeyFileName)), { mode: 0o600 });
    expect(openCheckpointSigner({ dataDir: dir, db, origin }).verifierKey).toBe(rotated.verifierKey);
    expect(existsSync(`${keyFile()}.next`)).toBe(false);
    strayDb.close();
    stray.remove();
  });

  it('refuses an origin that cannot be a key name', () => {
    for (const bad of ['', 'ledger local', 'ledger+local']) {
      expect(() => openCheckpointSigner({ dataDir: dir, db, origin: bad })).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_ARGUMENT' }));
    }
  });
});
