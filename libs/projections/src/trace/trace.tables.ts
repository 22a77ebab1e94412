import { table } from '../rows/table';

/**
 * An allocation and where its money stands, in fen: the running sums the trace projection asserts
 * on every event (nothing unassigned or in the pool may go below zero) and the trace query reads.
 */
export interface TraceAllocationRow {
  readonly allocation_id: string;
  readonly county: string;
  readonly fund_type: string;
  readonly source_level: string;
  readonly fiscal_year: number;
  readonly document_no: string;
  readonly allocated_on: string;
  readonly partner: string | null;
  readonly original_channel: string | null;
  /** Net of reductions. */
  readonly allocated_fen: bigint;
  /** Net of receipt reversals. */
  readonly received_fen: bigint;
  /** Handed to the county's pool, net of unpooling. */
  readonly pooled_fen: bigint;
  /** Drawn from the pool onto project lines as this channel's share, net of returns. */
  readonly drawn_fen: bigint;
  /** Assigned directly to project lines, net of returns. */
  readonly direct_fen: bigint;
  readonly risk_fund_fen: bigint;
  readonly clawed_back_fen: bigint;
}

/**
 * One movement of one allocation's money (a fact's part that is this allocation's), in log order:
 * what the trace lists. `kind` is one of `traceKinds`; ids name what moved (a receipt, a line, a
 * disbursement) and `of_id` what a correction corrects.
 */
export interface TraceMovementRow {
  readonly allocation_id: string;
  readonly position: bigint;
  readonly seq: number;
  readonly kind: string;
  readonly business_date: string;
  readonly amount_fen: bigint;
  readonly project_id: string | null;
  readonly funding_id: string | null;
  /** The movement's own id: receiptId, reversalId, reductionId, carryOverId, clawBackId, depositId, reimbursementId. */
  readonly ref_id: string | null;
  /** What a correction refers to (the receipt of a receipt reversal). */
  readonly of_id: string | null;
  /** For the movements of a disbursement (paid, reversed, reimbursed). */
  readonly disbursement_id: string | null;
  readonly voucher_no: string | null;
  readonly document_no: string | null;
  /** 1 when the money went through the integrated pool (a pool line). */
  readonly via_pool: number;
  /** A carry-over's target year, a reason: short text an inspector reads beside the amount. */
  readonly note: string | null;
}

/** A funding line's money per allocation (JSON parts `[allocationId, fundedFen, spentFen]`), for attributing payments. */
export interface TraceLineRow {
  readonly project_id: string;
  readonly funding_id: string;
  readonly via_pool: number;
  readonly parts: string;
}

/** A disbursement as paid, with its parts per allocation (JSON `[allocationId, paidFen, reversedFen]`). */
export interface TraceDisbursementRow {
  readonly disbursement_id: string;
  readonly project_id: string;
  readonly funding_id: string;
  readonly payee_kind: string;
  /** A unit's name or a household's pseudonymous reference. */
  readonly payee: string;
  readonly voucher_no: string;
  readonly paid_on: string;
  readonly purpose: string;
  readonly amount_fen: bigint;
  readonly reversed_fen: bigint;
  readonly reimbursed_fen: bigint;
  readonly parts: string;
}

export interface TraceProjectRow {
  readonly project_id: string;
  readonly name: string;
  readonly county: string;
  readonly village: string;
}

export const traceKinds = [
  'allocated',
  'reduced',
  'received',
  'receipt_reversed',
  'pooled',
  'unpooled',
  'funded',
  'funding_reduced',
  'risk_fund',
  'carried_over',
  'clawed_back',
  'disbursed',
  'disbursement_reversed',
  'reimbursed',
] as const;
export type TraceKind = (typeof traceKinds)[number];

export const traceTables = {
  allocations: table<TraceAllocationRow>(
    'trace_allocations',
    {
      allocation_id: 'text',
      county: 'text',
      fund_type: 'text',
      source_level: 'text',
      fiscal_year: 'int',
      document_no: 'text',
      allocated_on: 'text',
      partner: ['text', 'nullable'],
      original_channel: ['text', 'nullable'],
      allocated_fen: 'bigint',
      received_fen: 'bigint',
      pooled_fen: 'bigint',
      drawn_fen: 'bigint',
      direct_fen: 'bigint',
      risk_fund_fen: 'bigint',
      clawed_back_fen: 'bigint',
    },
    ['allocation_id'],
  ),
  movements: table<TraceMovementRow>(
    'trace_movements',
    {
      allocation_id: 'text',
      position: 'bigint',
      seq: 'int',
      kind: 'text',
      business_date: 'text',
      amount_fen: 'bigint',
      project_id: ['text', 'nullable'],
      funding_id: ['text', 'nullable'],
      ref_id: ['text', 'nullable'],
      of_id: ['text', 'nullable'],
      disbursement_id: ['text', 'nullable'],
      voucher_no: ['text', 'nullable'],
      document_no: ['text', 'nullable'],
      via_pool: 'int',
      note: ['text', 'nullable'],
    },
    ['allocation_id', 'position', 'seq'],
    [['disbursement_id']],
  ),
  lines: table<TraceLineRow>('trace_lines', { project_id: 'text', funding_id: 'text', via_pool: 'int', parts: 'text' }, ['project_id', 'funding_id']),
  disbursements: table<TraceDisbursementRow>(
    'trace_disbursements',
    {
      disbursement_id: 'text',
      project_id: 'text',
      funding_id: 'text',
      payee_kind: 'text',
      payee: 'text',
      voucher_no: 'text',
      paid_on: 'text',
      purpose: 'text',
      amount_fen: 'bigint',
      reversed_fen: 'bigint',
      reimbursed_fen: 'bigint',
      parts: 'text',
    },
    ['disbursement_id'],
  ),
  projects: table<TraceProjectRow>('trace_projects', { project_id: 'text', name: 'text', county: 'text', village: 'text' }, ['project_id']),
} as const;
