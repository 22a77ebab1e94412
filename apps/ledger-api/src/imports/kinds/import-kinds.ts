import {
  AllocateFundsCommand,
  CarryOverFundsCommand,
  ClawBackFundsCommand,
  ReceiveFundsCommand,
  ReduceAllocationCommand,
  ReverseReceiptCommand,
} from '../../allocations/allocation.commands';
import { AllocateFundsBody, CarryOverBody, ClawBackBody, ReceiveFundsBody, ReduceAllocationBody, ReverseReceiptBody } from '../../allocations/allocation.dto';
import {
  CompensateLoanCommand,
  DepositToRiskFundCommand,
  ExtendLoanCommand,
  IssueLoanCommand,
  MarkLoanOverdueCommand,
  RenewLoanCommand,
  RepayLoanCommand,
} from '../../micro-credit/micro-credit.commands';
import {
  CompensateLoanBody,
  DepositToRiskFundBody,
  ExtendLoanBody,
  IssueLoanBody,
  MarkLoanOverdueBody,
  RenewLoanBody,
  RepayLoanBody,
  RiskFundPath,
} from '../../micro-credit/micro-credit.dto';
import { PublishNoticeCommand, WithdrawNoticeCommand } from '../../notices/notice.commands';
import { PublishNoticeBody, WithdrawNoticeBody } from '../../notices/notice.dto';
import {
  AcceptProjectCommand,
  AmendProjectCommand,
  ApproveProjectCommand,
  CompleteProjectCommand,
  DisburseFundsCommand,
  FundProjectCommand,
  ListProjectCommand,
  ReduceFundingCommand,
  RegisterAssetCommand,
  ReimburseDisbursementCommand,
  ReverseDisbursementCommand,
  StartProjectCommand,
} from '../../projects/project.commands';
import {
  AcceptProjectBody,
  AmendProjectBody,
  ApproveProjectBody,
  CompleteProjectBody,
  DisburseFundsBody,
  FundProjectBody,
  ListProjectBody,
  ReduceFundingBody,
  RegisterAssetBody,
  ReimburseDisbursementBody,
  ReverseDisbursementBody,
  StartProjectBody,
} from '../../projects/project.dto';
import { type ImportKind, importKind } from './import-kind';

const finance = ['finance'] as const;

/**
 * Every kind a file may hold, in the order the demo county imports them (seeds/demo/README.md).
 * The names are the demo files' (`02-receipts.csv` → `receipts`); kinds the demo does not use are
 * named after their route.
 */
export const importKinds: readonly ImportKind[] = [
  importKind({ kind: 'allocations', route: 'POST /v1/allocations', body: AllocateFundsBody, path: [], roles: finance, command: AllocateFundsCommand }),
  importKind({
    kind: 'receipts',
    route: 'POST /v1/allocations/{allocationId}/receipts',
    body: ReceiveFundsBody,
    path: ['allocationId'],
    roles: finance,
    command: ReceiveFundsCommand,
  }),
  importKind({
    kind: 'receipt-reversals',
    route: 'POST /v1/receipts/{receiptId}/reversals',
    body: ReverseReceiptBody,
    path: ['receiptId'],
    roles: finance,
    command: ReverseReceiptCommand,
  }),
  importKind({
    kind: 'allocation-reductions',
    route: 'POST /v1/allocations/{allocationId}/reductions',
    body: ReduceAllocationBody,
    path: ['allocationId'],
    roles: finance,
    command: ReduceAllocationCommand,
  }),
  importKind({
    kind: 'carry-overs',
    route: 'POST /v1/allocations/{allocationId}/carry-overs',
    body: CarryOverBody,
    path: ['allocationId'],
    roles: finance,
    command: CarryOverFundsCommand,
  }),
  importKind({
    kind: 'claw-backs',
    route: 'POST /v1/allocations/{allocationId}/claw-backs',
    body: ClawBackBody,
    path: ['allocationId'],
    roles: finance,
    command: ClawBackFundsCommand,
  }),
  importKind({
    kind: 'risk-fund-deposits',
    route: 'POST /v1/micro-credit/risk-funds/{countyCode}/deposits',
    body: DepositToRiskFundBody,
    path: ['countyCode'],
    pathDto: RiskFundPath,
    roles: finance,
    command: DepositToRiskFundCommand,
  }),
  importKind({
    kind: 'projects',
    route: 'POST /v1/projects',
    body: ListProjectBody as new () => ListProjectBody & { listedOn: string },
    path: [],
    roles: finance,
    // The route dates an undated listing with the day it receives it; an import is history, and says when.
    requiredColumns: ['listedOn'],
    command: ListProjectCommand,
  }),
  importKind({
    kind: 'approvals',
    route: 'POST /v1/projects/{projectId}/approval',
    body: ApproveProjectBody,
    path: ['projectId'],
    roles: finance,
    command: ApproveProjectCommand,
  }),
  importKind({
    kind: 'fundings',
    route: 'POST /v1/projects/{projectId}/fundings',
    body: FundProjectBody,
    path: ['projectId'],
    roles: finance,
    command: FundProjectCommand,
  }),
  importKind({ kind: 'starts', route: 'POST /v1/projects/{projectId}/start', body: StartProjectBody, path: ['projectId'], roles: finance, command: StartProjectCommand }),
  importKind({
    kind: 'disbursements',
    route: 'POST /v1/projects/{projectId}/disbursements',
    body: DisburseFundsBody,
    path: ['projectId'],
    roles: finance,
    partyColumns: ['payee'],
    command: DisburseFundsCommand,
  }),
  importKind({
    kind: 'disbursement-reversals',
    route: 'POST /v1/disbursements/{disbursementId}/reversals',
    body: ReverseDisbursementBody,
    path: ['disbursementId'],
    roles: finance,
    command: ReverseDisbursementCommand,
  }),
  importKind({
    kind: 'reimbursements',
    route: 'POST /v1/disbursements/{disbursementId}/reimbursements',
    body: ReimburseDisbursementBody,
    path: ['disbursementId'],
    roles: finance,
    command: ReimburseDisbursementCommand,
  }),
  importKind({
    kind: 'completions',
    route: 'POST /v1/projects/{projectId}/completion',
    body: CompleteProjectBody,
    path: ['projectId'],
    roles: finance,
    command: CompleteProjectCommand,
  }),
  importKind({
    kind: 'assets',
    route: 'POST /v1/projects/{projectId}/assets',
    body: RegisterAssetBody,
    path: ['projectId'],
    roles: finance,
    partyColumns: ['owner'],
    command: RegisterAssetCommand,
  }),
  importKind({
    kind: 'acceptances',
    route: 'POST /v1/projects/{projectId}/acceptance',
    body: AcceptProjectBody,
    path: ['projectId'],
    roles: finance,
    command: AcceptProjectCommand,
  }),
  importKind({
    kind: 'project-amendments',
    route: 'POST /v1/projects/{projectId}/amendments',
    body: AmendProjectBody,
    path: ['projectId'],
    roles: finance,
    command: AmendProjectCommand,
  }),
  importKind({
    kind: 'funding-reductions',
    route: 'POST /v1/fundings/{fundingId}/reductions',
    body: ReduceFundingBody,
    path: ['fundingId'],
    roles: finance,
    command: ReduceFundingCommand,
  }),
  importKind({ kind: 'loans', route: 'POST /v1/micro-credit/loans', body: IssueLoanBody, path: [], roles: finance, command: IssueLoanCommand }),
  importKind({
    kind: 'loan-repayments',
    route: 'POST /v1/micro-credit/loans/{loanId}/repayments',
    body: RepayLoanBody,
    path: ['loanId'],
    roles: finance,
    command: RepayLoanCommand,
  }),
  importKind({
    kind: 'loan-overdue',
    route: 'POST /v1/micro-credit/loans/{loanId}/overdue',
    body: MarkLoanOverdueBody,
    path: ['loanId'],
    roles: finance,
    command: MarkLoanOverdueCommand,
  }),
  importKind({
    kind: 'loan-compensations',
    route: 'POST /v1/micro-credit/loans/{loanId}/compensations',
    body: CompensateLoanBody,
    path: ['loanId'],
    roles: finance,
    command: CompensateLoanCommand,
  }),
  importKind({
    kind: 'loan-extensions',
    route: 'POST /v1/micro-credit/loans/{loanId}/extensions',
    body: ExtendLoanBody,
    path: ['loanId'],
    roles: finance,
    command: ExtendLoanCommand,
  }),
  importKind({
    kind: 'loan-renewals',
    route: 'POST /v1/micro-credit/loans/{loanId}/renewals',
    body: RenewLoanBody,
    path: ['loanId'],
    roles: finance,
    command: RenewLoanCommand,
  }),
  importKind({
    kind: 'notices',
    route: 'POST /v1/notices',
    body: PublishNoticeBody,
    path: [],
    roles: finance,
    command: PublishNoticeCommand,
  }),
  importKind({
    kind: 'notice-withdrawals',
    route: 'POST /v1/notices/{noticeId}/withdrawal',
    body: WithdrawNoticeBody,
    path: ['noticeId'],
    roles: finance,
    command: WithdrawNoticeCommand,
  }),
];

const byName: ReadonlyMap<string, ImportKind> = new Map(importKinds.map((kind) => [kind.kind, kind]));

export function findImportKind(name: string): ImportKind | undefined {
  return byName.get(name);
}

/** `01-allocations.csv` → `allocations`; `receipts.xlsx` → `receipts`; undefined when the name does not say. */
export function kindFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = /^(?:\d+-)?([a-z][a-z-]*[a-z])\.(?:csv|xlsx)$/i.exec(base);
  return match?.[1]?.toLowerCase();
}
