import { Logger } from '@nestjs/common';
import type { LocalRules } from '@ledger/domain';
import { type EventStore, SqliteEventStore } from '@ledger/event-store';
import { openReadModel, type ProjectionRunner, type ReadModel, type ReadModelSchema, startProjections } from '@ledger/projections';
import { ledgerProjections } from '@ledger/audit';
import type { Kysely } from 'kysely';

/** What every read answers with: the log position its figures reflect, and when that event was recorded. */
export interface AsOf {
  readonly position: number;
  /** RFC 3339 UTC; null for position 0 (an empty ledger). */
  readonly recordedAt: string | null;
}

export type ProjectionMode = 'inline' | 'subscription';

/**
 * The read side of this process: the read models (projections) and how they are fed.
 *
 * - Embedded (the default): the tables live in the ledger's SQLite file and every projection is
 *   applied INLINE, inside the append transaction (an append hook), so a 201 is readable at once
 *   and a projection that refuses an event refuses the append (a figure that silently skipped a
 *   fact is worse than a refused write).
 * - `LEDGER_READ_DB=postgres://…`: the tables live in PostgreSQL, fed by a subscription to the
 *   log, one page per transaction. Reads may then lag the log by a page; every answer says how
 *   far it got (`asOf.position`, `X-Ledger-Position`), and an as-of position not reached yet is
 *   503 PROJECTION.BEHIND.
 *
 * Either way the projections are installed and caught up with the log before the application
 * answers (and before the demo county loads), so the demo is projected inline like any append.
 */
export class ReadSide {
  private constructor(
    readonly store: EventStore,
    readonly readModel: ReadModel,
    readonly runner: ProjectionRunner,
    readonly mode: ProjectionMode,
  ) {}

  static async start(options: {
    readonly store: EventStore;
    readonly readDbUrl: string | undefined;
    readonly rules: LocalRules;
    readonly registerInlineHook: (hook: Parameters<NonNullable<Parameters<typeof startProjections>[0]['registerInlineHook']>>[0]) => void;
  }): Promise<ReadSide> {
    const { store, readDbUrl, rules } = options;
    if (!(store instanceof SqliteEventStore)) throw new Error('the read side needs the embedded SQLite event store');
    const readModel = openReadModel({ store, ...(readDbUrl === undefined ? {} : { readDbUrl }) });
    const mode: ProjectionMode = readDbUrl === undefined ? 'inline' : 'subscription';
    const logger = new Logger('ReadSide');
    const runner = await startProjections({
      store,
      readModel,
      projections: ledgerProjections(rules),
      ...(mode === 'inline' ? { registerInlineHook: options.registerInlineHook } : {}),
      onError: (error: unknown) => logger.error('the projections stopped', error instanceof Error ? error.stack : String(error)),
    });
    return new ReadSide(store, readModel, runner, mode);
  }

  get db(): Kysely<ReadModelSchema> {
    return this.readModel.db;
  }

  /** When the event at `position` was recorded (the log's own clock). */
  async asOf(position: bigint): Promise<AsOf> {
    if (position <= 0n) return { position: 0, recordedAt: null };
    for await (const event of this.store.readAll({ fromPosition: position, maxCount: 1 })) {
      return { position: Number(position), recordedAt: event.recordedAt.toISOString() };
    }
    throw new Error(`the log has no event at position ${position}`);
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    await this.readModel.close();
  }
}
