import type { FundingSource, FundsAllocated, NoticeSubject, ProjectListed } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { LedgerEvent } from '../src/events/ledger-event';

/**
 * Builders of ledger events for the projection specs, in 乡城县 (513336): two villages in two
 * townships. Each builder takes the few values a spec varies; the rest is fixed and valid.
 */
export const county = '513336';
export const villageA = '513336100201';
export const villageB = '513336200202';

export function allocated(id: string, amount: string, overrides: Partial<FundsAllocated['data']> = {}): LedgerEvent {
  return {
    type: 'FundsAllocated',
    data: {
      allocationId: id,
      county,
      fundType: 'special',
      sourceLevel: 'central',
      fiscalYear: 2024,
      amount,
      documentNo: `川财农〔2024〕${id}号`,
      allocatedOn: '2024-02-01',
      regionCodeEdition: '2023',
      ...overrides,
    },
  };
}

export const received = (allocationId: string, receiptId: string, amount: string, receivedOn = '2024-03-01'): LedgerEvent => ({
  type: 'FundsReceived',
  data: { allocationId, receiptId, amount, receivedOn, voucherNo: `收-${receiptId}` },
});

export const receiptReversed = (allocationId: string, reversalId: string, receiptId: string, amount: string, reversedOn = '2024-03-05'): LedgerEvent => ({
  type: 'ReceiptReversed',
  data: { allocationId, reversalId, receiptId, amount, reason: '重复入账', voucherNo: `红-${reversalId}`, reversedOn },
});

export const allocationReduced = (allocationId: string, reductionId: string, amount: string, withdrawn = false): LedgerEvent => ({
  type: 'AllocationReduced',
  data: { allocationId, reductionId, amount, documentNo: '川财农〔2024〕99号', reason: '调减', reducedOn: '2024-06-01', withdrawn },
});

export const clawedBack = (allocationId: string, clawBackId: string, amount: string): LedgerEvent => ({
  type: 'FundsClawedBack',
  data: { allocationId, clawBackId, amount, documentNo: '川财农〔2024〕100号', reason: '结余收回', clawedBackOn: '2024-12-20' },
});

export const carriedOver = (allocationId: string, carryOverId: string, amount: string): LedgerEvent => ({
  type: 'FundsCarriedOver',
  data: { allocationId, carryOverId, amount, toFiscalYear: 2025, documentNo: '乡财〔2024〕50号', reason: '项目跨年实施', carriedOverOn: '2024-12-31' },
});

/** A receipt of an integrated allocation: the allocation's receipt, its pooling, and the pool's side. */
export function pooledReceipt(allocationId: string, receiptId: string, amount: string, receivedOn = '2024-03-01'): LedgerEvent[] {
  return [
    received(allocationId, receiptId, amount, receivedOn),
    { type: 'FundsPooled', data: { allocationId, receiptId, county, fiscalYear: 2024, amount, pooledOn: receivedOn } },
    { type: 'ChannelFundsPooled', data: { county, fiscalYear: 2024, allocationId, receiptId, amount, pooledOn: receivedOn } },
  ];
}

export function listed(projectId: string, overrides: Partial<ProjectListed['data']> = {}): LedgerEvent {
  return {
    type: 'ProjectListed',
    data: {
      projectId,
      name: `${projectId} 村道硬化`,
      category: 'infrastructure',
      plannedInvestment: '200.00',
      implementingUnit: '乡城县交通运输局',
      performanceTargets: ['硬化村道 3 公里'],
      povertyLinkage: '务工带动',
      householdLevel: false,
      villageCode: villageA,
      county,
      fiscalYear: 2024,
      listedOn: '2024-01-10',
      regionCodeEdition: '2023',
      ...overrides,
    },
  };
}

export const approved = (projectId: string, approvedOn = '2024-02-01'): LedgerEvent => ({
  type: 'ProjectApproved',
  data: { projectId, approvedOn, documentNo: '乡府发〔2024〕3号' },
});

export const started = (projectId: string, startedOn = '2024-04-10'): LedgerEvent => ({ type: 'ProjectStarted', data: { projectId, startedOn } });
export const completed = (projectId: string, completedOn = '2024-09-01'): LedgerEvent => ({ type: 'ProjectCompleted', data: { projectId, completedOn } });
export const accepted = (projectId: string, acceptedOn = '2024-10-01'): LedgerEvent => ({
  type: 'ProjectAccepted',
  data: { projectId, acceptedOn, acceptedBy: '乡城县发展和改革局' },
});

export const amendedPlan = (projectId: string, before: string, after: string, amendedOn = '2024-05-01'): LedgerEvent => ({
  type: 'ProjectAmended',
  data: { projectId, before: { plannedInvestment: before }, after: { plannedInvestment: after }, reason: '设计变更', amendedOn },
});

/** Funding from one allocation: the allocation's assignment, then the project's line. */
export function fundedFromAllocation(projectId: string, fundingId: string, allocationId: string, amount: string, fundedOn = '2024-04-01'): LedgerEvent[] {
  const source: FundingSource = { kind: 'allocation', allocationId };
  return [
    { type: 'FundsAssigned', data: { allocationId, assignmentId: fundingId, target: { kind: 'project', projectId }, amount, assignedOn: fundedOn } },
    { type: 'ProjectFunded', data: { projectId, fundingId, source, amount, fundedOn } },
  ];
}

/** Funding from the 2024 pool: the pool's draw with its channel shares, then the project's line. */
export function fundedFromPool(projectId: string, fundingId: string, amount: string, shares: [string, string][], fundedOn = '2024-04-01'): LedgerEvent[] {
  const channelShares = shares.map(([allocationId, share]) => ({ allocationId, amount: share }));
  return [
    { type: 'PoolFundingDrawn', data: { county, fiscalYear: 2024, fundingId, projectId, amount, shares: channelShares, drawnOn: fundedOn } },
    { type: 'ProjectFunded', data: { projectId, fundingId, source: { kind: 'pool', county, fiscalYear: 2024, shares: channelShares }, amount, fundedOn } },
  ];
}

/** A line reduced and its money given back to its allocation. */
export function reducedToAllocation(projectId: string, fundingId: string, reductionId: string, allocationId: string, amount: string, on = '2024-11-01'): LedgerEvent[] {
  return [
    { type: 'FundingReduced', data: { projectId, reductionId, fundingId, amount, reason: '项目结余', reducedOn: on, returnedTo: { kind: 'allocation', allocationId } } },
    { type: 'AssignmentReturned', data: { allocationId, assignmentId: fundingId, reductionId, amount, returnedOn: on } },
  ];
}

/** A pool line reduced and its money given back to the channels. */
export function reducedToPool(projectId: string, fundingId: string, reductionId: string, amount: string, shares: [string, string][], on = '2024-11-01'): LedgerEvent[] {
  const channelShares = shares.map(([allocationId, share]) => ({ allocationId, amount: share }));
  return [
    {
      type: 'FundingReduced',
      data: { projectId, reductionId, fundingId, amount, reason: '项目结余', reducedOn: on, returnedTo: { kind: 'pool', county, fiscalYear: 2024, shares: channelShares } },
    },
    { type: 'PoolFundingReturned', data: { county, fiscalYear: 2024, fundingId, reductionId, amount, shares: channelShares, returnedOn: on } },
  ];
}

export const disbursed = (projectId: string, disbursementId: string, fundingId: string, amount: string, paidOn = '2024-05-01'): LedgerEvent => ({
  type: 'FundsDisbursed',
  data: { projectId, disbursementId, fundingId, amount, payee: { kind: 'unit', name: '乡城县路桥工程有限公司' }, voucherNo: `付-${disbursementId}`, paidOn, purpose: '工程进度款' },
});

export const disbursementReversed = (projectId: string, reversalId: string, disbursementId: string, fundingId: string, amount: string, reversedOn = '2024-05-10'): LedgerEvent => ({
  type: 'DisbursementReversed',
  data: { projectId, reversalId, disbursementId, fundingId, amount, reason: '金额录入错误', voucherNo: `红-${reversalId}`, reversedOn },
});

export const reimbursed = (projectId: string, reimbursementId: string, disbursementId: string, amount: string, reimbursedOn = '2024-06-01'): LedgerEvent => ({
  type: 'DisbursementReimbursed',
  data: { projectId, reimbursementId, disbursementId, amount, reimbursedOn, voucherNo: `报-${reimbursementId}` },
});

/** A deposit of a micro_credit allocation into the risk fund: the allocation's assignment and the fund's deposit. */
export function riskFundDeposit(depositId: string, allocationId: string, amount: string, on = '2024-03-15'): LedgerEvent[] {
  return [
    { type: 'FundsAssigned', data: { allocationId, assignmentId: depositId, target: { kind: 'risk_fund' }, amount, assignedOn: on } },
    { type: 'RiskFundDeposited', data: { county, depositId, allocationId, amount, depositedOn: on } },
  ];
}

export const loanIssued = (loanId: string, amount: string, issuedOn = '2024-04-01', villageCode = villageA): LedgerEvent => ({
  type: 'LoanIssued',
  data: {
    loanId,
    householdRef: `hh-${loanId}`,
    borrowerBirthYear: 1980,
    villageCode,
    bank: '乡城县农村信用联社',
    amount,
    termMonths: 12,
    annualRate: '0.0345',
    issuedOn,
    purpose: '牦牛养殖',
    regionCodeEdition: '2023',
  },
});

export const loanRepaid = (loanId: string, repaymentId: string, amount: string, repaidOn = '2024-10-01'): LedgerEvent => ({
  type: 'LoanRepaid',
  data: { loanId, repaymentId, amount, repaidOn },
});

export const loanOverdue = (loanId: string, on = '2025-04-02'): LedgerEvent => ({ type: 'LoanMarkedOverdue', data: { loanId, on } });

export const loanRenewed = (loanId: string, renewalId: string, amount: string, renewedOn = '2025-03-20'): LedgerEvent => ({
  type: 'LoanRenewed',
  data: { loanId, renewalId, amount, termMonths: 12, annualRate: '0.0310', renewedOn },
});

/** A compensated loss: the loan's side and the fund's payment (riskFundPart = 80%). */
export function loanCompensated(loanId: string, compensationId: string, loss: string, riskFundPart: string, bankPart: string, on = '2025-08-01'): LedgerEvent[] {
  return [
    { type: 'LoanCompensated', data: { loanId, compensationId, county, lossAmount: loss, riskFundPart, bankPart, compensatedOn: on } },
    { type: 'RiskFundCompensationPaid', data: { county, compensationId, loanId, amount: riskFundPart, paidOn: on } },
  ];
}

export function noticePublished(noticeId: string, subject: NoticeSubject, publishedOn: string, level: 'county' | 'township' | 'village' = 'county', regionCode = county): LedgerEvent {
  return {
    type: 'NoticePublished',
    data: { noticeId, level, regionCode, subject, channel: level === 'county' ? 'web' : 'board', publishedOn, postedUntil: '2030-12-31', regionCodeEdition: '2023' },
  };
}

export const voucherUsed = (voucherNo: string, sequence: number): LedgerEvent => ({
  type: 'VoucherNumberUsed',
  data: { county, fiscalYear: 2024, voucherNo, kind: 'receipt', referenceId: `ref-${sequence}`, stream: 'allocation-a', date: '2024-03-01', sequence },
});

/** Events as the store would record them: consecutive positions from `from`, a second apart. */
export function recordedFrom(from: bigint, events: readonly LedgerEvent[]): RecordedEvent[] {
  return events.map((event, index) => {
    const position = from + BigInt(index);
    return {
      eventId: `00000000-0000-7000-8000-${position.toString().padStart(12, '0')}`,
      stream: 'test-stream',
      revision: position - 1n,
      position,
      type: event.type,
      schemaVersion: 1,
      data: event.data as unknown as RecordedEvent['data'],
      metadata: {},
      recordedAt: new Date(Date.UTC(2024, 0, 1) + Number(position) * 1000),
      leafHash: Buffer.alloc(32),
    };
  });
}
