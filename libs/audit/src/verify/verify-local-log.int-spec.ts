import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalEventLeafHash } from '@ledger/event-store';
import { appendEvents, openAuditedLedger, openStore, tempDir } from '../../testing/temp-ledger';
import { rotateCheckpointKey } from '../checkpoint/checkpoint-signer';
import { signingKeyFileName } from '../checkpoint/signing-key-file';
import { catchUp } from '../sqlite/merkle-append-hook';
import { verifyLocalLog, verifyPageSize } from './verify-local-log';

/** More than two pages, so that paging and problems in a later page are exercised. */
const eventCount = 2 * verifyPageSize + 808;
const batchSize = 500;
const origin = 'ledger.local/513336';

/** Builds the template ledger: events in batches, a checkpoint after each, a key rotation halfway. */
async function buildTemplate(dir: string): Promise<void> {
  let ledger = openAuditedLedger(dir, origin);
  const half = Math.floor(eventCount / batchSize / 2) * batchSize;
  for (let start = 0; start < eventCount; start += batchSize) {
    if (start === half) {
      await ledger.store.close();
      const reopened = openAuditedLedger(dir, origin);
      rotateCheckpointKey({ dataDir: dir, db: reopened.db, origin });
      await reopened.store.close();
      ledger = openAuditedLedger(dir, origin);
    }
    await appendEvents(ledger.store, Math.min(batchSize, eventCount - start), batchSize, start);
    ledger.checkpoints.cut();
  }
  await ledger.store.close();
}

/** Plays the attacker with write access to the file: the guard triggers are dropped first. */
function tamper(db: Database.Database, sql: string, ...parameters: unknown[]): void {
  for (const table of ['events', 'tree_nodes', 'checkpoints']) {
    for (const trigger of [`${table}_no_update`, `${table}_no_delete`]) db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
  }
  db.prepare(sql).run(...parameters);
}

/** The leaf hash of the event at `position` as it is stored now (after an edit of its columns). */
function rehash(db: Database.Database, position: number): void {
  const row = db
    .prepare(
      `SELECT event_id AS eventId, stream, revision, type, schema_version AS schemaVersion, data AS dataJson,
              metadata AS metadataJson, recorded_at AS recordedAt FROM events WHERE position = ?`,
    )
    .safeIntegers()
    .get(position) as { eventId: string; stream: string; revision: bigint; type: string; schemaVersion: bigint; dataJson: string; metadataJson: string; recordedAt: string };
  tamper(db, 'UPDATE events SET leaf_hash = ? WHERE position = ?', canonicalEventLeafHash({ ...row, schemaVersion: Number(row.schemaVersion) }), position);
}

describe('verifying the local log', () => {
  let template: { dir: string; remove: () => void };
  let copy: { dir: string; remove: () => void };
  let db: Database.Database;

  beforeAll(async () => {
    template = tempDir();
    await buildTemplate(template.dir);
  });
  afterAll(() => template.remove());
  beforeEach(() => {
    copy = tempDir();
    copyFileSync(join(template.dir, 'ledger.sqlite'), join(copy.dir, 'ledger.sqlite'));
    copyFileSync(join(template.dir, signingKeyFileName), join(copy.dir, signingKeyFileName));
    db = new Database(join(copy.dir, 'ledger.sqlite'));
  });
  afterEach(() => {
    db.close();
    copy.remove();
  });

  it('accepts an untouched log: every event, node and checkpoint, across a key rotation', () => {
    const report = verifyLocalLog(db);
    expect(report).toMatchObject({ ok: true, size: BigInt(eventCount), checkpointsVerified: Math.ceil(eventCount / batchSize) });
  });

  it('names an event whose columns were changed', () => {
    tamper(db, `UPDATE events SET data = replace(data, 'receipt-', 'receipt-X') WHERE position = 5000`);
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_ALTERED', position: 5000n } });
  });

  it('names an event changed together with its leaf hash', () => {
    tamper(db, `UPDATE events SET data = replace(data, '"amount":"', '"amount":"9') WHERE position = 5000`);
    rehash(db, 5000);
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_NOT_IN_TREE', position: 5000n } });
  });

  it('names the first of two events that swapped places', () => {
    tamper(db, 'UPDATE events SET position = position + 1000000 WHERE position IN (6001, 6002)');
    tamper(db, 'UPDATE events SET position = CASE position WHEN 1006001 THEN 6002 ELSE 6001 END WHERE position > 1000000');
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_NOT_IN_TREE', position: 6001n } });
  });

  it('names a removed event', () => {
    tamper(db, 'DELETE FROM events WHERE position = 7000');
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_MISSING', position: 7000n } });
  });

  it('names the first of the events cut off the end of the log', () => {
    tamper(db, 'DELETE FROM events WHERE position > ?', eventCount - 10);
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_MISSING', position: BigInt(eventCount - 9) } });
  });

  it('names an event inserted behind the tree', async () => {
    db.close();
    const bare = openStore(copy.dir);
    await appendEvents(bare, 1, 1);
    await bare.close();
    db = new Database(join(copy.dir, 'ledger.sqlite'));
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_NOT_IN_TREE', position: BigInt(eventCount + 1) } });
  });

  it('names an event whose leaf in the tree was changed', () => {
    tamper(db, `UPDATE tree_nodes SET hashes = CAST(zeroblob(32) || substr(hashes, 33) AS BLOB) WHERE level = 0 AND first_idx = 3000`);
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.EVENT_NOT_IN_TREE', position: 3001n } });
  });

  it('names the first position under a changed interior node', () => {
    // Appends of 500 leaves: the level-3 row from node 687 (leaf 5,496) holds nodes 687 … 749; zero node 700.
    tamper(
      db,
      `UPDATE tree_nodes SET hashes = CAST(substr(hashes, 1, 13 * 32) || zeroblob(32) || substr(hashes, 14 * 32 + 1) AS BLOB)
       WHERE level = 3 AND first_idx = 687`,
    );
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.TREE_NODE_ALTERED', position: 5601n } });
  });

  it('names the earliest of several problems in one page, whatever their kinds', () => {
    tamper(db, `UPDATE events SET data = replace(data, 'receipt-', 'receipt-X') WHERE position = 6000`);
    tamper(
      db,
      `UPDATE tree_nodes SET hashes = CAST(substr(hashes, 1, 13 * 32) || zeroblob(32) || substr(hashes, 14 * 32 + 1) AS BLOB)
       WHERE level = 3 AND first_idx = 687`,
    );
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.TREE_NODE_ALTERED', position: 5601n } });
  });

  it('refuses a checkpoint whose note was changed after signing', () => {
    tamper(db, `UPDATE checkpoints SET note = replace(note, '\n1000\n', '\n1001\n'), size = 1001 WHERE size = 1000`);
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.CHECKPOINT_INVALID', position: null } });
  });

  it('finds a rewrite of events and tree together through the signed checkpoints, bounding the position', () => {
    tamper(db, `UPDATE events SET data = replace(data, '"amount":"', '"amount":"9') WHERE position = 5000`);
    rehash(db, 5000);
    tamper(db, 'DELETE FROM tree_nodes');
    catchUp(db);
    expect(verifyLocalLog(db)).toMatchObject({ ok: false, problem: { code: 'AUDIT.CHECKPOINT_MISMATCH', position: 4501n } });
  });
});
