import Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '@ledger/event-store';
import { ImportRecords, parseRowKey, rowIdempotencyKey } from './import-records';
import { WriteGate } from './write-gate';

const sha = 'ab'.repeat(32);
const other = 'cd'.repeat(32);

function recorded(metadata: EventMetadata): RecordedEvent {
  return { eventId: '', stream: 'allocation-a', revision: 0n, position: 1n, type: 'T', schemaVersion: 1, data: {}, metadata, recordedAt: new Date(0), leafHash: Buffer.alloc(0) };
}

describe('the row keys of an import', () => {
  it('name the file by its hash and the row as a spreadsheet numbers it', () => {
    expect(rowIdempotencyKey(sha, 2)).toBe(`import:${sha}:2`);
    expect(parseRowKey(`import:${sha}:17`)).toEqual({ fileSha256: sha, row: 17 });
    expect(parseRowKey('3f2a-a-client-key')).toBeUndefined();
  });
});

describe('the import records', () => {
  it('remember, from the appended events, the last row of each file each principal has posted', () => {
    const records = new ImportRecords(new Database(':memory:'));
    expect(records.postedThroughRow('demo-admin', sha)).toBe(1);
    records.appendHook(undefined as never, [
      recorded({ actor: 'demo-admin', idempotencyKey: rowIdempotencyKey(sha, 2) }),
      recorded({ actor: 'demo-admin', idempotencyKey: rowIdempotencyKey(sha, 5) }),
      recorded({ actor: 'demo-admin', idempotencyKey: rowIdempotencyKey(sha, 3) }),
      recorded({ actor: 'demo-finance-513336', idempotencyKey: rowIdempotencyKey(other, 9) }),
      recorded({ actor: 'demo-admin', idempotencyKey: 'a-client-key' }),
    ]);
    records.appendHook(undefined as never, [recorded({ actor: 'demo-admin', idempotencyKey: rowIdempotencyKey(sha, 4) })]);
    expect(records.postedThroughRow('demo-admin', sha)).toBe(5);
    expect(records.postedThroughRow('demo-finance-513336', other)).toBe(9);
    expect(records.postedThroughRow('demo-finance-513336', sha)).toBe(1);
  });
});

describe('the write gate', () => {
  const own = recorded({ actor: 'demo-admin', idempotencyKey: rowIdempotencyKey(sha, 2) });

  it('lets every append through while no import posts', () => {
    expect(() => new WriteGate().appendHook(undefined as never, [recorded({ actor: 'x', idempotencyKey: 'k' })])).not.toThrow();
  });

  it('refuses, while an import posts, every append but its own, with a retryable revision conflict', () => {
    const gate = new WriteGate();
    gate.hold({ principalId: 'demo-admin', keyPrefixes: [`import:${sha}:`] });
    expect(() => gate.appendHook(undefined as never, [own])).not.toThrow();
    for (const metadata of [{ actor: 'demo-finance-513336', idempotencyKey: 'k' }, { actor: 'demo-finance-513336', idempotencyKey: rowIdempotencyKey(sha, 2) }, { actor: 'demo-admin', idempotencyKey: 'k' }]) {
      expect(() => gate.appendHook(undefined as never, [recorded(metadata)])).toThrow(expect.objectContaining({ code: 'STORE.REVISION_CONFLICT' }));
    }
    expect(() => gate.hold({ principalId: 'other', keyPrefixes: [] })).toThrow(/already held/);
    gate.release();
    expect(() => gate.appendHook(undefined as never, [recorded({ actor: 'x', idempotencyKey: 'k' })])).not.toThrow();
  });
});
