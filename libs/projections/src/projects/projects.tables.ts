import { table } from '../rows/table';

export interface ProjectViewRow {
  readonly project_id: string;
  readonly name: string;
  readonly category: string;
  readonly county: string;
  readonly township: string;
  readonly village: string;
  readonly fiscal_year: number;
  readonly status: string;
  readonly household_level: number;
  readonly implementing_unit: string;
  /** JSON array of the performance targets (绩效目标), as listed or amended. */
  readonly performance_targets: string;
  /** 带贫减贫机制. */
  readonly poverty_linkage: string;
  /** The approval's document number (批复文号), once approved. */
  readonly approval_document_no: string | null;
  readonly listed_on: string;
  readonly approved_on: string | null;
  readonly started_on: string | null;
  readonly completed_on: string | null;
  readonly accepted_on: string | null;
  readonly planned_fen: bigint;
  /** Funded less reduced. */
  readonly funded_fen: bigint;
  /** Gross: reversals are in reversed_fen. */
  readonly disbursed_fen: bigint;
  readonly reversed_fen: bigint;
  readonly reimbursed_fen: bigint;
  readonly assets: number;
  /** The position of the last event that changed the project: a cheap ETag for the HTTP layer. */
  readonly last_position: bigint;
}

export interface LineRow {
  readonly project_id: string;
  readonly funding_id: string;
  readonly source_kind: string;
  readonly source_allocation_id: string | null;
  /** `{county}-{fiscalYear}` for a pool line. */
  readonly source_pool: string | null;
  readonly funded_on: string;
  readonly funded_fen: bigint;
  readonly disbursed_fen: bigint;
  readonly reversed_fen: bigint;
}

export interface LinePartRow {
  readonly project_id: string;
  readonly funding_id: string;
  readonly allocation_id: string;
  readonly funded_fen: bigint;
}

export interface DisbursementRow {
  readonly project_id: string;
  readonly disbursement_id: string;
  readonly funding_id: string;
  readonly amount_fen: bigint;
  readonly reversed_fen: bigint;
  readonly reimbursed_fen: bigint;
}

export interface AllocationRow {
  readonly allocation_id: string;
  readonly fund_type: string;
  readonly source_level: string;
  readonly fiscal_year: number;
  /** The budget-indicator document (指标文件文号): what a notice and an export name as the source. */
  readonly document_no: string;
  readonly partner: string | null;
  readonly original_channel: string | null;
}

/**
 * A disbursement to a household (a household payee, by its pseudonymous reference): what the
 * de-identified beneficiary lists of household-level projects are made of.
 */
export interface HouseholdPaymentRow {
  readonly disbursement_id: string;
  readonly project_id: string;
  readonly household_ref: string;
  readonly paid_on: string;
  readonly amount_fen: bigint;
  readonly reversed_fen: bigint;
}

export const projectsTables = {
  view: table<ProjectViewRow>(
    'projects_view',
    {
      project_id: 'text',
      name: 'text',
      category: 'text',
      county: 'text',
      township: 'text',
      village: 'text',
      fiscal_year: 'int',
      status: 'text',
      household_level: 'int',
      implementing_unit: 'text',
      performance_targets: 'text',
      poverty_linkage: 'text',
      approval_document_no: ['text', 'nullable'],
      listed_on: 'text',
      approved_on: ['text', 'nullable'],
      started_on: ['text', 'nullable'],
      completed_on: ['text', 'nullable'],
      accepted_on: ['text', 'nullable'],
      planned_fen: 'bigint',
      funded_fen: 'bigint',
      disbursed_fen: 'bigint',
      reversed_fen: 'bigint',
      reimbursed_fen: 'bigint',
      assets: 'int',
      last_position: 'bigint',
    },
    ['project_id'],
    [['county', 'fiscal_year'], ['township'], ['village']],
  ),
  lines: table<LineRow>(
    'projects_lines',
    {
      project_id: 'text',
      funding_id: 'text',
      source_kind: 'text',
      source_allocation_id: ['text', 'nullable'],
      source_pool: ['text', 'nullable'],
      funded_on: 'text',
      funded_fen: 'bigint',
      disbursed_fen: 'bigint',
      reversed_fen: 'bigint',
    },
    ['project_id', 'funding_id'],
  ),
  lineParts: table<LinePartRow>(
    'projects_line_parts',
    { project_id: 'text', funding_id: 'text', allocation_id: 'text', funded_fen: 'bigint' },
    ['project_id', 'funding_id', 'allocation_id'],
  ),
  disbursements: table<DisbursementRow>(
    'projects_disbursements',
    { project_id: 'text', disbursement_id: 'text', funding_id: 'text', amount_fen: 'bigint', reversed_fen: 'bigint', reimbursed_fen: 'bigint' },
    ['project_id', 'disbursement_id'],
  ),
  allocations: table<AllocationRow>(
    'projects_allocations',
    {
      allocation_id: 'text',
      fund_type: 'text',
      source_level: 'text',
      fiscal_year: 'int',
      document_no: 'text',
      partner: ['text', 'nullable'],
      original_channel: ['text', 'nullable'],
    },
    ['allocation_id'],
  ),
  householdPayments: table<HouseholdPaymentRow>(
    'projects_household_payments',
    { disbursement_id: 'text', project_id: 'text', household_ref: 'text', paid_on: 'text', amount_fen: 'bigint', reversed_fen: 'bigint' },
    ['disbursement_id'],
    [['project_id']],
  ),
} as const;
