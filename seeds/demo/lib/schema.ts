/**
 * The demo's files: the command files in the order they must be imported (one file per command
 * kind of the write API; the columns are its HTTP body fields, nested ones dotted, plus the path
 * id where the command acts on an existing thing), then the two read-side registers.
 */
export interface FileSpec {
  readonly file: string;
  /** The domain command each row becomes (libs/domain), for orientation. */
  readonly command: string;
  readonly columns: readonly string[];
}

export const commandFiles: readonly FileSpec[] = [
  {
    file: '01-allocations.csv',
    command: 'AllocateFunds',
    columns: ['allocationId', 'countyCode', 'fundType', 'sourceLevel', 'fiscalYear', 'amount', 'documentNo', 'allocatedOn', 'partner', 'channel'],
  },
  { file: '02-receipts.csv', command: 'ReceiveFunds', columns: ['allocationId', 'receiptId', 'amount', 'receivedOn', 'voucherNo'] },
  {
    file: '03-risk-fund-deposits.csv',
    command: 'DepositToRiskFund',
    columns: ['countyCode', 'depositId', 'allocationId', 'amount', 'depositedOn'],
  },
  {
    file: '04-projects.csv',
    command: 'ListProject',
    columns: [
      'projectId',
      'name',
      'category',
      'villageCode',
      'fiscalYear',
      'plannedInvestment',
      'implementingUnit',
      'performanceTargets',
      'povertyLinkage',
      'householdLevel',
      'listedOn',
    ],
  },
  { file: '05-approvals.csv', command: 'ApproveProject', columns: ['projectId', 'on', 'documentNo'] },
  {
    file: '06-fundings.csv',
    command: 'FundProject (AddFundingLine)',
    columns: ['projectId', 'fundingId', 'source.allocationId', 'source.pool.countyCode', 'source.pool.fiscalYear', 'amount', 'fundedOn'],
  },
  { file: '07-starts.csv', command: 'StartProject', columns: ['projectId', 'on'] },
  {
    file: '08-disbursements.csv',
    command: 'DisburseFunds',
    columns: ['projectId', 'disbursementId', 'fundingId', 'amount', 'payee', 'voucherNo', 'paidOn', 'purpose'],
  },
  {
    file: '09-disbursement-reversals.csv',
    command: 'ReverseDisbursement',
    columns: ['disbursementId', 'reversalId', 'amount', 'reason', 'voucherNo', 'reversedOn'],
  },
  {
    file: '10-reimbursements.csv',
    command: 'ReimburseDisbursement',
    columns: ['disbursementId', 'reimbursementId', 'reimbursedOn', 'voucherNo'],
  },
  { file: '11-completions.csv', command: 'CompleteProject', columns: ['projectId', 'on'] },
  { file: '12-assets.csv', command: 'RegisterAsset', columns: ['projectId', 'assetId', 'kind', 'value', 'owner', 'registeredOn'] },
  { file: '13-acceptances.csv', command: 'AcceptProject', columns: ['projectId', 'on', 'acceptedBy'] },
  {
    file: '14-loans.csv',
    command: 'IssueLoan',
    columns: ['loanId', 'householdRef', 'borrowerBirthYear', 'villageCode', 'bank', 'amount', 'termMonths', 'annualRate', 'issuedOn', 'purpose'],
  },
  { file: '15-loan-repayments.csv', command: 'RepayLoan', columns: ['loanId', 'repaymentId', 'amount', 'on'] },
  { file: '16-loan-overdue.csv', command: 'MarkLoanOverdue', columns: ['loanId', 'on'] },
  { file: '17-loan-compensations.csv', command: 'CompensateLoan', columns: ['loanId', 'compensationId', 'amount', 'on'] },
  {
    file: '18-notices.csv',
    command: 'PublishNotice',
    columns: [
      'noticeId',
      'level',
      'regionCode',
      'subject.kind',
      'subject.projectId',
      'subject.countyCode',
      'subject.fiscalYear',
      'publishedOn',
      'postedUntil',
      'channel',
    ],
  },
];

export const registerFiles: readonly FileSpec[] = [
  { file: 'villages.csv', command: '(read side: village register)', columns: ['villageCode', 'name', 'poor'] },
  { file: 'households.csv', command: '(read side: beneficiary register, pseudonymous)', columns: ['householdRef', 'villageCode', 'headName'] },
];

export const allFiles: readonly FileSpec[] = [...commandFiles, ...registerFiles];

export function spec(file: string): FileSpec {
  const found = allFiles.find((f) => f.file === file);
  if (!found) throw new Error(`unknown demo file ${file}`);
  return found;
}

/** Arrays (performanceTargets) are joined with this separator in one cell. */
export const ARRAY_SEPARATOR = ' | ';
