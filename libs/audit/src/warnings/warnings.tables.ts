import { table } from '@ledger/projections';

/**
 * The warnings read model. `warnings` holds one row per warning that holds on the log (a deadline
 * rule writes its row when the deadline is set, and the row waits for its date); the other tables
 * are the lookups the rules need, each the projection's own, so that it rebuilds alone.
 */

/**
 * A warning that holds on the log as it stands. It is shown at a business date D when `raised_on`
 * ≤ D and (`cleared_on` is null or D < `cleared_on`); without a date, D is the latest business date
 * of its county (`warnings_clock`), so a deadline row waits for its date. A verdict that stops
 * holding (a payment fully reversed, a deadline met after all, a gap filled) deletes the row; the
 * inspectors' workflow row stays, so the same id finds it again if the rule holds once more.
 */
export interface WarningRow {
  readonly warning_id: string;
  readonly rule: string;
  readonly severity: string;
  /** 6 digits: the county, for the clock and the index. */
  readonly county: string;
  /** The most precise code of the subject's place: 6 (county) to 12 digits (village). */
  readonly region: string;
  readonly subject_stream: string;
  readonly subject_id: string;
  readonly raised_on: string;
  readonly cleared_on: string | null;
  /** JSON array of log positions (numbers), ascending: the events the warning rests on. */
  readonly evidence: string;
  /** JSON object: the rule's own facts (dates, amounts, ids). */
  readonly details: string;
  readonly first_position: bigint;
  readonly last_position: bigint;
}

/** The inspectors' side of a warning, by warning id (a row may come before the warning's). */
export interface WorkflowRow {
  readonly warning_id: string;
  readonly state: string;
  readonly acknowledged_on: string | null;
  readonly acknowledged_note: string | null;
  readonly resolved_on: string | null;
  readonly resolved_note: string | null;
  /** JSON object `{rectificationId: 'open' | 'closed'}`: the items opened from the warning. */
  readonly rectifications: string;
  readonly last_position: bigint;
}

/** The latest business date of any fact of a county: "now" for that county's deadlines. */
export interface ClockRow {
  readonly county: string;
  readonly latest_on: string;
}

export interface AllocationRow {
  readonly allocation_id: string;
  readonly county: string;
}

export interface ProjectRow {
  readonly project_id: string;
  readonly county: string;
  readonly village: string;
  readonly listed_on: string;
  readonly targets: number;
  readonly completed_on: string | null;
  readonly completed_position: bigint | null;
  readonly first_asset_on: string | null;
  readonly first_asset_position: bigint | null;
}

/**
 * Money in and out of one holder by business date: an allocation (`allocation:{id}`), a county's
 * pool for a year (`pool:{county}:{year}`) or a project's funding line (`line:{projectId}:{fundingId}`).
 * `entries` is JSON, one item per business day, in date order (see money-timeline.ts).
 */
export interface TimelineRow {
  readonly holder: string;
  readonly entries: string;
}

export interface DisbursementRow {
  readonly project_id: string;
  readonly disbursement_id: string;
  readonly funding_id: string;
  readonly amount_fen: bigint;
  readonly reversed_fen: bigint;
  readonly paid_on: string;
  readonly position: bigint;
  readonly voucher_no: string;
  /** The household paid, or null for a unit. */
  readonly household_ref: string | null;
}

/**
 * The payments of one funding line to one household in one year: JSON
 * `[[disbursementId, paidOn, position, active], …]`; `active` = 0 once fully reversed.
 */
export interface HouseholdPaymentsRow {
  readonly payments_key: string;
  readonly payments: string;
}

export interface ReceiptRow {
  readonly allocation_id: string;
  readonly receipt_id: string;
  readonly voucher_no: string;
  readonly received_on: string;
  readonly position: bigint;
}

/** One numbered voucher: book `{county}-{year}`, series = the number's text before its digits. */
export interface VoucherRow {
  readonly book: string;
  readonly series: string;
  readonly number: bigint;
  readonly voucher_no: string;
  readonly date: string;
  readonly position: bigint;
}

/**
 * The lowest and highest number used in a series, the digits it is written with, and the runs of
 * numbers missing between them: JSON `[[from, to], …]` ascending (see voucher-rules.ts).
 */
export interface VoucherSeriesRow {
  readonly book: string;
  readonly series: string;
  readonly min_number: bigint;
  readonly max_number: bigint;
  readonly width: number;
  readonly gaps: string;
}

export interface LoanRow {
  readonly loan_id: string;
  readonly county: string;
  readonly village: string;
  readonly birth_year: number;
  readonly contract_start_on: string;
  readonly term_months: number;
  readonly matures_on: string;
}

/**
 * A disclosure subject (`allocations:{county}:{year}` or `project:{id}`): the dates its notices
 * were published on, JSON `[[publishedOn, position], …]` ascending, one per date (the first
 * notice recorded that day: the only one that can be a first disclosure), and the basis dates of
 * its obligations not disclosed on time, JSON `[[basisDate, count], …]` ascending (rows 1..count
 * of that date in `warnings_notice_obligations`; see notice-rules.ts).
 */
export interface NoticeSubjectRow {
  readonly subject_key: string;
  readonly notices: string;
  readonly open_dates: string;
}

/**
 * A fact that must be disclosed (an allocation or an approved project) and is not disclosed on
 * time yet: every obligation of a subject with the same basis date has the same first notice, so
 * they are kept, judged and dropped together, by date.
 */
export interface NoticeObligationRow {
  readonly subject_key: string;
  readonly basis_date: string;
  readonly seq: number;
  readonly kind: string;
  readonly id: string;
  readonly position: bigint;
  readonly region: string;
}

export interface NoticeRow {
  readonly notice_id: string;
  readonly county: string;
  readonly region: string;
  readonly level: string;
  readonly published_on: string;
  readonly posted_until: string;
  readonly withdrawn_on: string | null;
  readonly position: bigint;
}

/** A rectification item: `tasks` JSON `[[taskId, deadline, closedOn | null], …]`. */
export interface RectificationRow {
  readonly rectification_id: string;
  readonly county: string;
  readonly region: string;
  readonly from_warning: string | null;
  readonly tasks: string;
  readonly position: bigint;
}

export const warningsTables = {
  warnings: table<WarningRow>(
    'warnings',
    {
      warning_id: 'text',
      rule: 'text',
      severity: 'text',
      county: 'text',
      region: 'text',
      subject_stream: 'text',
      subject_id: 'text',
      raised_on: 'text',
      cleared_on: ['text', 'nullable'],
      evidence: 'text',
      details: 'text',
      first_position: 'bigint',
      last_position: 'bigint',
    },
    ['warning_id'],
    [['county', 'raised_on'], ['subject_stream']],
  ),
  workflow: table<WorkflowRow>(
    'warnings_workflow',
    {
      warning_id: 'text',
      state: 'text',
      acknowledged_on: ['text', 'nullable'],
      acknowledged_note: ['text', 'nullable'],
      resolved_on: ['text', 'nullable'],
      resolved_note: ['text', 'nullable'],
      rectifications: 'text',
      last_position: 'bigint',
    },
    ['warning_id'],
  ),
  clock: table<ClockRow>('warnings_clock', { county: 'text', latest_on: 'text' }, ['county']),
  allocations: table<AllocationRow>('warnings_allocations', { allocation_id: 'text', county: 'text' }, ['allocation_id']),
  projects: table<ProjectRow>(
    'warnings_projects',
    {
      project_id: 'text',
      county: 'text',
      village: 'text',
      listed_on: 'text',
      targets: 'int',
      completed_on: ['text', 'nullable'],
      completed_position: ['bigint', 'nullable'],
      first_asset_on: ['text', 'nullable'],
      first_asset_position: ['bigint', 'nullable'],
    },
    ['project_id'],
  ),
  timelines: table<TimelineRow>('warnings_timelines', { holder: 'text', entries: 'text' }, ['holder']),
  disbursements: table<DisbursementRow>(
    'warnings_disbursements',
    {
      project_id: 'text',
      disbursement_id: 'text',
      funding_id: 'text',
      amount_fen: 'bigint',
      reversed_fen: 'bigint',
      paid_on: 'text',
      position: 'bigint',
      voucher_no: 'text',
      household_ref: ['text', 'nullable'],
    },
    ['project_id', 'disbursement_id'],
  ),
  householdPayments: table<HouseholdPaymentsRow>('warnings_household_payments', { payments_key: 'text', payments: 'text' }, ['payments_key']),
  receipts: table<ReceiptRow>(
    'warnings_receipts',
    { allocation_id: 'text', receipt_id: 'text', voucher_no: 'text', received_on: 'text', position: 'bigint' },
    ['allocation_id', 'receipt_id'],
  ),
  vouchers: table<VoucherRow>(
    'warnings_vouchers',
    { book: 'text', series: 'text', number: 'bigint', voucher_no: 'text', date: 'text', position: 'bigint' },
    ['book', 'series', 'number'],
  ),
  voucherSeries: table<VoucherSeriesRow>(
    'warnings_voucher_series',
    { book: 'text', series: 'text', min_number: 'bigint', max_number: 'bigint', width: 'int', gaps: 'text' },
    ['book', 'series'],
  ),
  loans: table<LoanRow>(
    'warnings_loans',
    { loan_id: 'text', county: 'text', village: 'text', birth_year: 'int', contract_start_on: 'text', term_months: 'int', matures_on: 'text' },
    ['loan_id'],
  ),
  noticeSubjects: table<NoticeSubjectRow>('warnings_notice_subjects', { subject_key: 'text', notices: 'text', open_dates: 'text' }, ['subject_key']),
  noticeObligations: table<NoticeObligationRow>(
    'warnings_notice_obligations',
    { subject_key: 'text', basis_date: 'text', seq: 'int', kind: 'text', id: 'text', position: 'bigint', region: 'text' },
    ['subject_key', 'basis_date', 'seq'],
  ),
  notices: table<NoticeRow>(
    'warnings_notices',
    {
      notice_id: 'text',
      county: 'text',
      region: 'text',
      level: 'text',
      published_on: 'text',
      posted_until: 'text',
      withdrawn_on: ['text', 'nullable'],
      position: 'bigint',
    },
    ['notice_id'],
  ),
  rectifications: table<RectificationRow>(
    'warnings_rectifications',
    { rectification_id: 'text', county: 'text', region: 'text', from_warning: ['text', 'nullable'], tasks: 'text', position: 'bigint' },
    ['rectification_id'],
  ),
} as const;
