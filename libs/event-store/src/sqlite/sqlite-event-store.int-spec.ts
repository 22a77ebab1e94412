import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreConformance } from '@ledger/event-store/conformance';
import { newEventId } from '../port/identifiers';
import type { RecordedEvent } from '../port/recorded-event';
import { SqliteEventStore, openSqliteEventStore, sqliteFileName } from './sqlite-event-store';

/** A fresh directory under the OS temp dir, removed by the returned function. */
function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-event-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeEventStoreConformance('SqliteEventStore', async (options = {}) => {
  const { dir, remove } = tempDir();
  const store = openSqliteEventStore({ dataDir: dir, clock: options.clock });
  return {
    store,
    dispose: async () => {
      await store.close();
      remove();
    },
  };
});

const write = (stream = 'allocation-a') => ({
  stream,
  expectedRevision: 'any' as const,
  events: [{ eventId: newEventId(), type: 'Tested', data: { amount: '1.00' } }],
});

describe('SqliteEventStore on disk', () => {
  let dir: string;
  let remove: () => void;
  let store: SqliteEventStore;

  beforeEach(() => {
    ({ dir, remove } = tempDir());
    store = openSqliteEventStore({ dataDir: join(dir, 'nested', 'data') });
  });

  afterEach(async () => {
    await store.close();
    remove();
  });

  it('creates its data directory and the file in it', () => {
    expect(existsSync(join(dir, 'nested', 'data', sqliteFileName))).toBe(true);
  });

  it('opens in WAL mode with synchronous=FULL at the latest schema version', () => {
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.database.pragma('user_version', { simple: true })).toBe(1);
  });

  it.each([
    ['UPDATE', "UPDATE events SET data = '{}' WHERE position = 1"],
    ['DELETE', 'DELETE FROM events WHERE position = 1'],
    ['INSERT OR REPLACE', "INSERT OR REPLACE INTO events SELECT * FROM events WHERE position = 1"],
  ])('refuses a raw %s of an event through the connection', async (_, sql) => {
    await store.append([write()]);
    expect(() => store.database.prepare(sql).run()).toThrow(/append-only/);
    expect(store.database.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
  });

  it('keeps events, positions and revisions across close and reopen', async () => {
    await store.append([write(), write('project-b')]);
    await store.close();
    store = openSqliteEventStore({ dataDir: join(dir, 'nested', 'data') });
    expect(await store.headPosition()).toBe(2n);
    const next = await store.append([write()]);
    expect(next.events[0]).toMatchObject({ revision: 1n, position: 3n });
  });

  it('refuses to open a file written by a newer schema', async () => {
    const filename = join(dir, 'newer.sqlite');
    const db = new Database(filename);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteEventStore({ filename })).toThrow(/schema version 99/);
  });
});

describe('SqliteEventStore onAppend', () => {
  let dir: string;
  let remove: () => void;

  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it('runs inside the append transaction: its writes commit with the events', async () => {
    const seen: RecordedEvent[][] = [];
    const store = new SqliteEventStore({
      filename: join(dir, 'ledger.sqlite'),
      onAppend: (db, recorded) => {
        expect(db.inTransaction).toBe(true);
        seen.push([...recorded]);
        const insert = db.prepare('INSERT INTO totals (stream, events) VALUES (?, 1) ON CONFLICT DO UPDATE SET events = events + 1');
        for (const event of recorded) insert.run(event.stream);
      },
    });
    store.database.exec('CREATE TABLE totals (stream TEXT PRIMARY KEY, events INTEGER NOT NULL)');
    const first = write();
    await store.append([first, write('project-b')]);
    await store.append([first]); // a replay records nothing, so no call
    expect(seen).toHaveLength(1);
    expect(seen[0].map((event) => [event.stream, event.position])).toEqual([
      ['allocation-a', 1n],
      ['project-b', 2n],
    ]);
    expect(store.database.prepare('SELECT stream, events FROM totals ORDER BY stream').all()).toEqual([
      { stream: 'allocation-a', events: 1 },
      { stream: 'project-b', events: 1 },
    ]);
    await store.close();
  });

  it('refuses the append when it throws: no event, no position consumed', async () => {
    let refuse = true;
    const store = new SqliteEventStore({
      filename: join(dir, 'ledger.sqlite'),
      onAppend: () => {
        if (refuse) throw new Error('projection refused');
      },
    });
    await expect(store.append([write()])).rejects.toThrow('projection refused');
    expect(await store.headPosition()).toBe(0n);
    refuse = false;
    expect((await store.append([write()])).lastPosition).toBe(1n);
    await store.close();
  });
});
