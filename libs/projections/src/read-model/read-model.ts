import type { RecordedEvent } from '@ledger/event-store';
import type { Kysely } from 'kysely';
import type { Projection } from '../projection';
import type { Dialect } from '../rows/sql-text';
import type { ApplyOptions, PageOutcome } from '../runner/apply-page';
import type { ReadModelSchema } from './read-schema';

/**
 * Where the read models live: the embedded SQLite file (by default, on the store's own
 * connection, so projections can commit inside the append) or a PostgreSQL database
 * (`LEDGER_READ_DB=postgres://…`). Queries use `db` (Kysely), one query code for both dialects;
 * projections write through the row executors of each adapter.
 */
export interface ReadModel {
  readonly dialect: Dialect;
  readonly db: Kysely<ReadModelSchema>;
  /** Creates the tables and checkpoints; a projection whose stored version differs is dropped and starts again at 0. */
  install(projections: readonly Projection[]): Promise<void>;
  /** The stored checkpoints; 0 for a projection not installed. */
  checkpoints(projections: readonly Projection[]): Promise<Map<string, bigint>>;
  /** Applies a page of consecutive events in one transaction, with the checkpoints. */
  applyPage(projections: readonly Projection[], page: readonly RecordedEvent[], options: ApplyOptions): Promise<PageOutcome>;
  /** Empties the projections' tables and sets their checkpoints to 0, in one transaction (the start of a rebuild). */
  reset(projections: readonly Projection[]): Promise<void>;
  close(): Promise<void>;
}
