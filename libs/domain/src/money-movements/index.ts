export * from './money-movements.commands';
export * from './money-events';
export { voucherBookStream } from './postings';
export { decideFundsReceipt, decideReceiptReversal, type ReceiptStates } from './receipts';
export { decideProjectFunding, decideFundingReduction, decideFundingMove, type FundingSourceState, type FundingStates } from './project-funding';
export { decideDisbursement, decideDisbursementReversal, decideReimbursement, type PaymentStates } from './payments';
