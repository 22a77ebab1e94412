import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type NewEvent, SqliteEventStore, newEventId } from '@ledger/event-store';

/**
 * Append throughput of the SQLite event store against its floor: the same bytes inserted into a
 * bare table with the same durability pragmas (WAL, synchronous=FULL), at the same batch sizes
 * (one batch = one commit = one fsync). The store's time includes validation, canonical JSON and
 * leaf hashing. Store and bare batches alternate, so both see the same disk and CPU contention
 * (this machine is shared; absolute figures drift from run to run, the ratio much less).
 */
interface Case {
  readonly batchSize: number;
  readonly events: number;
  /** The least acceptable store/bare ratio (the targets); undefined: for information. */
  readonly target: number | undefined;
  readonly eventId: () => string;
}

const cases: readonly Case[] = [
  { batchSize: 1_000, events: 200_000, target: 0.5, eventId: () => newEventId() },
  { batchSize: 100, events: 200_000, target: undefined, eventId: () => newEventId() },
  // Every commit is an fsync here, so fewer events keep the run short.
  { batchSize: 10, events: 10_000, target: undefined, eventId: () => newEventId() },
  { batchSize: 1, events: 10_000, target: 0.3, eventId: () => newEventId() },
  // What random (v4) ids cost once the eventId index outgrows the page cache.
  { batchSize: 1_000, events: 200_000, target: undefined, eventId: randomUUID },
];

/** Appends spread over this many streams, like many aggregates being written. */
const streamCount = 100;

export async function runAppendBench(): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ledger-bench-'));
  try {
    const payload = Buffer.byteLength(JSON.stringify(sampleEvent(0, randomUUID()).data));
    console.log(`append bench in ${dir}; ${payload} bytes of data per event`);
    console.log('batch\tevents\tids\tstore ev/s\tbare ev/s\tratio\ttarget');
    for (const [index, benchCase] of cases.entries()) {
      const { store, bare } = await measure(join(dir, `case-${index}`), benchCase);
      const ratio = store / bare;
      const target = benchCase.target === undefined ? '—' : `≥ ${benchCase.target} ${ratio >= benchCase.target ? 'ok' : 'MISSED'}`;
      const ids = benchCase.eventId === randomUUID ? 'v4' : 'v7';
      console.log(
        `${benchCase.batchSize}\t${benchCase.events}\t${ids}\t${Math.round(store)}\t\t${Math.round(bare)}\t\t${ratio.toFixed(2)}\t${target}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Events per second for the store and for the bare table. */
async function measure(prefix: string, benchCase: Case): Promise<{ store: number; bare: number }> {
  const store = new SqliteEventStore({ filename: `${prefix}-store.sqlite` });
  const bare = bareTable(`${prefix}-bare.sqlite`);
  let storeTime = 0n;
  let bareTime = 0n;
  for (let start = 0; start < benchCase.events; start += benchCase.batchSize) {
    const events = Array.from({ length: benchCase.batchSize }, (_, offset) =>
      sampleEvent(start + offset, benchCase.eventId()),
    );
    const stream = `allocation-${(start / benchCase.batchSize) % streamCount}`;
    const bodies = events.map((event) => JSON.stringify(event));
    let began = process.hrtime.bigint();
    await store.append([{ stream, expectedRevision: 'any', events }]);
    storeTime += process.hrtime.bigint() - began;
    began = process.hrtime.bigint();
    bare.insert(bodies);
    bareTime += process.hrtime.bigint() - began;
  }
  await store.close();
  bare.close();
  return { store: benchCase.events / seconds(storeTime), bare: benchCase.events / seconds(bareTime) };
}

function bareTable(filename: string): { insert(bodies: readonly string[]): void; close(): void } {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE bare (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bare (body) VALUES (?)');
  const insertAll = db.transaction((bodies: readonly string[]) => {
    for (const body of bodies) insert.run(body);
  });
  return { insert: (bodies) => insertAll.immediate(bodies), close: () => db.close() };
}

/** A receipt of central funds at a county, ≈300 bytes of data like the ledger's real events. */
function sampleEvent(index: number, eventId: string): NewEvent {
  return {
    eventId,
    type: 'AllocationReceived',
    data: {
      allocationId: 'allocation-513336-2017-0042',
      receiptId: `receipt-${index}`,
      amount: `${1_000 + (index % 9_000)}.${String(index % 100).padStart(2, '0')}`,
      fundType: 'central_linkage',
      sourceLevel: 'central',
      regionCode: '513336',
      fiscalYear: 2017,
      documentNo: '川财农〔2017〕123号',
      receivedOn: '2017-04-01',
      voucherNo: `记-${index}`,
      note: '中央财政专项扶贫资金（发展资金）第二批',
    },
    metadata: { actor: 'user:513336-0042', regionCode: '513336', correlationId: 'bench' },
  };
}

function seconds(nanoseconds: bigint): number {
  return Number(nanoseconds) / 1e9;
}
