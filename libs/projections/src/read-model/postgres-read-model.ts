import type { RecordedEvent } from '@ledger/event-store';
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely';
import { Pool } from 'pg';
import type { Projection } from '../projection';
import { postgresRowCacheRowsMax } from '../limits';
import { PostgresRowExecutor, type SqlQuery } from '../rows/postgres-rows';
import { SharedRowCache } from '../rows/unit-of-work';
import { putRow, runAsync } from '../rows/row-ops';
import { createTableSql, deleteAllSql, dropTableSql } from '../rows/sql-text';
import { applyPageAsync, checkpointTable, readCheckpoints, storedVersions, type ApplyOptions, type PageOutcome } from '../runner/apply-page';
import type { ReadModel } from './read-model';
import type { ReadModelSchema } from './read-schema';

/** Connections to the read database: one writer (the runner) and a few concurrent readers (HTTP queries). */
export const postgresPoolSizeMax = 8;

/**
 * The read models in PostgreSQL (`LEDGER_READ_DB=postgres://…`). Projections are fed by a
 * subscription (not inline: the events commit in the store first), one page per transaction with
 * the checkpoints. Each page transaction first locks the checkpoint rows (`FOR UPDATE`), so two
 * runners against one database (two app instances) serialise instead of applying a page twice;
 * installation takes a transaction-scoped advisory lock for the same reason.
 */
export class PostgresReadModel implements ReadModel {
  readonly dialect = 'postgres' as const;
  readonly db: Kysely<ReadModelSchema>;
  private readonly cache = new SharedRowCache(postgresRowCacheRowsMax, new Set([checkpointTable.name]));
  /** The checkpoints this writer last committed: when the database shows others, another writer ran and the cache is dropped. */
  private readonly committed = new Map<string, bigint>();
  /** Writes of this process run one at a time, so the cache and `committed` follow the commit order. */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(pool: Pool) {
    this.db = new Kysely<ReadModelSchema>({ dialect: new PostgresDialect({ pool }) });
  }

  static open(connectionString: string, options: { poolSizeMax?: number } = {}): PostgresReadModel {
    return new PostgresReadModel(new Pool({ connectionString, max: options.poolSizeMax ?? postgresPoolSizeMax }));
  }

  async install(projections: readonly Projection[]): Promise<void> {
    await this.serially(() => this.db.transaction().execute(async (trx) => {
      this.forget();
      const query = queryIn(trx);
      await query("SELECT pg_advisory_xact_lock(hashtext('ledger_projections_install'))", []);
      for (const sql of createTableSql(checkpointTable, 'postgres')) await query(sql, []);
      const executor = new PostgresRowExecutor(query);
      const stored = await runAsync(storedVersions(projections), executor);
      for (const projection of projections) {
        const version = stored.get(projection.name);
        if (version !== undefined && version !== projection.version) {
          for (const def of projection.tables) await query(dropTableSql(def), []);
        }
        for (const def of projection.tables) for (const sql of createTableSql(def, 'postgres')) await query(sql, []);
        if (version !== projection.version) {
          await runAsync(putRow(checkpointTable, { projection: projection.name, version: projection.version, position: 0n }), executor);
        }
      }
      await executor.flush();
    }));
  }

  async checkpoints(projections: readonly Projection[]): Promise<Map<string, bigint>> {
    return runAsync(readCheckpoints(projections), new PostgresRowExecutor(queryIn(this.db)));
  }

  async applyPage(projections: readonly Projection[], page: readonly RecordedEvent[], options: ApplyOptions): Promise<PageOutcome> {
    return this.serially(async () => {
      try {
        const { outcome, executor } = await this.db.transaction().execute(async (trx) => {
          const query = queryIn(trx);
          const locked = await query('SELECT projection, position FROM projection_checkpoints WHERE projection = ANY($1) FOR UPDATE', [projections.map((p) => p.name)]);
          const elsewhere = locked.some((row) => this.committed.get(String(row.projection)) !== BigInt(String(row.position)));
          if (elsewhere) this.forget();
          const executor = new PostgresRowExecutor(query, this.cache);
          return { outcome: await applyPageAsync(executor, projections, page, options), executor };
        });
        executor.committedInto(this.cache);
        for (const [name, position] of outcome.checkpoints) this.committed.set(name, position);
        return outcome;
      } catch (error) {
        this.forget();
        throw error;
      }
    });
  }

  async reset(projections: readonly Projection[]): Promise<void> {
    await this.serially(() => this.resetNow(projections));
  }

  private async resetNow(projections: readonly Projection[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const query = queryIn(trx);
      const executor = new PostgresRowExecutor(query);
      for (const projection of projections) {
        for (const def of projection.tables) await query(deleteAllSql(def), []);
        await runAsync(putRow(checkpointTable, { projection: projection.name, version: projection.version, position: 0n }), executor);
      }
      await executor.flush();
    }).catch((error: unknown) => {
      this.forget();
      throw error;
    });
    // Emptied by this writer: until another writer shows up, what it writes is all there is.
    this.cache.markEmpty(projections.flatMap((p) => p.tables.map((t) => t.name)));
    for (const projection of projections) this.committed.set(projection.name, 0n);
  }

  private forget(): void {
    this.cache.clear();
    this.committed.clear();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.writes.then(work);
    this.writes = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.db.destroy(); // ends the pool
  }
}

function queryIn(db: Kysely<ReadModelSchema> | Transaction<ReadModelSchema>): SqlQuery {
  return async (sql, parameters) => (await db.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows as Record<string, unknown>[];
}
