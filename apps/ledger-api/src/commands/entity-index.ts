import type Database from 'better-sqlite3';
import type { OnAppend, RecordedEvent } from '@ledger/event-store';
import { migrateComponent, type SchemaStep } from '../store/app-schema';

/**
 * Some routes name a thing by an id that is not its stream's (`/v1/receipts/{id}`,
 * `/v1/fundings/{id}`, `/v1/disbursements/{id}`): this index answers which stream holds it. It is
 * written in the append transaction from the events themselves, so it is never behind the log,
 * and it makes these ids unique across the ledger, as the paths require.
 */
export type IndexedKind = 'receipt' | 'funding' | 'disbursement';

/** Which event introduces which kind of id, and the field that holds the id. */
const introducedBy: Readonly<Record<string, { kind: IndexedKind; field: string }>> = {
  FundsReceived: { kind: 'receipt', field: 'receiptId' },
  ProjectFunded: { kind: 'funding', field: 'fundingId' },
  FundsDisbursed: { kind: 'disbursement', field: 'disbursementId' },
};

const steps: readonly SchemaStep[] = [
  {
    version: 1,
    sql: `CREATE TABLE entity_index (kind TEXT NOT NULL, id TEXT NOT NULL, stream TEXT NOT NULL, PRIMARY KEY (kind, id)) STRICT`,
  },
];

export class EntityIndex {
  private readonly select: Database.Statement<[string, string]>;
  private readonly insert: Database.Statement<[string, string, string]>;

  constructor(db: Database.Database) {
    migrateComponent(db, 'entity-index', steps);
    this.select = db.prepare('SELECT stream FROM entity_index WHERE kind = ? AND id = ?');
    this.insert = db.prepare('INSERT INTO entity_index (kind, id, stream) VALUES (?, ?, ?)');
  }

  streamOf(kind: IndexedKind, id: string): string | undefined {
    return (this.select.get(kind, id) as { stream: string } | undefined)?.stream;
  }

  /** Throws (refusing the append) if an id is introduced twice: handlers check `streamOf` first. */
  readonly appendHook: OnAppend = (_db, recorded) => {
    for (const event of recorded) this.index(event);
  };

  private index(event: RecordedEvent): void {
    const introduces = introducedBy[event.type];
    if (introduces === undefined) return;
    const id = (event.data as Record<string, unknown>)[introduces.field];
    if (typeof id !== 'string') throw new Error(`${event.type} at position ${event.position} has no ${introduces.field}`);
    this.insert.run(introduces.kind, id, event.stream);
  }
}
