import { table } from '../rows/table';

/**
 * What each fact row measures. Amount measures are in fen; count measures (approved, started,
 * completed, notices_*) count 1 per fact. A fact is a signed delta: the figure at a moment is the
 * sum of the facts recorded by then, so nothing is ever updated and a sum bounded by log position
 * is the figure "as the ledger knew it" at that position.
 *
 * Dimensions: money of an allocation carries the allocation's fiscal year, fund type and source
 * level; on a project it also carries the project's county/township/village and id. Project
 * facts carry the project's fiscal year and place and no fund dimension. Micro-credit stocks
 * carry fund type `micro_credit` and the loan's place (the risk fund: the county only).
 */
export const moneyMeasures = ['allocated', 'received', 'assigned', 'disbursed', 'reversed', 'reimbursed'] as const;
export const projectMeasures = ['approved', 'started', 'completed', 'planned'] as const;
export const microCreditMeasures = ['loans_outstanding', 'loans_overdue', 'risk_fund'] as const;
export const noticeMeasures = ['notices_due', 'notices_on_time'] as const;

export type Measure = (typeof moneyMeasures)[number] | (typeof projectMeasures)[number] | (typeof microCreditMeasures)[number] | (typeof noticeMeasures)[number];

export interface FactRow {
  readonly position: bigint;
  readonly seq: number;
  readonly measure: string;
  readonly county: string;
  readonly township: string | null;
  readonly village: string | null;
  readonly fiscal_year: number | null;
  readonly fund_type: string | null;
  readonly source_level: string | null;
  readonly project_id: string | null;
  /** The business date the fact counts from (`until` filters on it). */
  readonly business_date: string;
  readonly value: bigint;
}

export type FactDims = Pick<FactRow, 'county' | 'township' | 'village' | 'fiscal_year' | 'fund_type' | 'source_level' | 'project_id'>;

export interface AllocationRow {
  readonly allocation_id: string;
  readonly county: string;
  readonly fund_type: string;
  readonly source_level: string;
  readonly fiscal_year: number;
}

export interface ProjectRow {
  readonly project_id: string;
  readonly county: string;
  readonly township: string;
  readonly village: string;
  readonly fiscal_year: number;
  readonly planned_fen: bigint;
  readonly approved: number;
}

/**
 * A funding line's money per allocation: `parts` is JSON `[[allocationId, fundedFen, spentFen], …]`
 * sorted by allocation id (spent is an attribution: see the projection). One row per line, read
 * and written whole, so a disbursement costs one read, not a query.
 */
export interface LineRow {
  readonly project_id: string;
  readonly funding_id: string;
  readonly parts: string;
}

/** A disbursement's parts per allocation: JSON `[[allocationId, amountFen, reversedFen], …]`. */
export interface DisbursementRow {
  readonly project_id: string;
  readonly disbursement_id: string;
  readonly parts: string;
}

export interface LoanRow {
  readonly loan_id: string;
  readonly county: string;
  readonly township: string;
  readonly village: string;
  readonly status: string;
  readonly outstanding_fen: bigint;
}

/** A disclosure the rules require: of an allocation (county level) or of an approved project. */
export interface ObligationRow {
  readonly obligation_id: string;
  readonly subject_key: string;
  readonly basis_date: string;
  readonly deadline: string;
  readonly met: number;
  readonly county: string;
  readonly township: string | null;
  readonly village: string | null;
  readonly fiscal_year: number;
  readonly fund_type: string | null;
  readonly source_level: string | null;
  readonly project_id: string | null;
}

/**
 * What is known of one notice subject (`allocations:{county}:{year}` or `project:{id}`): the
 * distinct dates notices were published on (JSON, sorted) and the obligations still waiting for a
 * notice (JSON ids, in the order they were opened).
 */
export interface SubjectRow {
  readonly subject_key: string;
  readonly notice_dates: string;
  readonly open_obligations: string;
}

export const metricsTables = {
  facts: table<FactRow>(
    'metrics_facts',
    {
      position: 'bigint',
      seq: 'int',
      measure: 'text',
      county: 'text',
      township: ['text', 'nullable'],
      village: ['text', 'nullable'],
      fiscal_year: ['int', 'nullable'],
      fund_type: ['text', 'nullable'],
      source_level: ['text', 'nullable'],
      project_id: ['text', 'nullable'],
      business_date: 'text',
      value: 'bigint',
    },
    ['position', 'seq'],
    [['county', 'measure'], ['project_id']],
  ),
  allocations: table<AllocationRow>(
    'metrics_allocations',
    { allocation_id: 'text', county: 'text', fund_type: 'text', source_level: 'text', fiscal_year: 'int' },
    ['allocation_id'],
  ),
  projects: table<ProjectRow>(
    'metrics_projects',
    { project_id: 'text', county: 'text', township: 'text', village: 'text', fiscal_year: 'int', planned_fen: 'bigint', approved: 'int' },
    ['project_id'],
  ),
  lines: table<LineRow>('metrics_lines', { project_id: 'text', funding_id: 'text', parts: 'text' }, ['project_id', 'funding_id']),
  disbursements: table<DisbursementRow>('metrics_disbursements', { project_id: 'text', disbursement_id: 'text', parts: 'text' }, ['project_id', 'disbursement_id']),
  loans: table<LoanRow>(
    'metrics_loans',
    { loan_id: 'text', county: 'text', township: 'text', village: 'text', status: 'text', outstanding_fen: 'bigint' },
    ['loan_id'],
  ),
  obligations: table<ObligationRow>(
    'metrics_obligations',
    {
      obligation_id: 'text',
      subject_key: 'text',
      basis_date: 'text',
      deadline: 'text',
      met: 'int',
      county: 'text',
      township: ['text', 'nullable'],
      village: ['text', 'nullable'],
      fiscal_year: 'int',
      fund_type: ['text', 'nullable'],
      source_level: ['text', 'nullable'],
      project_id: ['text', 'nullable'],
    },
    ['obligation_id'],
  ),
  subjects: table<SubjectRow>('metrics_subjects', { subject_key: 'text', notice_dates: 'text', open_obligations: 'text' }, ['subject_key']),
} as const;
