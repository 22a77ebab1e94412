import type { DomainEvent } from '../shared/decider';
import type { FiscalYear, FundType, SourceLevel } from '../shared/reference-data';

/** Where assigned money went: a project's funding line, or the county's micro-credit risk fund. */
export type AssignmentTarget = { kind: 'project'; projectId: string } | { kind: 'risk_fund' };

/**
 * 资金下达: an amount of a fund type issued to a county under a budget-indicator document.
 * `partner` (the assisting region or unit) is required for paired assistance, and
 * `originalChannel` (the fund the money was integrated from) for integrated funds.
 */
export type FundsAllocated = DomainEvent<
  'FundsAllocated',
  {
    allocationId: string;
    county: string;
    fundType: FundType;
    sourceLevel: SourceLevel;
    fiscalYear: FiscalYear;
    amount: string;
    documentNo: string;
    allocatedOn: string;
    partner?: string;
    originalChannel?: string;
    regionCodeEdition: string;
  }
>;

/** 到位: the county treasury confirms that money arrived, against a voucher. */
export type FundsReceived = DomainEvent<
  'FundsReceived',
  { allocationId: string; receiptId: string; amount: string; receivedOn: string; voucherNo: string }
>;

/** A red-letter reversal of (part of) a receipt, under a voucher of its own. */
export type ReceiptReversed = DomainEvent<
  'ReceiptReversed',
  { allocationId: string; reversalId: string; receiptId: string; amount: string; reason: string; voucherNo: string; reversedOn: string }
>;

/** 调减 / 收回 of the unreceived part of an allocation; `withdrawn` when nothing is left allocated. */
export type AllocationReduced = DomainEvent<
  'AllocationReduced',
  { allocationId: string; reductionId: string; amount: string; documentNo: string; reason: string; reducedOn: string; withdrawn: boolean }
>;

/** Received money of an integrated allocation handed to the county's pool for the fiscal year. */
export type FundsPooled = DomainEvent<
  'FundsPooled',
  { allocationId: string; receiptId: string; county: string; fiscalYear: FiscalYear; amount: string; pooledOn: string }
>;

/** Pooled money taken back out of the pool because its receipt was reversed. */
export type FundsUnpooled = DomainEvent<
  'FundsUnpooled',
  { allocationId: string; reversalId: string; county: string; fiscalYear: FiscalYear; amount: string; unpooledOn: string }
>;

/** Received money assigned to a target; for a project `assignmentId` is the funding line's id. */
export type FundsAssigned = DomainEvent<
  'FundsAssigned',
  { allocationId: string; assignmentId: string; target: AssignmentTarget; amount: string; assignedOn: string }
>;

/** Assigned money that came back (a funding line reduced), available to assign again. */
export type AssignmentReturned = DomainEvent<
  'AssignmentReturned',
  { allocationId: string; assignmentId: string; reductionId: string; amount: string; returnedOn: string }
>;

/** 结转: unassigned money continuing, for its original purpose, into a later fiscal year. */
export type FundsCarriedOver = DomainEvent<
  'FundsCarriedOver',
  { allocationId: string; carryOverId: string; amount: string; toFiscalYear: FiscalYear; documentNo: string; reason: string; carriedOverOn: string }
>;

/** 收回: unassigned money returned to the level that issued it. */
export type FundsClawedBack = DomainEvent<
  'FundsClawedBack',
  { allocationId: string; clawBackId: string; amount: string; documentNo: string; reason: string; clawedBackOn: string }
>;

export type AllocationEvent =
  | FundsAllocated
  | FundsReceived
  | ReceiptReversed
  | AllocationReduced
  | FundsPooled
  | FundsUnpooled
  | FundsAssigned
  | AssignmentReturned
  | FundsCarriedOver
  | FundsClawedBack;
