import type { LedgerEvent, LogPlace } from './events/ledger-event';
import type { RowProgram } from './rows/row-ops';
import type { AnyTableDef } from './rows/table';

/**
 * A projection is an `evolve` over the global log into tables (emmett: projections are just another
 * evolve). `apply` is pure apart from the row operations it yields, so one projection runs inline
 * in SQLite's append transaction, in a PostgreSQL transaction, and in a rebuild, unchanged.
 *
 * Its checkpoint (the last position applied) is written by the runner in the same transaction as
 * its rows. Each projection keeps the lookups it needs in tables of its own, so it can be rebuilt
 * alone and no projection reads another's tables.
 */
export interface Projection {
  /** Also the key of its checkpoint; its tables start with this name. */
  readonly name: string;
  /**
   * The version of its tables and of `apply`: bump it on any change of either. A stored version
   * that differs drops the tables and resets the checkpoint to 0, so the runner rebuilds it.
   */
  readonly version: number;
  readonly tables: readonly AnyTableDef[];
  /** Evolves the tables by one event. Throws InvariantViolation on a history the deciders could not have produced. */
  apply(event: LedgerEvent, place: LogPlace): RowProgram;
}
