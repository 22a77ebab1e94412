import type { AssignmentTarget } from './allocation.events';

/**
 * Commands on one allocation. Field types are the HTTP contract; `decide` re-validates every value.
 * Receiving and reversing receipts, assigning and returning funds are issued through the money
 * movements (they also write the voucher book, the pool or a project), never on their own.
 */
export type AllocateFunds = {
  type: 'AllocateFunds';
  data: {
    allocationId: string;
    county: string;
    fundType: string;
    sourceLevel: string;
    fiscalYear: number;
    amount: string;
    documentNo: string;
    allocatedOn: string;
    partner?: string;
    originalChannel?: string;
  };
};

export type ReceiveFunds = {
  type: 'ReceiveFunds';
  data: { allocationId: string; receiptId: string; amount: string; receivedOn: string; voucherNo: string };
};

export type ReverseReceipt = {
  type: 'ReverseReceipt';
  data: { allocationId: string; reversalId: string; receiptId: string; amount: string; reason: string; voucherNo: string; reversedOn: string };
};

export type ReduceAllocation = {
  type: 'ReduceAllocation';
  data: { allocationId: string; reductionId: string; amount: string; documentNo: string; reason: string; reducedOn: string };
};

export type AssignFunds = {
  type: 'AssignFunds';
  data: { allocationId: string; assignmentId: string; target: AssignmentTarget; amount: string; assignedOn: string };
};

export type ReturnAssignment = {
  type: 'ReturnAssignment';
  data: { allocationId: string; assignmentId: string; reductionId: string; amount: string; returnedOn: string };
};

export type CarryOverFunds = {
  type: 'CarryOverFunds';
  data: { allocationId: string; carryOverId: string; amount: string; toFiscalYear: number; documentNo: string; reason: string; carriedOverOn: string };
};

export type ClawBackFunds = {
  type: 'ClawBackFunds';
  data: { allocationId: string; clawBackId: string; amount: string; documentNo: string; reason: string; clawedBackOn: string };
};

export type AllocationCommand =
  | AllocateFunds
  | ReceiveFunds
  | ReverseReceipt
  | ReduceAllocation
  | AssignFunds
  | ReturnAssignment
  | CarryOverFunds
  | ClawBackFunds;
