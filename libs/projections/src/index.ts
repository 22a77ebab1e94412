/**
 * @ledger/projections: read models of the ledger, evolved from the global log into SQL tables
 * (the embedded SQLite file, or PostgreSQL with LEDGER_READ_DB), with their checkpoints written
 * in the same transaction as their rows. See README.md for the choices behind them.
 */
export * from './limits';
export { type LedgerEvent, type LedgerEventType, type LogPlace, ledgerEventTypes, isLedgerEventType, decodeLedgerEvent } from './events/ledger-event';
export type { Projection } from './projection';
export { readProjections } from './projections';
// What a projection written outside this lib (libs/audit's warnings) is made of.
export { type RowOp, type RowProgram, getRow, requireRow, putRow, insertRow, deleteRow } from './rows/row-ops';
export { type AnyTableDef, type TableDef, type ColumnDef, type ColumnType, table } from './rows/table';
export { fenOf, yuanOf } from './shared/fen';
export type { Dialect } from './rows/sql-text';

export { journalProjection } from './journal/journal.projection';
export { journalTables } from './journal/journal.tables';
export { accountSides, type AccountKind } from './journal/journal.accounts';
export { trialBalance, accountBalances, accountPageSizeMax, type TrialBalance, type AccountBalance } from './journal/journal.queries';

export { metricsProjection } from './metrics/metrics.projection';
export { metricsTables, type Measure } from './metrics/metrics.tables';
export {
  queryMetrics,
  queryMetricsAsOf,
  metricsBase,
  type Metrics,
  type MetricsFilter,
  type MetricsAmounts,
  type MetricsRates,
  type MetricsFigures,
} from './metrics/metrics.queries';

export { projectsProjection } from './projects/projects.projection';
export { projectsTables } from './projects/projects.tables';
export {
  listProjects,
  getProject,
  projectStatuses,
  type ProjectSummary,
  type ProjectDetail,
  type FundingLineView,
  type FundingPart,
  type ProjectListFilter,
  type ProjectPage,
} from './projects/projects.queries';

export { disclosureProjection } from './disclosure/disclosure.projection';
export { disclosureTables } from './disclosure/disclosure.tables';
export {
  queryDisclosure,
  disclosureProjectionNames,
  type Disclosure,
  type DisclosureFilter,
  type HouseholdPayment,
  type LoanNotice,
  type NoticeView,
} from './disclosure/disclosure.queries';

export { traceProjection } from './trace/trace.projection';
export { traceTables, traceKinds, type TraceKind } from './trace/trace.tables';
export {
  traceAllocation,
  traceDisbursement,
  type AllocationTrace,
  type DisbursementTrace,
  type DisbursementSource,
  type TracedAllocation,
  type TracedDisbursement,
  type TracedLine,
  type TracedProject,
  type TracedItem,
  type TracedReceipt,
  type Payee,
} from './trace/trace.queries';

export type { ReadModel } from './read-model/read-model';
export type { ReadModelSchema, DbInteger } from './read-model/read-schema';
export { SqliteReadModel } from './read-model/sqlite-read-model';
export { PostgresReadModel, postgresPoolSizeMax } from './read-model/postgres-read-model';
export { openReadModel } from './read-model/open-read-model';
export { dumpTable, dumpProjection } from './read-model/dump';
export { readConsistently, checkpointOf } from './read-model/consistent-read';

export { checkpointTable, type ProjectionFaults, type PageOutcome } from './runner/apply-page';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionProgress,
  type ProgressCallback,
  type ProjectionStatus,
  type RebuildReport,
} from './runner/projection-runner';
export { startProjections, rebuildAll, type StartProjectionsOptions } from './runner/start';

export { ProjectionError, projectionErrorCodes, type ProjectionErrorCode } from './shared/projection-error';
export { addWorkingDays } from './shared/working-days';
