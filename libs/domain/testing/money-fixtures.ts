import type { AllocationEvent, FundsAllocated } from '../src/allocation/allocation.events';
import { evolveAllocation, initialAllocationState, type AllocationState } from '../src/allocation/allocation.state';
import type { PoolEvent } from '../src/pool/pool.events';
import { evolvePool, initialPoolState, type PoolState } from '../src/pool/pool.state';
import type { ListProject } from '../src/project/project.commands';
import type { FundingSource, ProjectEvent, ProjectListed } from '../src/project/project.events';
import { evolveProject, initialProjectState, type ProjectState } from '../src/project/project.state';
import { fold } from '../src/shared/decider';
import { voucherBookDecider, type VoucherBookState } from '../src/voucher-book/voucher-book.decider';
import type { VoucherBookEvent, VoucherKind } from '../src/voucher-book/voucher-book.events';

/**
 * Facts for the money specs, in 乡城县 (513336, seed 000): allocations of fiscal year 2024, a
 * project in one of its villages. Builders take the few values a spec varies; the rest is fixed.
 */
export const county = '513336';
export const village = '513336100201';
export const year = 2024;

type Data<C extends { data: object }> = C['data'];

export function fundsAllocated(overrides: Partial<FundsAllocated['data']> = {}): FundsAllocated {
  return {
    type: 'FundsAllocated',
    data: {
      allocationId: 'a-1',
      county,
      fundType: 'special',
      sourceLevel: 'central',
      fiscalYear: year,
      amount: '100.00',
      documentNo: '川财农〔2024〕12号',
      allocatedOn: '2024-02-01',
      regionCodeEdition: '2023',
      ...overrides,
    },
  };
}

export const integratedAllocated = (allocationId: string, amount: string): FundsAllocated =>
  fundsAllocated({ allocationId, amount, fundType: 'integrated', originalChannel: '农业生产发展资金' });

export const fundsReceived = (amount: string, receiptId = 'rc-1', allocationId = 'a-1'): AllocationEvent => ({
  type: 'FundsReceived',
  data: { allocationId, receiptId, amount, receivedOn: '2024-03-01', voucherNo: `收-${receiptId}` },
});

export const fundsPooled = (amount: string, receiptId = 'rc-1', allocationId = 'a-1'): AllocationEvent => ({
  type: 'FundsPooled',
  data: { allocationId, receiptId, county, fiscalYear: year, amount, pooledOn: '2024-03-01' },
});

export const fundsAssigned = (amount: string, assignmentId = 'f-1', projectId = 'p-1', assignedOn = '2024-04-01'): AllocationEvent => ({
  type: 'FundsAssigned',
  data: { allocationId: 'a-1', assignmentId, target: { kind: 'project', projectId }, amount, assignedOn },
});

export const channelPooled = (allocationId: string, amount: string, receiptId = 'rc-1'): PoolEvent => ({
  type: 'ChannelFundsPooled',
  data: { county, fiscalYear: year, allocationId, receiptId, amount, pooledOn: '2024-03-01' },
});

export const poolFundingDrawn = (amount: string, shares: [string, string][], fundingId = 'f-1', projectId = 'p-1'): PoolEvent => ({
  type: 'PoolFundingDrawn',
  data: { county, fiscalYear: year, fundingId, projectId, amount, shares: sharesOf(shares), drawnOn: '2024-04-01' },
});

export function sharesOf(shares: [string, string][]) {
  return shares.map(([allocationId, amount]) => ({ allocationId, amount }));
}

export function listProject(overrides: Partial<Data<ListProject>> = {}): ListProject {
  return {
    type: 'ListProject',
    data: {
      projectId: 'p-1',
      name: '仲德村道路硬化工程',
      category: 'infrastructure',
      villageCode: village,
      fiscalYear: year,
      plannedInvestment: '200.00',
      implementingUnit: '乡城县交通运输局',
      performanceTargets: ['硬化村道 3 公里', '受益农户 120 户'],
      povertyLinkage: '务工带动脱贫户增收',
      householdLevel: false,
      listedOn: '2024-01-10',
      ...overrides,
    },
  };
}

export function projectListed(overrides: Partial<Data<ListProject>> = {}): ProjectListed {
  const { category, ...data } = listProject(overrides).data;
  return { type: 'ProjectListed', data: { ...data, category: category as ProjectListed['data']['category'], county, regionCodeEdition: '2023' } };
}

export const projectApproved = (approvedOn = '2024-02-01', projectId = 'p-1'): ProjectEvent => ({
  type: 'ProjectApproved',
  data: { projectId, approvedOn, documentNo: '乡府发〔2024〕3号' },
});

export const fromAllocation = (allocationId = 'a-1'): FundingSource => ({ kind: 'allocation', allocationId });

export const projectFunded = (amount: string, fundingId = 'f-1', source: FundingSource = fromAllocation(), projectId = 'p-1'): ProjectEvent => ({
  type: 'ProjectFunded',
  data: { projectId, fundingId, source, amount, fundedOn: '2024-04-01' },
});

export const fundsDisbursed = (amount: string, disbursementId = 'd-1', fundingId = 'f-1'): ProjectEvent => ({
  type: 'FundsDisbursed',
  data: {
    projectId: 'p-1',
    disbursementId,
    fundingId,
    amount,
    payee: { kind: 'unit', name: '乡城县路桥工程有限公司' },
    voucherNo: `付-${disbursementId}`,
    paidOn: '2024-05-01',
    purpose: '工程进度款',
  },
});

export const disbursementReversed = (amount: string, reversalId = 'r-1', disbursementId = 'd-1', fundingId = 'f-1'): ProjectEvent => ({
  type: 'DisbursementReversed',
  data: { projectId: 'p-1', reversalId, disbursementId, fundingId, amount, reason: '金额录入错误', voucherNo: `红-${reversalId}`, reversedOn: '2024-05-10' },
});

/** An approved project in the county's village, funded from allocation a-1 with `funded` (none when omitted). */
export function fundedProject(funded?: string): ProjectEvent[] {
  return [projectListed(), projectApproved(), ...(funded ? [projectFunded(funded)] : [])];
}

export function voucherUsed(voucherNo: string, kind: VoucherKind = 'disbursement', sequence = 1, date = '2024-05-01'): VoucherBookEvent {
  return {
    type: 'VoucherNumberUsed',
    data: { county, fiscalYear: Number(date.slice(0, 4)), voucherNo, kind, referenceId: `ref-${sequence}`, stream: 'project-p-0', date, sequence },
  };
}

export const allocationOf = (...events: AllocationEvent[]): AllocationState => fold({ initialState: initialAllocationState, evolve: evolveAllocation }, events);
export const poolOf = (...events: PoolEvent[]): PoolState => fold({ initialState: initialPoolState, evolve: evolvePool }, events);
export const projectOf = (...events: ProjectEvent[]): ProjectState => fold({ initialState: initialProjectState, evolve: evolveProject }, events);
export const voucherBookOf = (...events: VoucherBookEvent[]): VoucherBookState => fold(voucherBookDecider, events);
