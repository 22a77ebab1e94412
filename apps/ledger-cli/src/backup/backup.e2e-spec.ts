import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingKeyFileName } from '@ledger/audit';
import { sqliteFileName } from '@ledger/event-store';
import Database from 'better-sqlite3';
import { startLedgerAt } from '../../../ledger-api/src/audit/testing/ledger-at';
import { acquireDataDirLock } from '../../../ledger-api/src/imports/data-dir-lock';
import { LedgerUnderTest, tokens } from '../../../ledger-api/test/support/ledger-under-test';
import { runCli } from '../cli';
import { capturedIo, postAllocations } from '../testing/captured-io';
import { type BackupManifest, manifestFileName, sha256Of } from './backup-set';

/*
 * `backup` of a running ledger (it holds the data directory's lock, appends go on meanwhile) and
 * `restore`, which checks the backup as `verify` does before it is used.
 */

describe('npm run ledger -- backup / restore', () => {
  let work: string;
  let ledger: LedgerUnderTest;
  let backup: string;
  let manifest: BackupManifest;

  const post = (path: string, body: unknown) => ledger.post(path, body, { token: tokens.finance513336 });

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = capturedIo();
    const code = await runCli(argv, io);
    return { code, out: io.out(), err: io.err() };
  }

  const modeOf = (path: string): number => statSync(path).mode & 0o777;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ledger-backup-'));
    ledger = await LedgerUnderTest.start();
    await postAllocations(post, ['b-1', 'b-2']);
    backup = join(work, 'backup');
  });
  afterAll(async () => {
    await ledger.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('copies a running ledger without its lock, while appends go on, into a verified, owner-only backup', async () => {
    // This process stands for the server: it holds the lock, as `npm start` does.
    const lock = acquireDataDirLock(ledger.dataDir, 'ledger-api');
    try {
      const appends = postAllocations(post, ['b-3', 'b-4', 'b-5'], { voucherFrom: 3 });
      const [backedUp] = await Promise.all([run('backup', backup, '--data-dir', ledger.dataDir), appends]);
      expect(backedUp.err).toBe('');
      expect(backedUp.code).toBe(0);
      expect(backedUp.out).toMatch(/^backed up .* into .*backup: ledger\.sqlite, beneficiaries\.sqlite, principals\.json, checkpoint-signing-key\.pem; log verified at size \d+/);
    } finally {
      lock.release();
    }
    manifest = JSON.parse(readFileSync(join(backup, manifestFileName), 'utf8')) as BackupManifest;
    // A consistent snapshot: between 6 and 15 events, at an append boundary (an allocation is one
    // append of 1 event, its receipt one of 2), and a log that verifies (checked in the copy).
    expect([0, 1]).toContain(Number(manifest.ledger.size) % 3);
    expect(Number(manifest.ledger.size)).toBeGreaterThanOrEqual(6);
    expect(manifest.ledger.verifierKey).toBe(await (await fetch(`${ledger.url}/v1/audit/verifier-key`)).text());
    expect(modeOf(backup)).toBe(0o700);
    for (const name of readdirSync(backup)) expect({ name, mode: modeOf(join(backup, name)) }).toEqual({ name, mode: 0o600 });
    expect((await run('verify', '--data-dir', backup)).code).toBe(0);
  });

  it('restores into an empty directory a ledger that starts, serves the backed-up log and signs on with the same key', async () => {
    const dataDir = join(work, 'restored');
    const restored = await run('restore', backup, '--data-dir', dataDir);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`log verified at size ${manifest.ledger.size}, root ${manifest.ledger.rootHash}`);
    const server = await startLedgerAt(dataDir);
    try {
      const health = (await (await fetch(`${server.url}/health`)).json()) as { position: number };
      expect(health.position).toBe(Number(manifest.ledger.size));
      expect(await (await fetch(`${server.url}/v1/audit/verifier-key`)).text()).toBe(manifest.ledger.verifierKey);
      const note = await (await fetch(`${server.url}/v1/audit/checkpoint`)).text();
      expect(note.split('\n').slice(1, 3)).toEqual([manifest.ledger.size, manifest.ledger.rootHash]);
    } finally {
      await server.close();
    }
  });

  it('refuses to restore over a data directory that holds files, unless --force, which moves them aside', async () => {
    const dataDir = join(work, 'occupied');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'ledger.sqlite'), 'an older ledger');
    const refused = await run('restore', backup, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is not empty (ledger.sqlite)');
    expect(readFileSync(join(dataDir, 'ledger.sqlite'), 'utf8')).toBe('an older ledger');
    const forced = await run('restore', backup, '--data-dir', dataDir, '--force');
    expect(forced.code).toBe(0);
    const aside = forced.err.match(/are now in (\S+)/)?.[1];
    expect(readFileSync(join(aside!, 'ledger.sqlite'), 'utf8')).toBe('an older ledger');
    expect((await run('verify', '--data-dir', dataDir)).code).toBe(0);
  });

  describe('a tampered backup', () => {
    function tamperedCopy(name: string): string {
      const dir = join(work, name);
      cpSync(backup, dir, { recursive: true });
      return dir;
    }

    function alterEvent(dir: string, position: number): void {
      const db = new Database(join(dir, sqliteFileName));
      db.exec('DROP TRIGGER events_no_update');
      db.prepare("UPDATE events SET data = replace(data, '1000000.00', '9000000.00') WHERE position = ?").run(position);
      db.close();
    }

    /** What an attacker who also rewrites the manifest does: only the log's own proofs are left to catch it. */
    function rehash(dir: string, name: string): void {
      const path = join(dir, manifestFileName);
      const rewritten = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
      const files = rewritten.files.map((file) => (file.name === name ? { ...file, sha256: sha256Of(join(dir, name)) } : file));
      writeFileSync(path, JSON.stringify({ ...rewritten, files }));
    }

    async function refusedRestore(dir: string, reason: string): Promise<void> {
      const dataDir = join(work, `${dir}-target`);
      const { code, err } = await run('restore', join(work, dir), '--data-dir', dataDir);
      expect(code).toBe(1);
      expect(err).toContain(reason);
      expect(existsSync(join(dataDir, sqliteFileName))).toBe(false);
    }

    it('is refused when a file changed since the backup', async () => {
      alterEvent(tamperedCopy('altered'), 4);
      await refusedRestore('altered', 'ledger.sqlite changed since the backup');
    });

    it('is refused by the log’s own check when the manifest was rewritten too, naming the position', async () => {
      const dir = tamperedCopy('altered-and-rehashed');
      alterEvent(dir, 4);
      rehash(dir, sqliteFileName);
      await refusedRestore('altered-and-rehashed', 'FAILED verification: AUDIT.EVENT_ALTERED at position 4');
    });

    it('is refused when its signing key is not the log’s', async () => {
      const dir = tamperedCopy('other-key');
      const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
      writeFileSync(join(dir, signingKeyFileName), pem, { mode: 0o600 });
      rehash(dir, signingKeyFileName);
      await refusedRestore('other-key', "is not the private key of the log's active key");
    });
  });

  it('refuses a backup into a directory that holds files', async () => {
    const { code, err } = await run('backup', backup, '--data-dir', ledger.dataDir);
    expect(code).toBe(1);
    expect(err).toContain('is not empty');
  });
});
