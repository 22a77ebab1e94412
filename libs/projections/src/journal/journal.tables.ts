import { table } from '../rows/table';

/** One leg of an entry: debit positive, credit negative; the legs of one event sum to zero. */
export interface PostingRow {
  readonly position: bigint;
  readonly seq: number;
  readonly account: string;
  readonly amount_fen: bigint;
  readonly event_type: string;
  readonly business_date: string;
}

export interface AccountRow {
  readonly account: string;
  readonly kind: string;
  /** `debit`: the balance may never go below zero; `credit`: never above. */
  readonly side: string;
  readonly balance_fen: bigint;
  readonly last_position: bigint;
}

interface AllocationRow {
  readonly allocation_id: string;
  readonly county: string;
}

interface AssignmentRow {
  readonly allocation_id: string;
  readonly assignment_id: string;
  readonly target_kind: string;
  readonly project_id: string | null;
}

interface PoolFundingRow {
  readonly pool: string;
  readonly funding_id: string;
  readonly project_id: string;
}

interface LoanRow {
  readonly loan_id: string;
  readonly bank: string;
  readonly county: string;
}

export const journalTables = {
  postings: table<PostingRow>(
    'journal_postings',
    { position: 'bigint', seq: 'int', account: 'text', amount_fen: 'bigint', event_type: 'text', business_date: 'text' },
    ['position', 'seq'],
    [['account']],
  ),
  accounts: table<AccountRow>('journal_accounts', { account: 'text', kind: 'text', side: 'text', balance_fen: 'bigint', last_position: 'bigint' }, ['account'], [['kind']]),
  // Lookups the entries need that the event itself does not carry.
  allocations: table<AllocationRow>('journal_allocations', { allocation_id: 'text', county: 'text' }, ['allocation_id']),
  assignments: table<AssignmentRow>(
    'journal_assignments',
    { allocation_id: 'text', assignment_id: 'text', target_kind: 'text', project_id: ['text', 'nullable'] },
    ['allocation_id', 'assignment_id'],
  ),
  poolFundings: table<PoolFundingRow>('journal_pool_fundings', { pool: 'text', funding_id: 'text', project_id: 'text' }, ['pool', 'funding_id']),
  loans: table<LoanRow>('journal_loans', { loan_id: 'text', bank: 'text', county: 'text' }, ['loan_id']),
} as const;
