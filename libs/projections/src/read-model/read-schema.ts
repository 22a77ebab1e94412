import type { CheckpointRow } from '../runner/apply-page';
import type { AccountRow, PostingRow } from '../journal/journal.tables';
import type { FactRow } from '../metrics/metrics.tables';
import type { LoanNoticeRow, NoticeRow } from '../disclosure/disclosure.tables';
import type { TraceAllocationRow, TraceDisbursementRow, TraceLineRow, TraceMovementRow, TraceProjectRow } from '../trace/trace.tables';
import type { AllocationRow, HouseholdPaymentRow, LinePartRow, LineRow, ProjectViewRow } from '../projects/projects.tables';

/**
 * A column as the drivers return it: better-sqlite3 gives INTEGER as a number, pg gives BIGINT as
 * text. Query code passes such values through `sqlInteger` and sums through `CAST(… AS TEXT)`.
 */
export type DbInteger = number | bigint | string;

/** A row type as Kysely sees it: bigint columns arrive as DbInteger. */
export type DbRow<R> = { [K in keyof R]: R[K] extends bigint ? DbInteger : R[K] extends bigint | null ? DbInteger | null : R[K] };

/** The tables the query functions read, for Kysely's typing (the projections write through their TableDefs). */
export interface ReadModelSchema {
  projection_checkpoints: DbRow<CheckpointRow>;
  journal_accounts: DbRow<AccountRow>;
  journal_postings: DbRow<PostingRow>;
  metrics_facts: DbRow<FactRow>;
  projects_view: DbRow<ProjectViewRow>;
  projects_lines: DbRow<LineRow>;
  projects_line_parts: DbRow<LinePartRow>;
  projects_allocations: DbRow<AllocationRow>;
  projects_household_payments: DbRow<HouseholdPaymentRow>;
  disclosure_loans: DbRow<LoanNoticeRow>;
  disclosure_notices: DbRow<NoticeRow>;
  trace_allocations: DbRow<TraceAllocationRow>;
  trace_movements: DbRow<TraceMovementRow>;
  trace_lines: DbRow<TraceLineRow>;
  trace_disbursements: DbRow<TraceDisbursementRow>;
  trace_projects: DbRow<TraceProjectRow>;
}
