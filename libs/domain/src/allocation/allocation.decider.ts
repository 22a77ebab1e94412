import { businessDate } from '../shared/business-date';
import { assertNever, type Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import type { ErrorCode } from '../shared/error-codes';
import type { LocalRules } from '../shared/local-rules';
import { Money } from '../shared/money';
import { refuseAbove } from '../shared/money-limit';
import { assertNoPersonalData } from '../shared/personal-data';
import { entityId, fiscalYear, fundType, requiredText, sourceLevel } from '../shared/reference-data';
import { RegionCode, regionCodeEdition } from '../shared/region-code';
import { voucherNumber } from '../voucher-book/voucher-number';
import type {
  AllocateFunds,
  AllocationCommand,
  AssignFunds,
  CarryOverFunds,
  ClawBackFunds,
  ReceiveFunds,
  ReduceAllocation,
  ReturnAssignment,
  ReverseReceipt,
} from './allocation.commands';
import type { AllocationEvent, AssignmentTarget } from './allocation.events';
import { evolveAllocation, initialAllocationState, unassigned, type Allocation, type AllocationState } from './allocation.state';

/** Fund types whose money reaches its use other than by direct project funding. */
const pooledFundType = 'integrated';
const riskFundFundType = 'micro_credit';

/** The allocation boundary (`allocation-{id}`); fund types come from the province's LocalRules. */
export function allocationDecider(rules: LocalRules): Decider<AllocationCommand, AllocationEvent, AllocationState> {
  return {
    initialState: initialAllocationState,
    evolve: evolveAllocation,
    decide: (command, state) => (command.type === 'AllocateFunds' ? [allocateFunds(command, state, rules)] : decideAllocationMoney(command, state)),
  };
}

/** Commands that move money on an existing allocation; none depends on local rules, so the money movements call this directly. */
export type AllocationMoneyCommand = Exclude<AllocationCommand, AllocateFunds>;

export function decideAllocationMoney(command: AllocationMoneyCommand, state: AllocationState): AllocationEvent[] {
  switch (command.type) {
    case 'ReceiveFunds':
      return receiveFunds(command, requireOpen(state));
    case 'ReverseReceipt':
      return reverseReceipt(command, requireAllocation(state));
    case 'ReduceAllocation':
      return [reduceAllocation(command, requireOpen(state))];
    case 'AssignFunds':
      return [assignFunds(command, requireOpen(state))];
    case 'ReturnAssignment':
      return [returnAssignment(command, requireAllocation(state))];
    case 'CarryOverFunds':
      return [carryOverFunds(command, requireAllocation(state))];
    case 'ClawBackFunds':
      return [clawBackFunds(command, requireAllocation(state))];
    default:
      return assertNever(command, 'allocation command');
  }
}

export function requireAllocation(state: AllocationState): Allocation {
  if (state.status === 'none') refuse('ALLOCATION.NOT_FOUND', 'no such allocation');
  return state;
}

function requireOpen(state: AllocationState): Allocation {
  const allocation = requireAllocation(state);
  if (allocation.status === 'withdrawn') refuse('ALLOCATION.WITHDRAWN', `allocation ${allocation.allocationId} was withdrawn`);
  return allocation;
}

function requireNewFact(allocation: Allocation, factId: unknown, field: string, code: ErrorCode): string {
  const id = entityId(factId, field);
  if (allocation.factIds.has(id)) refuse(code, `${field} ${id} already used in allocation ${allocation.allocationId}`, { [field]: id });
  return id;
}

function allocateFunds({ data }: AllocateFunds, state: AllocationState, rules: LocalRules): AllocationEvent {
  const allocationId = entityId(data.allocationId, 'allocationId');
  if (state.status !== 'none') refuse('ALLOCATION.ALREADY_EXISTS', `allocation ${allocationId} exists`, { allocationId });
  const type = fundType(data.fundType, rules.fundTypes);
  if (type === 'paired_assistance' && data.partner === undefined) {
    refuse('ALLOCATION.PARTNER_REQUIRED', 'paired assistance names its partner region or unit');
  }
  if (type === pooledFundType && data.originalChannel === undefined) {
    refuse('ALLOCATION.CHANNEL_REQUIRED', 'integrated funds name the channel they were integrated from');
  }
  const partner = data.partner === undefined ? undefined : requiredText(data.partner, 'partner');
  const originalChannel = data.originalChannel === undefined ? undefined : requiredText(data.originalChannel, 'originalChannel');
  assertNoPersonalData({ partner, originalChannel });
  return {
    type: 'FundsAllocated',
    data: {
      allocationId,
      county: RegionCode.county(data.county).county(),
      fundType: type,
      sourceLevel: sourceLevel(data.sourceLevel),
      fiscalYear: fiscalYear(data.fiscalYear),
      amount: Money.positive(data.amount).toString(),
      documentNo: requiredText(data.documentNo, 'documentNo'),
      allocatedOn: businessDate(data.allocatedOn, 'allocatedOn'),
      ...(partner === undefined ? {} : { partner }),
      ...(originalChannel === undefined ? {} : { originalChannel }),
      regionCodeEdition,
    },
  };
}

/** A receipt; on an integrated allocation the money goes on into the county's pool in the same decision. */
function receiveFunds({ data }: ReceiveFunds, allocation: Allocation): AllocationEvent[] {
  const receiptId = entityId(data.receiptId, 'receiptId');
  if (allocation.receipts.has(receiptId)) refuse('RECEIPT.ALREADY_EXISTS', `receipt ${receiptId} exists`, { receiptId });
  const amount = Money.positive(data.amount);
  refuseAbove(amount, allocation.allocated.minus(allocation.received), 'ALLOCATION.RECEIPT_EXCEEDS_ALLOCATED', 'unreceived');
  const receivedOn = businessDate(data.receivedOn, 'receivedOn');
  const { allocationId, county, fiscalYear } = allocation;
  const received: AllocationEvent = {
    type: 'FundsReceived',
    data: { allocationId, receiptId, amount: amount.toString(), receivedOn, voucherNo: voucherNumber(data.voucherNo) },
  };
  if (allocation.fundType !== pooledFundType) return [received];
  return [received, { type: 'FundsPooled', data: { allocationId, receiptId, county, fiscalYear, amount: amount.toString(), pooledOn: receivedOn } }];
}

/**
 * A red-letter reversal of a receipt. Money already assigned cannot be un-received, so the
 * reversal is limited to what is unassigned; pooled money is taken back out of the pool, whose
 * own decision limits it to what the pool has not drawn from this channel.
 */
function reverseReceipt({ data }: ReverseReceipt, allocation: Allocation): AllocationEvent[] {
  const reversalId = requireNewFact(allocation, data.reversalId, 'reversalId', 'REVERSAL.ALREADY_EXISTS');
  const receiptId = entityId(data.receiptId, 'receiptId');
  const receipt = allocation.receipts.get(receiptId) ?? refuse('RECEIPT.NOT_FOUND', `no receipt ${receiptId}`, { receiptId });
  const amount = Money.positive(data.amount);
  refuseAbove(amount, receipt.amount.minus(receipt.reversed), 'RECEIPT.REVERSAL_EXCEEDS_REMAINING', 'remaining');
  const pooled = allocation.fundType === pooledFundType;
  if (!pooled) refuseAbove(amount, unassigned(allocation), 'RECEIPT.REVERSAL_EXCEEDS_UNASSIGNED', 'unassigned');
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  const reversedOn = businessDate(data.reversedOn, 'reversedOn');
  const { allocationId, county, fiscalYear } = allocation;
  const reversed: AllocationEvent = {
    type: 'ReceiptReversed',
    data: { allocationId, reversalId, receiptId, amount: amount.toString(), reason, voucherNo: voucherNumber(data.voucherNo), reversedOn },
  };
  if (!pooled) return [reversed];
  // Out of the pool first, so that no moment of the history has more assigned than received.
  return [{ type: 'FundsUnpooled', data: { allocationId, reversalId, county, fiscalYear, amount: amount.toString(), unpooledOn: reversedOn } }, reversed];
}

function reduceAllocation({ data }: ReduceAllocation, allocation: Allocation): AllocationEvent {
  const reductionId = requireNewFact(allocation, data.reductionId, 'reductionId', 'REDUCTION.ALREADY_EXISTS');
  const amount = Money.positive(data.amount);
  refuseAbove(amount, allocation.allocated.minus(allocation.received), 'ALLOCATION.REDUCTION_EXCEEDS_UNRECEIVED', 'unreceived');
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  return {
    type: 'AllocationReduced',
    data: {
      allocationId: allocation.allocationId,
      reductionId,
      amount: amount.toString(),
      documentNo: requiredText(data.documentNo, 'documentNo'),
      reason,
      reducedOn: businessDate(data.reducedOn, 'reducedOn'),
      withdrawn: allocation.allocated.eq(amount),
    },
  };
}

/** Which fund types may fund which target: pooled money only through the pool, micro-credit only the risk fund. */
function assertTargetFits(allocation: Allocation, target: AssignmentTarget): void {
  const fits =
    target.kind === 'risk_fund'
      ? allocation.fundType === riskFundFundType
      : allocation.fundType !== riskFundFundType && allocation.fundType !== pooledFundType;
  if (!fits) {
    refuse('ALLOCATION.WRONG_FUND_TYPE', `${allocation.fundType} funds cannot be assigned to a ${target.kind}`, {
      fundType: allocation.fundType,
      target: target.kind,
    });
  }
}

function assignFunds({ data }: AssignFunds, allocation: Allocation): AllocationEvent {
  const assignmentId = entityId(data.assignmentId, 'assignmentId');
  if (allocation.assignments.has(assignmentId)) refuse('FUNDING.ALREADY_EXISTS', `assignment ${assignmentId} exists`, { assignmentId });
  const target: AssignmentTarget =
    data.target.kind === 'project' ? { kind: 'project', projectId: entityId(data.target.projectId, 'projectId') } : { kind: 'risk_fund' };
  assertTargetFits(allocation, target);
  const amount = Money.positive(data.amount);
  refuseAbove(amount, unassigned(allocation), 'ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE', 'unassigned');
  const assignedOn = businessDate(data.assignedOn, 'assignedOn');
  return { type: 'FundsAssigned', data: { allocationId: allocation.allocationId, assignmentId, target, amount: amount.toString(), assignedOn } };
}

function returnAssignment({ data }: ReturnAssignment, allocation: Allocation): AllocationEvent {
  const assignmentId = entityId(data.assignmentId, 'assignmentId');
  const assignment = allocation.assignments.get(assignmentId) ?? refuse('FUNDING.NOT_FOUND', `no assignment ${assignmentId}`, { assignmentId });
  const reductionId = requireNewFact(allocation, data.reductionId, 'reductionId', 'REDUCTION.ALREADY_EXISTS');
  const amount = Money.positive(data.amount);
  refuseAbove(amount, assignment.amount, 'FUNDING.REDUCTION_EXCEEDS_UNSPENT', 'assigned');
  const returnedOn = businessDate(data.returnedOn, 'returnedOn');
  return {
    type: 'AssignmentReturned',
    data: { allocationId: allocation.allocationId, assignmentId, reductionId, amount: amount.toString(), returnedOn },
  };
}

function carryOverFunds({ data }: CarryOverFunds, allocation: Allocation): AllocationEvent {
  const carryOverId = requireNewFact(allocation, data.carryOverId, 'carryOverId', 'CARRY_OVER.ALREADY_EXISTS');
  const toFiscalYear = fiscalYear(data.toFiscalYear);
  if (toFiscalYear <= allocation.fiscalYear) {
    refuse('FISCAL_YEAR.INVALID', `carry-over goes into a year after ${allocation.fiscalYear}`, { value: toFiscalYear });
  }
  const amount = Money.positive(data.amount);
  // Carried-over money stays unassigned (it keeps its purpose); the same money is carried into a year once.
  const alreadyCarried = allocation.carriedInto.get(toFiscalYear) ?? Money.zero;
  refuseAbove(amount.plus(alreadyCarried), unassigned(allocation), 'ALLOCATION.CARRY_OVER_EXCEEDS_UNASSIGNED', 'unassigned');
  return {
    type: 'FundsCarriedOver',
    data: {
      allocationId: allocation.allocationId,
      carryOverId,
      amount: amount.toString(),
      toFiscalYear,
      documentNo: requiredText(data.documentNo, 'documentNo'),
      reason: requiredText(data.reason, 'reason'),
      carriedOverOn: businessDate(data.carriedOverOn, 'carriedOverOn'),
    },
  };
}

function clawBackFunds({ data }: ClawBackFunds, allocation: Allocation): AllocationEvent {
  const clawBackId = requireNewFact(allocation, data.clawBackId, 'clawBackId', 'CLAW_BACK.ALREADY_EXISTS');
  const amount = Money.positive(data.amount);
  refuseAbove(amount, unassigned(allocation), 'ALLOCATION.CLAW_BACK_EXCEEDS_UNASSIGNED', 'unassigned');
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  return {
    type: 'FundsClawedBack',
    data: {
      allocationId: allocation.allocationId,
      clawBackId,
      amount: amount.toString(),
      documentNo: requiredText(data.documentNo, 'documentNo'),
      reason,
      clawedBackOn: businessDate(data.clawedBackOn, 'clawedBackOn'),
    },
  };
}
