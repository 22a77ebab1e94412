import type { DomainEvent } from '../shared/decider';

/** The kinds of posted voucher the book records: every money fact that the treasury posts. */
export const voucherKinds = ['receipt', 'receipt_reversal', 'disbursement', 'disbursement_reversal', 'reimbursement'] as const;
export type VoucherKind = (typeof voucherKinds)[number];

/**
 * A voucher number taken in a county's book for a year (the year of the voucher's date).
 * `sequence` is the 1-based posting order within the book and `date` the voucher's own date, so
 * that a later warning rule can find out-of-order numbers, gaps and backward dating by reading
 * this one stream; `stream` and `referenceId` lead from the number to the fact it posted.
 */
export type VoucherNumberUsed = DomainEvent<
  'VoucherNumberUsed',
  {
    county: string;
    fiscalYear: number;
    voucherNo: string;
    kind: VoucherKind;
    referenceId: string;
    stream: string;
    date: string;
    sequence: number;
  }
>;

export type VoucherBookEvent = VoucherNumberUsed;
