export * from './voucher-book.events';
export * from './voucher-book.commands';
export { voucherBookDecider, type VoucherBookState } from './voucher-book.decider';
export { voucherNumber, voucherNoLengthMax } from './voucher-number';
