/**
 * The chart of accounts of the journal. Every yuan of public money sits in exactly one account at
 * every position, and moves only by a balanced entry. Account codes are readable paths, so that an
 * inspector can follow a yuan: `allocation:{id}:unassigned` → `project:{id}:line:{fundingId}` →
 * `project:{id}:disbursed` → `project:{id}:reimbursed`.
 *
 * Sides: a `debit` account holds money (its balance is never negative); a `credit` account is
 * where money came from (the issuing level of an allocation, the bank that lends): its balance is
 * never positive. The sum over all accounts is zero at every position, because every entry is.
 */
export const accountSides = {
  /** The issuing level's side of an allocation: −(allocated − reduced). */
  allocation_allocated: 'credit',
  /** Allocated, not yet received (到位) by the county treasury. */
  allocation_unreceived: 'debit',
  /** Received and not yet assigned to a use (a project line, the pool, the risk fund) or clawed back. */
  allocation_unassigned: 'debit',
  /** Received money returned to the issuing level (收回). */
  allocation_clawed_back: 'debit',
  /** One channel (an integrated allocation) of a county's pool for a year, undrawn. */
  pool_channel: 'debit',
  /** A project's funding line: funded, not yet disbursed. */
  project_line: 'debit',
  /** Paid to payees (net of red-letter reversals), not yet reimbursed (报账). */
  project_disbursed: 'debit',
  /** Paid and settled with the treasury. */
  project_reimbursed: 'debit',
  /** A county's risk-compensation fund (风险补偿金). */
  risk_fund: 'debit',
  /** A lending bank's side of micro-credit: −(lent − repaid − compensated by the fund). */
  bank: 'credit',
  /** What a household owes on a loan. */
  loan_outstanding: 'debit',
  /** Loan losses written off after compensation. */
  loan_written_off: 'debit',
} as const;

export type AccountKind = keyof typeof accountSides;

export interface Account {
  readonly code: string;
  readonly kind: AccountKind;
}

const of = (kind: AccountKind, code: string): Account => ({ kind, code });

export const accounts = {
  allocated: (allocationId: string) => of('allocation_allocated', `allocation:${allocationId}:allocated`),
  unreceived: (allocationId: string) => of('allocation_unreceived', `allocation:${allocationId}:unreceived`),
  unassigned: (allocationId: string) => of('allocation_unassigned', `allocation:${allocationId}:unassigned`),
  clawedBack: (allocationId: string) => of('allocation_clawed_back', `allocation:${allocationId}:clawed_back`),
  poolChannel: (pool: string, allocationId: string) => of('pool_channel', `pool:${pool}:${allocationId}`),
  line: (projectId: string, fundingId: string) => of('project_line', `project:${projectId}:line:${fundingId}`),
  disbursed: (projectId: string) => of('project_disbursed', `project:${projectId}:disbursed`),
  reimbursed: (projectId: string) => of('project_reimbursed', `project:${projectId}:reimbursed`),
  riskFund: (county: string) => of('risk_fund', `riskfund:${county}`),
  bank: (bank: string) => of('bank', `bank:${bank}`),
  loanOutstanding: (loanId: string) => of('loan_outstanding', `loan:${loanId}:outstanding`),
  loanWrittenOff: (loanId: string) => of('loan_written_off', `loan:${loanId}:written_off`),
} as const;

/** A pool's name in account codes: `{county}-{fiscalYear}`, as in its stream name. */
export function poolName(county: string, fiscalYear: number): string {
  return `${county}-${fiscalYear}`;
}

/** One leg of an entry, debit positive. */
export interface Leg {
  readonly account: Account;
  readonly fen: bigint;
}

export const debit = (account: Account, fen: bigint): Leg => ({ account, fen });
export const credit = (account: Account, fen: bigint): Leg => ({ account, fen: -fen });
