import { LedgerCommand } from '../commands/ledger-command';
import type { AllocateFundsBody, CarryOverBody, ClawBackBody, ReceiveFundsBody, ReduceAllocationBody, ReverseReceiptBody } from './allocation.dto';

type AllocationPath = { allocationId: string };

export class AllocateFundsCommand extends LedgerCommand<AllocateFundsBody> {}
export class ReceiveFundsCommand extends LedgerCommand<ReceiveFundsBody, AllocationPath> {}
export class ReverseReceiptCommand extends LedgerCommand<ReverseReceiptBody, { receiptId: string }> {}
export class ReduceAllocationCommand extends LedgerCommand<ReduceAllocationBody, AllocationPath> {}
export class CarryOverFundsCommand extends LedgerCommand<CarryOverBody, AllocationPath> {}
export class ClawBackFundsCommand extends LedgerCommand<ClawBackBody, AllocationPath> {}
