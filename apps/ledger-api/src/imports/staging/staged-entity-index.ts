import Database from 'better-sqlite3';
import type { DomainEvent } from '@ledger/domain';
import type { JsonValue, RecordedEvent } from '@ledger/event-store';
import { EntityIndex, type IndexedKind } from '../../commands/entity-index';

/**
 * The id index (`receipt`, `funding`, `disbursement` → stream) as the import sees it: the ids that
 * earlier rows of the import introduced, then the stored index. The staged part is the real
 * EntityIndex over an in-memory database, fed the staged events through its own append hook, so
 * which event introduces which id is written once, in entity-index.ts.
 */
/** The events one staged write adds to a stream, from the revision the first one takes. */
export interface StagedWrite {
  readonly stream: string;
  readonly events: readonly DomainEvent[];
  readonly firstRevision: bigint;
}

export class StagedEntityIndex {
  private readonly staged: EntityIndex;
  private readonly memory: Database.Database;
  private readonly addedSince: Database.Statement<[number]>;
  private readonly lastRowIdOf: Database.Statement<[]>;
  private readonly stageAll: Database.Transaction<(writes: readonly StagedWrite[]) => void>;

  constructor(private readonly stored: Pick<EntityIndex, 'streamOf'>) {
    this.memory = new Database(':memory:');
    this.staged = new EntityIndex(this.memory);
    this.addedSince = this.memory.prepare('SELECT kind, id, stream FROM entity_index WHERE rowid > ?');
    this.lastRowIdOf = this.memory.prepare('SELECT coalesce(max(rowid), 0) AS last FROM entity_index');
    this.stageAll = this.memory.transaction((writes: readonly StagedWrite[]) => {
      const before = this.lastRowId();
      for (const write of writes) this.staged.appendHook(this.memory, recordedOf(write));
      const added = this.addedSince.all(before) as { kind: IndexedKind; id: string; stream: string }[];
      for (const { kind, id, stream } of added) {
        const elsewhere = this.stored.streamOf(kind, id);
        if (elsewhere !== undefined) throw new Error(`${kind} ${id} of ${stream} already belongs to ${elsewhere}`);
      }
    });
  }

  streamOf(kind: IndexedKind, id: string): string | undefined {
    return this.staged.streamOf(kind, id) ?? this.stored.streamOf(kind, id);
  }

  /**
   * Indexes the writes of one staged command, all or none: throws, as the append would, when one
   * introduces an id a second time, in the import or in the stored index (handlers check
   * `streamOf` first, so this is a handler's bug, found before anything is posted).
   */
  stage(writes: readonly StagedWrite[]): void {
    this.stageAll(writes);
  }

  private lastRowId(): number {
    return (this.lastRowIdOf.get() as { last: number }).last;
  }

  close(): void {
    this.memory.close();
  }
}

function recordedOf({ stream, events, firstRevision }: StagedWrite): RecordedEvent[] {
  return events.map(
    (event, offset): RecordedEvent => ({
      eventId: '00000000-0000-0000-0000-000000000000',
      stream,
      revision: firstRevision + BigInt(offset),
      // Not yet in the log: the hook only names the position in its error message.
      position: -1n,
      type: event.type,
      schemaVersion: 1,
      data: event.data as JsonValue,
      metadata: {},
      recordedAt: new Date(0),
      leafHash: Buffer.alloc(0),
    }),
  );
}
