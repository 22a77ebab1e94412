import Database from 'better-sqlite3';
import { invariant } from '@ledger/domain';
import type { RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { Kysely, SqliteDialect } from 'kysely';
import type { Projection } from '../projection';
import { putRow, runSync } from '../rows/row-ops';
import { createTableSql, deleteAllSql, dropTableSql } from '../rows/sql-text';
import { SqliteRowExecutor } from '../rows/sqlite-rows';
import { SharedRowCache } from '../rows/unit-of-work';
import { SqliteStatements, SqliteUnitOfWork } from '../rows/sqlite-unit-of-work';
import { sqliteCacheSizeKiB, sqliteRowCacheRowsMax } from '../limits';
import { applyPageSync, checkpointTable, readCheckpoints, storedVersions, type ApplyOptions, type PageOutcome } from '../runner/apply-page';
import type { ReadModel } from './read-model';
import type { ReadModelSchema } from './read-schema';

/**
 * The read models in SQLite. On the embedded store's own connection (`onStore`), which is the
 * default: the tables sit in the ledger file beside the events, and `applyInline` runs inside the
 * store's append transaction (the `onAppend` hook), so an answered append is immediately readable
 * and a refused one leaves no row. Kysely reads go through the same connection; better-sqlite3 is
 * synchronous, so a read never interleaves with a write.
 */
export class SqliteReadModel implements ReadModel {
  readonly dialect = 'sqlite' as const;
  readonly db: Kysely<ReadModelSchema>;
  private readonly executor: SqliteRowExecutor;
  private readonly statements: SqliteStatements;
  /** Rows known across page transactions (SqliteUnitOfWork); dropped whenever anything else writes. */
  private readonly cache = new SharedRowCache(sqliteRowCacheRowsMax, new Set([checkpointTable.name]));

  private constructor(
    readonly database: Database.Database,
    private readonly owned: boolean,
  ) {
    this.statements = new SqliteStatements(database);
    this.executor = new SqliteRowExecutor(this.statements);
    // A page cache the read models' indexes fit in (limits.ts); a larger one set by the owner stays.
    if (Number(database.pragma('cache_size', { simple: true })) > -sqliteCacheSizeKiB) database.pragma(`cache_size = -${sqliteCacheSizeKiB}`);
    this.db = new Kysely<ReadModelSchema>({ dialect: new SqliteDialect({ database }) });
  }

  /** On the store's connection: the only way to apply projections inline. */
  static onStore(store: SqliteEventStore): SqliteReadModel {
    return new SqliteReadModel(store.database, false);
  }

  /** On a connection the caller keeps (and closes). */
  static onDatabase(database: Database.Database): SqliteReadModel {
    return new SqliteReadModel(database, false);
  }

  /** A file of its own (or ':memory:'), closed with the read model. */
  static open(filename: string): SqliteReadModel {
    const database = new Database(filename);
    if (filename !== ':memory:') invariant(database.pragma('journal_mode = WAL', { simple: true }) === 'wal', 'journal_mode is WAL');
    return new SqliteReadModel(database, true);
  }

  async install(projections: readonly Projection[]): Promise<void> {
    this.cache.clear();
    this.database
      .transaction(() => {
        for (const sql of createTableSql(checkpointTable, 'sqlite')) this.database.exec(sql);
        const stored = runSync(storedVersions(projections), this.executor);
        for (const projection of projections) {
          const version = stored.get(projection.name);
          if (version !== undefined && version !== projection.version) {
            for (const def of projection.tables) this.database.exec(dropTableSql(def));
          }
          for (const def of projection.tables) for (const sql of createTableSql(def, 'sqlite')) this.database.exec(sql);
          if (version !== projection.version) {
            runSync(putRow(checkpointTable, { projection: projection.name, version: projection.version, position: 0n }), this.executor);
          }
        }
      })
      .immediate();
  }

  async checkpoints(projections: readonly Projection[]): Promise<Map<string, bigint>> {
    return this.checkpointsNow(projections);
  }

  /** Synchronous, for the inline hook. */
  checkpointsNow(projections: readonly Projection[]): Map<string, bigint> {
    return runSync(readCheckpoints(projections), this.executor);
  }

  async applyPage(projections: readonly Projection[], page: readonly RecordedEvent[], options: ApplyOptions): Promise<PageOutcome> {
    const unit = new SqliteUnitOfWork(this.statements, this.cache);
    try {
      const outcome = this.database
        .transaction(() => {
          const applied = applyPageSync(unit, projections, page, { ...options, faults: flushingFaults(unit, options) });
          unit.flush();
          return applied;
        })
        .immediate();
      unit.committedInto(this.cache);
      return outcome;
    } catch (error) {
      this.cache.clear();
      throw error;
    }
  }

  /**
   * Inside the store's append transaction (called from `onAppend`, on `database`): applies the
   * appended events and the checkpoints, and throws to refuse the append if a projection does.
   */
  applyInline(database: Database.Database, projections: readonly Projection[], recorded: readonly RecordedEvent[], options: ApplyOptions): PageOutcome {
    invariant(database === this.database, 'inline projections run on the read model’s own connection (SqliteReadModel.onStore)');
    // Rows written here bypass the page writer's cache, and the append may yet roll back: forget it.
    this.cache.clear();
    // A unit of work of its own (no shared cache): an append's rows are written once per key.
    const unit = new SqliteUnitOfWork(this.statements);
    const outcome = applyPageSync(unit, projections, recorded, { ...options, faults: flushingFaults(unit, options) });
    unit.flush();
    return outcome;
  }

  async reset(projections: readonly Projection[]): Promise<void> {
    this.cache.clear();
    this.database
      .transaction(() => {
        for (const projection of projections) {
          for (const def of projection.tables) this.database.exec(deleteAllSql(def));
          runSync(putRow(checkpointTable, { projection: projection.name, version: projection.version, position: 0n }), this.executor);
        }
      })
      .immediate();
    // Emptied: until something else writes, what the pages write is all there is.
    this.cache.markEmpty(projections.flatMap((p) => p.tables.map((t) => t.name)));
  }

  async close(): Promise<void> {
    // Kysely's destroy would close the connection; a borrowed one belongs to its owner.
    if (this.owned) await this.db.destroy();
  }
}

/** Fault injection sees the rows in the database, as with the plain writer: the held ones are flushed first. */
function flushingFaults(unit: SqliteUnitOfWork, options: ApplyOptions): ApplyOptions['faults'] {
  const faults = options.faults;
  if (faults?.afterRowsBeforeCheckpoint === undefined) return faults;
  return {
    afterRowsBeforeCheckpoint(projection, lastPosition) {
      unit.flush();
      faults.afterRowsBeforeCheckpoint!(projection, lastPosition);
    },
  };
}
