import { streamDecisionSpec } from '../../testing';
import {
  allocationOf,
  channelPooled,
  county,
  fundsAllocated,
  fundsPooled,
  fundsReceived,
  integratedAllocated,
  poolFundingDrawn,
  poolOf,
  voucherBookOf,
  voucherUsed,
} from '../../testing/money-fixtures';
import type { ReceiveFunds, ReverseReceipt } from '../allocation/allocation.commands';
import type { AllocationEvent } from '../allocation/allocation.events';
import type { PoolEvent } from '../pool/pool.events';
import { streams } from '../streams';
import type { VoucherBookEvent } from '../voucher-book/voucher-book.events';
import { decideFundsReceipt, decideReceiptReversal } from './receipts';

const receive = (amount: string, receivedOn = '2024-03-01'): ReceiveFunds => ({
  type: 'ReceiveFunds',
  data: { allocationId: 'a-1', receiptId: 'rc-1', amount, receivedOn, voucherNo: '收-rc-1' },
});
const reverse = (amount: string): ReverseReceipt => ({
  type: 'ReverseReceipt',
  data: { allocationId: 'a-1', reversalId: 'rv-1', receiptId: 'rc-1', amount, reason: '重复入账', voucherNo: '红-rv-1', reversedOn: '2024-03-05' },
});
const states = (allocation: AllocationEvent[], pool: PoolEvent[] = [], book: VoucherBookEvent[] = []) => ({
  allocation: allocationOf(...allocation),
  pool: poolOf(...pool),
  voucherBook: voucherBookOf(...book),
});
const voucher = (voucherNo: string, kind: 'receipt' | 'receipt_reversal', referenceId: string, date: string): VoucherBookEvent => ({
  type: 'VoucherNumberUsed',
  data: { county, fiscalYear: Number(date.slice(0, 4)), voucherNo, kind, referenceId, stream: 'allocation-a-1', date, sequence: 1 },
});
const book = (year: number) => streams.voucherBook(county, year);

describe('receiving funds on a special allocation', () => {
  const { given } = streamDecisionSpec(decideFundsReceipt);

  it('records the receipt and takes its voucher number in the county book, in one decision', () => {
    given(states([fundsAllocated()]))
      .when(receive('60'))
      .then({
        'allocation-a-1': [fundsReceived('60.00')],
        [book(2024)]: [voucher('收-rc-1', 'receipt', 'rc-1', '2024-03-01')],
      });
  });

  it('posts the voucher in the book of the year of its date', () => {
    const late = { ...fundsReceived('60.00'), data: { ...fundsReceived('60.00').data, receivedOn: '2025-01-10' } } as AllocationEvent;
    given(states([fundsAllocated()]))
      .when(receive('60', '2025-01-10'))
      .then({ 'allocation-a-1': [late], [book(2025)]: [voucher('收-rc-1', 'receipt', 'rc-1', '2025-01-10')] });
  });

  it('refuses a voucher number the county used before, and writes nothing', () => {
    given(states([fundsAllocated()], [], [voucherUsed('收-rc-1', 'disbursement', 1, '2024-02-01')]))
      .when(receive('60'))
      .thenThrows('VOUCHER.DUPLICATE');
  });

  it('refuses a receipt above the allocation before any voucher is taken', () => {
    given(states([fundsAllocated()])).when(receive('100.01')).thenThrows('ALLOCATION.RECEIPT_EXCEEDS_ALLOCATED');
  });

  it('refuses a receipt on an allocation that does not exist', () => {
    given(states([])).when(receive('1')).thenThrows('ALLOCATION.NOT_FOUND');
  });
});

describe('receiving funds on an integrated allocation', () => {
  const { given } = streamDecisionSpec(decideFundsReceipt);

  it('pools the money for the county and year in the same write', () => {
    given(states([integratedAllocated('a-1', '100.00')]))
      .when(receive('60'))
      .then({
        'allocation-a-1': [fundsReceived('60.00'), fundsPooled('60.00')],
        'pool-513336-2024': [channelPooled('a-1', '60.00')],
        [book(2024)]: [voucher('收-rc-1', 'receipt', 'rc-1', '2024-03-01')],
      });
  });
});

describe('reversing a receipt', () => {
  const { given } = streamDecisionSpec(decideReceiptReversal);
  const reversed: AllocationEvent = {
    type: 'ReceiptReversed',
    data: { allocationId: 'a-1', reversalId: 'rv-1', receiptId: 'rc-1', amount: '10.00', reason: '重复入账', voucherNo: '红-rv-1', reversedOn: '2024-03-05' },
  };

  it('records the red-letter reversal under its own voucher number', () => {
    given(states([fundsAllocated(), fundsReceived('60.00')]))
      .when(reverse('10'))
      .then({ 'allocation-a-1': [reversed], [book(2024)]: [voucher('红-rv-1', 'receipt_reversal', 'rv-1', '2024-03-05')] });
  });

  describe('of integrated money with 50.00 of the 60.00 pooled drawn for a project', () => {
    const allocation = [integratedAllocated('a-1', '100.00'), fundsReceived('60.00'), fundsPooled('60.00')];
    const pool = [channelPooled('a-1', '60.00'), poolFundingDrawn('50.00', [['a-1', '50.00']])];

    it('takes the 10.00 undrawn back out of the pool', () => {
      given(states(allocation, pool))
        .when(reverse('10'))
        .then({
          'allocation-a-1': [
            { type: 'FundsUnpooled', data: { allocationId: 'a-1', reversalId: 'rv-1', county, fiscalYear: 2024, amount: '10.00', unpooledOn: '2024-03-05' } },
            reversed,
          ],
          'pool-513336-2024': [
            { type: 'ChannelFundsUnpooled', data: { county, fiscalYear: 2024, allocationId: 'a-1', reversalId: 'rv-1', amount: '10.00', unpooledOn: '2024-03-05' } },
          ],
          [book(2024)]: [voucher('红-rv-1', 'receipt_reversal', 'rv-1', '2024-03-05')],
        });
    });

    it('refuses to reverse 10.01: that money is funding a project', () => {
      given(states(allocation, pool)).when(reverse('10.01')).thenThrows('RECEIPT.REVERSAL_EXCEEDS_UNASSIGNED');
    });
  });
});
