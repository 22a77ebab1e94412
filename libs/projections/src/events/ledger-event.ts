import {
  InvariantViolation,
  type AllocationEvent,
  type LoanEvent,
  type NoticeEvent,
  type PoolEvent,
  type ProjectEvent,
  type RectificationEvent,
  type RiskFundEvent,
  type VoucherBookEvent,
  type WarningEvent,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

/** Every event the domain records: what the projections read from the global log. */
export type LedgerEvent =
  | AllocationEvent
  | PoolEvent
  | ProjectEvent
  | VoucherBookEvent
  | LoanEvent
  | RiskFundEvent
  | NoticeEvent
  | RectificationEvent
  | WarningEvent;

export type LedgerEventType = LedgerEvent['type'];

/** Exhaustive by type: a new domain event that is not listed here is a compile error. */
const ledgerEventTypeSet: Readonly<Record<LedgerEventType, true>> = {
  FundsAllocated: true,
  FundsReceived: true,
  ReceiptReversed: true,
  AllocationReduced: true,
  FundsPooled: true,
  FundsUnpooled: true,
  FundsAssigned: true,
  AssignmentReturned: true,
  FundsCarriedOver: true,
  FundsClawedBack: true,
  ChannelFundsPooled: true,
  ChannelFundsUnpooled: true,
  PoolFundingDrawn: true,
  PoolFundingReturned: true,
  ProjectListed: true,
  ProjectApproved: true,
  ProjectAmended: true,
  ProjectStarted: true,
  ProjectCompleted: true,
  ProjectAccepted: true,
  AssetRegistered: true,
  ProjectFunded: true,
  FundingReduced: true,
  FundsDisbursed: true,
  DisbursementReversed: true,
  DisbursementReimbursed: true,
  VoucherNumberUsed: true,
  LoanIssued: true,
  LoanRepaid: true,
  LoanMarkedOverdue: true,
  LoanRenewed: true,
  LoanExtended: true,
  LoanCompensated: true,
  RiskFundDeposited: true,
  RiskFundCompensationPaid: true,
  NoticePublished: true,
  NoticeWithdrawn: true,
  RectificationOpened: true,
  RectificationTaskClosed: true,
  RectificationClosed: true,
  RectificationReopened: true,
  WarningAcknowledged: true,
  WarningResolved: true,
};

export const ledgerEventTypes: readonly LedgerEventType[] = Object.keys(ledgerEventTypeSet) as LedgerEventType[];

export function isLedgerEventType(type: string): type is LedgerEventType {
  return Object.prototype.hasOwnProperty.call(ledgerEventTypeSet, type);
}

/** The shape version of every ledger event the projections understand. */
export const ledgerSchemaVersion = 1;

/** Where an event sits in the log: what a projection may record beside its rows. */
export interface LogPlace {
  readonly position: bigint;
  readonly recordedAt: Date;
}

/**
 * The domain event inside a recorded envelope. An event type the projections do not know, or a
 * shape version they cannot read, stops the projection loudly: publishing figures that silently
 * left out a kind of fact would be worse than publishing none. Types that other components
 * append to the log and that carry no ledger fact are named in `ignoredTypes` and yield null.
 */
export function decodeLedgerEvent(recorded: RecordedEvent, ignoredTypes: ReadonlySet<string>): LedgerEvent | null {
  if (!isLedgerEventType(recorded.type)) {
    if (ignoredTypes.has(recorded.type)) return null;
    throw new InvariantViolation(`position ${recorded.position}: event type ${recorded.type} is unknown to the projections`);
  }
  if (recorded.schemaVersion !== ledgerSchemaVersion) {
    throw new InvariantViolation(`position ${recorded.position}: ${recorded.type} schema version ${recorded.schemaVersion} is not ${ledgerSchemaVersion}`);
  }
  const data = recorded.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvariantViolation(`position ${recorded.position}: ${recorded.type} has no data object`);
  }
  return { type: recorded.type, data } as unknown as LedgerEvent;
}
