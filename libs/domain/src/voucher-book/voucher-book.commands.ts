import type { VoucherKind } from './voucher-book.events';

/** Issued by the money movements, never on its own: the number is taken in the same write as the fact. */
export type UseVoucherNumber = {
  type: 'UseVoucherNumber';
  data: {
    county: string;
    fiscalYear: number;
    voucherNo: string;
    kind: VoucherKind;
    referenceId: string;
    stream: string;
    date: string;
  };
};

export type VoucherBookCommand = UseVoucherNumber;
