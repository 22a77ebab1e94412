import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingKeyFileName } from '@ledger/audit';
import { canonicalEventLeafHash, sqliteFileName } from '@ledger/event-store';
import Database from 'better-sqlite3';
import { testNoteKey } from '../../../../libs/audit/testing/note-keys';
import { type LedgerAt, startLedgerAt } from '../../../ledger-api/src/audit/testing/ledger-at';
import { acquireDataDirLock } from '../../../ledger-api/src/imports/data-dir-lock';
import { LedgerUnderTest, tokens } from '../../../ledger-api/test/support/ledger-under-test';
import { runCli } from '../cli';
import { capturedIo, postAllocations } from '../testing/captured-io';

/*
 * `npm run ledger -- verify`, offline against a data directory whose SQLite file was edited
 * behind the ledger's back (triggers dropped, as anyone holding the file can), and remotely
 * against running ledgers, one of which rewrote the log under the same key.
 */

/** The raw rows of `events` an attacker edits. */
interface EventRow {
  position: number;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

describe('npm run ledger -- verify', () => {
  let work: string;
  let ledger: LedgerUnderTest;
  /** An online backup of the ledger after 12 events: each tamper test edits a copy of it. */
  let pristine: string;

  const post = (path: string, body: unknown) => ledger.post(path, body, { token: tokens.finance513336 });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
    ledger = await LedgerUnderTest.start();
    await postAllocations(post, ['a-1', 'a-2', 'a-3', 'a-4']);
    pristine = join(work, 'pristine');
    expect(await runCli(['backup', pristine, '--data-dir', ledger.dataDir], capturedIo())).toBe(0);
  });
  afterAll(async () => {
    await ledger.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function verifyDir(dir: string): Promise<{ code: number; out: string; err: string }> {
    const io = capturedIo();
    const code = await runCli(['verify', '--data-dir', dir], io);
    return { code, out: io.out(), err: io.err() };
  }

  /** A copy of the pristine data directory, edited with raw better-sqlite3 after dropping the guards. */
  function tampered(name: string, edit: (db: Database.Database) => void): string {
    const dir = join(work, name);
    cpSync(pristine, dir, { recursive: true });
    const db = new Database(join(dir, sqliteFileName));
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    edit(db);
    db.close();
    return dir;
  }

  describe('offline, against a data directory', () => {
    it('verifies an untouched log: every event, node and checkpoint', async () => {
      const { code, out } = await verifyDir(pristine);
      expect(code).toBe(0);
      expect(out).toMatch(/^verified .*pristine: 12 events, root \S+, \d+ signed checkpoints\n$/);
    });

    it.each([
      ['one byte of an amount changed', 'AUDIT.EVENT_ALTERED at position 5', (db: Database.Database) => {
        // Position 5: the receipt of a-2 (each allocation is 3 events: allocated; received + voucher used).
        db.prepare("UPDATE events SET data = replace(data, '600000.00', '600000.01') WHERE position = 5").run();
      }],
      ['an event deleted', 'AUDIT.EVENT_MISSING at position 4', (db: Database.Database) => {
        db.prepare('DELETE FROM events WHERE position = 4').run();
      }],
      ['an event inserted (with a correct leaf hash) and the later ones moved up', 'AUDIT.EVENT_NOT_IN_TREE at position 3', (db: Database.Database) => {
        const model = db.prepare('SELECT * FROM events WHERE position = 1').get() as EventRow;
        const forged = { ...model, event_id: randomUUID(), stream: 'allocation-forged', data: model.data.replace('"a-1"', '"forged"') };
        const leaf = canonicalEventLeafHash({
          eventId: forged.event_id,
          stream: forged.stream,
          revision: 0n,
          type: forged.type,
          schemaVersion: forged.schema_version,
          dataJson: forged.data,
          metadataJson: forged.metadata,
          recordedAt: forged.recorded_at,
        });
        db.prepare('UPDATE events SET position = position + 1000000 WHERE position >= 3').run();
        db.prepare('UPDATE events SET position = position - 999999 WHERE position > 1000000').run();
        db.prepare('INSERT INTO events VALUES (3, ?, ?, 0, ?, ?, ?, ?, ?, ?)').run(forged.event_id, forged.stream, forged.type, forged.schema_version, forged.data, forged.metadata, forged.recorded_at, leaf);
      }],
      ['two events swapped', 'AUDIT.EVENT_NOT_IN_TREE at position 2', (db: Database.Database) => {
        db.prepare('UPDATE events SET position = 1000000 WHERE position = 2').run();
        db.prepare('UPDATE events SET position = 2 WHERE position = 5').run();
        db.prepare('UPDATE events SET position = 5 WHERE position = 1000000').run();
      }],
      ['the last event deleted', 'AUDIT.EVENT_MISSING at position 12', (db: Database.Database) => {
        db.prepare('DELETE FROM events WHERE position = 12').run();
      }],
    ])('catches %s, naming the first bad position (exit 1)', async (name, named, edit) => {
      const { code, err } = await verifyDir(tampered(name.replace(/\W+/g, '-'), edit));
      expect(code).toBe(1);
      expect(err).toContain(`FAILED verification: ${named}:`);
    });

    it('catches an event rewritten with its leaf hash and its leaf in the tree, naming the first position of the node above', async () => {
      const dir = tampered('rewritten-leaf', (db) => {
        db.exec('DROP TRIGGER tree_nodes_no_update');
        const row = db.prepare('SELECT * FROM events WHERE position = 2').get() as EventRow;
        const data = row.data.replace('600000.00', '900000.00');
        const leaf = canonicalEventLeafHash({ eventId: row.event_id, stream: row.stream, revision: BigInt(row.revision), type: row.type, schemaVersion: row.schema_version, dataJson: data, metadataJson: row.metadata, recordedAt: row.recorded_at });
        db.prepare('UPDATE events SET data = ?, leaf_hash = ? WHERE position = 2').run(data, leaf);
        // Leaf index 1 in the row of leaves that holds it.
        const run = db.prepare('SELECT first_idx AS first, hashes FROM tree_nodes WHERE level = 0 AND first_idx <= 1 ORDER BY first_idx DESC LIMIT 1').get() as { first: number; hashes: Buffer };
        leaf.copy(run.hashes, (1 - run.first) * 32);
        db.prepare('UPDATE tree_nodes SET hashes = ? WHERE level = 0 AND first_idx = ?').run(run.hashes, run.first);
      });
      const { code, err } = await verifyDir(dir);
      expect(code).toBe(1);
      expect(err).toContain('FAILED verification: AUDIT.TREE_NODE_ALTERED at position 1: tree node (1, 0)');
    });

    it('takes the data directory’s lock: refuses (exit 3) while a ledger holds it', async () => {
      const lock = acquireDataDirLock(pristine, 'ledger-api');
      try {
        const { code, err } = await verifyDir(pristine);
        expect(code).toBe(3);
        expect(err).toContain('is held by ledger-api');
      } finally {
        lock.release();
      }
    });
  });

  describe('remotely, with the verifier key pinned', () => {
    let key: string;
    let state: string;

    async function verifyUrl(url: string, verifierKey = key): Promise<{ code: number; out: string; err: string }> {
      const io = capturedIo();
      const code = await runCli(['verify', '--url', url, '--key', verifierKey, '--state', state], io);
      return { code, out: io.out(), err: io.err() };
    }

    beforeAll(async () => {
      key = await (await fetch(`${ledger.url}/v1/audit/verifier-key`)).text();
      state = join(work, 'state', 'ledger.json');
    });

    it('trusts the first checkpoint it sees, then accepts one that extends it', async () => {
      const first = await verifyUrl(ledger.url);
      expect(first).toMatchObject({ code: 0, out: expect.stringContaining(`verified ${ledger.url}: size 12`) });
      expect(first.out).toContain('first visit');
      await postAllocations(post, ['a-5'], { voucherFrom: 5 });
      const second = await verifyUrl(ledger.url);
      expect(second.code).toBe(0);
      expect(second.out).toContain('size 15');
      expect(second.out).toContain('extends the size 12 verified before');
      expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ size: '15', verifierKey: key });
    });

    it('refuses a log rewritten under the same key (another history), keeping the state it trusted', async () => {
      const forgeryDir = join(work, 'forgery');
      mkdirSync(forgeryDir);
      copyFileSync(join(ledger.dataDir, signingKeyFileName), join(forgeryDir, signingKeyFileName));
      chmodSync(join(forgeryDir, signingKeyFileName), 0o600);
      let forgery: LedgerAt | undefined;
      try {
        forgery = await startLedgerAt(forgeryDir);
        const forged = (path: string, body: unknown) => fetch(`${forgery!.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.finance513336}`, 'Idempotency-Key': randomUUID() },
          body: JSON.stringify(body),
        });
        // The same story but a-1 was given less, and the log grew past what the client verified.
        await postAllocations(forged, ['a-1'], { amount: '700000.00' });
        await postAllocations(forged, ['a-2', 'a-3', 'a-4', 'a-5', 'a-6'], { voucherFrom: 2 });
        expect(await (await fetch(`${forgery.url}/v1/audit/verifier-key`)).text()).toBe(key);
        const { code, err } = await verifyUrl(forgery.url);
        expect(code).toBe(1);
        expect(err).toContain('FAILED verification: AUDIT.LOG_INCONSISTENT');
        expect(err).toContain('the checkpoint verified before:');
        expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ size: '15' });
      } finally {
        await forgery?.close();
      }
    });

    it('refuses checkpoints not signed by the pinned key (exit 1), and says when it cannot reach the ledger (exit 3)', async () => {
      const impostor = testNoteKey(key.split('+')[0]!).verifierKey;
      const io = capturedIo();
      expect(await runCli(['verify', '--url', ledger.url, '--key', impostor, '--state', join(work, 'impostor.json')], io)).toBe(1);
      expect(io.err()).toContain('AUDIT.NOTE_INVALID');
      const server = createServer();
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as { port: number };
      await new Promise<void>((done) => server.close(() => done()));
      expect((await verifyUrl(`http://127.0.0.1:${port}`)).code).toBe(3);
    });

    it('is a usage error without the key', async () => {
      const io = capturedIo();
      expect(await runCli(['verify', '--url', ledger.url], io)).toBe(2);
      expect(io.err()).toContain('needs the --key');
    });
  });
});
