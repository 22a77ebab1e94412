import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type NewEvent, type SqliteEventStore, newEventId, openSqliteEventStore } from '@ledger/event-store';
import { AppendHooks } from '../store/append-hooks';
import { TransparencyLog } from './transparency-log';

function event(index: number): NewEvent {
  return { eventId: newEventId(), type: 'AllocationReceived', data: { index }, metadata: { regionCode: '513336' } };
}

/** Short, so the timer's cut is seen within a test. */
const cutIntervalMs = 25;

describe('the transparency log wired to a store', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let log: TransparencyLog;
  const errors: unknown[] = [];

  function open(origin?: string): TransparencyLog {
    const hooks = new AppendHooks();
    store = openSqliteEventStore({ dataDir, onAppend: hooks.run });
    return TransparencyLog.open({ db: store.database, dataDir, registerAppendHook: (hook) => hooks.register(hook), origin, cutIntervalMs, onCutError: (error) => errors.push(error) });
  }

  async function reopen(origin?: string): Promise<TransparencyLog> {
    log.close();
    await store.close();
    return open(origin);
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-tlog-'));
    errors.length = 0;
    log = open('ledger.local/test');
  });
  afterEach(async () => {
    log.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs the empty tree at start, then cuts on the timer what the appends added, not one per append', async () => {
    expect(log.checkpoints.latest()?.size).toBe(0n);
    await store.append([{ stream: 'allocation-1', expectedRevision: 'any', events: [event(1), event(2)] }]);
    await store.append([{ stream: 'allocation-1', expectedRevision: 'any', events: [event(3)] }]);
    expect(log.checkpoints.latest()?.size).toBe(0n);
    await sleep(cutIntervalMs * 4);
    expect(log.checkpoints.latest()?.size).toBe(3n);
    expect(log.checkpoints.at(2n)).toBeNull();
    expect(log.checkpoints.ofSize(2n).size).toBe(2n);
    expect(errors).toEqual([]);
  });

  it('gives a reader that comes before the timer a checkpoint at once', async () => {
    await Promise.all([1, 2, 3].map((index) => store.append([{ stream: `allocation-${index}`, expectedRevision: 'any', events: [event(index)] }])));
    expect(log.covering(3n).size).toBe(3n);
    expect([log.checkpoints.at(1n), log.checkpoints.at(2n)]).toEqual([null, null]);
  });

  it('signs what the last append added when it closes (an offline import ends right after its append)', async () => {
    await store.append([{ stream: 'allocation-1', expectedRevision: 'any', events: [event(1)] }]);
    log = await reopen();
    expect(log.checkpoints.at(1n)?.size).toBe(1n);
  });

  it('keeps the origin the key was registered under when none is configured (a host renamed), and refuses another one', async () => {
    log = await reopen();
    expect(log.signer.origin).toBe('ledger.local/test');
    log.close();
    await store.close();
    expect(() => open('ledger.local/elsewhere')).toThrow(expect.objectContaining({ code: 'AUDIT.SIGNING_KEY_MISMATCH' }));
    await store.close();
    log = open();
  });
});
