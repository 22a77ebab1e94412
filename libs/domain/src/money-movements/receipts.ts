import type { ReceiveFunds, ReverseReceipt } from '../allocation/allocation.commands';
import { decideAllocationMoney, requireAllocation } from '../allocation/allocation.decider';
import type { AllocationEvent } from '../allocation/allocation.events';
import type { Allocation, AllocationState } from '../allocation/allocation.state';
import type { PoolCommand } from '../pool/pool.commands';
import { poolDecider } from '../pool/pool.decider';
import type { PoolState } from '../pool/pool.state';
import { streamDecision, type StreamDecision } from '../shared/stream-decision';
import { streams } from '../streams';
import type { VoucherBookState } from '../voucher-book/voucher-book.decider';
import type { VoucherKind } from '../voucher-book/voucher-book.events';
import { postVoucher, single } from './postings';

/**
 * The streams a receipt touches: the allocation, its county's pool for the allocation's year (only
 * written for integrated funds) and the county's voucher book for the voucher's year. The handler
 * loads the allocation first, to learn the county and year of the other two.
 */
export interface ReceiptStates {
  readonly allocation: AllocationState;
  readonly pool: PoolState;
  readonly voucherBook: VoucherBookState;
}

/** 到位: the allocation records the receipt, integrated money flows on into the pool, the voucher is posted. */
export function decideFundsReceipt(command: ReceiveFunds, states: ReceiptStates): StreamDecision {
  const allocation = requireAllocation(states.allocation);
  const events = decideAllocationMoney(command, allocation);
  const { receiptId, voucherNo, receivedOn } = single(events, 'FundsReceived').data;
  return withPoolAndVoucher(allocation, events, states, { voucherNo, kind: 'receipt', referenceId: receiptId, date: receivedOn });
}

/** 红字冲销 of a receipt; pooled money leaves the pool in the same write, as far as the pool has not spent it. */
export function decideReceiptReversal(command: ReverseReceipt, states: ReceiptStates): StreamDecision {
  const allocation = requireAllocation(states.allocation);
  const events = decideAllocationMoney(command, allocation);
  const { reversalId, voucherNo, reversedOn } = single(events, 'ReceiptReversed').data;
  return withPoolAndVoucher(allocation, events, states, { voucherNo, kind: 'receipt_reversal', referenceId: reversalId, date: reversedOn });
}

/** The pool's side of what the allocation decided: money handed to the pool or taken back out of it. */
function poolCommandFor(event: AllocationEvent): PoolCommand[] {
  if (event.type === 'FundsPooled') return [{ type: 'PoolChannelFunds', data: event.data }];
  if (event.type === 'FundsUnpooled') return [{ type: 'UnpoolChannelFunds', data: event.data }];
  return [];
}

function withPoolAndVoucher(
  allocation: Allocation,
  events: AllocationEvent[],
  states: ReceiptStates,
  voucher: { voucherNo: string; kind: VoucherKind; referenceId: string; date: string },
): StreamDecision {
  const stream = streams.allocation(allocation.allocationId);
  const poolEvents = events.flatMap(poolCommandFor).flatMap((command) => poolDecider.decide(command, states.pool));
  return streamDecision(
    { stream, events },
    { stream: streams.pool(allocation.county, allocation.fiscalYear), events: poolEvents },
    postVoucher(states.voucherBook, allocation.county, { ...voucher, stream }),
  );
}
